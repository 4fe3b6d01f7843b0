package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// openStore opens a fresh database; inside a synctest bubble it must be
// called inside, so that its goroutines belong to the bubble.
func openStore(t testing.TB, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(dir, "mutasi.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// enqueue adds one notification per chat id, in that order, and returns
// the ids.
func enqueue(t testing.TB, db *store.DB, chats ...int64) []int64 {
	t.Helper()
	ids := make([]int64, len(chats))
	for i, chat := range chats {
		n := &mutasi.Notification{TelegramID: chat, Text: fmt.Sprintf("pesan %d untuk %d", i, chat)}
		if err := db.Enqueue(context.Background(), n); err != nil {
			t.Fatal(err)
		}
		ids[i] = n.ID
	}
	return ids
}

// attempt is one call of the fake sender.
type attempt struct {
	id, chat int64
	at       time.Time
	err      error
}

// fakeSender records every call and answers with fail(n, k) for the k-th
// attempt (from 1) of n; latency is how long each call takes.
type fakeSender struct {
	fail    func(n *mutasi.Notification, k int) error
	latency time.Duration

	mu       sync.Mutex
	calls    []attempt
	tries    map[int64]int
	inFlight int
	maxIn    int
}

func (f *fakeSender) Send(ctx context.Context, n *mutasi.Notification) error {
	f.mu.Lock()
	if f.tries == nil {
		f.tries = make(map[int64]int)
	}
	f.tries[n.ID]++
	k := f.tries[n.ID]
	f.inFlight++
	f.maxIn = max(f.maxIn, f.inFlight)
	at := time.Now()
	f.mu.Unlock()

	if f.latency > 0 {
		time.Sleep(f.latency)
	}
	var err error
	if f.fail != nil {
		err = f.fail(n, k)
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	f.inFlight--
	f.calls = append(f.calls, attempt{id: n.ID, chat: n.TelegramID, at: at, err: err})
	return err
}

// attempts returns the calls so far, in the order they began.
func (f *fakeSender) attempts() []attempt {
	f.mu.Lock()
	defer f.mu.Unlock()
	list := slices.Clone(f.calls)
	slices.SortStableFunc(list, func(a, b attempt) int { return a.at.Compare(b.at) })
	return list
}

// delivered returns, per chat, the ids sent successfully, in order.
func (f *fakeSender) delivered() map[int64][]int64 {
	got := make(map[int64][]int64)
	for _, a := range f.attempts() {
		if a.err == nil {
			got[a.chat] = append(got[a.chat], a.id)
		}
	}
	return got
}

var errBadGateway = errors.New("502 Bad Gateway")

// testOptions are quick options for a synctest bubble: no limits, a fixed
// jitter source, and a poll every minute (the tests enqueue before they
// start, and an hour of fake time is not 3,600 reads).
func testOptions() Options {
	return Options{Rand: rand.NewPCG(1, 2), Global: rate.Inf, PerChat: rate.Inf, Poll: time.Minute}
}

// running is a dispatcher started in the background.
type running struct {
	d      *Dispatcher
	cancel context.CancelFunc
	done   chan error
}

func start(d *Dispatcher) *running {
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{d: d, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- d.Run(ctx) }()
	return r
}

// stop cancels the run and checks that it returned nil.
func (r *running) stop(t testing.TB) {
	t.Helper()
	r.cancel()
	if err := <-r.done; err != nil {
		t.Errorf("Run returned %v, want nil", err)
	}
}

// waitSettled sleeps (fake time, in a bubble) until nothing in db is
// pending, failing after limit. It looks less often as time goes by: the
// tests read the times from the sender, not from here.
func waitSettled(t testing.TB, db *store.DB, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for pause := 10 * time.Millisecond; ; pause = min(2*pause, time.Minute) {
		left, err := db.PendingAfter(context.Background(), 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("notification %d still pending after %s", left[0].ID, limit)
		}
		time.Sleep(pause)
	}
}

// statuses returns each notification's stored state.
func notification(t testing.TB, db *store.DB, id int64) *mutasi.Notification {
	t.Helper()
	n, err := db.Notification(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// giveUps records OnGiveUp calls.
type giveUps struct {
	mu    sync.Mutex
	calls []giveUp
}

type giveUp struct {
	id     int64
	cause  error
	status mutasi.NotificationStatus // the row's status when called
}

func (g *giveUps) hook(db *store.DB) func(context.Context, *mutasi.Notification, error) {
	return func(ctx context.Context, n *mutasi.Notification, cause error) {
		stored, err := db.Notification(ctx, n.ID)
		status := mutasi.NotificationStatus("?")
		if err == nil {
			status = stored.Status
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		g.calls = append(g.calls, giveUp{id: n.ID, cause: cause, status: status})
	}
}

func (g *giveUps) list() []giveUp {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.calls)
}

// discardLogger is for tests that do not look at the log.
var discardLogger = slog.New(slog.DiscardHandler)
