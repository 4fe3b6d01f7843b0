package store

import (
	"context"
	"database/sql"

	"github.com/mutasi/mutasi"
)

// Directory reads. Lists hold active rows only, ordered by id, so that an
// export of them imports back unchanged; a single row is returned by id
// whether active or not, so that history stays explainable.

const unitColumns = `unit_id, nama, coalesce(induk_id, ''), active`

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

func scanUnit(s scanner, u *mutasi.Unit) error {
	return s.Scan(&u.ID, &u.Nama, &u.IndukID, &u.Active)
}

// Unit returns the unit with the given id, active or not.
func (db *DB) Unit(ctx context.Context, id string) (*mutasi.Unit, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findUnit(ctx, tx, id)
}

func findUnit(ctx context.Context, tx *sql.Tx, id string) (*mutasi.Unit, error) {
	var u mutasi.Unit
	err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE unit_id = ?`, id), &u)
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "unit %s tidak ditemukan", id)
	} else if err != nil {
		return nil, err
	}
	return &u, nil
}

// Units returns the active units ordered by id.
func (db *DB) Units(ctx context.Context) ([]*mutasi.Unit, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return listUnits(ctx, tx)
}

func listUnits(ctx context.Context, tx *sql.Tx) ([]*mutasi.Unit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+unitColumns+` FROM units WHERE active = 1 ORDER BY unit_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.Unit
	for rows.Next() {
		u := new(mutasi.Unit)
		if err := scanUnit(rows, u); err != nil {
			return nil, err
		}
		list = append(list, u)
	}
	return list, rows.Err()
}

// positionColumns reads a position with its holders: the active employees
// in it.
const positionColumns = `p.jabatan_id, p.unit_id, p.nama, p.jenis_jabatan, p.jenjang, p.kebutuhan,
	p.beban_kerja_jam, p.pendidikan_min, p.rumpun_pendidikan, p.golongan_min, p.active,
	(SELECT count(*) FROM employees e WHERE e.jabatan_id = p.jabatan_id AND e.active = 1)`

func scanPosition(s scanner, p *mutasi.Position) error {
	var rumpun string
	if err := s.Scan(&p.ID, &p.UnitID, &p.Nama, &p.Jenis, &p.Jenjang, &p.Kebutuhan,
		&p.BebanKerjaJam, &p.PendidikanMin, &rumpun, &p.GolonganMin, &p.Active, &p.Holders); err != nil {
		return err
	}
	var err error
	p.RumpunPendidikan, err = decodeList(rumpun)
	return err
}

// Position returns the position with the given id, active or not, with
// its holders counted.
func (db *DB) Position(ctx context.Context, id string) (*mutasi.Position, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findPosition(ctx, tx, id)
}

func findPosition(ctx context.Context, tx *sql.Tx, id string) (*mutasi.Position, error) {
	var p mutasi.Position
	err := scanPosition(tx.QueryRowContext(ctx, `SELECT `+positionColumns+` FROM positions p WHERE p.jabatan_id = ?`, id), &p)
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "jabatan %s tidak ditemukan", id)
	} else if err != nil {
		return nil, err
	}
	return &p, nil
}

// Positions returns the active positions ordered by id, with holders.
func (db *DB) Positions(ctx context.Context) ([]*mutasi.Position, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return listPositions(ctx, tx)
}

func listPositions(ctx context.Context, tx *sql.Tx) ([]*mutasi.Position, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+positionColumns+` FROM positions p WHERE p.active = 1 ORDER BY p.jabatan_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.Position
	for rows.Next() {
		p := new(mutasi.Position)
		if err := scanPosition(rows, p); err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

const employeeColumns = `nip, nama, tanggal_lahir, jenis_kelamin, status, golongan, jabatan_id,
	tmt_jabatan, tmt_cpns, pendidikan_jenjang, pendidikan_jurusan, kinerja_tahun_lalu,
	kinerja_dua_tahun_lalu, kotak_talenta, hukuman_disiplin, hukuman_selesai, tugas_belajar, active`

// employeeScan holds the text columns of an employee between Scan and
// decoding, so that a streaming reader reuses it.
type employeeScan struct {
	lahir, tmtJabatan, tmtCPNS, hukumanSelesai string
}

func (es *employeeScan) scan(s scanner, e *mutasi.Employee) error {
	if err := s.Scan(&e.NIP, &e.Nama, &es.lahir, &e.JenisKelamin, &e.Status, &e.Golongan, &e.JabatanID,
		&es.tmtJabatan, &es.tmtCPNS, &e.PendidikanJenjang, &e.PendidikanJurusan, &e.KinerjaTahunLalu,
		&e.KinerjaDuaTahunLalu, &e.KotakTalenta, &e.HukumanDisiplin, &es.hukumanSelesai, &e.TugasBelajar, &e.Active); err != nil {
		return err
	}
	var err error
	if e.TanggalLahir, err = parseDate(es.lahir); err != nil {
		return err
	}
	if e.TMTJabatan, err = parseDate(es.tmtJabatan); err != nil {
		return err
	}
	if e.TMTCPNS, err = parseDate(es.tmtCPNS); err != nil {
		return err
	}
	e.HukumanSelesai, err = parseDate(es.hukumanSelesai)
	return err
}

// Employee returns the employee with the given NIP, active or not.
func (db *DB) Employee(ctx context.Context, nip string) (*mutasi.Employee, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findEmployee(ctx, tx, nip)
}

func findEmployee(ctx context.Context, tx *sql.Tx, nip string) (*mutasi.Employee, error) {
	var e mutasi.Employee
	var es employeeScan
	err := es.scan(tx.QueryRowContext(ctx, `SELECT `+employeeColumns+` FROM employees WHERE nip = ?`, nip), &e)
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s tidak ditemukan", nip)
	} else if err != nil {
		return nil, err
	}
	return &e, nil
}

// EachEmployee streams the active employees in NIP order from one
// snapshot; the *Employee passed to fn is reused between calls.
func (db *DB) EachEmployee(ctx context.Context, fn func(*mutasi.Employee) error) error {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return eachEmployee(ctx, tx, fn)
}

func eachEmployee(ctx context.Context, tx *sql.Tx, fn func(*mutasi.Employee) error) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+employeeColumns+` FROM employees WHERE active = 1 ORDER BY nip`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var e mutasi.Employee
	var es employeeScan
	for rows.Next() {
		e = mutasi.Employee{}
		if err := es.scan(rows, &e); err != nil {
			return err
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}
