package notify

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/mutasi/mutasi"
)

// Dispatcher delivers the outbox. One Dispatcher per database: two would
// each send what they read.
type Dispatcher struct {
	outbox mutasi.Outbox
	reader PendingReader
	sender Sender
	opt    Options
	log    *slog.Logger
	gate   *gate
	wake   chan struct{}

	running               atomic.Bool
	sent, retried, gaveUp atomic.Int64
	chats                 atomic.Int64 // chats held in memory (tests watch eviction)
}

// New returns a dispatcher of outbox through sender. If outbox is not a
// PendingReader (*store.DB is), it is read through Due, which is slower.
func New(outbox mutasi.Outbox, sender Sender, opt Options) *Dispatcher {
	opt = opt.withDefaults()
	reader, ok := outbox.(PendingReader)
	if !ok {
		reader = dueReader{outbox}
	}
	return &Dispatcher{
		outbox: outbox,
		reader: reader,
		sender: sender,
		opt:    opt,
		log:    opt.Logger,
		gate:   newGate(opt.Global),
		wake:   make(chan struct{}, 1),
	}
}

// Wake says something was enqueued: the dispatcher looks now instead of
// at its next poll. It never blocks.
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Stats counts what the dispatcher did since New.
type Stats struct {
	Sent    int64 // Send returned nil
	Retried int64 // failed attempts to be tried again (429 and transient errors)
	GaveUp  int64 // notifications given up
}

// Stats returns the counts so far.
func (d *Dispatcher) Stats() Stats {
	return Stats{Sent: d.sent.Load(), Retried: d.retried.Load(), GaveUp: d.gaveUp.Load()}
}

// Run delivers until ctx is cancelled, then returns nil. It stops between
// messages: a Send in flight completes (within SendTimeout) and is marked;
// waits for a limiter or a backoff end at once.
func (d *Dispatcher) Run(ctx context.Context) error {
	if !d.running.CompareAndSwap(false, true) {
		return errors.New("notify: Run called while the dispatcher is running")
	}
	defer d.running.Store(false)
	s := newScheduler(d)
	var workers sync.WaitGroup
	for range d.opt.Workers {
		workers.Go(func() {
			for j := range s.jobs {
				s.results <- d.deliver(ctx, j)
			}
		})
	}
	s.loop(ctx)

	s.stopping = true
	close(s.jobs)
	go func() {
		workers.Wait()
		close(s.results)
	}()
	for res := range s.results {
		s.apply(ctx, res, d.opt.Now())
	}
	s.flushMarks(ctx)
	return nil
}
