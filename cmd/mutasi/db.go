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

// createdDB remembers whether a command's database file was there before the
// command opened it, so that a command which stored nothing (a rejected
// import, a dry run) does not leave an empty database behind: a later
// command would take it for a real one ("0 pegawai").
type createdDB struct {
	path  string
	isNew bool
}

func beforeOpen(path string) createdDB {
	_, err := os.Stat(path)
	return createdDB{path: path, isNew: errors.Is(err, fs.ErrNotExist)}
}

// close closes db and, when this command created the file and nothing was
// stored in it, removes it. A file that was there before is never touched,
// nor one that holds data or that another process still has open (SQLite
// removes the -wal file when the last connection closes).
func (n createdDB) close(ctx context.Context, db *store.DB) {
	if !n.isNew {
		db.Close()
		return
	}
	empty, err := db.Empty(ctx)
	db.Close()
	if err != nil || !empty {
		return
	}
	if _, err := os.Stat(n.path + "-wal"); err == nil {
		return
	}
	os.Remove(n.path)
	os.Remove(n.path + "-shm")
}
