package exchange

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// memDirectory is a mutasi.Directory over slices, for the writers.
type memDirectory struct {
	units       []*mutasi.Unit
	positions   []*mutasi.Position
	employees   []*mutasi.Employee
	aspirations []*mutasi.Aspiration
}

func (d *memDirectory) Unit(ctx context.Context, id string) (*mutasi.Unit, error) {
	return nil, errors.New("not used")
}
func (d *memDirectory) Units(ctx context.Context) ([]*mutasi.Unit, error) { return d.units, nil }
func (d *memDirectory) Position(ctx context.Context, id string) (*mutasi.Position, error) {
	return nil, errors.New("not used")
}
func (d *memDirectory) Positions(ctx context.Context) ([]*mutasi.Position, error) {
	return d.positions, nil
}
func (d *memDirectory) Employee(ctx context.Context, nip string) (*mutasi.Employee, error) {
	return nil, errors.New("not used")
}
func (d *memDirectory) EachEmployee(ctx context.Context, fn func(*mutasi.Employee) error) error {
	var e mutasi.Employee // reused, as the store does
	for _, v := range d.employees {
		e = *v
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}
func (d *memDirectory) Aspiration(ctx context.Context, nip string) (*mutasi.Aspiration, error) {
	return nil, errors.New("not used")
}
func (d *memDirectory) EachAspiration(ctx context.Context, fn func(*mutasi.Aspiration) error) error {
	for _, v := range d.aspirations {
		a := *v
		if err := fn(&a); err != nil {
			return err
		}
	}
	return nil
}

func date(s string) time.Time {
	t, err := mutasi.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleDirectory holds values that exercise every column kind: empty
// parents and dates, lists, decimals, talent box 0, tugas belajar, a
// choice gap, text that looks like a number or a formula, and quotes,
// commas, semicolons and line breaks inside cells.
func sampleDirectory() *memDirectory {
	return &memDirectory{
		units: []*mutasi.Unit{
			{ID: "BKPSDM", Nama: "Badan Kepegawaian dan Pengembangan SDM", Active: true},
			{ID: "BKPSDM.MUT", Nama: "Bidang Mutasi, \"Promosi\" & Karier", IndukID: "BKPSDM", Active: true},
			{ID: "007", Nama: "=SUM(A1) kecamatan", IndukID: "BKPSDM", Active: true},
		},
		positions: []*mutasi.Position{
			{ID: "J-001", UnitID: "BKPSDM", Nama: "Kepala Badan", Jenis: mutasi.JenisJPT, Kebutuhan: 1,
				BebanKerjaJam: 1250, PendidikanMin: "S2", RumpunPendidikan: []string{"Ilmu Administrasi", "Manajemen"}, GolonganMin: "IV/c", Active: true},
			{ID: "J-002", UnitID: "BKPSDM.MUT", Nama: "Analis SDM Aparatur Ahli Muda", Jenis: mutasi.JenisFungsional,
				Jenjang: mutasi.JenjangAhliMuda, Kebutuhan: 3, BebanKerjaJam: 4062.75, PendidikanMin: "S1", Active: true},
			{ID: "J-003", UnitID: "007", Nama: "Pengadministrasi Umum", Jenis: mutasi.JenisPelaksana, Kebutuhan: 0,
				BebanKerjaJam: 0.125, RumpunPendidikan: []string{"Administrasi Perkantoran"}, Active: true},
		},
		employees: []*mutasi.Employee{
			{NIP: "199004122015032001", Nama: "Rina Marlina", TanggalLahir: date("1990-04-12"), JenisKelamin: "P",
				Status: mutasi.StatusPNS, Golongan: "III/b", JabatanID: "J-002", TMTJabatan: date("2021-01-04"),
				TMTCPNS: date("2015-03-01"), PendidikanJenjang: "S1", PendidikanJurusan: "Psikologi",
				KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Sangat Baik", KotakTalenta: 8, Active: true},
			{NIP: "198501012010011002", Nama: "Budi \"Ucok\" Santoso,\nS.E.", TanggalLahir: date("1985-01-01"), JenisKelamin: "L",
				Status: mutasi.StatusPNS, Golongan: "III/c", JabatanID: "J-003", TMTCPNS: date("2010-01-01"),
				PendidikanJenjang: "S1", PendidikanJurusan: "Manajemen", HukumanDisiplin: "ringan",
				HukumanSelesai: date("2026-06-30"), TugasBelajar: true, Active: true},
			{NIP: "199512312022212003", Nama: "Siti Ñurhaliza", TanggalLahir: date("1995-12-31"), JenisKelamin: "L",
				Status: mutasi.StatusPPPK, Golongan: "IX", JabatanID: "J-003", TMTJabatan: date("2022-03-01"),
				TMTCPNS: date("2022-03-01"), PendidikanJenjang: "D3", Active: true},
		},
		aspirations: []*mutasi.Aspiration{
			{NIP: "199004122015032001", Pilihan: []string{"J-001", "BKPSDM.MUT", "007"}, Alasan: "Dekat rumah; ingin berkembang"},
			{NIP: "198501012010011002", Pilihan: []string{"J-002"}},
			{NIP: "199512312022212003", Pilihan: []string{"", "J-002"}, Alasan: "=1+1"},
		},
	}
}

// collect reads every row of r.
func collect[T any](r mutasi.RowReader[T]) ([]mutasi.Row[T], error) {
	var rows []mutasi.Row[T]
	err := r(func(row mutasi.Row[T]) error {
		rows = append(rows, row)
		return nil
	})
	return rows, err
}

// values returns the values of rows, failing on any row problem.
func values[T any](t *testing.T, rows []mutasi.Row[T]) []*T {
	t.Helper()
	var out []*T
	for _, r := range rows {
		if len(r.Problems) > 0 {
			t.Errorf("row %d: unexpected problems %v", r.Num, r.Problems)
		}
		v := r.Value
		out = append(out, &v)
	}
	return out
}

// sliceSource is a source over rows given in memory, so that the decoding
// of JSON output can go through the same path as a file.
type sliceSource struct {
	rows [][]string
	i    int
}

func (s *sliceSource) next() ([]string, int, error) {
	if s.i >= len(s.rows) {
		return nil, 0, io.EOF
	}
	s.i++
	return s.rows[s.i-1], s.i, nil
}
func (s *sliceSource) close() error                    { return nil }
func (s *sliceSource) numbers() numberStyle            { return pointDecimal }
func (s *sliceSource) workbook() (xlsx, date1904 bool) { return false, false }

// errorLines returns the lines of err's message, or nil.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
