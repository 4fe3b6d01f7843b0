package notify

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// gate is the global limit: one message every 1/rate, each taking the
// next free slot (a token bucket of one). A 429 is usually Telegram's
// flood control for the whole bot, so it halves the rate until the
// retry_after window has passed; another 429 within the window halves it
// again and extends the window, down to one message a second. It is a
// slowdown, not a stop: a 429 can also be one chat's own limit (the bot's
// replies count too), and stopping every chat for it would be out of
// proportion.
//
// It keeps its own slots rather than a rate.Limiter: after SetLimit to a
// higher rate, a rate.Limiter repays its debt at the new rate, so a
// reservation made after the speed-up can go before one made while slow,
// two messages within 1/rate.
type gate struct {
	mu        sync.Mutex
	base, cur rate.Limit
	slowUntil time.Time
	next      time.Time // the next free slot
}

func newGate(limit rate.Limit) *gate {
	return &gate{base: limit, cur: limit}
}

// wait takes the next slot and sleeps until it, or returns ctx's error.
func (g *gate) wait(ctx context.Context, now func() time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t := now()
	d := g.reserve(t).Sub(t)
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err() // the slot stays taken: only ever at shutdown
	case <-timer.C:
		return nil
	}
}

// reserve takes the next slot at or after now.
func (g *gate) reserve(now time.Time) time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.slowUntil.IsZero() && !now.Before(g.slowUntil) {
		g.cur, g.slowUntil = g.base, time.Time{}
	}
	if g.cur == rate.Inf {
		return now
	}
	at := now
	if g.next.After(at) {
		at = g.next
	}
	g.next = at.Add(interval(g.cur))
	return at
}

// slow halves the rate for d from now.
func (g *gate) slow(now time.Time, d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.base == rate.Inf {
		return // no global limit was asked for
	}
	if until := now.Add(d); until.After(g.slowUntil) {
		g.slowUntil = until
	}
	g.cur = max(g.cur/2, min(g.base, 1))
}

// limitAt is the rate in force at now.
func (g *gate) limitAt(now time.Time) rate.Limit {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.slowUntil.IsZero() && !now.Before(g.slowUntil) {
		return g.base
	}
	return g.cur
}

// interval is the time between two messages at rate r.
func interval(r rate.Limit) time.Duration {
	return time.Duration(float64(time.Second) / float64(r))
}
