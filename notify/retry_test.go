package notify

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
)

// A 429 holds the chat until retry_after has passed and slows every chat
// for that long.
func TestRetryAfter(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		// Chat 1 first, then 39 messages to other chats.
		chats := []int64{1, 1}
		for c := range 39 {
			chats = append(chats, int64(100+c))
		}
		ids := enqueue(t, db, chats...)
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if n.ID == ids[0] && k == 1 {
				return &RetryAfterError{After: 3 * time.Second}
			}
			return nil
		}}
		opt := testOptions()
		opt.Global, opt.PerChat, opt.Workers = 10, 1, 1 // one worker: attempts in outbox order
		t0 := time.Now()
		d := New(db, sender, opt)
		r := start(d)
		synctest.Wait()
		if got, want := d.gate.limitAt(time.Now()), rate.Limit(5); got != want {
			t.Errorf("global rate after the 429: %v, want %v", got, want)
		}
		waitSettled(t, db, time.Hour)
		r.stop(t)

		all := sender.attempts()
		var chat1 []time.Duration
		for i, a := range all {
			at := a.at.Sub(t0)
			if a.chat == 1 {
				chat1 = append(chat1, at)
			}
			if i == 0 {
				continue
			}
			// 10/s; 5/s for slots taken in the 429's window (0-3 s).
			prev := all[i-1].at.Sub(t0)
			gap, want := at-prev, 100*time.Millisecond
			if prev > 0 && prev < 3*time.Second {
				want = 200 * time.Millisecond
			}
			if gap < want {
				t.Errorf("attempt %d at +%s, %s after the one before, want at least %s", a.id, at, gap, want)
			}
		}
		if len(chat1) != 3 || chat1[0] != 0 || chat1[1] < 3*time.Second || chat1[2]-chat1[1] < time.Second {
			t.Errorf("chat 1 attempts at %v, want 0, then not before 3s (the 429), then not within 1s (per chat)", chat1)
		}
		// The window ended: 10/s again (the other chats' last 22 went
		// at +3.3 s … +5.5 s, then chat 1, which was ready last).
		fast := 0
		for i := 1; i < len(all); i++ {
			if all[i-1].at.Sub(t0) > 3*time.Second && all[i].at.Sub(all[i-1].at) == 100*time.Millisecond {
				fast++
			}
		}
		if fast < 20 {
			t.Errorf("%d attempts 100ms after the one before, after the window; want at least 20", fast)
		}
		n := notification(t, db, ids[0])
		if n.Status != mutasi.NotificationSent || n.Attempts != 2 || !strings.Contains(n.LastError, "429") {
			t.Errorf("after a 429 and a delivery: %s, %d attempts, last error %q", n.Status, n.Attempts, n.LastError)
		}
		if got, want := d.Stats(), (Stats{Sent: 41, Retried: 1}); got != want {
			t.Errorf("stats %+v, want %+v", got, want)
		}
	})
}

// The global gate halves on a 429, again on another within the window,
// not below one a second, and comes back when the window has passed.
func TestGateSlowdown(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	g := newGate(30)
	g.slow(t0, 2*time.Second)
	g.slow(t0.Add(time.Second), 5*time.Second) // extends to +6 s
	tests := []struct {
		at   time.Duration
		want rate.Limit
	}{{0, 7.5}, {5 * time.Second, 7.5}, {6 * time.Second, 30}}
	for _, tc := range tests {
		if got := g.limitAt(t0.Add(tc.at)); got != tc.want {
			t.Errorf("rate at +%s: %v, want %v", tc.at, got, tc.want)
		}
	}
	for range 10 {
		g.slow(t0, time.Second)
	}
	if got := g.limitAt(t0); got != 1 {
		t.Errorf("after many 429s: %v, want the floor 1", got)
	}
	// Slots: one per interval, the first at once; after the window the
	// base rate again.
	g = newGate(4)
	var got []time.Duration
	for range 3 {
		got = append(got, g.reserve(t0).Sub(t0))
	}
	g.slow(t0, time.Second)
	for range 3 {
		got = append(got, g.reserve(t0).Sub(t0))
	}
	want := []time.Duration{0, 250 * time.Millisecond, 500 * time.Millisecond, 750 * time.Millisecond,
		1250 * time.Millisecond, 1750 * time.Millisecond}
	if !slices.Equal(got, want) {
		t.Errorf("slots %v, want %v", got, want)
	}
	if at := g.reserve(t0.Add(time.Second)).Sub(t0); at != 2250*time.Millisecond {
		t.Errorf("slot after the window: +%s, want +2.25s", at)
	}
	if at := g.reserve(t0.Add(time.Second)).Sub(t0); at != 2500*time.Millisecond {
		t.Errorf("next slot after the window: +%s, want +2.5s (4/s again)", at)
	}
}

