// Package store is the SQLite implementation of mutasi's services
// (modernc.org/sqlite, pure Go). Every exported method runs in one
// transaction: begin, defer rollback, lowercase helpers taking the tx,
// commit. Time comes from the clock given to Open, never from time.Now deep
// inside.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Compile-time checks that DB implements the root service interfaces.
var (
	_ mutasi.Directory         = (*DB)(nil)
	_ mutasi.Importer          = (*DB)(nil)
	_ mutasi.AspirationService = (*DB)(nil)
	_ mutasi.ProposalService   = (*DB)(nil)
	_ mutasi.UserService       = (*DB)(nil)
	_ mutasi.Outbox            = (*DB)(nil)
	_ mutasi.AuditLog          = (*DB)(nil)
)

// DB is an open mutasi database.
type DB struct {
	db   *sql.DB
	path string
	now  func() time.Time
	busy time.Duration
}

// Option configures Open.
type Option func(*DB)

// WithClock sets the clock used for timestamps (created_at, updated_at,
// invite expiry). The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(db *DB) { db.now = now }
}

// WithBusyTimeout sets how long a write waits for another process's write
// to finish before giving up with ECONFLICT. The default is 5 s.
func WithBusyTimeout(d time.Duration) Option {
	return func(db *DB) { db.busy = d }
}

// pathEscaper escapes the characters that are special in an SQLite URI
// filename, so that any path can be opened.
var pathEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// dsn builds the modernc DSN. Write transactions begin IMMEDIATE so that two
// writers queue on busy_timeout instead of failing on a lock upgrade;
// read-only transactions begin DEFERRED and run beside a writer (WAL).
func dsn(path string, busy time.Duration) string {
	return "file:" + pathEscaper.Replace(path) +
		fmt.Sprintf("?_pragma=busy_timeout(%d)", busy.Milliseconds()) +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
// maxConns bounds the pool of SQLite connections.
const maxConns = 8

func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if path == "" {
		return nil, mutasi.Errorf(mutasi.EINVALID, "lokasi basis data wajib diisi")
	}
	db := &DB{path: path, now: time.Now, busy: 5 * time.Second}
	for _, o := range opts {
		o(db)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	sqldb, err := sql.Open("sqlite", dsn(path, db.busy))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.db = sqldb
	// Keep the connections that are opened: database/sql keeps only two
	// idle by default, and a new SQLite connection parses the schema again
	// (under 200 chats at once that was a fifth of the bot's CPU). Eight is
	// plenty of readers beside one writer (WAL).
	sqldb.SetMaxOpenConns(maxConns)
	sqldb.SetMaxIdleConns(maxConns)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	if err := ping(ctx, sqldb, db.busy); err != nil {
		sqldb.Close()
		if busy(err) {
			return nil, db.busyError()
		}
		return nil, openError(path, err)
	}
	if err := migrate(ctx, sqldb); err != nil {
		sqldb.Close()
		if busy(err) {
			return nil, db.busyError()
		}
		if errors.Is(err, errForeignDatabase) {
			return nil, mutasi.Errorf(mutasi.EINVALID,
				"%s adalah basis data SQLite lain, bukan basis data mutasi; tabelnya tidak diubah (salah tunjuk berkas?)", path)
		}
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return db, nil
}

// checkPath says in words what SQLite would report as "unable to open
// database file": path is a directory, or its directory is missing.
func checkPath(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return mutasi.Errorf(mutasi.EINVALID, "%s adalah direktori, bukan berkas basis data; tunjuk sebuah berkas (mis. %s)",
			path, filepath.Join(path, "mutasi.db"))
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return mutasi.Errorf(mutasi.ENOTFOUND, "direktori %s tidak ada; buat dulu direktori itu untuk basis data %s", dir, path)
		}
	}
	return nil
}

// openError says in words why SQLite could not open path.
func openError(path string, err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("open %s: %w", path, err)
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return mutasi.Errorf(mutasi.EINVALID, "%s bukan basis data: berkas itu ada tetapi isinya bukan basis data SQLite (salah tunjuk berkas?); berkas itu tidak diubah", path)
	case sqlite3.SQLITE_CORRUPT:
		return mutasi.Errorf(mutasi.EINVALID, "basis data %s rusak; pakai salinan cadangan (yang dibuat dengan mutasi backup)", path)
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_AUTH:
		return mutasi.Errorf(mutasi.EINVALID, "basis data %s tidak dapat dibuka untuk ditulis; periksa izin berkas dan direktorinya", path)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// pingRetry is the pause between two attempts of ping.
const pingRetry = 10 * time.Millisecond

// ping opens the first connection, which runs the DSN's pragmas. Switching a
// new database to WAL needs an exclusive lock, and SQLite reports
// SQLITE_BUSY at once, without waiting in the busy handler, when another
// process is switching the same file at that moment (two commands opening a
// new database together). So a busy ping is tried again, within the busy
// timeout.
func ping(ctx context.Context, sqldb *sql.DB, timeout time.Duration) error {
	for tries := timeout / pingRetry; ; tries-- {
		err := sqldb.PingContext(ctx)
		if err == nil || !busy(err) || tries <= 0 {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pingRetry):
		}
	}
}

// Close closes the database.
func (db *DB) Close() error {
	if db == nil || db.db == nil {
		return nil
	}
	return db.db.Close()
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// beginWrite starts a read-write transaction (BEGIN IMMEDIATE).
// Another process writing for longer than the busy timeout is the user's
// situation to resolve (wait, or stop the other import), so it is
// ECONFLICT in words, not SQLite's "database is locked".
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if busy(err) {
		return nil, db.busyError()
	}
	return tx, err
}

func (db *DB) busyError() error {
	return mutasi.Errorf(mutasi.ECONFLICT,
		"basis data %s sedang ditulis oleh proses lain (impor, demo, atau bot) lebih dari %s; coba lagi setelah proses itu selesai",
		db.path, mutasi.FormatDuration(db.busy))
}

// busy reports whether err is SQLite's SQLITE_BUSY (any extended code).
func busy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// beginRead starts a read-only transaction that sees one consistent
// snapshot.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// notFound reports whether err is sql.ErrNoRows.
func notFound(err error) bool { return errors.Is(err, sql.ErrNoRows) }
