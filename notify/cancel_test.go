package notify

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
)

// blockingSender holds each Send until released, and records whether the
// send's context was cancelled under it.
type blockingSender struct {
	started  chan int64
	release  chan struct{}
	canceled bool
}

func (b *blockingSender) Send(ctx context.Context, n *mutasi.Notification) error {
	b.started <- n.ID
	<-b.release
	b.canceled = ctx.Err() != nil
	return nil
}

// Cancelling Run while a message is in flight lets that send complete and
// be marked, and sends nothing more.
func TestCancelStopsBetweenMessages(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 1, 1)
		sender := &blockingSender{started: make(chan int64, 3), release: make(chan struct{})}
		d := New(db, sender, testOptions())
		r := start(d)
		if id := <-sender.started; id != ids[0] {
			t.Fatalf("first send was %d, want %d", id, ids[0])
		}
		r.cancel()
		synctest.Wait()
		select {
		case <-r.done:
			t.Fatal("Run returned with a send in flight")
		default:
		}
		close(sender.release)
		if err := <-r.done; err != nil {
			t.Errorf("Run returned %v, want nil", err)
		}
		if sender.canceled {
			t.Error("the send in flight saw its context cancelled")
		}
		if len(sender.started) != 0 {
			t.Errorf("%d more sends after the cancel", len(sender.started))
		}
		want := []struct {
			status   mutasi.NotificationStatus
			attempts int
		}{{mutasi.NotificationSent, 1}, {mutasi.NotificationPending, 0}, {mutasi.NotificationPending, 0}}
		for i, id := range ids {
			if n := notification(t, db, id); n.Status != want[i].status || n.Attempts != want[i].attempts {
				t.Errorf("notification %d: %s after %d attempts, want %+v", id, n.Status, n.Attempts, want[i])
			}
		}
		if got := d.Stats(); got != (Stats{Sent: 1}) {
			t.Errorf("stats %+v", got)
		}
	})
}

// Cancellation does not wait for a backoff, a retry_after or a global
// slot: Run returns with the fake clock where it was.
func TestCancelStopsWaiting(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 2, 3, 4)
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			switch n.ID {
			case ids[0]:
				return errBadGateway
			case ids[1]:
				return &RetryAfterError{After: time.Hour}
			}
			return nil
		}}
		// One worker, a slot every 10 min: ids[0] fails at 0 (backoff 1 h),
		// ids[1] gets a 429 at +10 min (1 h), ids[2] waits for the slot at
		// +20 min, ids[3] for the worker.
		opt := testOptions()
		opt.Global, opt.Workers = rate.Every(10*time.Minute), 1
		opt.Backoff = func(int) time.Duration { return time.Hour }
		r := start(New(db, sender, opt))
		time.Sleep(15 * time.Minute)
		t1 := time.Now()
		r.stop(t)
		if waited := time.Since(t1); waited != 0 {
			t.Errorf("Run took %s (fake) to stop, want 0", waited)
		}
		if got := len(sender.attempts()); got != 2 {
			t.Errorf("%d attempts, want 2", got)
		}
		for _, id := range ids[2:] {
			if n := notification(t, db, id); n.Status != mutasi.NotificationPending || n.Attempts != 0 {
				t.Errorf("notification %d: %s after %d attempts, want pending and untried", id, n.Status, n.Attempts)
			}
		}
	})
}
