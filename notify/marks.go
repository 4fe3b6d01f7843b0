package notify

import (
	"context"
	"time"

	"github.com/mutasi/mutasi"
)

// mark is an outcome the outbox must record: sent, or given up.
type mark struct {
	item  *item
	sent  bool
	at    time.Time
	cause error // why it was given up

	tries int
	next  time.Time // when to try again
}

// markRound is what a round of retried marks did.
type markRound struct {
	done []int64 // recorded, or no longer in the outbox
	left []*mark
}

// maxMarkWait caps the wait between two tries of a mark.
const maxMarkWait = time.Minute

// record writes m to the outbox.
func (d *Dispatcher) record(ctx context.Context, m *mark) error {
	if m.sent {
		return d.outbox.MarkSent(ctx, m.item.n.ID, m.at)
	}
	return d.outbox.MarkFailed(ctx, m.item.n.ID, errorText(m.cause), m.at, true)
}

// retryMarks starts a round of the marks that are due, in a goroutine of
// its own: the database that refused them may keep the next try waiting
// for its busy timeout, and the chats must not wait with it.
func (s *scheduler) retryMarks(ctx context.Context, now time.Time) {
	if s.marking || len(s.marks) == 0 {
		return
	}
	var due, later []*mark
	for _, m := range s.marks {
		if m.next.After(now) {
			later = append(later, m)
		} else {
			due = append(due, m)
		}
	}
	if len(due) == 0 {
		return
	}
	s.marks, s.marking = later, true
	go func() { s.markDone <- s.d.retry(ctx, due) }()
}

// nextMark is when retryMarks has something to do.
func (s *scheduler) nextMark() (time.Time, bool) {
	if s.marking || len(s.marks) == 0 {
		return time.Time{}, false
	}
	at := s.marks[0].next
	for _, m := range s.marks[1:] {
		if m.next.Before(at) {
			at = m.next
		}
	}
	return at, true
}

func (s *scheduler) markDoneRound(r markRound) {
	s.marking = false
	for _, id := range r.done {
		delete(s.held, id)
	}
	s.marks = append(s.marks, r.left...)
}

// retry tries each mark once.
func (d *Dispatcher) retry(ctx context.Context, marks []*mark) markRound {
	var r markRound
	for _, m := range marks {
		n := m.item.n
		mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d.opt.SendTimeout)
		err := d.record(mctx, m)
		switch {
		case err == nil:
			d.log.Info("notification marked after all", "id", n.ID, "sent", m.sent, "tries", m.tries+1)
			if !m.sent {
				d.givenUp(mctx, n, m.cause)
			}
			r.done = append(r.done, n.ID)
		case mutasi.ErrorCode(err) == mutasi.ENOTFOUND:
			d.log.Warn("notification to mark is no longer in the outbox", "id", n.ID)
			r.done = append(r.done, n.ID)
		default:
			m.tries++
			m.next = d.opt.Now().Add(min(time.Second<<min(m.tries, 10), maxMarkWait))
			d.log.Warn("marking a notification failed again", "id", n.ID, "sent", m.sent, "tries", m.tries, "err", err)
			r.left = append(r.left, m)
		}
		cancel()
	}
	return r
}

// flushMarks is the last try of the marks when Run stops. What is left
// was delivered (or given up) but is pending in the outbox: after a
// restart it is sent again.
func (s *scheduler) flushMarks(ctx context.Context) {
	if s.marking {
		s.markDoneRound(<-s.markDone)
	}
	if len(s.marks) == 0 {
		return
	}
	r := s.d.retry(ctx, s.marks)
	s.markDoneRound(r)
	for _, m := range r.left {
		s.d.log.Error("notification delivered but not marked when stopping; it will be sent again after a restart",
			"id", m.item.n.ID, "chat", m.item.n.TelegramID, "sent", m.sent)
	}
}
