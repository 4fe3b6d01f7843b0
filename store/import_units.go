package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/mutasi/mutasi"
)

const upsertUnit = `INSERT INTO units (unit_id, nama, induk_id, active) VALUES (?, ?, ?, 1)
	ON CONFLICT (unit_id) DO UPDATE SET nama = excluded.nama, induk_id = excluded.induk_id, active = 1
	WHERE units.nama IS NOT excluded.nama OR units.induk_id IS NOT excluded.induk_id OR units.active = 0`

// fileUnit is a unit row kept until the whole file is read: a parent may
// come after its children. Unit files are small (hundreds of rows).
type fileUnit struct {
	num      int
	unit     mutasi.Unit
	checkInd bool // induk_id is well-formed and worth resolving
}

// ImportUnits imports units.csv: each induk_id must name a unit of the
// same file or an active unit of the database (under Replace: of the file,
// since the others become inactive), and no unit may be its own ancestor.
func (db *DB) ImportUnits(ctx context.Context, rows mutasi.RowReader[mutasi.Unit], opt mutasi.ImportOptions) (mutasi.ImportResult, error) {
	return db.runImport(ctx, mutasi.TableUnits, opt, func(tx *sql.Tx, run *importRun) error {
		return importUnits(ctx, tx, run, rows)
	})
}

func importUnits(ctx context.Context, tx *sql.Tx, run *importRun, rows mutasi.RowReader[mutasi.Unit]) error {
	var file []fileUnit
	seen := make(map[string]int)
	err := rows(func(row mutasi.Row[mutasi.Unit]) error {
		if err := run.next(); err != nil {
			return err
		}
		u := row.Value
		bad := run.check(row.Num, row.Problems, u.Validate)
		if bad.has("unit_id") || run.duplicate(seen, row.Num, "unit_id", u.ID) {
			return nil
		}
		file = append(file, fileUnit{num: row.Num, unit: u, checkInd: u.IndukID != "" && !bad.has("induk_id")})
		return nil
	})
	if err != nil {
		return err
	}
	stored, parents, err := loadUnitTree(ctx, tx)
	if err != nil {
		return err
	}
	for _, f := range file {
		if f.checkInd {
			checkParent(run, f, seen, stored)
		}
	}
	findUnitCycles(run, file, seen, parents)
	if !run.clean() {
		return nil
	}
	upsert, err := tx.PrepareContext(ctx, upsertUnit)
	if err != nil {
		return err
	}
	defer upsert.Close()
	for _, f := range file {
		res, err := upsert.ExecContext(ctx, f.unit.ID, f.unit.Nama, nullString(f.unit.IndukID))
		if err != nil {
			return err
		}
		_, existed := stored[f.unit.ID]
		if err := run.counted(res, existed); err != nil {
			return err
		}
	}
	if !run.opt.Replace {
		return nil
	}
	return run.deactivateMissing(tx, `UPDATE units SET active = 0 WHERE unit_id = ?`, stored, seen)
}

// loadUnitTree returns id → active and id → parent for every stored unit.
func loadUnitTree(ctx context.Context, tx *sql.Tx) (map[string]bool, map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, coalesce(induk_id, ''), active FROM units`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	active := make(map[string]bool)
	parents := make(map[string]string)
	for rows.Next() {
		var id, induk string
		var a bool
		if err := rows.Scan(&id, &induk, &a); err != nil {
			return nil, nil, err
		}
		active[id] = a
		if induk != "" {
			parents[id] = induk
		}
	}
	return active, parents, rows.Err()
}

// checkParent reports a parent that is neither in the file nor an active
// stored unit that will stay active.
func checkParent(run *importRun, f fileUnit, inFile map[string]int, stored map[string]bool) {
	induk := f.unit.IndukID
	if _, ok := inFile[induk]; ok {
		return
	}
	active, ok := stored[induk]
	switch {
	case !ok:
		run.problem(f.num, "induk_id", "unit induk %s tidak ada di berkas maupun di basis data", induk)
	case !active:
		run.problem(f.num, "induk_id", "unit induk %s tidak aktif", induk)
	case run.opt.Replace:
		run.problem(f.num, "induk_id", "unit induk %s tidak tercantum di berkas (impor dengan replace menonaktifkan unit yang tidak tercantum)", induk)
	}
}

// findUnitCycles reports every cycle of the parent relation as it will be
// after the import: the stored tree overlaid with the file. Each cycle is
// reported once, on the row of its member that comes first in the file,
// with the path from that member round to itself.
func findUnitCycles(run *importRun, file []fileUnit, inFile map[string]int, parents map[string]string) {
	for _, f := range file {
		if f.unit.IndukID == "" {
			delete(parents, f.unit.ID)
		} else {
			parents[f.unit.ID] = f.unit.IndukID
		}
	}
	const (
		unvisited = iota
		onPath
		done
	)
	state := make(map[string]int)
	for _, f := range file {
		var path []string
		at := make(map[string]int) // position of a unit on path
		id := f.unit.ID
		for id != "" && state[id] == unvisited {
			state[id] = onPath
			at[id] = len(path)
			path = append(path, id)
			parent := parents[id]
			if parent == id { // its own parent: Validate already said so
				break
			}
			id = parent
		}
		if id != "" && state[id] == onPath {
			if cycle := path[at[id]:]; len(cycle) > 1 {
				reportCycle(run, cycle, inFile)
			}
		}
		for _, p := range path {
			state[p] = done
		}
	}
}

// reportCycle reports one cycle on the row of its first member in the file.
func reportCycle(run *importRun, cycle []string, inFile map[string]int) {
	start := -1
	for i, id := range cycle {
		if row, ok := inFile[id]; ok && (start < 0 || row < inFile[cycle[start]]) {
			start = i
		}
	}
	if start < 0 {
		return // a cycle of stored units only: not this file's doing
	}
	var b strings.Builder
	for i := range cycle {
		b.WriteString(cycle[(start+i)%len(cycle)])
		b.WriteString(" → ")
	}
	b.WriteString(cycle[start])
	run.problem(inFile[cycle[start]], "induk_id", "siklus induk: %s", b.String())
}
