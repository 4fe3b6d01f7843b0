package exchange

import (
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
)

// kind is how a column's cells are parsed and, in XLSX, stored.
type kind int

const (
	kindText kind = iota
	kindInt
	kindFloat
	kindDate
	kindList
	kindBool
	kindNIP
)

type column struct {
	name string
	kind kind
}

// table describes one exchange table: its columns in the order of
// docs/data-format.md, how a row of cells becomes a T, and how a T becomes
// cells again.
type table[T any] struct {
	name    string
	columns []column
	index   map[string]int // column name → position in columns
	decode  func(c *cells, v *T)
	encode  func(v *T, out []string)
}

func newTable[T any](name string, cols []column, decode func(*cells, *T), encode func(*T, []string)) *table[T] {
	t := &table[T]{name: name, columns: cols, index: make(map[string]int, len(cols)), decode: decode, encode: encode}
	for i, c := range cols {
		t.index[c.name] = i
	}
	return t
}

func (t *table[T]) names() []string {
	n := make([]string, len(t.columns))
	for i, c := range t.columns {
		n[i] = c.name
	}
	return n
}

var unitTable = newTable(mutasi.TableUnits,
	[]column{{"unit_id", kindText}, {"nama", kindText}, {"induk_id", kindText}},
	func(c *cells, u *mutasi.Unit) {
		u.ID = c.text(0)
		u.Nama = c.text(1)
		u.IndukID = c.text(2)
		u.Active = true
	},
	func(u *mutasi.Unit, out []string) {
		out[0], out[1], out[2] = u.ID, u.Nama, u.IndukID
	})

var positionTable = newTable(mutasi.TablePositions,
	[]column{
		{"jabatan_id", kindText}, {"unit_id", kindText}, {"nama", kindText},
		{"jenis_jabatan", kindText}, {"jenjang", kindText}, {"kebutuhan", kindInt},
		{"beban_kerja_jam", kindFloat}, {"pendidikan_min", kindText},
		{"rumpun_pendidikan", kindList}, {"golongan_min", kindText},
	},
	func(c *cells, p *mutasi.Position) {
		p.ID = c.text(0)
		p.UnitID = c.text(1)
		p.Nama = c.text(2)
		p.Jenis = mutasi.JenisJabatan(c.text(3))
		p.Jenjang = c.text(4)
		p.Kebutuhan = c.requiredInt(5)
		p.BebanKerjaJam = c.requiredFloat(6)
		p.PendidikanMin = c.text(7)
		p.RumpunPendidikan = c.list(8)
		p.GolonganMin = c.text(9)
		p.Active = true
	},
	func(p *mutasi.Position, out []string) {
		out[0], out[1], out[2] = p.ID, p.UnitID, p.Nama
		out[3], out[4] = string(p.Jenis), p.Jenjang
		out[5] = strconv.Itoa(p.Kebutuhan)
		out[6] = strconv.FormatFloat(p.BebanKerjaJam, 'f', -1, 64)
		out[7] = p.PendidikanMin
		out[8] = strings.Join(p.RumpunPendidikan, ";")
		out[9] = p.GolonganMin
	})

var employeeTable = newTable(mutasi.TableEmployees,
	[]column{
		{"nip", kindNIP}, {"nama", kindText}, {"tanggal_lahir", kindDate},
		{"jenis_kelamin", kindText}, {"status", kindText}, {"golongan", kindText},
		{"jabatan_id", kindText}, {"tmt_jabatan", kindDate}, {"tmt_cpns", kindDate},
		{"pendidikan_jenjang", kindText}, {"pendidikan_jurusan", kindText},
		{"kinerja_tahun_lalu", kindText}, {"kinerja_dua_tahun_lalu", kindText},
		{"kotak_talenta", kindInt}, {"hukuman_disiplin", kindText},
		{"hukuman_selesai", kindDate}, {"tugas_belajar", kindBool},
	},
	func(c *cells, e *mutasi.Employee) {
		e.NIP = c.nip(0)
		e.Nama = c.text(1)
		e.TanggalLahir = c.date(2)
		e.JenisKelamin = c.text(3)
		e.Status = mutasi.Status(c.text(4))
		e.Golongan = c.text(5)
		e.JabatanID = c.text(6)
		e.TMTJabatan = c.date(7)
		e.TMTCPNS = c.date(8)
		e.PendidikanJenjang = c.text(9)
		e.PendidikanJurusan = c.text(10)
		e.KinerjaTahunLalu = c.text(11)
		e.KinerjaDuaTahunLalu = c.text(12)
		e.KotakTalenta = c.optionalInt(13)
		e.HukumanDisiplin = c.text(14)
		e.HukumanSelesai = c.date(15)
		e.TugasBelajar = c.yaTidak(16)
		e.Active = true
	},
	func(e *mutasi.Employee, out []string) {
		out[0], out[1] = e.NIP, e.Nama
		out[2] = mutasi.FormatDate(e.TanggalLahir)
		out[3], out[4], out[5], out[6] = e.JenisKelamin, string(e.Status), e.Golongan, e.JabatanID
		out[7] = mutasi.FormatDate(e.TMTJabatan)
		out[8] = mutasi.FormatDate(e.TMTCPNS)
		out[9], out[10] = e.PendidikanJenjang, e.PendidikanJurusan
		out[11], out[12] = e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu
		out[13] = ""
		if e.KotakTalenta != 0 {
			out[13] = strconv.Itoa(e.KotakTalenta)
		}
		out[14] = e.HukumanDisiplin
		out[15] = mutasi.FormatDate(e.HukumanSelesai)
		out[16] = yaTidak(e.TugasBelajar)
	})

var aspirationTable = newTable(mutasi.TableAspirations,
	[]column{{"nip", kindNIP}, {"pilihan_1", kindText}, {"pilihan_2", kindText}, {"pilihan_3", kindText}, {"alasan", kindText}},
	func(c *cells, a *mutasi.Aspiration) {
		a.NIP = c.nip(0)
		// Keep choices up to the last one given, so that a gap (pilihan_1
		// empty, pilihan_2 given) stays visible to validation.
		last := -1
		for i := 0; i < mutasi.MaxAspirationChoices; i++ {
			if c.text(1+i) != "" {
				last = i
			}
		}
		a.Pilihan = nil
		for i := 0; i <= last; i++ {
			a.Pilihan = append(a.Pilihan, c.text(1+i))
		}
		a.Alasan = c.text(4)
	},
	func(a *mutasi.Aspiration, out []string) {
		out[0] = a.NIP
		for i := 0; i < mutasi.MaxAspirationChoices; i++ {
			out[1+i] = ""
			if i < len(a.Pilihan) {
				out[1+i] = a.Pilihan[i]
			}
		}
		out[4] = a.Alasan
	})

func yaTidak(b bool) string {
	if b {
		return "ya"
	}
	return "tidak"
}

// Columns returns the columns of an exchange table in the order export
// writes them, or nil for an unknown table.
func Columns(tableName string) []string {
	switch tableName {
	case mutasi.TableUnits:
		return unitTable.names()
	case mutasi.TablePositions:
		return positionTable.names()
	case mutasi.TableEmployees:
		return employeeTable.names()
	case mutasi.TableAspirations:
		return aspirationTable.names()
	}
	return nil
}
