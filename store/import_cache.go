package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strconv"
)

// importCacheKiB is SQLite's page cache for an import's connection, in KiB.
// A file not sorted by id inserts into the primary-key index at random
// places; with SQLite's default cache (2 MiB) the index of 100,000
// employees does not fit, pages are written out and read back over and
// over, and an unsorted import took 2.4 times as long as a sorted one.
// The cache only grows as pages are touched, so a small import pays
// nothing; 64 MiB holds the indexes of about two million employees.
const importCacheKiB = 64 << 10

// beginImport starts an import's write transaction on a connection of its
// own with the larger page cache. release gives the connection back to the
// pool with the default cache (dropping the pages it held); call it after
// the transaction ended.
func (db *DB) beginImport(ctx context.Context) (tx *sql.Tx, release func(), err error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -`+strconv.Itoa(importCacheKiB)); err != nil {
		conn.Close()
		return nil, nil, err
	}
	tx, err = conn.BeginTx(ctx, nil)
	if busy(err) {
		err = db.busyError()
	}
	release = func() {
		// The default again, so that a pooled reader does not keep 64 MiB.
		// A connection that cannot be reset is closed instead of reused.
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}
	if err != nil {
		release()
		return nil, nil, err
	}
	return tx, release, nil
}
