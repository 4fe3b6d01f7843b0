package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/mutasi/mutasi"
)

// choiceKind says what an aspiration choice names.
type choiceKind int

const (
	choicePosition choiceKind = iota + 1
	choiceUnit
)

// resolveChoice decides what a choice names, given whether an active
// position and an active unit carry that id. It returns the format of the
// problem (with one %s, the id) when the choice names neither or,
// ambiguously, both: one format, one kind of problem in an import report.
func resolveChoice(isPosition, isUnit bool) (choiceKind, string) {
	switch {
	case isPosition && isUnit:
		return 0, "%s ambigu: ada jabatan dan unit dengan kode ini"
	case isPosition:
		return choicePosition, ""
	case isUnit:
		return choiceUnit, ""
	}
	return 0, "%s bukan jabatan_id maupun unit_id yang aktif"
}

// aspirationStmts are the statements that read and write one aspiration,
// prepared once per transaction.
type aspirationStmts struct {
	get, upsert, deleteChoices, insertChoice, delete *sql.Stmt
}

func prepareAspirationStmts(ctx context.Context, tx *sql.Tx) (*aspirationStmts, error) {
	var s aspirationStmts
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&s.get, `SELECT a.alasan, a.updated_at, coalesce(c.jabatan_id, c.unit_id)
			FROM aspirations a LEFT JOIN aspiration_choices c ON c.nip = a.nip
			WHERE a.nip = ? ORDER BY c.rank`},
		{&s.upsert, `INSERT INTO aspirations (nip, alasan, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (nip) DO UPDATE SET alasan = excluded.alasan, updated_at = excluded.updated_at`},
		{&s.deleteChoices, `DELETE FROM aspiration_choices WHERE nip = ?`},
		{&s.insertChoice, `INSERT INTO aspiration_choices (nip, rank, jabatan_id, unit_id) VALUES (?, ?, ?, ?)`},
		{&s.delete, `DELETE FROM aspirations WHERE nip = ?`},
	} {
		st, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			s.close()
			return nil, err
		}
		*p.dst = st
	}
	return &s, nil
}

func (s *aspirationStmts) close() {
	for _, st := range []*sql.Stmt{s.get, s.upsert, s.deleteChoices, s.insertChoice, s.delete} {
		if st != nil {
			st.Close()
		}
	}
}

// find returns the stored aspiration of nip, or nil if there is none.
func (s *aspirationStmts) find(ctx context.Context, nip string) (*mutasi.Aspiration, error) {
	rows, err := s.get.QueryContext(ctx, nip)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var a *mutasi.Aspiration
	for rows.Next() {
		var alasan, updated string
		var choice sql.NullString
		if err := rows.Scan(&alasan, &updated, &choice); err != nil {
			return nil, err
		}
		if a == nil {
			at, err := parseTS(updated)
			if err != nil {
				return nil, err
			}
			a = &mutasi.Aspiration{NIP: nip, Alasan: alasan, UpdatedAt: at}
		}
		if choice.Valid {
			a.Pilihan = append(a.Pilihan, choice.String)
		}
	}
	return a, rows.Err()
}

// write stores a (whose choices are already resolved into kinds),
// replacing any earlier aspiration of the same employee.
func (s *aspirationStmts) write(ctx context.Context, a *mutasi.Aspiration, kinds []choiceKind) error {
	if _, err := s.upsert.ExecContext(ctx, a.NIP, a.Alasan, formatTS(a.UpdatedAt)); err != nil {
		return err
	}
	if _, err := s.deleteChoices.ExecContext(ctx, a.NIP); err != nil {
		return err
	}
	for i, c := range a.Pilihan {
		var jabatan, unit any
		if kinds[i] == choicePosition {
			jabatan = c
		} else {
			unit = c
		}
		if _, err := s.insertChoice.ExecContext(ctx, a.NIP, i+1, jabatan, unit); err != nil {
			return err
		}
	}
	return nil
}

// sameAspiration reports whether two aspirations say the same (the time of
// the last change aside).
func sameAspiration(a, b *mutasi.Aspiration) bool {
	return a.NIP == b.NIP && a.Alasan == b.Alasan && slices.Equal(a.Pilihan, b.Pilihan)
}

