package notify

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
)

// Options configures a Dispatcher; a zero field takes its default.
type Options struct {
	Global      rate.Limit                      // messages per second overall (default 30, Telegram's bulk limit); rate.Inf for none
	PerChat     rate.Limit                      // messages per second to one chat (default 1); rate.Inf for none
	MaxAttempts int                             // failed attempts before a transient error is given up (default 8)
	Backoff     func(attempt int) time.Duration // wait after the attempt-th failure (default: 1 s·2^(attempt-1) capped at 10 min, ±20 % jitter)
	Poll        time.Duration                   // how often to look for new notifications (default 1 s); Wake cuts the wait
	Batch       int                             // how many notifications to read at once (default 100)
	Workers     int                             // how many chats are sent to at once (default 16)
	SendTimeout time.Duration                   // bound for one Send and its marking, which outlive cancellation (default 30 s)

	// Now is the clock: outbox timestamps, limiters and waits. Waits are
	// slept on timers, so it must advance like the wall clock (time.Now,
	// or the fake clock of a testing/synctest bubble). Default time.Now.
	Now func() time.Time
	// Rand is the jitter of the default Backoff (default: randomly seeded);
	// tests pass a fixed source.
	Rand   rand.Source
	Logger *slog.Logger // default: discard

	// OnGiveUp is called once when a notification is given up (the user
	// cannot be reached, or MaxAttempts transient failures), after it is
	// marked failed; the product tells the proposer that the employee
	// could not be reached. Its error is its own to log: it is not retried.
	OnGiveUp func(ctx context.Context, n *mutasi.Notification, cause error)
}

// Defaults.
const (
	DefaultGlobal      rate.Limit = 30
	DefaultPerChat     rate.Limit = 1
	DefaultMaxAttempts            = 8
	DefaultPoll                   = time.Second
	DefaultBatch                  = 100
	DefaultWorkers                = 16
	DefaultSendTimeout            = 30 * time.Second

	backoffBase = time.Second
	backoffCap  = 10 * time.Minute
)

func (o Options) withDefaults() Options {
	if o.Global <= 0 {
		o.Global = DefaultGlobal
	}
	if o.PerChat <= 0 {
		o.PerChat = DefaultPerChat
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Poll <= 0 {
		o.Poll = DefaultPoll
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.SendTimeout <= 0 {
		o.SendTimeout = DefaultSendTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.NewPCG(rand.Uint64(), rand.Uint64())
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Backoff == nil {
		o.Backoff = exponentialBackoff(newJitter(o.Rand))
	}
	return o
}

// exponentialBackoff is the default Backoff: 1 s, 2 s, 4 s … capped at
// 10 min, each spread by ±20 % so that chats that failed together do not
// retry together.
func exponentialBackoff(jitter func() float64) func(attempt int) time.Duration {
	return func(attempt int) time.Duration {
		d := backoffCap
		if attempt < 1 {
			attempt = 1
		}
		if attempt <= 30 { // 2^30 s is far past the cap; no overflow
			d = min(backoffBase<<(attempt-1), backoffCap)
		}
		return time.Duration(float64(d) * (0.8 + 0.4*jitter()))
	}
}

// newJitter returns a goroutine-safe source of numbers in [0, 1): the
// default Backoff is called by every worker.
func newJitter(src rand.Source) func() float64 {
	var mu sync.Mutex
	r := rand.New(src)
	return func() float64 {
		mu.Lock()
		defer mu.Unlock()
		return r.Float64()
	}
}
