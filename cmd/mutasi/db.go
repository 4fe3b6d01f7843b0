package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// openExistingDB opens the database of a command that only reads or adds to
// existing data: a missing file is the user's mistake (a typo in --db), not
// a reason to create an empty database.
func openExistingDB(ctx context.Context, a *app) (*store.DB, error) {
	if _, err := os.Stat(a.DB); errors.Is(err, fs.ErrNotExist) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND,
			"basis data %s belum ada; buat dengan 'mutasi demo' atau isi dengan 'mutasi import' (atau tunjuk yang benar dengan --db / MUTASI_DB)", a.DB)
	}
	return store.Open(ctx, a.DB, store.WithClock(a.Now))
}
