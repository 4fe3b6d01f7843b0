package notify

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// flakyOutbox is the store with marks that fail while fail says so (k
// counts the calls for the id from 1); it keeps the store's PendingReader.
type flakyOutbox struct {
	*store.DB
	fail func(id int64, sent bool, k int) bool

	mu    sync.Mutex
	calls map[int64]int
}

var errBusy = mutasi.Errorf(mutasi.ECONFLICT, "basis data sedang ditulis oleh proses lain")

func (f *flakyOutbox) failing(id int64, sent bool) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls == nil {
		f.calls = make(map[int64]int)
	}
	f.calls[id]++
	return f.fail(id, sent, f.calls[id])
}

func (f *flakyOutbox) MarkSent(ctx context.Context, id int64, at time.Time) error {
	if f.failing(id, true) {
		return errBusy
	}
	return f.DB.MarkSent(ctx, id, at)
}

func (f *flakyOutbox) MarkFailed(ctx context.Context, id int64, errText string, retryAt time.Time, giveUp bool) error {
	if f.failing(id, false) {
		return errBusy
	}
	return f.DB.MarkFailed(ctx, id, errText, retryAt, giveUp)
}

// A message whose MarkSent fails is kept as sent, never sent again, and
// marked when the database takes it; its chat goes on meanwhile.
func TestMarkSentFails(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 1)
		outbox := &flakyOutbox{DB: db, fail: func(id int64, sent bool, k int) bool { return id == ids[0] && k <= 5 }}
		sender := &fakeSender{}
		opt := testOptions()
		opt.Poll = 100 * time.Millisecond // many reads while the mark fails
		t0 := time.Now()
		d := New(outbox, sender, opt)
		r := start(d)
		time.Sleep(10 * time.Second)
		if got := len(sender.attempts()); got != 2 {
			t.Errorf("%d sends while the mark failed, want 2 (each once)", got)
		}
		if n := notification(t, db, ids[1]); n.Status != mutasi.NotificationSent {
			t.Errorf("the chat's next message is %s, want sent", n.Status)
		}
		waitSettled(t, db, time.Hour)
		r.stop(t)
		if got := len(sender.attempts()); got != 2 {
			t.Errorf("%d sends, want 2", got)
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationSent || !n.SentAt.Equal(t0) {
			t.Errorf("stored %s, sent at %v, want sent at %v", n.Status, n.SentAt, t0)
		}
		if outbox.calls[ids[0]] != 6 {
			t.Errorf("MarkSent called %d times, want 6", outbox.calls[ids[0]])
		}
		if got := d.Stats(); got != (Stats{Sent: 2}) {
			t.Errorf("stats %+v", got)
		}
	})
}

// If the mark never lands, the message is sent once by this process; it
// says at the stop that the message will go again after a restart, and it
// does: the duplicate window, widened.
func TestMarkSentNeverLands(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1)
		outbox := &flakyOutbox{DB: db, fail: func(int64, bool, int) bool { return true }}
		sender := &fakeSender{}
		var logs bytes.Buffer
		opt := testOptions()
		opt.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		r := start(New(outbox, sender, opt))
		time.Sleep(time.Hour)
		r.stop(t)
		if got := len(sender.attempts()); got != 1 {
			t.Errorf("%d sends in an hour of failing marks, want 1", got)
		}
		if !strings.Contains(logs.String(), "will be sent again after a restart") || !strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("log at the stop:\n%s", logs.String())
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationPending {
			t.Fatalf("stored %s, want pending", n.Status)
		}

		r = start(New(db, sender, testOptions()))
		waitSettled(t, db, time.Hour)
		r.stop(t)
		if got := len(sender.attempts()); got != 2 {
			t.Errorf("%d sends after the restart, want 2 (one duplicate)", got)
		}
	})
}

// A give-up whose mark fails is marked later; OnGiveUp hears of it once,
// after the mark.
func TestGiveUpMarkFails(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1)
		outbox := &flakyOutbox{DB: db, fail: func(id int64, sent bool, k int) bool { return k <= 2 }}
		sender := &fakeSender{fail: func(*mutasi.Notification, int) error { return ErrUndeliverable }}
		var gave giveUps
		opt := testOptions()
		opt.OnGiveUp = gave.hook(db)
		r := start(New(outbox, sender, opt))
		time.Sleep(time.Hour)
		r.stop(t)
		if got := len(sender.attempts()); got != 1 {
			t.Errorf("%d sends, want 1", got)
		}
		if calls := gave.list(); len(calls) != 1 || calls[0].status != mutasi.NotificationFailed {
			t.Errorf("OnGiveUp calls %+v, want one after the mark", calls)
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationFailed {
			t.Errorf("stored %s, want failed", n.Status)
		}
	})
}

// A failed attempt that the outbox does not record is still retried on
// time by this process.
func TestRetryMarkFails(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1)
		outbox := &flakyOutbox{DB: db, fail: func(id int64, sent bool, k int) bool { return !sent }}
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if k == 1 {
				return errBadGateway
			}
			return nil
		}}
		opt := testOptions()
		opt.Backoff = func(int) time.Duration { return time.Minute }
		t0 := time.Now()
		r := start(New(outbox, sender, opt))
		waitSettled(t, db, time.Hour)
		r.stop(t)
		all := sender.attempts()
		if len(all) != 2 || all[1].at.Sub(t0) != time.Minute {
			t.Errorf("attempts %+v, want two, the second at +1m", all)
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationSent || n.Attempts != 1 {
			t.Errorf("stored %s after %d attempts, want sent after 1 (the failure unrecorded)", n.Status, n.Attempts)
		}
	})
}
