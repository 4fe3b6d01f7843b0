package store

import (
	"context"
)

// Invitee is an active employee who has no active bot user, with the unit
// they work in: whom a bulk invitation reaches.
type Invitee struct {
	NIP, Nama        string
	UnitID, UnitNama string // "" when the position or unit is gone
}

// Invitees lists the active employees without an active bot user of any
// role, in NIP order, and counts the active employees who have one. One
// query: reading the 100,000 employees of a large pemda whole would take
// several times as long.
func (db *DB) Invitees(ctx context.Context) (list []Invitee, registered int, err error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT e.nip, e.nama, coalesce(p.unit_id, ''), coalesce(u.nama, ''),
			EXISTS (SELECT 1 FROM users WHERE nip = e.nip AND active = 1)
		FROM employees e
		LEFT JOIN positions p ON p.jabatan_id = e.jabatan_id
		LEFT JOIN units u ON u.unit_id = p.unit_id
		WHERE e.active = 1 ORDER BY e.nip`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var in Invitee
		var hasUser bool
		if err := rows.Scan(&in.NIP, &in.Nama, &in.UnitID, &in.UnitNama, &hasUser); err != nil {
			return nil, 0, err
		}
		if hasUser {
			registered++
			continue
		}
		list = append(list, in)
	}
	return list, registered, rows.Err()
}
