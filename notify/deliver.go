package notify

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
)

// maxErrorText bounds the error kept in the outbox row.
const maxErrorText = 500

// deliver is one attempt at a chat's head, in a worker: the global token,
// the chat's token, Send, and the outbox told of the outcome. Send and the
// marking run on a context that cancellation does not reach (bounded by
// SendTimeout), so that a message in flight is never left unrecorded.
func (d *Dispatcher) deliver(ctx context.Context, j job) result {
	res := result{job: j}
	if d.gate.wait(ctx, d.opt.Now) != nil {
		return res
	}
	now := d.opt.Now()
	if r := j.limiter.ReserveN(now, 1); r.DelayFrom(now) > 0 {
		// The scheduler hands over a chat only once its token is
		// there; a clock that went back can still get here. The chat
		// then waits for its token, not in a loop.
		res.at = now.Add(r.DelayFrom(now))
		r.CancelAt(now)
		return res
	}
	n := j.item.n
	sendCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d.opt.SendTimeout)
	err := d.sender.Send(sendCtx, n)
	cancel()
	now = d.opt.Now()
	markCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d.opt.SendTimeout)
	defer cancel()

	var tooMany *RetryAfterError
	switch {
	case err == nil:
		d.sent.Add(1)
		m := &mark{item: j.item, sent: true, at: now, tries: 1, next: now.Add(time.Second)}
		if err := d.record(markCtx, m); err != nil {
			d.log.Warn("notification sent but not marked; keeping it as sent and trying the mark again",
				"id", n.ID, "chat", n.TelegramID, "err", err)
			res.outcome, res.mark = unmarked, m
			return res
		}
		res.outcome = finished
	case errors.As(err, &tooMany):
		wait := tooMany.After
		if wait <= 0 {
			wait = time.Second
		}
		d.gate.slow(now, wait)
		res = d.retryAt(markCtx, j, err, now.Add(wait), j.item.failures)
	case errors.Is(err, ErrUndeliverable):
		res = d.giveUp(markCtx, j, err, now)
	default:
		failures := j.item.failures + 1
		if failures >= d.opt.MaxAttempts {
			res = d.giveUp(markCtx, j, err, now)
			break
		}
		res = d.retryAt(markCtx, j, err, now.Add(d.opt.Backoff(failures)), failures)
	}
	return res
}

// retryAt records a failed attempt to be tried again at.
func (d *Dispatcher) retryAt(ctx context.Context, j job, cause error, at time.Time, failures int) result {
	d.retried.Add(1)
	n := j.item.n
	d.log.Info("notification not delivered; trying again", "id", n.ID, "chat", n.TelegramID,
		"failures", failures, "at", at, "err", cause)
	if err := d.outbox.MarkFailed(ctx, n.ID, errorText(cause), at, false); err != nil {
		// The row stays pending with its old time; this process holds
		// it and tries again at at all the same.
		d.log.Warn("recording a failed attempt failed", "id", n.ID, "err", err)
	}
	return result{job: j, outcome: retry, at: at, failures: failures}
}

// giveUp marks the head failed for good and tells OnGiveUp.
func (d *Dispatcher) giveUp(ctx context.Context, j job, cause error, now time.Time) result {
	d.gaveUp.Add(1)
	n := j.item.n
	d.log.Warn("notification given up", "id", n.ID, "chat", n.TelegramID, "err", cause)
	m := &mark{item: j.item, at: now, cause: cause, tries: 1, next: now.Add(time.Second)}
	if err := d.record(ctx, m); err != nil {
		d.log.Warn("marking a notification failed did not work; trying again", "id", n.ID, "err", err)
		return result{job: j, outcome: unmarked, mark: m}
	}
	d.givenUp(ctx, n, cause)
	return result{job: j, outcome: finished}
}

// givenUp calls OnGiveUp; a panic there is logged, not spread to the
// dispatcher.
func (d *Dispatcher) givenUp(ctx context.Context, n *mutasi.Notification, cause error) {
	if d.opt.OnGiveUp == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("OnGiveUp panicked", "id", n.ID, "panic", p)
		}
	}()
	d.opt.OnGiveUp(ctx, n, cause)
}

// errorText is err's text, cut to fit the outbox row.
func errorText(err error) string {
	s := err.Error()
	if len(s) <= maxErrorText {
		return s
	}
	s = s[:maxErrorText]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