// Transient errors are retried with the backoff until delivered.
func TestTransientRetried(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 1)
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if n.ID == ids[0] && k <= 2 {
				return fmt.Errorf("telegram: %w", errBadGateway)
			}
			return nil
		}}
		opt := testOptions() // the default Backoff with a fixed jitter
		t0 := time.Now()
		d := New(db, sender, opt)
		r := start(d)
		waitSettled(t, db, time.Hour)
		r.stop(t)

		backoff := exponentialBackoff(newJitter(rand.NewPCG(1, 2)))
		b1, b2 := backoff(1), backoff(2)
		var got []time.Duration
		for _, a := range sender.attempts() {
			got = append(got, a.at.Sub(t0))
		}
		if want := []time.Duration{0, b1, b1 + b2, b1 + b2}; !slices.Equal(got, want) {
			t.Errorf("attempts at %v, want %v", got, want)
		}
		if b1 == time.Second || b2 == 2*time.Second {
			t.Errorf("backoffs %s, %s: no jitter", b1, b2)
		}
		n := notification(t, db, ids[0])
		if n.Status != mutasi.NotificationSent || n.Attempts != 3 || n.LastError != "telegram: 502 Bad Gateway" ||
			!n.SentAt.Equal(t0.Add(b1+b2)) {
			t.Errorf("stored %+v", n)
		}
		if got, want := d.Stats(), (Stats{Sent: 2, Retried: 2}); got != want {
			t.Errorf("stats %+v, want %+v", got, want)
		}
	})
}

// 403 (or chat not found) is given up at once, never retried; OnGiveUp
// hears of it once, after the mark; the chat goes on.
func TestUndeliverable(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 1, 2)
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if n.ID == ids[0] {
				return fmt.Errorf("%w: Forbidden: bot was blocked by the user", ErrUndeliverable)
			}
			return nil
		}}
		var gave giveUps
		opt := testOptions()
		opt.OnGiveUp, opt.Workers = gave.hook(db), 1
		d := New(db, sender, opt)
		r := start(d)
		waitSettled(t, db, time.Hour)
		time.Sleep(time.Hour) // nothing more happens
		r.stop(t)

		var got []int64
		for _, a := range sender.attempts() {
			got = append(got, a.id)
		}
		if want := []int64{ids[0], ids[2], ids[1]}; !slices.Equal(got, want) {
			t.Errorf("attempts %v, want %v", got, want)
		}
		calls := gave.list()
		if len(calls) != 1 || calls[0].id != ids[0] || !errors.Is(calls[0].cause, ErrUndeliverable) ||
			calls[0].status != mutasi.NotificationFailed {
			t.Errorf("OnGiveUp calls %+v, want one for %d, after it was marked failed", calls, ids[0])
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationFailed || n.Attempts != 1 ||
			!strings.Contains(n.LastError, "blocked") {
			t.Errorf("stored %+v", n)
		}
		if got, want := d.Stats(), (Stats{Sent: 2, GaveUp: 1}); got != want {
			t.Errorf("stats %+v, want %+v", got, want)
		}
	})
}

// After MaxAttempts transient failures the notification is given up.
func TestMaxAttempts(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1)
		sender := &fakeSender{fail: func(*mutasi.Notification, int) error { return errBadGateway }}
		var gave giveUps
		opt := testOptions()
		opt.MaxAttempts = 4
		opt.OnGiveUp = gave.hook(db)
		d := New(db, sender, opt)
		r := start(d)
		waitSettled(t, db, time.Hour)
		time.Sleep(time.Hour)
		r.stop(t)

		if got := len(sender.attempts()); got != 4 {
			t.Errorf("%d attempts, want 4", got)
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationFailed || n.Attempts != 4 {
			t.Errorf("stored %s after %d attempts, want failed after 4", n.Status, n.Attempts)
		}
		if calls := gave.list(); len(calls) != 1 || !errors.Is(calls[0].cause, errBadGateway) {
			t.Errorf("OnGiveUp calls %+v, want one", calls)
		}
		if got, want := d.Stats(), (Stats{Retried: 3, GaveUp: 1}); got != want {
			t.Errorf("stats %+v, want %+v", got, want)
		}
	})
}

func TestDefaultBackoff(t *testing.T) {
	tests := []struct {
		attempt int
		jitter  float64
		want    time.Duration
	}{
		{1, 0.5, time.Second},
		{1, 0, 800 * time.Millisecond},
		{1, 1, 1200 * time.Millisecond},
		{2, 0.5, 2 * time.Second},
		{4, 0.5, 8 * time.Second},
		{10, 0.5, 512 * time.Second},
		{11, 0.5, 10 * time.Minute}, // 1024 s, capped
		{11, 0, 8 * time.Minute},
		{11, 1, 12 * time.Minute},
		{64, 0.5, 10 * time.Minute},
		{0, 0.5, time.Second},
	}
	for _, tc := range tests {
		got := exponentialBackoff(func() float64 { return tc.jitter })(tc.attempt)
		if got != tc.want {
			t.Errorf("attempt %d, jitter %v: %s, want %s", tc.attempt, tc.jitter, got, tc.want)
		}
	}
	// The same source gives the same waits; another, others.
	a, b, c := exponentialBackoff(newJitter(rand.NewPCG(7, 7))), exponentialBackoff(newJitter(rand.NewPCG(7, 7))), exponentialBackoff(newJitter(rand.NewPCG(8, 8)))
	same, differ := true, false
	for i := 1; i <= 5; i++ {
		x, y, z := a(i), b(i), c(i)
		same = same && x == y
		differ = differ || x != z
	}
	if !same || !differ {
		t.Errorf("jitter from a fixed source: same %v, differs from another source %v", same, differ)
	}
}
