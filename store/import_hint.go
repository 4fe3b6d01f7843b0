package store

import (
	"database/sql"
	"slices"

	"github.com/mutasi/mutasi"
)

// A file whose rows (nearly) all refer to rows another table lacks was
// most likely imported before that table: employees before positions. The
// rejection then says so, once, instead of leaving two thousand "jabatan X
// tidak ada" lines to speak for themselves.

// missingRef counts the rows of one file that refer through column to no
// row of a table, and the distinct ids they name (up to hintMinIDs).
type missingRef struct {
	column string
	rows   int
	ids    map[string]struct{}
}

// Thresholds of the import order hint: the share of the rows read whose
// reference is missing, and, when the referenced table is not empty, how
// many distinct ids at least must be missing (one id in every row, or a
// few typos, is not a table imported out of order).
const (
	hintShareTenths = 9
	hintMinIDs      = 10
)

// missingRef records that one row refers through column to id, which no
// row of table ref has. A row counts once per referenced table.
func (r *importRun) missingRef(ref, column, id string) {
	if r.missing == nil {
		r.missing = make(map[string]*missingRef)
	}
	m := r.missing[ref]
	if m == nil {
		m = &missingRef{column: column, ids: make(map[string]struct{}, hintMinIDs)}
		r.missing[ref] = m
	}
	m.rows++
	if len(m.ids) < hintMinIDs {
		m.ids[id] = struct{}{}
	}
}

// hint sets the import order hint of a rejected file when (nearly) every
// row it read refers to rows that another table lacks, and that table is
// empty or lacks many different ids. A failing query only costs the
// hint: the file is rejected all the same.
func (r *importRun) hint(tx *sql.Tx) {
	for _, ref := range mutasi.Tables() {
		m := r.missing[ref]
		if m == nil || m.rows*10 < r.res.Rows*hintShareTenths {
			continue
		}
		empty, err := r.noActiveRows(tx, ref)
		if err != nil || !empty && len(m.ids) < hintMinIDs {
			continue
		}
		var first []string
		for _, t := range mutasi.Tables()[:slices.Index(mutasi.Tables(), ref)] {
			if e, err := r.noActiveRows(tx, t); err == nil && e {
				first = append(first, t)
			}
		}
		r.errs.Hint = mutasi.ImportOrderHint(m.column, ref, empty, append(first, ref))
		return
	}
}

// noActiveRows reports whether table (units, positions or employees) has
// no active row.
func (r *importRun) noActiveRows(tx *sql.Tx, table string) (bool, error) {
	var exists int
	err := tx.QueryRowContext(r.ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE active = 1)`).Scan(&exists)
	return exists == 0, err
}
