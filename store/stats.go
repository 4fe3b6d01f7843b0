package store

import (
	"context"
	"database/sql"

	"github.com/mutasi/mutasi"
)

// Counts is the overview that `mutasi stats` prints.
type Counts struct {
	Units, UnitsInactive         int
	Positions, PositionsInactive int
	Employees, EmployeesInactive int
	PNS, PPPK                    int // active employees by status
	Aspirations                  int // of active employees
	Proposals                    map[mutasi.ProposalStatus]int
}

// Counts counts the rows of the database from one snapshot.
func (db *DB) Counts(ctx context.Context) (*Counts, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return countAll(ctx, tx)
}

func countAll(ctx context.Context, tx *sql.Tx) (*Counts, error) {
	var c Counts
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM units WHERE active = 1),
		(SELECT count(*) FROM units WHERE active = 0),
		(SELECT count(*) FROM positions WHERE active = 1),
		(SELECT count(*) FROM positions WHERE active = 0),
		(SELECT count(*) FROM employees WHERE active = 1),
		(SELECT count(*) FROM employees WHERE active = 0),
		(SELECT count(*) FROM employees WHERE active = 1 AND status = 'PNS'),
		(SELECT count(*) FROM employees WHERE active = 1 AND status = 'PPPK'),
		(SELECT count(*) FROM aspirations a JOIN employees e ON e.nip = a.nip AND e.active = 1)`).
		Scan(&c.Units, &c.UnitsInactive, &c.Positions, &c.PositionsInactive,
			&c.Employees, &c.EmployeesInactive, &c.PNS, &c.PPPK, &c.Aspirations)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT status, count(*) FROM proposals GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c.Proposals = make(map[mutasi.ProposalStatus]int)
	for rows.Next() {
		var s mutasi.ProposalStatus
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		c.Proposals[s] = n
	}
	return &c, rows.Err()
}

// UnitWorkload is the ABK picture of one unit over its own active
// positions (not its sub-units'). The caller computes EJ with mutasi.EJ
// and its grade with mutasi.EJGrade.
type UnitWorkload struct {
	UnitID        string
	Nama          string
	IndukID       string
	Positions     int     // active positions
	Holders       int     // active employees in them
	Kebutuhan     int     // holders needed, summed
	BebanKerjaJam float64 // yearly workload hours, summed
}

// UnitWorkloads returns the workload of every active unit, ordered by id.
func (db *DB) UnitWorkloads(ctx context.Context) ([]UnitWorkload, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return unitWorkloads(ctx, tx)
}

func unitWorkloads(ctx context.Context, tx *sql.Tx) ([]UnitWorkload, error) {
	rows, err := tx.QueryContext(ctx, `SELECT u.unit_id, u.nama, coalesce(u.induk_id, ''),
			count(p.jabatan_id), coalesce(sum(h.n), 0), coalesce(sum(p.kebutuhan), 0),
			coalesce(sum(p.beban_kerja_jam), 0.0)
		FROM units u
		LEFT JOIN positions p ON p.unit_id = u.unit_id AND p.active = 1
		LEFT JOIN (SELECT jabatan_id, count(*) AS n FROM employees WHERE active = 1 GROUP BY jabatan_id) h
			ON h.jabatan_id = p.jabatan_id
		WHERE u.active = 1
		GROUP BY u.unit_id
		ORDER BY u.unit_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []UnitWorkload
	for rows.Next() {
		var w UnitWorkload
		if err := rows.Scan(&w.UnitID, &w.Nama, &w.IndukID, &w.Positions, &w.Holders, &w.Kebutuhan, &w.BebanKerjaJam); err != nil {
			return nil, err
		}
		list = append(list, w)
	}
	return list, rows.Err()
}
