package notify

import (
	"container/heap"
	"math"
	"time"

	"golang.org/x/time/rate"

	"github.com/mutasi/mutasi"
)

// chatDepth is how many of one chat's notifications are held in memory at
// a time. A chat sends one a second, so a few are plenty; the rest stay in
// the outbox (overflow) and are read when the chat is ready for them, so
// that a chat with thousands queued does not crowd out the others.
const chatDepth = 16

// heldPerBatch bounds the notifications held in memory to this many
// batches: a fan-out to 100,000 chats is read as it is sent.
const heldPerBatch = 10

// chat is one Telegram user's queue: its held notifications in id order,
// the head being the next to send, and its own limiter. Only the
// scheduler goroutine touches a chat, except the limiter, which the worker
// sending the head uses.
type chat struct {
	id        int64
	queue     []*item
	busy      bool // the head is with a worker
	ready     bool // in the ready list, waiting for a worker
	overflow  bool // pending notifications beyond lastHeld are not held
	lastHeld  int64
	limiter   *rate.Limiter
	tokenWait time.Time // when the worker found no token: not before then
	at        time.Time // when the head may go; the heap key
	index     int       // in the heap, or -1
}

// item is a held notification.
type item struct {
	n         *mutasi.Notification
	notBefore time.Time // its next attempt time
	failures  int       // failed attempts counted against MaxAttempts
}

// tokenAt is when the chat's limiter has a token: now, or later.
func (c *chat) tokenAt(now time.Time) time.Time {
	lim := c.limiter.Limit()
	if lim == rate.Inf {
		return now
	}
	tokens := c.limiter.TokensAt(now)
	if tokens >= 1 {
		return now
	}
	return now.Add(time.Duration(math.Ceil((1 - tokens) / float64(lim) * float64(time.Second))))
}

// idle reports whether the chat can be forgotten: nothing held, nothing
// beyond, and a limiter as full as a new one would be.
func (c *chat) idle(now time.Time) bool {
	return len(c.queue) == 0 && !c.busy && !c.overflow && c.limiter.TokensAt(now) >= float64(c.limiter.Burst())
}

// chatHeap orders the chats waiting for a time (backoff, retry_after, the
// per-chat limiter) by that time.
type chatHeap []*chat

func (h chatHeap) Len() int           { return len(h) }
func (h chatHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h chatHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *chatHeap) Push(x any) {
	c := x.(*chat)
	c.index = len(*h)
	*h = append(*h, c)
}
func (h *chatHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	c.index = -1
	return c
}

// set puts c in the heap at time at, or moves it there.
func (h *chatHeap) set(c *chat, at time.Time) {
	c.at = at
	if c.index >= 0 {
		heap.Fix(h, c.index)
		return
	}
	heap.Push(h, c)
}

// remove takes c out of the heap if it is there.
func (h *chatHeap) remove(c *chat) {
	if c.index >= 0 {
		heap.Remove(h, c.index)
	}
}
