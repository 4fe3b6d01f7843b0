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
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
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
}

// Option configures Open.
type Option func(*DB)

// WithClock sets the clock used for timestamps (created_at, updated_at,
// invite expiry). The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(db *DB) { db.now = now }
}

// pathEscaper escapes the characters that are special in an SQLite URI
// filename, so that any path can be opened.
var pathEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// dsn builds the modernc DSN. Write transactions begin IMMEDIATE so that two
// writers queue on busy_timeout instead of failing on a lock upgrade;
// read-only transactions begin DEFERRED and run beside a writer (WAL).
func dsn(path string) string {
	return "file:" + pathEscaper.Replace(path) +
		"?_pragma=busy_timeout(5000)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if path == "" {
		return nil, mutasi.Errorf(mutasi.EINVALID, "lokasi basis data wajib diisi")
	}
	db := &DB{path: path, now: time.Now}
	for _, o := range opts {
		o(db)
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.db = sqldb
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, sqldb); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return db, nil
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
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, nil)
}

// beginRead starts a read-only transaction that sees one consistent
// snapshot.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// notFound reports whether err is sql.ErrNoRows.
func notFound(err error) bool { return errors.Is(err, sql.ErrNoRows) }
