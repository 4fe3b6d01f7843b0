package notify

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/mutasi/mutasi"
)

// PendingReader reads the outbox in id order, whatever each notification's
// next attempt time, so that the dispatcher learns of a chat's message in
// backoff before it sends that chat's later ones, after a restart too.
// *store.DB implements it; New falls back to Due for an Outbox that does not.
type PendingReader interface {
	// PendingAfter returns up to limit pending notifications with an id
	// above afterID, in id order.
	PendingAfter(ctx context.Context, afterID int64, limit int) ([]*mutasi.Notification, error)
	// PendingForChat is PendingAfter for one Telegram user.
	PendingForChat(ctx context.Context, telegramID, afterID int64, limit int) ([]*mutasi.Notification, error)
}

// dueReader is PendingReader over plain Outbox.Due: every call reads all
// pending notifications (Due at the end of time) and sorts them by id.
// Correct, and fast enough for a small outbox or a test's fake.
type dueReader struct{ outbox mutasi.Outbox }

// endOfTime is after every next attempt time.
var endOfTime = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)

func (r dueReader) all(ctx context.Context) ([]*mutasi.Notification, error) {
	for limit := 1024; ; limit *= 4 {
		list, err := r.outbox.Due(ctx, endOfTime, limit)
		if err != nil {
			return nil, err
		}
		if len(list) < limit {
			slices.SortFunc(list, func(a, b *mutasi.Notification) int { return cmp.Compare(a.ID, b.ID) })
			return list, nil
		}
	}
}

func (r dueReader) PendingAfter(ctx context.Context, afterID int64, limit int) ([]*mutasi.Notification, error) {
	return r.filter(ctx, afterID, limit, func(*mutasi.Notification) bool { return true })
}

func (r dueReader) PendingForChat(ctx context.Context, telegramID, afterID int64, limit int) ([]*mutasi.Notification, error) {
	return r.filter(ctx, afterID, limit, func(n *mutasi.Notification) bool { return n.TelegramID == telegramID })
}

func (r dueReader) filter(ctx context.Context, afterID int64, limit int, keep func(*mutasi.Notification) bool) ([]*mutasi.Notification, error) {
	if limit <= 0 {
		return nil, nil
	}
	all, err := r.all(ctx)
	if err != nil {
		return nil, err
	}
	var list []*mutasi.Notification
	for _, n := range all {
		if n.ID > afterID && keep(n) {
			if list = append(list, n); len(list) == limit {
				break
			}
		}
	}
	return list, nil
}
