package store

import (
	"context"
	"encoding/json"

	"github.com/mutasi/mutasi"
)

// ChatState returns the conversation state (JSON) of a bot user, or "" if
// they are not in the middle of anything.
func (db *DB) ChatState(ctx context.Context, telegramID int64) (string, error) {
	var s string
	err := db.db.QueryRowContext(ctx, `SELECT state FROM chat_state WHERE telegram_id = ?`, telegramID).Scan(&s)
	if notFound(err) {
		return "", nil
	}
	return s, err
}

// SaveChatState keeps a bot user's conversation state; "" clears it.
func (db *DB) SaveChatState(ctx context.Context, telegramID int64, state string) error {
	if state != "" && !json.Valid([]byte(state)) {
		return mutasi.Errorf(mutasi.EINVALID, "keadaan percakapan bukan JSON yang sah")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if state == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM chat_state WHERE telegram_id = ?`, telegramID)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO chat_state (telegram_id, state, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (telegram_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
			telegramID, state, formatTS(db.now()))
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}
