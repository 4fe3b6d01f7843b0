package store

import (
	"context"

	"github.com/mutasi/mutasi"
)

// OrgSnapshot returns the stored encoding of the organisation if it was
// made at the current data generation; ENOTFOUND when there is none or it
// is stale. The store does not interpret the bytes: their format is the
// caller's (placement), which gives format so that an old encoding is
// never misread.
func (db *DB) OrgSnapshot(ctx context.Context, format int) (generation int64, data []byte, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT s.generation, s.data FROM org_snapshot s
		JOIN data_generation g ON g.generation = s.generation WHERE s.format = ?`, format).Scan(&generation, &data)
	if notFound(err) {
		return 0, nil, mutasi.Errorf(mutasi.ENOTFOUND, "tidak ada snapshot organisasi yang mutakhir")
	}
	return generation, data, err
}

// SaveOrgSnapshot keeps an encoding of the organisation read at
// generation. If the data changed since (another process imported), the
// snapshot would be stale at birth, and it is not kept: ECONFLICT.
func (db *DB) SaveOrgSnapshot(ctx context.Context, generation int64, format int, data []byte) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var current int64
	if err := tx.QueryRowContext(ctx, `SELECT generation FROM data_generation WHERE only = 1`).Scan(&current); err != nil {
		return err
	}
	if current != generation {
		return mutasi.Errorf(mutasi.ECONFLICT, "data berubah sejak dibaca (generasi %d, sekarang %d)", generation, current)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO org_snapshot (only, generation, format, data) VALUES (1, ?, ?, ?)
		ON CONFLICT (only) DO UPDATE SET generation = excluded.generation, format = excluded.format, data = excluded.data`,
		generation, format, data); err != nil {
		return err
	}
	return tx.Commit()
}
