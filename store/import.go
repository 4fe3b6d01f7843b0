package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mutasi/mutasi"
)

// Imports are all or nothing: one write transaction per file. Rows are
// streamed from the RowReader and written as they come while the file is
// clean so far; after the first problem nothing more is written, but every
// row is still checked so that the user fixes the file once. Any problem
// rolls the transaction back. Per-import memory is a few maps of ids (ids
// seen in the file, ids already stored), never the rows themselves — except
// for units, which are few and whose parents may come later in the file.

// progressEvery is how often, in rows, opt.Progress is called.
const progressEvery = 5000

// importRun is the state of one import.
type importRun struct {
	ctx  context.Context
	opt  mutasi.ImportOptions
	res  mutasi.ImportResult
	errs mutasi.ImportError
	// missing counts, by referenced table, the rows whose reference names
	// no row of it: the clue to a table imported out of order.
	missing map[string]*missingRef
}

func newImportRun(ctx context.Context, table string, opt mutasi.ImportOptions) *importRun {
	if opt.File == "" {
		opt.File = table + ".csv"
	}
	return &importRun{
		ctx:  ctx,
		opt:  opt,
		res:  mutasi.ImportResult{Table: table, DryRun: opt.DryRun},
		errs: mutasi.ImportError{File: opt.File},
	}
}

// clean reports whether no problem has been found so far, i.e. whether
// writing is still worth doing.
func (r *importRun) clean() bool { return r.errs.Total == 0 }

// problem records a problem of one row. The format is its kind (what
// problems share to be reported as one group), unless it only passes a
// finished text through.
func (r *importRun) problem(row int, column, format string, args ...any) {
	re := mutasi.RowError{File: r.opt.File, Row: row, Column: column, Problem: fmt.Sprintf(format, args...)}
	if format == "%s" {
		r.errs.Add(re)
		return
	}
	r.errs.AddKind(re, format)
}

// next counts a row read, reports progress and notices cancellation.
func (r *importRun) next() error {
	r.res.Rows++
	if r.res.Rows%progressEvery == 0 {
		if r.opt.Progress != nil {
			r.opt.Progress(r.res.Rows)
		}
		return r.ctx.Err()
	}
	return nil
}

// badColumns lists the columns of one row that already have a problem, so
// that later checks do not pile a second, derived complaint on them.
type badColumns []string

func (b badColumns) has(col string) bool {
	for _, c := range b {
		if c == col {
			return true
		}
	}
	return false
}

// check records the parse problems of a row and then the problems that
// validate finds in the other columns (a column that failed to parse is
// zero, and "wajib diisi" on it would only repeat the parse problem). It
// returns the columns with a problem.
func (r *importRun) check(num int, parse []mutasi.FieldError, validate func() error) badColumns {
	var bad badColumns
	for _, fe := range parse {
		r.problem(num, fe.Field, "%s", fe.Problem)
		bad = append(bad, fe.Field)
	}
	err := validate()
	var ve mutasi.ValidationError
	switch {
	case err == nil:
	case errors.As(err, &ve):
		for _, fe := range ve {
			if !bad.has(fe.Field) {
				r.problem(num, fe.Field, "%s", fe.Problem)
			}
		}
		for _, fe := range ve {
			bad = append(bad, fe.Field)
		}
	default:
		r.problem(num, "", "%s", mutasi.ErrorMessage(err))
		bad = append(bad, "")
	}
	return bad
}

// duplicate records the row of an id's first occurrence in the file, and
// reports whether the id was seen before (recording the problem).
func (r *importRun) duplicate(seen map[string]int, num int, column, id string) bool {
	if first, ok := seen[id]; ok {
		r.problem(num, column, "%s sudah ada di baris %d (duplikat)", id, first)
		return true
	}
	seen[id] = num
	return false
}

// counted books one upsert: rows affected 0 means unchanged, otherwise
// added or changed depending on whether the id was stored before.
func (r *importRun) counted(res sql.Result, existed bool) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	switch {
	case n == 0:
		r.res.Unchanged++
	case existed:
		r.res.Changed++
	default:
		r.res.Added++
	}
	return nil
}

