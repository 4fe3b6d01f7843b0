package store

import (
	"context"
	"database/sql"

	"github.com/mutasi/mutasi"
)

const upsertPosition = `INSERT INTO positions (jabatan_id, unit_id, nama, jenis_jabatan, jenjang, kebutuhan,
		beban_kerja_jam, pendidikan_min, rumpun_pendidikan, golongan_min, active)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
	ON CONFLICT (jabatan_id) DO UPDATE SET
		unit_id = excluded.unit_id, nama = excluded.nama, jenis_jabatan = excluded.jenis_jabatan,
		jenjang = excluded.jenjang, kebutuhan = excluded.kebutuhan, beban_kerja_jam = excluded.beban_kerja_jam,
		pendidikan_min = excluded.pendidikan_min, rumpun_pendidikan = excluded.rumpun_pendidikan,
		golongan_min = excluded.golongan_min, active = 1
	WHERE positions.unit_id IS NOT excluded.unit_id OR positions.nama IS NOT excluded.nama
		OR positions.jenis_jabatan IS NOT excluded.jenis_jabatan OR positions.jenjang IS NOT excluded.jenjang
		OR positions.kebutuhan IS NOT excluded.kebutuhan OR positions.beban_kerja_jam IS NOT excluded.beban_kerja_jam
		OR positions.pendidikan_min IS NOT excluded.pendidikan_min
		OR positions.rumpun_pendidikan IS NOT excluded.rumpun_pendidikan
		OR positions.golongan_min IS NOT excluded.golongan_min OR positions.active = 0`

// ImportPositions imports positions.csv: every unit_id must name an active
// unit. Holders are derived, never imported.
func (db *DB) ImportPositions(ctx context.Context, rows mutasi.RowReader[mutasi.Position], opt mutasi.ImportOptions) (mutasi.ImportResult, error) {
	return db.runImport(ctx, mutasi.TablePositions, opt, func(tx *sql.Tx, run *importRun) error {
		return importPositions(ctx, tx, run, rows)
	})
}

func importPositions(ctx context.Context, tx *sql.Tx, run *importRun, rows mutasi.RowReader[mutasi.Position]) error {
	units, err := loadActive(ctx, tx, `SELECT unit_id, active FROM units`)
	if err != nil {
		return err
	}
	existing, err := loadActive(ctx, tx, `SELECT jabatan_id, active FROM positions`)
	if err != nil {
		return err
	}
	upsert, err := tx.PrepareContext(ctx, upsertPosition)
	if err != nil {
		return err
	}
	defer upsert.Close()
	seen := make(map[string]int)
	err = rows(func(row mutasi.Row[mutasi.Position]) error {
		if err := run.next(); err != nil {
			return err
		}
		p := &row.Value
		bad := run.check(row.Num, row.Problems, p.Validate)
		if !bad.has("jabatan_id") {
			run.duplicate(seen, row.Num, "jabatan_id", p.ID)
		}
		if !bad.has("unit_id") {
			run.checkRef(row.Num, "unit_id", "unit", mutasi.TableUnits, p.UnitID, units)
		}
		if !run.clean() {
			return nil
		}
		res, err := upsert.ExecContext(ctx, p.ID, p.UnitID, p.Nama, string(p.Jenis), p.Jenjang, p.Kebutuhan,
			p.BebanKerjaJam, p.PendidikanMin, encodeList(p.RumpunPendidikan), p.GolonganMin)
		if err != nil {
			return err
		}
		_, existed := existing[p.ID]
		return run.counted(res, existed)
	})
	if err != nil || !run.clean() || !run.opt.Replace {
		return err
	}
	return run.deactivateMissing(tx, `UPDATE positions SET active = 0 WHERE jabatan_id = ?`, existing, seen)
}
