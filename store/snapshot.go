package store

import (
	"context"
	"database/sql"

	"github.com/mutasi/mutasi"
)

var _ mutasi.Directory = (*Snapshot)(nil)

// Snapshot is a mutasi.Directory that reads from one read transaction, so
// that an export of several tables shows them all in one state: the DB's
// own methods each read their own, and an import committed between two
// of them would leave, say, employees in a position the export does not
// list. The state is that of the first read. Close ends it.
type Snapshot struct {
	tx *sql.Tx
}

// Snapshot begins a Snapshot; the caller must Close it.
func (db *DB) Snapshot(ctx context.Context) (*Snapshot, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	return &Snapshot{tx: tx}, nil
}

// Close ends the snapshot's transaction.
func (s *Snapshot) Close() error { return s.tx.Rollback() }

func (s *Snapshot) Unit(ctx context.Context, id string) (*mutasi.Unit, error) {
	return findUnit(ctx, s.tx, id)
}

func (s *Snapshot) Units(ctx context.Context) ([]*mutasi.Unit, error) {
	return listUnits(ctx, s.tx)
}

func (s *Snapshot) Position(ctx context.Context, id string) (*mutasi.Position, error) {
	return findPosition(ctx, s.tx, id)
}

func (s *Snapshot) Positions(ctx context.Context) ([]*mutasi.Position, error) {
	return listPositions(ctx, s.tx)
}

func (s *Snapshot) Employee(ctx context.Context, nip string) (*mutasi.Employee, error) {
	return findEmployee(ctx, s.tx, nip)
}

func (s *Snapshot) EachEmployee(ctx context.Context, fn func(*mutasi.Employee) error) error {
	return eachEmployee(ctx, s.tx, fn)
}

func (s *Snapshot) Aspiration(ctx context.Context, nip string) (*mutasi.Aspiration, error) {
	return findAspiration(ctx, s.tx, nip)
}

func (s *Snapshot) EachAspiration(ctx context.Context, fn func(*mutasi.Aspiration) error) error {
	return eachAspiration(ctx, s.tx, fn)
}
