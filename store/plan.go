package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/mutasi/mutasi"
)

var _ mutasi.PlanStore = (*DB)(nil)

// SavePlan stores a plan and sets its ID and CreatedAt.
func (db *DB) SavePlan(ctx context.Context, p *mutasi.PlanRecord) error {
	if !json.Valid(p.Body) {
		return mutasi.Errorf(mutasi.EINVALID, "isi rencana bukan JSON yang sah")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	p.CreatedAt = db.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (created_at, created_by, eval_date, policy_version,
			objective, moves, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		formatTS(p.CreatedAt), p.CreatedBy, mutasi.FormatDate(p.Date), p.PolicyVersion,
		p.Objective, p.Moves, string(p.Body))
	if err != nil {
		return err
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := audit(ctx, tx, &mutasi.AuditEntry{
		Actor:   actorName(p.CreatedBy),
		Action:  "plan.create",
		Subject: fmt.Sprintf("rencana %d", p.ID),
		Detail: fmt.Sprintf("%s pindah, objektif %s, tanggal %s, kebijakan %s",
			mutasi.FormatInt(p.Moves), mutasi.FormatDecimal(p.Objective, 2), mutasi.FormatDate(p.Date), p.PolicyVersion),
		PolicyVersion: p.PolicyVersion,
	}, p.CreatedAt); err != nil {
		return err
	}
	return tx.Commit()
}

// actorName is how the audit log names a person: their Telegram id, or the
// CLI.
func actorName(telegramID int64) string {
	if telegramID == 0 {
		return "cli"
	}
	return fmt.Sprintf("tg:%d", telegramID)
}

const planColumns = `id, created_at, created_by, eval_date, policy_version, objective, moves`

func scanPlan(s scanner, withBody bool) (*mutasi.PlanRecord, error) {
	var p mutasi.PlanRecord
	var created, date, body string
	dest := []any{&p.ID, &created, &p.CreatedBy, &date, &p.PolicyVersion, &p.Objective, &p.Moves}
	if withBody {
		dest = append(dest, &body)
	}
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if p.CreatedAt, err = parseTS(created); err != nil {
		return nil, err
	}
	if p.Date, err = parseDate(date); err != nil {
		return nil, err
	}
	if withBody {
		p.Body = []byte(body)
	}
	return &p, nil
}

// Plan returns the plan with the given id, with its body.
func (db *DB) Plan(ctx context.Context, id int64) (*mutasi.PlanRecord, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	p, err := scanPlan(tx.QueryRowContext(ctx, `SELECT `+planColumns+`, body FROM plans WHERE id = ?`, id), true)
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "rencana %d tidak ada", id)
	}
	return p, err
}

// Plans lists plan headers, newest first; limit 0 lists all.
func (db *DB) Plans(ctx context.Context, limit int) ([]*mutasi.PlanRecord, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	query := `SELECT ` + planColumns + ` FROM plans ORDER BY id DESC`
	if limit > 0 {
		query += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.PlanRecord
	for rows.Next() {
		p, err := scanPlan(rows, false)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// DataGeneration returns the counter that every write of the organisation
// data raises.
func (db *DB) DataGeneration(ctx context.Context) (int64, error) {
	var g int64
	err := db.db.QueryRowContext(ctx, `SELECT generation FROM data_generation WHERE only = 1`).Scan(&g)
	return g, err
}

// bumpGeneration raises the data generation inside a write transaction.
func bumpGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE data_generation SET generation = generation + 1 WHERE only = 1`)
	return err
}
