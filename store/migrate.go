package store

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"

	"github.com/pressly/goose/v3"
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
func migrate(ctx context.Context, db *sql.DB) error {
	p, err := newMigrator(db)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// SchemaVersion returns the version of the newest applied migration.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := newMigrator(db.db)
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}
