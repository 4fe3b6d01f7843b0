package notify

import (
	"cmp"
	"context"
	"slices"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
)

// scheduler is the one goroutine of a Run that reads the outbox and keeps
// the chats: which chat's head may go now (ready, handed to the next free
// worker) and which waits, and for what time (waiting, a heap). A worker
// has at most one message of a chat, so a chat's messages go one at a
// time, in id order, and a chat that waits holds no worker.
type scheduler struct {
	d          *Dispatcher
	chats      map[int64]*chat
	held       map[int64]struct{} // ids queued, with a worker, or awaiting their mark
	cursor     int64              // every pending id up to here is held, or its chat overflows
	more       bool               // the last read was cut short: read again when there is room
	woken      bool
	stopping   bool
	waiting    chatHeap
	ready      []*chat
	overflowed map[int64]*chat
	idle       map[int64]*chat // nothing queued; forgotten once their limiter is full
	maxHeld    int

	marks    []*mark // sent or given up, but the outbox did not record it yet
	marking  bool    // a round of marks is being retried
	markDone chan markRound

	jobs    chan job
	results chan result
}

// job is a chat's head handed to a worker.
type job struct {
	chatID  int64
	item    *item
	limiter *rate.Limiter
}

type outcome int

const (
	notTried outcome = iota // cancelled, or the chat's token was not there
	finished                // sent, or given up, and so marked
	retry                   // failed; the next attempt is at result.at
	unmarked                // sent or given up, but the mark failed: result.mark
)

type result struct {
	job
	outcome  outcome
	at       time.Time
	failures int
	mark     *mark
}

func newScheduler(d *Dispatcher) *scheduler {
	return &scheduler{
		d:          d,
		chats:      make(map[int64]*chat),
		held:       make(map[int64]struct{}),
		overflowed: make(map[int64]*chat),
		idle:       make(map[int64]*chat),
		maxHeld:    heldPerBatch * d.opt.Batch,
		markDone:   make(chan markRound, 1),
		jobs:       make(chan job),
		results:    make(chan result, d.opt.Workers),
	}
}

func (s *scheduler) loop(ctx context.Context) {
	opt := s.d.opt
	now := opt.Now()
	s.read(ctx, now)
	nextPoll := now.Add(opt.Poll)
	timer := time.NewTimer(opt.Poll)
	defer timer.Stop()
	for {
		now = opt.Now()
		if s.woken || !now.Before(nextPoll) || (s.more && s.room() >= opt.Batch) {
			s.woken = false
			s.read(ctx, now)
			s.sweep(ctx, now)
			nextPoll = now.Add(opt.Poll)
		}
		s.release(now)
		s.retryMarks(ctx, now)

		wakeAt := nextPoll
		if len(s.waiting) > 0 && s.waiting[0].at.Before(wakeAt) {
			wakeAt = s.waiting[0].at
		}
		if at, ok := s.nextMark(); ok && at.Before(wakeAt) {
			wakeAt = at
		}
		if s.more && s.room() >= opt.Batch {
			wakeAt = now // read on at once
		}
		var jobs chan<- job
		var next job
		if len(s.ready) > 0 {
			jobs = s.jobs
			c := s.ready[0]
			next = job{chatID: c.id, item: c.queue[0], limiter: c.limiter}
		}
		timer.Reset(max(wakeAt.Sub(now), 0))
		select {
		case <-ctx.Done():
			return
		case jobs <- next:
			c := s.ready[0]
			s.ready = s.ready[1:]
			c.ready, c.busy = false, true
		case res := <-s.results:
			s.apply(ctx, res, opt.Now())
		case <-s.d.wake:
			s.woken = true
		case round := <-s.markDone:
			s.markDoneRound(round)
		case <-timer.C:
		}
	}
}

// room is how many more notifications may be held.
func (s *scheduler) room() int { return s.maxHeld - len(s.held) }

// read takes the next pending notifications after the cursor.
func (s *scheduler) read(ctx context.Context, now time.Time) {
	limit := min(s.d.opt.Batch, s.room())
	if limit <= 0 {
		s.more = true
		return
	}
	list, err := s.d.reader.PendingAfter(ctx, s.cursor, limit)
	if err != nil {
		if ctx.Err() == nil {
			s.d.log.Warn("reading the outbox failed; trying again at the next poll", "err", err)
		}
		s.more = false
		return
	}
	s.more = len(list) == limit
	for _, n := range list {
		s.cursor = max(s.cursor, n.ID)
		s.admit(n, now, false)
	}
}

