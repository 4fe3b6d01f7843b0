package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
)

// migrationFiles holds the versioned schema migrations. goose runs each SQL
// migration in its own transaction, so a failed migration leaves the schema
// as it was.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// newMigrator returns a goose provider over the embedded migrations.
func newMigrator(db *sql.DB) (*goose.Provider, error) {
	fsys, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(goose.DialectSQLite3, db, fsys)
}

// migrate applies every pending migration.
//
// Two processes may open the same new database at the same moment (two
// imports, the bot and an import). goose reads the applied version, then
// runs each pending migration in its own (IMMEDIATE, so queued)
// transaction; the second process then re-runs a migration the first has
// just applied and fails ("table units already exists"). goose offers no
// lock for SQLite, and holding SQLite's write lock on another connection
// would block goose's own transactions. So a failed run is retried when the
// schema version moved while it ran: another process made progress, and a
// fresh look at the version skips what it applied. The version only rises,
// to at most the newest migration, so the loop ends; a failure with no
// progress elsewhere is returned as it is.
func migrate(ctx context.Context, db *sql.DB) error {
	if err := ensureVersionTable(ctx, db); err != nil {
		return err
	}
	for {
		before := appliedVersion(ctx, db)
		err := migrateUp(ctx, db)
		if err == nil {
			return nil
		}
		if after := appliedVersion(ctx, db); after <= before {
			return err
		}
	}
}

// ensureVersionTable creates goose's version table, with goose's own DDL,
// inside one write transaction (IMMEDIATE, see dsn), so processes that
// race to create it queue instead of colliding: goose's own check-then-create
// would collide and retry after a full second.
func ensureVersionTable(ctx context.Context, db *sql.DB) error {
	st, err := database.NewStore(database.DialectSQLite3, goose.DefaultTablename)
	if err != nil {
		return err
	}
	// The usual case, an existing database, needs no write lock: opening
	// one beside a long import must not wait for it.
	if ok, err := hasVersionTable(ctx, db); err != nil || ok {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if ok, err := hasVersionTable(ctx, tx); err != nil || ok {
		return err
	}
	// Tables but no version table: another program's SQLite database,
	// which migrating would fill with mutasi's tables.
	var tables int
	if err := tx.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).Scan(&tables); err != nil {
		return err
	}
	if tables > 0 {
		return errForeignDatabase
	}
	if err := st.CreateVersionTable(ctx, tx); err != nil {
		return err
	}
	if err := st.Insert(ctx, tx, database.InsertRequest{Version: 0}); err != nil {
		return err
	}
	return tx.Commit()
}

// errForeignDatabase refuses an SQLite database that mutasi did not make.
var errForeignDatabase = errors.New("not a mutasi database")

// hasVersionTable reports whether goose's version table exists.
func hasVersionTable(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, goose.DefaultTablename).Scan(&n)
	return n > 0, err
}

// migrateUp runs goose once over the pending migrations.
func migrateUp(ctx context.Context, db *sql.DB) error {
	p, err := newMigrator(db)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// appliedVersion is the newest applied migration, or -1 when it cannot be
// read.
func appliedVersion(ctx context.Context, db *sql.DB) int64 {
	p, err := newMigrator(db)
	if err != nil {
		return -1
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return -1
	}
	return v
}

// SchemaVersion returns the version of the newest applied migration.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := newMigrator(db.db)
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}
