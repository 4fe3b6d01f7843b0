package store

import "context"

// dataTables are the tables that hold what people or imports put in a
// database; the others (schema version, data generation) are there from
// the start.
var dataTables = []string{"units", "positions", "employees", "aspirations", "proposals",
	"users", "invites", "audit_log", "outbox", "plans"}

// Empty reports whether the database holds no data at all: what Open makes
// of a new file. A command that created the file and stored nothing in it
// may remove it again.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	for _, t := range dataTables {
		var any int
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+t+`)`).Scan(&any); err != nil {
			return false, err
		}
		if any != 0 {
			return false, nil
		}
	}
	return true, nil
}
