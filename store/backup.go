package store

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/mutasi/mutasi"
)

// Backup writes a consistent copy of the live database to dest with
// VACUUM INTO: one read snapshot, so writers may go on meanwhile. It never
// overwrites: an existing dest is ECONFLICT.
func (db *DB) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return mutasi.Errorf(mutasi.EINVALID, "lokasi cadangan wajib diisi")
	}
	if _, err := os.Stat(dest); err == nil {
		return mutasi.Errorf(mutasi.ECONFLICT, "berkas %s sudah ada; cadangan tidak menimpa berkas yang ada", dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// VACUUM cannot run inside a transaction; it is one statement and
	// takes its own read snapshot.
	_, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, dest)
	return err
}
