package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

const proposalColumns = `id, nip, from_position, to_position, status, reason, score, policy_version,
	created_by, created_at, proposed_at, answered_at, answer, decided_at, decided_by, decision_note,
	justification, plan_id`

func scanProposal(s scanner) (*mutasi.Proposal, error) {
	var p mutasi.Proposal
	var created, proposed, answered, decided string
	if err := s.Scan(&p.ID, &p.NIP, &p.FromPosition, &p.ToPosition, &p.Status, &p.Reason, &p.Score,
		&p.PolicyVersion, &p.CreatedBy, &created, &proposed, &answered, &p.Answer, &decided,
		&p.DecidedBy, &p.DecisionNote, &p.Justification, &p.PlanID); err != nil {
		return nil, err
	}
	for _, ts := range []struct {
		dst *time.Time
		src string
	}{{&p.CreatedAt, created}, {&p.ProposedAt, proposed}, {&p.AnsweredAt, answered}, {&p.DecidedAt, decided}} {
		t, err := parseTS(ts.src)
		if err != nil {
			return nil, err
		}
		*ts.dst = t
	}
	return &p, nil
}

// CreateProposal validates and stores a new proposal, setting its ID and
// CreatedAt (and ProposedAt if it is created as proposed). The employee and
// both positions must exist; the target position must be active.
func (db *DB) CreateProposal(ctx context.Context, p *mutasi.Proposal) error {
	return db.CreateProposalFlow(ctx, p, nil)
}

func createProposal(ctx context.Context, tx *sql.Tx, p *mutasi.Proposal, now time.Time) error {
	if _, err := findEmployee(ctx, tx, p.NIP); err != nil {
		return err
	}
	if _, err := findPosition(ctx, tx, p.FromPosition); err != nil {
		return err
	}
	to, err := findPosition(ctx, tx, p.ToPosition)
	if err != nil {
		return err
	}
	if !to.Active {
		return mutasi.Errorf(mutasi.EINVALID, "jabatan tujuan %s tidak aktif", p.ToPosition)
	}
	p.CreatedAt = now
	if p.Status == mutasi.ProposalProposed {
		p.ProposedAt = now
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO proposals (nip, from_position, to_position, status, reason,
			score, policy_version, created_by, created_at, proposed_at, justification, plan_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.NIP, p.FromPosition, p.ToPosition, string(p.Status), p.Reason, p.Score, p.PolicyVersion,
		p.CreatedBy, formatTS(p.CreatedAt), formatTS(p.ProposedAt), p.Justification, p.PlanID)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// Proposal returns the proposal with the given id.
func (db *DB) Proposal(ctx context.Context, id int64) (*mutasi.Proposal, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findProposal(ctx, tx, id)
}

func findProposal(ctx context.Context, tx *sql.Tx, id int64) (*mutasi.Proposal, error) {
	p, err := scanProposal(tx.QueryRowContext(ctx, `SELECT `+proposalColumns+` FROM proposals WHERE id = ?`, id))
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "usulan %d tidak ditemukan", id)
	}
	return p, err
}

// Proposals returns the proposals matching filter, newest first.
func (db *DB) Proposals(ctx context.Context, filter mutasi.ProposalFilter) ([]*mutasi.Proposal, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findProposals(ctx, tx, filter)
}

func findProposals(ctx context.Context, tx *sql.Tx, filter mutasi.ProposalFilter) ([]*mutasi.Proposal, error) {
	var where []string
	var args []any
	if filter.NIP != "" {
		where, args = append(where, "nip = ?"), append(args, filter.NIP)
	}
	if filter.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(filter.Status))
	}
	if len(filter.Statuses) > 0 {
		marks := make([]string, len(filter.Statuses))
		for i, st := range filter.Statuses {
			marks[i], args = "?", append(args, string(st))
		}
		where = append(where, "status IN ("+strings.Join(marks, ", ")+")")
	}
	if filter.CreatedBy != 0 {
		where, args = append(where, "created_by = ?"), append(args, filter.CreatedBy)
	}
	query := `SELECT ` + proposalColumns + ` FROM proposals`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY id DESC`
	if filter.Limit > 0 {
		query += fmt.Sprintf(` LIMIT %d`, filter.Limit)
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// TransitionProposal moves a proposal to status to, if mutasi.CanTransition
// allows it (else ECONFLICT), and records who and when: proposed stamps
// ProposedAt; answered and objected stamp AnsweredAt and keep note as the
// employee's Answer (an objection needs one); approved and rejected stamp
// DecidedAt and DecidedBy and keep note as the DecisionNote.
func (db *DB) TransitionProposal(ctx context.Context, id int64, to mutasi.ProposalStatus, by int64, note string) (*mutasi.Proposal, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	p, err := transitionProposal(ctx, tx, id, to, by, note, db.now())
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return p, nil
}

func transitionProposal(ctx context.Context, tx *sql.Tx, id int64, to mutasi.ProposalStatus, by int64, note string, now time.Time) (*mutasi.Proposal, error) {
	p, err := findProposal(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if !mutasi.CanTransition(p.Status, to) {
		return nil, mutasi.Errorf(mutasi.ECONFLICT, "usulan %d berstatus %s dan tidak dapat diubah menjadi %s", id, p.Status, to)
	}
	switch to {
	case mutasi.ProposalProposed:
		p.ProposedAt = now
	case mutasi.ProposalAnswered, mutasi.ProposalObjected:
		if to == mutasi.ProposalObjected && strings.TrimSpace(note) == "" {
			return nil, mutasi.Errorf(mutasi.EINVALID, "keberatan wajib disertai alasan")
		}
		p.AnsweredAt, p.Answer = now, note
	case mutasi.ProposalApproved, mutasi.ProposalRejected:
		p.DecidedAt, p.DecidedBy, p.DecisionNote = now, by, note
	}
	p.Status = to
	// The write transaction began IMMEDIATE, so no other writer can change
	// the proposal between the read above and this update.
	_, err = tx.ExecContext(ctx, `UPDATE proposals SET status = ?, proposed_at = ?, answered_at = ?, answer = ?,
			decided_at = ?, decided_by = ?, decision_note = ?
		WHERE id = ?`,
		string(p.Status), formatTS(p.ProposedAt), formatTS(p.AnsweredAt), p.Answer,
		formatTS(p.DecidedAt), p.DecidedBy, p.DecisionNote, id)
	if err != nil {
		return nil, err
	}
	return p, nil
}
