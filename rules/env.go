package rules

import (
	"reflect"
	"time"
)

// EmployeeFacts is what expressions see as `employee`: the employee's record
// with facts derived for the evaluation date, computed once per evaluation
// rather than in every expression. Field tags are the names policy files use.
type EmployeeFacts struct {
	NIP                     string    `expr:"nip"`
	Nama                    string    `expr:"nama"`
	Status                  string    `expr:"status"`
	JenisKelamin            string    `expr:"jenis_kelamin"`
	Golongan                string    `expr:"golongan"`
	GolonganRank            int       `expr:"golongan_rank"`
	JabatanID               string    `expr:"jabatan_id"`
	TanggalLahir            time.Time `expr:"tanggal_lahir"`
	UsiaTahun               int       `expr:"usia_tahun"`
	UsiaBulan               int       `expr:"usia_bulan"`
	TMTJabatan              time.Time `expr:"tmt_jabatan"`
	MasaJabatanTahun        int       `expr:"masa_jabatan_tahun"`
	MasaJabatanBulan        int       `expr:"masa_jabatan_bulan"`
	TMTCPNS                 time.Time `expr:"tmt_cpns"`
	MasaKerjaTahun          int       `expr:"masa_kerja_tahun"`
	PendidikanJenjang       string    `expr:"pendidikan_jenjang"`
	PendidikanRank          int       `expr:"pendidikan_rank"`
	PendidikanJurusan       string    `expr:"pendidikan_jurusan"`
	Rumpun                  string    `expr:"rumpun"`
	JurusanDikenal          bool      `expr:"jurusan_dikenal"`
	KinerjaTahunLalu        string    `expr:"kinerja_tahun_lalu"`
	KinerjaDuaTahunLalu     string    `expr:"kinerja_dua_tahun_lalu"`
	KinerjaRankTahunLalu    int       `expr:"kinerja_rank_tahun_lalu"`
	KinerjaRankDuaTahunLalu int       `expr:"kinerja_rank_dua_tahun_lalu"`
	KotakTalenta            int       `expr:"kotak_talenta"`
	HukumanDisiplin         string    `expr:"hukuman_disiplin"`
	HukumanSelesai          time.Time `expr:"hukuman_selesai"`
	HukumanBerjalan         bool      `expr:"hukuman_berjalan"`
	TugasBelajar            bool      `expr:"tugas_belajar"`
}

// PositionFacts is what expressions see as `current` and `target`: a
// position with its unit and its ABK figures. EJ and BUP depend on the
// policy's params (jam_kerja_efektif, bup_*).
type PositionFacts struct {
	JabatanID         string   `expr:"jabatan_id"`
	Nama              string   `expr:"nama"`
	Jenis             string   `expr:"jenis_jabatan"`
	Jenjang           string   `expr:"jenjang"`
	Tingkat           int      `expr:"tingkat"` // mutasi.TingkatJabatan: pelaksana 1 … JPT 6
	UnitID            string   `expr:"unit_id"`
	UnitNama          string   `expr:"unit_nama"`
	UnitIndukID       string   `expr:"unit_induk_id"`
	Kebutuhan         int      `expr:"kebutuhan"`
	Pemangku          int      `expr:"pemangku"`
	Lowongan          int      `expr:"lowongan"`
	BebanKerjaJam     float64  `expr:"beban_kerja_jam"`
	EJ                float64  `expr:"ej"`
	BUP               int      `expr:"bup"`
	PendidikanMin     string   `expr:"pendidikan_min"`
	PendidikanMinRank int      `expr:"pendidikan_min_rank"`
	RumpunPendidikan  []string `expr:"rumpun_pendidikan"`
	GolonganMin       string   `expr:"golongan_min"`
	GolonganMinRank   int      `expr:"golongan_min_rank"`
}

// AspirationFacts is what expressions see as `aspiration`.
type AspirationFacts struct {
	Ada     bool     `expr:"ada"`
	Pilihan []string `expr:"pilihan"`
	Alasan  string   `expr:"alasan"`
}

// Roots of the environment, as expressions name them.
const (
	rootEmployee   = "employee"
	rootCurrent    = "current"
	rootTarget     = "target"
	rootAspiration = "aspiration"
	rootParams     = "params"
	rootToday      = "today"
)

// rootIndex numbers the fact roots whose fields can be missing.
type rootIndex int

const (
	idxEmployee rootIndex = iota
	idxCurrent
	idxTarget
	idxAspiration
	numFactRoots
)

// fieldInfo describes one field of a facts struct for the closure compiler
// and for error messages.
type fieldInfo struct {
	name   string // expr tag
	index  int    // bit in the missing mask
	offset uintptr
	typ    reflect.Type
}

type structInfo struct {
	fields []fieldInfo
	byName map[string]*fieldInfo
}

func describe(t reflect.Type) *structInfo {
	si := &structInfo{byName: map[string]*fieldInfo{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		si.fields = append(si.fields, fieldInfo{name: f.Tag.Get("expr"), index: i, offset: f.Offset, typ: f.Type})
	}
	for i := range si.fields {
		si.byName[si.fields[i].name] = &si.fields[i]
	}
	return si
}

var (
	employeeInfo   = describe(reflect.TypeOf(EmployeeFacts{}))
	positionInfo   = describe(reflect.TypeOf(PositionFacts{}))
	aspirationInfo = describe(reflect.TypeOf(AspirationFacts{}))
)

func infoOf(r rootIndex) *structInfo {
	switch r {
	case idxEmployee:
		return employeeInfo
	case idxAspiration:
		return aspirationInfo
	}
	return positionInfo
}

func rootByName(name string) (rootIndex, bool) {
	switch name {
	case rootEmployee:
		return idxEmployee, true
	case rootCurrent:
		return idxCurrent, true
	case rootTarget:
		return idxTarget, true
	case rootAspiration:
		return idxAspiration, true
	}
	return 0, false
}

// bit returns the missing-mask bit of a field by tag; it panics for an
// unknown name, which is a programming error in this package.
func bit(si *structInfo, name string) uint64 {
	f, ok := si.byName[name]
	if !ok {
		panic("rules: no field " + name)
	}
	return 1 << uint(f.index)
}

func reflectField(v any, i int) any { return reflect.ValueOf(v).Field(i).Interface() }
