package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/mutasi/mutasi"
)

// Audit appends an audit entry, setting its ID and, if zero, At.
func (db *DB) Audit(ctx context.Context, e *mutasi.AuditEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := audit(ctx, tx, e, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func audit(ctx context.Context, tx *sql.Tx, e *mutasi.AuditEntry, now time.Time) error {
	if e.At.IsZero() {
		e.At = now
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, subject, detail, policy_version)
		VALUES (?, ?, ?, ?, ?, ?)`, formatTS(e.At), e.Actor, e.Action, e.Subject, e.Detail, e.PolicyVersion)
	if err != nil {
		return err
	}
	e.ID, err = res.LastInsertId()
	return err
}

// AuditEntries returns the entries about subject ("" for all), oldest
// first, at most limit of them (0: no limit).
func (db *DB) AuditEntries(ctx context.Context, subject string, limit int) ([]*mutasi.AuditEntry, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, at, actor, action, subject, detail, policy_version
		FROM audit_log WHERE ?1 = '' OR subject = ?1 ORDER BY id LIMIT ?2`, subject, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.AuditEntry
	for rows.Next() {
		var e mutasi.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Subject, &e.Detail, &e.PolicyVersion); err != nil {
			return nil, err
		}
		if e.At, err = parseTS(at); err != nil {
			return nil, err
		}
		list = append(list, &e)
	}
	return list, rows.Err()
}
