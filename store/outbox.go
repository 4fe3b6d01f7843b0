package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/mutasi/mutasi"
)

const notificationColumns = `id, telegram_id, text, coalesce(proposal_id, 0), status, attempts,
	next_attempt_at, last_error, created_at, sent_at`

func scanNotification(s scanner) (*mutasi.Notification, error) {
	var n mutasi.Notification
	var next, created, sent string
	if err := s.Scan(&n.ID, &n.TelegramID, &n.Text, &n.ProposalID, &n.Status, &n.Attempts,
		&next, &n.LastError, &created, &sent); err != nil {
		return nil, err
	}
	var err error
	for _, ts := range []struct {
		dst *time.Time
		src string
	}{{&n.NextAttemptAt, next}, {&n.CreatedAt, created}, {&n.SentAt, sent}} {
		if *ts.dst, err = parseTS(ts.src); err != nil {
			return nil, err
		}
	}
	return &n, nil
}

// Enqueue stores a pending notification, setting its ID, CreatedAt and,
// if zero, NextAttemptAt (now: send at once).
func (db *DB) Enqueue(ctx context.Context, n *mutasi.Notification) error {
	if err := n.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := enqueue(ctx, tx, n, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func enqueue(ctx context.Context, tx *sql.Tx, n *mutasi.Notification, now time.Time) error {
	n.Status, n.Attempts, n.CreatedAt = mutasi.NotificationPending, 0, now
	if n.NextAttemptAt.IsZero() {
		n.NextAttemptAt = now
	}
	var proposal any
	if n.ProposalID != 0 {
		if _, err := findProposal(ctx, tx, n.ProposalID); err != nil {
			return err
		}
		proposal = n.ProposalID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO outbox (telegram_id, text, proposal_id, status, attempts,
			next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, 0, ?, ?)`,
		n.TelegramID, n.Text, proposal, string(n.Status), formatTS(n.NextAttemptAt), formatTS(n.CreatedAt))
	if err != nil {
		return err
	}
	n.ID, err = res.LastInsertId()
	return err
}

// Due returns up to limit pending notifications whose next attempt is at
// or before now, oldest first.
func (db *DB) Due(ctx context.Context, now time.Time, limit int) ([]*mutasi.Notification, error) {
	if limit <= 0 {
		return nil, nil
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+notificationColumns+` FROM outbox
		WHERE status = 'pending' AND next_attempt_at <= ?
		ORDER BY next_attempt_at, id LIMIT ?`, formatTS(now), limit)
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

// Notification returns the notification with the given id.
func (db *DB) Notification(ctx context.Context, id int64) (*mutasi.Notification, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	n, err := scanNotification(tx.QueryRowContext(ctx, `SELECT `+notificationColumns+` FROM outbox WHERE id = ?`, id))
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "notifikasi %d tidak ditemukan", id)
	}
	return n, err
}

// MarkSent records that Telegram accepted the notification.
func (db *DB) MarkSent(ctx context.Context, id int64, at time.Time) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateNotification(ctx, tx, id, `UPDATE outbox SET status = 'sent', sent_at = ?,
		attempts = attempts + 1 WHERE id = ? AND status = 'pending'`, formatTS(at), id); err != nil {
		return err
	}
	return tx.Commit()
}

// MarkFailed records a failed attempt: the notification is retried at
// retryAt, or, if giveUp, marked failed for good.
func (db *DB) MarkFailed(ctx context.Context, id int64, errText string, retryAt time.Time, giveUp bool) error {
	status := mutasi.NotificationPending
	if giveUp {
		status = mutasi.NotificationFailed
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateNotification(ctx, tx, id, `UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?,
		attempts = attempts + 1 WHERE id = ? AND status = 'pending'`,
		string(status), errText, formatTS(retryAt), id); err != nil {
		return err
	}
	return tx.Commit()
}

// updateNotification runs an update of one pending notification:
// ENOTFOUND if there is no such notification, ECONFLICT if it is no longer
// pending.
func updateNotification(ctx context.Context, tx *sql.Tx, id int64, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	var status string
	err = tx.QueryRowContext(ctx, `SELECT status FROM outbox WHERE id = ?`, id).Scan(&status)
	if notFound(err) {
		return mutasi.Errorf(mutasi.ENOTFOUND, "notifikasi %d tidak ditemukan", id)
	} else if err != nil {
		return err
	}
	return mutasi.Errorf(mutasi.ECONFLICT, "notifikasi %d sudah berstatus %s", id, status)
}