// runImport runs body in one write transaction and commits only when body
// found no problem and this is not a dry run. A body error (the RowReader's
// own, or a database failure) is returned as it is.
func (db *DB) runImport(ctx context.Context, table string, opt mutasi.ImportOptions,
	body func(tx *sql.Tx, run *importRun) error) (mutasi.ImportResult, error) {
	run := newImportRun(ctx, table, opt)
	tx, release, err := db.beginImport(ctx)
	if err != nil {
		return run.res, err
	}
	defer release()
	defer tx.Rollback()
	if err := body(tx, run); err != nil {
		// A file problem that stops reading (a CSV syntax error) comes
		// after the problems of the rows read before it, not instead.
		var ie *mutasi.ImportError
		if errors.As(err, &ie) && !run.clean() {
			run.errs.Merge(ie)
			run.hint(tx)
			err = run.errs.Err()
		}
		return mutasi.ImportResult{Table: table, Rows: run.res.Rows, DryRun: opt.DryRun}, err
	}
	if err := run.errs.Err(); err != nil {
		run.hint(tx)
		return mutasi.ImportResult{Table: table, Rows: run.res.Rows, DryRun: opt.DryRun}, err
	}
	if opt.Progress != nil && run.res.Rows%progressEvery != 0 {
		opt.Progress(run.res.Rows)
	}
	if opt.DryRun {
		return run.res, nil // the deferred rollback discards the writes
	}
	// The audit entry commits with the data: an import is on record exactly
	// when it took effect.
	if err := audit(ctx, tx, importAuditEntry(opt, run.res), db.now()); err != nil {
		return mutasi.ImportResult{Table: table, Rows: run.res.Rows}, err
	}
	// A re-import that changed nothing leaves cached copies valid.
	if run.res.Added+run.res.Changed+run.res.Deactivated > 0 {
		if err := bumpGeneration(ctx, tx); err != nil {
			return mutasi.ImportResult{Table: table, Rows: run.res.Rows}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return mutasi.ImportResult{Table: table, Rows: run.res.Rows}, err
	}
	return run.res, nil
}

func importAuditEntry(opt mutasi.ImportOptions, res mutasi.ImportResult) *mutasi.AuditEntry {
	actor := opt.Actor
	if actor == "" {
		actor = "cli"
	}
	mode := "upsert"
	if opt.Replace {
		mode = "replace"
	}
	return &mutasi.AuditEntry{
		Actor:   actor,
		Action:  "import." + res.Table,
		Subject: opt.File,
		Detail: fmt.Sprintf("%s: %s baris, %s ditambah, %s diubah, %s tetap, %s dinonaktifkan",
			mode, mutasi.FormatInt(res.Rows), mutasi.FormatInt(res.Added), mutasi.FormatInt(res.Changed),
			mutasi.FormatInt(res.Unchanged), mutasi.FormatInt(res.Deactivated)),
	}
}

// loadActive returns id → active for every row of a table.
func loadActive(ctx context.Context, tx *sql.Tx, query string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := make(map[string]bool)
	for rows.Next() {
		var id string
		var active bool
		if err := rows.Scan(&id, &active); err != nil {
			return nil, err
		}
		m[id] = active
	}
	return m, rows.Err()
}

// deactivateMissing makes inactive every active row of existing that the
// file did not list, counting them.
func (r *importRun) deactivateMissing(tx *sql.Tx, update string, existing map[string]bool, seen map[string]int) error {
	stmt, err := tx.PrepareContext(r.ctx, update)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id, active := range existing {
		if !active {
			continue
		}
		if _, ok := seen[id]; ok {
			continue
		}
		if _, err := stmt.ExecContext(r.ctx, id); err != nil {
			return err
		}
		r.res.Deactivated++
	}
	return nil
}

// checkRef reports a reference to a row of another table (ref, whose rows
// are in table) that is missing or inactive. what names the referenced
// kind in the message.
func (r *importRun) checkRef(num int, column, what, ref, id string, table map[string]bool) {
	active, ok := table[id]
	switch {
	case !ok:
		r.problem(num, column, "%s %s tidak ada di basis data", what, id)
		r.missingRef(ref, column, id)
	case !active:
		r.problem(num, column, "%s %s tidak aktif", what, id)
	}
}
