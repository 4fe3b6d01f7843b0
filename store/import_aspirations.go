package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mutasi/mutasi"
)

// ImportAspirations imports aspirations.csv: each nip must be an active
// employee and each choice an active position or unit (not both). Under
// Replace, the aspiration of an employee absent from the file is deleted
// (aspirations have no active flag) and counted as Deactivated.
func (db *DB) ImportAspirations(ctx context.Context, rows mutasi.RowReader[mutasi.Aspiration], opt mutasi.ImportOptions) (mutasi.ImportResult, error) {
	now := db.now()
	return db.runImport(ctx, mutasi.TableAspirations, opt, func(tx *sql.Tx, run *importRun) error {
		return importAspirations(ctx, tx, run, rows, now)
	})
}

func importAspirations(ctx context.Context, tx *sql.Tx, run *importRun, rows mutasi.RowReader[mutasi.Aspiration], now time.Time) error {
	positions, err := loadActive(ctx, tx, `SELECT jabatan_id, active FROM positions WHERE active = 1`)
	if err != nil {
		return err
	}
	units, err := loadActive(ctx, tx, `SELECT unit_id, active FROM units WHERE active = 1`)
	if err != nil {
		return err
	}
	employee, err := tx.PrepareContext(ctx, `SELECT active FROM employees WHERE nip = ?`)
	if err != nil {
		return err
	}
	defer employee.Close()
	st, err := prepareAspirationStmts(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	seen := make(map[string]int)
	kinds := make([]choiceKind, 0, mutasi.MaxAspirationChoices)
	err = rows(func(row mutasi.Row[mutasi.Aspiration]) error {
		if err := run.next(); err != nil {
			return err
		}
		a := &row.Value
		bad := run.check(row.Num, row.Problems, a.Validate)
		if !bad.has("nip") && !run.duplicate(seen, row.Num, "nip", a.NIP) {
			var active bool
			err := employee.QueryRowContext(ctx, a.NIP).Scan(&active)
			switch {
			case notFound(err):
				run.problem(row.Num, "nip", "pegawai dengan NIP %s tidak ada di basis data", a.NIP)
				run.missingRef(mutasi.TableEmployees, "nip", a.NIP)
			case err != nil:
				return err
			case !active:
				run.problem(row.Num, "nip", "pegawai dengan NIP %s tidak aktif", a.NIP)
			}
		}
		kinds = kinds[:0]
		if !bad.has("pilihan") {
			for i, c := range a.Pilihan {
				field := fmt.Sprintf("pilihan_%d", i+1)
				if bad.has(field) {
					kinds = append(kinds, 0)
					continue
				}
				k, problem := resolveChoice(positions[c], units[c])
				if problem != "" {
					run.problem(row.Num, field, problem, c)
				}
				kinds = append(kinds, k)
			}
		}
		if !run.clean() {
			return nil
		}
		return writeImportedAspiration(ctx, st, run, a, kinds, now)
	})
	if err != nil || !run.clean() || !run.opt.Replace {
		return err
	}
	return deleteMissingAspirations(ctx, tx, st, run, seen)
}

// writeImportedAspiration stores a unless it says what is stored already,
// and counts it.
func writeImportedAspiration(ctx context.Context, st *aspirationStmts, run *importRun, a *mutasi.Aspiration, kinds []choiceKind, now time.Time) error {
	old, err := st.find(ctx, a.NIP)
	if err != nil {
		return err
	}
	switch {
	case old != nil && sameAspiration(old, a):
		run.res.Unchanged++
		return nil
	case old != nil:
		run.res.Changed++
	default:
		run.res.Added++
	}
	a.UpdatedAt = now
	return st.write(ctx, a, kinds)
}

// deleteMissingAspirations deletes the aspirations of employees the file
// did not list.
func deleteMissingAspirations(ctx context.Context, tx *sql.Tx, st *aspirationStmts, run *importRun, seen map[string]int) error {
	rows, err := tx.QueryContext(ctx, `SELECT nip FROM aspirations ORDER BY nip`)
	if err != nil {
		return err
	}
	var missing []string
	for rows.Next() {
		var nip string
		if err := rows.Scan(&nip); err != nil {
			rows.Close()
			return err
		}
		if _, ok := seen[nip]; !ok {
			missing = append(missing, nip)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, nip := range missing {
		if _, err := st.delete.ExecContext(ctx, nip); err != nil {
			return err
		}
		run.res.Deactivated++
	}
	return nil
}
