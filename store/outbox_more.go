package store

import (
	"context"

	"github.com/mutasi/mutasi"
)

// PendingAfter returns up to limit pending notifications whose id is above
// afterID, in id order, whatever their next attempt time. The dispatcher
// (package notify) reads the outbox this way, not by Due: a chat's
// messages go out in id order, so it must learn of a notification waiting
// in backoff before it sends that chat's later ones, also after a restart.
func (db *DB) PendingAfter(ctx context.Context, afterID int64, limit int) ([]*mutasi.Notification, error) {
	if limit <= 0 {
		return nil, nil
	}
	// The unary plus keeps SQLite off the status index: walking the
	// primary key from afterID reads only rows the caller has not seen
	// (0.2 ms for 100 of 100,000 pending behind a million sent), where the
	// index would sort every pending row on each call (20-30 ms). Only the
	// first call, from 0, walks the sent history (0.15 s for a million).
	return db.pending(ctx, `SELECT `+notificationColumns+` FROM outbox
		WHERE +status = 'pending' AND id > ? ORDER BY id LIMIT ?`, afterID, limit)
}

// PendingForChat is PendingAfter for the notifications to one Telegram
// user: the dispatcher holds a few of one chat's messages at a time, so
// that a chat with thousands queued does not crowd out the others, and
// reads that chat's next ones here when it is ready for them.
func (db *DB) PendingForChat(ctx context.Context, telegramID, afterID int64, limit int) ([]*mutasi.Notification, error) {
	if limit <= 0 {
		return nil, nil
	}
	return db.pending(ctx, `SELECT `+notificationColumns+` FROM outbox
		WHERE status = 'pending' AND telegram_id = ? AND id > ? ORDER BY id LIMIT ?`, telegramID, afterID, limit)
}

func (db *DB) pending(ctx context.Context, query string, args ...any) ([]*mutasi.Notification, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.Notification
	for rows.Next() {
		n, err := scanNotification(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, n)
	}
	return list, rows.Err()
}