// admit holds n in its chat's queue, unless the chat already holds
// chatDepth or has skipped some before (overflow): then n stays in the
// outbox until refill reads it.
func (s *scheduler) admit(n *mutasi.Notification, now time.Time, refill bool) {
	if _, ok := s.held[n.ID]; ok {
		return
	}
	c := s.chat(n.TelegramID)
	if !refill && (c.overflow || len(c.queue) >= chatDepth) {
		c.overflow = true
		s.overflowed[c.id] = c
		delete(s.idle, c.id)
		return
	}
	it := &item{n: n, notBefore: n.NextAttemptAt, failures: n.Attempts}
	if n.ID > c.lastHeld {
		c.queue = append(c.queue, it)
		c.lastHeld = n.ID
	} else {
		// Not expected (ids grow, and the cursor and refill read past
		// lastHeld), but order wins over trust: put it in its place,
		// behind a head that is with a worker.
		from := 0
		if c.busy {
			from = 1
		}
		i, _ := slices.BinarySearchFunc(c.queue[from:], n.ID, func(it *item, id int64) int {
			return cmp.Compare(it.n.ID, id)
		})
		c.queue = slices.Insert(c.queue, from+i, it)
	}
	s.held[n.ID] = struct{}{}
	delete(s.idle, c.id)
	s.schedule(c, now)
}

// chat returns the chat with id, made if need be.
func (s *scheduler) chat(id int64) *chat {
	c := s.chats[id]
	if c == nil {
		c = &chat{id: id, limiter: rate.NewLimiter(s.d.opt.PerChat, 1), index: -1}
		s.chats[id] = c
		s.d.chats.Add(1)
	}
	return c
}

// refill reads the next of an overflowing chat's notifications.
func (s *scheduler) refill(ctx context.Context, c *chat, now time.Time) {
	want := min(chatDepth-len(c.queue), s.room())
	if want <= 0 || s.stopping {
		return
	}
	list, err := s.d.reader.PendingForChat(ctx, c.id, c.lastHeld, want)
	if err != nil {
		if ctx.Err() == nil {
			s.d.log.Warn("reading a chat's notifications failed; trying again at the next poll", "chat", c.id, "err", err)
		}
		return
	}
	if len(list) < want {
		c.overflow = false
		delete(s.overflowed, c.id)
	}
	for _, n := range list {
		s.admit(n, now, true)
	}
}

// sweep refills overflowing chats that have room and forgets idle ones.
func (s *scheduler) sweep(ctx context.Context, now time.Time) {
	for _, c := range s.overflowed {
		s.settle(ctx, c, now)
	}
	for id, c := range s.idle {
		switch {
		case len(c.queue) > 0 || c.busy || c.overflow:
			delete(s.idle, id)
		case c.idle(now):
			delete(s.idle, id)
			delete(s.chats, id)
			s.d.chats.Add(-1)
		}
	}
}

// schedule puts a chat that is neither with a worker nor ready where it
// belongs: ready if its head may go now, else waiting until it may.
func (s *scheduler) schedule(c *chat, now time.Time) {
	if c.busy || c.ready || s.stopping {
		return
	}
	if len(c.queue) == 0 {
		s.waiting.remove(c)
		return
	}
	at := c.queue[0].notBefore
	for _, t := range []time.Time{c.tokenAt(now), c.tokenWait} {
		if t.After(at) {
			at = t
		}
	}
	if at.After(now) {
		s.waiting.set(c, at)
		return
	}
	s.waiting.remove(c)
	c.ready = true
	s.ready = append(s.ready, c)
}

// release moves the chats whose time has come from waiting to ready.
func (s *scheduler) release(now time.Time) {
	for len(s.waiting) > 0 && !s.waiting[0].at.After(now) {
		c := s.waiting[0]
		s.waiting.remove(c)
		s.schedule(c, now)
	}
}

// apply takes a worker's result into the chat.
func (s *scheduler) apply(ctx context.Context, res result, now time.Time) {
	c := s.chats[res.chatID] // a busy chat is never forgotten
	c.busy = false
	head := c.queue[0]
	switch res.outcome {
	case notTried:
		c.tokenWait = res.at
	case retry:
		head.notBefore, head.failures = res.at, res.failures
	case finished:
		c.queue = c.queue[1:]
		delete(s.held, head.n.ID)
	case unmarked:
		// Delivered (or given up) all the same: the chat goes on, and
		// the id stays held so that this process never sends it again.
		c.queue = c.queue[1:]
		s.marks = append(s.marks, res.mark)
	}
	s.settle(ctx, c, now)
}

// settle reschedules a chat after a change.
func (s *scheduler) settle(ctx context.Context, c *chat, now time.Time) {
	if c.overflow && !c.busy && len(c.queue) <= chatDepth/2 {
		s.refill(ctx, c, now)
	}
	if len(c.queue) == 0 && !c.busy {
		s.idle[c.id] = c
	}
	s.schedule(c, now)
}
