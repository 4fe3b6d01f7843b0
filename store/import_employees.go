package store

import (
	"context"
	"database/sql"

	"github.com/mutasi/mutasi"
)

const upsertEmployee = `INSERT INTO employees (nip, nama, tanggal_lahir, jenis_kelamin, status, golongan,
		jabatan_id, tmt_jabatan, tmt_cpns, pendidikan_jenjang, pendidikan_jurusan, kinerja_tahun_lalu,
		kinerja_dua_tahun_lalu, kotak_talenta, hukuman_disiplin, hukuman_selesai, tugas_belajar, active)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
	ON CONFLICT (nip) DO UPDATE SET
		nama = excluded.nama, tanggal_lahir = excluded.tanggal_lahir, jenis_kelamin = excluded.jenis_kelamin,
		status = excluded.status, golongan = excluded.golongan, jabatan_id = excluded.jabatan_id,
		tmt_jabatan = excluded.tmt_jabatan, tmt_cpns = excluded.tmt_cpns,
		pendidikan_jenjang = excluded.pendidikan_jenjang, pendidikan_jurusan = excluded.pendidikan_jurusan,
		kinerja_tahun_lalu = excluded.kinerja_tahun_lalu, kinerja_dua_tahun_lalu = excluded.kinerja_dua_tahun_lalu,
		kotak_talenta = excluded.kotak_talenta, hukuman_disiplin = excluded.hukuman_disiplin,
		hukuman_selesai = excluded.hukuman_selesai, tugas_belajar = excluded.tugas_belajar, active = 1
	WHERE employees.nama IS NOT excluded.nama OR employees.tanggal_lahir IS NOT excluded.tanggal_lahir
		OR employees.jenis_kelamin IS NOT excluded.jenis_kelamin OR employees.status IS NOT excluded.status
		OR employees.golongan IS NOT excluded.golongan OR employees.jabatan_id IS NOT excluded.jabatan_id
		OR employees.tmt_jabatan IS NOT excluded.tmt_jabatan OR employees.tmt_cpns IS NOT excluded.tmt_cpns
		OR employees.pendidikan_jenjang IS NOT excluded.pendidikan_jenjang
		OR employees.pendidikan_jurusan IS NOT excluded.pendidikan_jurusan
		OR employees.kinerja_tahun_lalu IS NOT excluded.kinerja_tahun_lalu
		OR employees.kinerja_dua_tahun_lalu IS NOT excluded.kinerja_dua_tahun_lalu
		OR employees.kotak_talenta IS NOT excluded.kotak_talenta
		OR employees.hukuman_disiplin IS NOT excluded.hukuman_disiplin
		OR employees.hukuman_selesai IS NOT excluded.hukuman_selesai
		OR employees.tugas_belajar IS NOT excluded.tugas_belajar OR employees.active = 0`

// ImportEmployees imports employees.csv: every jabatan_id must name an
// active position.
func (db *DB) ImportEmployees(ctx context.Context, rows mutasi.RowReader[mutasi.Employee], opt mutasi.ImportOptions) (mutasi.ImportResult, error) {
	return db.runImport(ctx, mutasi.TableEmployees, opt, func(tx *sql.Tx, run *importRun) error {
		return importEmployees(ctx, tx, run, rows)
	})
}

func importEmployees(ctx context.Context, tx *sql.Tx, run *importRun, rows mutasi.RowReader[mutasi.Employee]) error {
	positions, err := loadActive(ctx, tx, `SELECT jabatan_id, active FROM positions`)
	if err != nil {
		return err
	}
	existing, err := loadActive(ctx, tx, `SELECT nip, active FROM employees`)
	if err != nil {
		return err
	}
	upsert, err := tx.PrepareContext(ctx, upsertEmployee)
	if err != nil {
		return err
	}
	defer upsert.Close()
	seen := make(map[string]int, len(existing))
	args := make([]any, 17)
	err = rows(func(row mutasi.Row[mutasi.Employee]) error {
		if err := run.next(); err != nil {
			return err
		}
		e := &row.Value
		bad := run.check(row.Num, row.Problems, e.Validate)
		if !bad.has("nip") {
			run.duplicate(seen, row.Num, "nip", e.NIP)
		}
		if !bad.has("jabatan_id") {
			run.checkRef(row.Num, "jabatan_id", "jabatan", mutasi.TablePositions, e.JabatanID, positions)
		}
		if !run.clean() {
			return nil
		}
		employeeArgs(args, e)
		res, err := upsert.ExecContext(ctx, args...)
		if err != nil {
			return err
		}
		_, existed := existing[e.NIP]
		return run.counted(res, existed)
	})
	if err != nil || !run.clean() || !run.opt.Replace {
		return err
	}
	return run.deactivateMissing(tx, `UPDATE employees SET active = 0 WHERE nip = ?`, existing, seen)
}

// employeeArgs fills args with the insert parameters of e.
func employeeArgs(args []any, e *mutasi.Employee) {
	args[0] = e.NIP
	args[1] = e.Nama
	args[2] = mutasi.FormatDate(e.TanggalLahir)
	args[3] = e.JenisKelamin
	args[4] = string(e.Status)
	args[5] = e.Golongan
	args[6] = e.JabatanID
	args[7] = mutasi.FormatDate(e.TMTJabatan)
	args[8] = mutasi.FormatDate(e.TMTCPNS)
	args[9] = e.PendidikanJenjang
	args[10] = e.PendidikanJurusan
	args[11] = e.KinerjaTahunLalu
	args[12] = e.KinerjaDuaTahunLalu
	args[13] = e.KotakTalenta
	args[14] = e.HukumanDisiplin
	args[15] = mutasi.FormatDate(e.HukumanSelesai)
	args[16] = boolInt(e.TugasBelajar)
}