// Aspiration returns the aspiration of the employee with the given NIP.
func (db *DB) Aspiration(ctx context.Context, nip string) (*mutasi.Aspiration, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findAspiration(ctx, tx, nip)
}

func findAspiration(ctx context.Context, tx *sql.Tx, nip string) (*mutasi.Aspiration, error) {
	st, err := prepareAspirationStmts(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer st.close()
	a, err := st.find(ctx, nip)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "aspirasi pegawai dengan NIP %s tidak ditemukan", nip)
	}
	return a, nil
}

// EachAspiration streams the aspirations of active employees in NIP order
// from one snapshot.
func (db *DB) EachAspiration(ctx context.Context, fn func(*mutasi.Aspiration) error) error {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return eachAspiration(ctx, tx, fn)
}

func eachAspiration(ctx context.Context, tx *sql.Tx, fn func(*mutasi.Aspiration) error) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.nip, a.alasan, a.updated_at, coalesce(c.jabatan_id, c.unit_id)
		FROM aspirations a
		JOIN employees e ON e.nip = a.nip AND e.active = 1
		LEFT JOIN aspiration_choices c ON c.nip = a.nip
		ORDER BY a.nip, c.rank`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur *mutasi.Aspiration
	for rows.Next() {
		var nip, alasan, updated string
		var choice sql.NullString
		if err := rows.Scan(&nip, &alasan, &updated, &choice); err != nil {
			return err
		}
		if cur != nil && cur.NIP != nip {
			if err := fn(cur); err != nil {
				return err
			}
			cur = nil
		}
		if cur == nil {
			at, err := parseTS(updated)
			if err != nil {
				return err
			}
			cur = &mutasi.Aspiration{NIP: nip, Alasan: alasan, UpdatedAt: at}
		}
		if choice.Valid {
			cur.Pilihan = append(cur.Pilihan, choice.String)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// SaveAspiration validates and stores an employee's aspiration, replacing
// any earlier one, and stamps UpdatedAt.
func (db *DB) SaveAspiration(ctx context.Context, a *mutasi.Aspiration) error {
	if err := a.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := saveAspiration(ctx, tx, a, db.now()); err != nil {
		return err
	}
	if err := bumpGeneration(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

func saveAspiration(ctx context.Context, tx *sql.Tx, a *mutasi.Aspiration, now time.Time) error {
	e, err := findEmployee(ctx, tx, a.NIP)
	if err != nil {
		return err
	}
	if !e.Active {
		return mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s tidak aktif", a.NIP)
	}
	kinds := make([]choiceKind, len(a.Pilihan))
	var problems mutasi.ValidationError
	for i, c := range a.Pilihan {
		isPos, isUnit, err := lookupChoice(ctx, tx, c)
		if err != nil {
			return err
		}
		k, problem := resolveChoice(isPos, isUnit)
		if problem != "" {
			problems = append(problems, mutasi.FieldError{Field: fmt.Sprintf("pilihan_%d", i+1), Problem: fmt.Sprintf(problem, c)})
		}
		kinds[i] = k
	}
	if len(problems) > 0 {
		return problems
	}
	st, err := prepareAspirationStmts(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	a.UpdatedAt = now
	return st.write(ctx, a, kinds)
}

// lookupChoice reports whether an active position and an active unit carry
// the id.
func lookupChoice(ctx context.Context, tx *sql.Tx, id string) (isPosition, isUnit bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM positions WHERE jabatan_id = ?1 AND active = 1),
		EXISTS (SELECT 1 FROM units WHERE unit_id = ?1 AND active = 1)`, id).Scan(&isPosition, &isUnit)
	return isPosition, isUnit, err
}

// DeleteAspiration removes the aspiration of the employee with the given
// NIP; ENOTFOUND if there is none.
func (db *DB) DeleteAspiration(ctx context.Context, nip string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteAspiration(ctx, tx, nip); err != nil {
		return err
	}
	if err := bumpGeneration(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

func deleteAspiration(ctx context.Context, tx *sql.Tx, nip string) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM aspirations WHERE nip = ?`, nip)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return mutasi.Errorf(mutasi.ENOTFOUND, "aspirasi pegawai dengan NIP %s tidak ditemukan", nip)
	}
	return nil
}
