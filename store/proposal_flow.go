package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/mutasi/mutasi"
)

var _ mutasi.ProposalFlow = (*DB)(nil)

// CreateProposalFlow is CreateProposal with, in the same transaction, the
// notifications and the audit entry the change owes (none when change is
// nil).
func (db *DB) CreateProposalFlow(ctx context.Context, p *mutasi.Proposal, change mutasi.ProposalChange) error {
	if p.Status == "" {
		p.Status = mutasi.ProposalDraft
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.Status != mutasi.ProposalDraft && p.Status != mutasi.ProposalProposed {
		return mutasi.Errorf(mutasi.EINVALID, "usulan baru harus berstatus draft atau proposed, bukan %s", p.Status)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := db.now()
	if err := createProposal(ctx, tx, p, now); err != nil {
		return err
	}
	if err := owe(ctx, tx, p, change, now); err != nil {
		return err
	}
	return tx.Commit()
}

// TransitionProposalFlow is TransitionProposal with the notifications and
// the audit entry the change owes, in the same transaction.
func (db *DB) TransitionProposalFlow(ctx context.Context, id int64, to mutasi.ProposalStatus, by int64, note string, change mutasi.ProposalChange) (*mutasi.Proposal, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	now := db.now()
	p, err := transitionProposal(ctx, tx, id, to, by, note, now)
	if err != nil {
		return nil, err
	}
	if err := owe(ctx, tx, p, change, now); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return p, nil
}

// owe writes what a change of p owes: a notification that fails
// validation fails the change, so that nobody is told of a change that did
// not happen or left untold of one that did.
func owe(ctx context.Context, tx *sql.Tx, p *mutasi.Proposal, change mutasi.ProposalChange, now time.Time) error {
	if change == nil {
		return nil
	}
	notes, entry := change(p)
	for _, n := range notes {
		if err := n.Validate(); err != nil {
			return err
		}
		if err := enqueue(ctx, tx, n, now); err != nil {
			return err
		}
	}
	if entry != nil {
		if err := entry.Validate(); err != nil {
			return err
		}
		return audit(ctx, tx, entry, now)
	}
	return nil
}
