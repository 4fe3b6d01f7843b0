package store

import (
	"context"
	"time"
)

// LastUpdate returns the id of the last update handled in a chat and when
// it was handled; 0 and the zero time if none was.
func (db *DB) LastUpdate(ctx context.Context, chatID int64) (updateID int64, at time.Time, err error) {
	var ts string
	err = db.db.QueryRowContext(ctx, `SELECT update_id, handled_at FROM chat_updates WHERE chat_id = ?`, chatID).Scan(&updateID, &ts)
	if notFound(err) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, err
	}
	at, err = parseTS(ts)
	return updateID, at, err
}

// MarkUpdate records that update updateID of a chat has been handled.
func (db *DB) MarkUpdate(ctx context.Context, chatID, updateID int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO chat_updates (chat_id, update_id, handled_at) VALUES (?, ?, ?)
		ON CONFLICT (chat_id) DO UPDATE SET update_id = excluded.update_id, handled_at = excluded.handled_at`,
		chatID, updateID, formatTS(db.now())); err != nil {
		return err
	}
	return tx.Commit()
}
