package store

import (
	"context"
	"database/sql"
)

// Dangling counts active rows that refer to inactive ones. A --replace
// import may leave them (positions deactivated before the employees file
// that moves their holders is imported); until they are resolved, an
// export of the database would not import into an empty one.
type Dangling struct {
	EmployeesInInactivePositions int
	PositionsInInactiveUnits     int
	UnitsUnderInactiveParents    int
	Examples                     []string // a few of the ids concerned, for the message
}

// Any reports whether anything dangles.
func (d *Dangling) Any() bool {
	return d.EmployeesInInactivePositions+d.PositionsInInactiveUnits+d.UnitsUnderInactiveParents > 0
}

// Dangling reads what dangles from one snapshot.
func (db *DB) Dangling(ctx context.Context) (*Dangling, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var d Dangling
	checks := []struct {
		count *int
		query string
	}{
		{&d.EmployeesInInactivePositions, `SELECT e.nip FROM employees e JOIN positions p ON p.jabatan_id = e.jabatan_id
			WHERE e.active = 1 AND p.active = 0 ORDER BY e.nip`},
		{&d.PositionsInInactiveUnits, `SELECT p.jabatan_id FROM positions p JOIN units u ON u.unit_id = p.unit_id
			WHERE p.active = 1 AND u.active = 0 ORDER BY p.jabatan_id`},
		{&d.UnitsUnderInactiveParents, `SELECT u.unit_id FROM units u JOIN units parent ON parent.unit_id = u.induk_id
			WHERE u.active = 1 AND parent.active = 0 ORDER BY u.unit_id`},
	}
	for _, c := range checks {
		if err := countIDs(ctx, tx, c.query, c.count, &d.Examples); err != nil {
			return nil, err
		}
	}
	return &d, nil
}

// countIDs counts the rows of query and keeps the first three ids.
func countIDs(ctx context.Context, tx *sql.Tx, query string, n *int, examples *[]string) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	kept := 0
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		*n++
		if kept < 3 {
			*examples = append(*examples, id)
			kept++
		}
	}
	return rows.Err()
}
