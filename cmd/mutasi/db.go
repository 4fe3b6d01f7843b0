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

// dirExists says, in words, when a file cannot be written because its
// directory is missing: the raw error would name a temporary file or come
// from SQLite in English.
func dirExists(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return mutasi.Errorf(mutasi.ENOTFOUND, "direktori %s tidak ada; buat dulu direktori itu", dir)
	case err != nil:
		return err
	case !fi.IsDir():
		return mutasi.Errorf(mutasi.EINVALID, "%s bukan direktori", dir)
	}
	return nil
}
