package notify

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// countingSender counts deliveries per id, in real time, with no network.
type countingSender struct {
	mu    sync.Mutex
	count map[int64]int
	total int
	last  time.Time
	done  chan struct{} // closed when total reaches want
	want  int
}

func (c *countingSender) Send(_ context.Context, n *mutasi.Notification) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count[n.ID]++
	c.total++
	c.last = time.Now()
	if c.total == c.want {
		close(c.done)
	}
	return nil
}

// fanout sends one notification to each of chats different chats with
// opt, in real time, and returns how long from the start to the last
// delivery, having checked that none was lost or doubled.
func fanout(tb testing.TB, opt Options, chats int) time.Duration {
	tb.Helper()
	db := openStore(tb, tb.TempDir())
	defer db.Close()
	list := make([]int64, chats)
	for i := range list {
		list[i] = int64(10_000 + i)
	}
	ids := enqueue(tb, db, list...)
	sender := &countingSender{count: make(map[int64]int), done: make(chan struct{}), want: chats}
	d := New(db, sender, opt)
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	t0 := time.Now()
	go func() { ran <- d.Run(ctx) }()
	select {
	case <-sender.done:
	case <-time.After(10 * time.Minute):
		tb.Errorf("only %d of %d delivered after 10 minutes", d.Stats().Sent, chats)
	}
	// Let the last marks land, then stop.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		left, err := db.PendingAfter(context.Background(), 0, 1)
		if err != nil {
			tb.Fatal(err)
		}
		if len(left) == 0 || time.Now().After(deadline) {
			break
		}
	}
	cancel()
	if err := <-ran; err != nil {
		tb.Errorf("Run: %v", err)
	}

	sender.mu.Lock()
	defer sender.mu.Unlock()
	lost, doubled := 0, 0
	for _, id := range ids {
		switch c := sender.count[id]; {
		case c == 0:
			lost++
		case c > 1:
			doubled++
		}
		if n := notification(tb, db, id); n.Status != mutasi.NotificationSent {
			tb.Errorf("notification %d is %s", id, n.Status)
		}
	}
	if lost != 0 || doubled != 0 || sender.total != chats {
		tb.Errorf("%d lost, %d doubled, %d sends for %d notifications", lost, doubled, sender.total, chats)
	}
	if st := d.Stats(); st != (Stats{Sent: int64(chats)}) {
		tb.Errorf("stats %+v", st)
	}
	return sender.last.Sub(t0)
}

// The fan-out, fast: 1,000 chats at 1,000/s, none lost, none doubled.
func TestFanoutNoLossNoDouble(t *testing.T) {
	fanout(t, Options{Global: 1000}, 1000)
}

// BenchmarkFanout1000 is the fan-out at the default limits (30/s): 1,000
// notifications to 1,000 chats should take about 33 s (999 intervals of
// 1/30 s). Run it once:
//
//	go test ./notify -run '^$' -bench Fanout1000 -benchtime 1x
func BenchmarkFanout1000(b *testing.B) {
	for b.Loop() {
		elapsed := fanout(b, Options{}, 1000)
		b.ReportMetric(elapsed.Seconds(), "s/fanout")
		b.ReportMetric(1000/elapsed.Seconds(), "msgs/s")
	}
}
