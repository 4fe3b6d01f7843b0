package rules

import (
	"math"
	"time"

	"github.com/mutasi/mutasi"
)

// Subject is an employee with what their evaluation needs: the current
// position (with Holders filled in), its unit and the aspiration (nil if
// none). Unit may be nil when the caller does not have it.
type Subject struct {
	Employee   *mutasi.Employee
	Current    *mutasi.Position
	Unit       *mutasi.Unit
	Aspiration *mutasi.Aspiration
}

// Target is the position an employee would move to, with its unit.
type Target struct {
	Position *mutasi.Position
	Unit     *mutasi.Unit
}

// day is a civil date split once, so that month arithmetic against it does
// not call time.Date on every use.
type day struct {
	t       time.Time
	y, m, d int
}

func newDay(t time.Time) day {
	t = mutasi.Day(t)
	y, m, d := t.Date()
	return day{t: t, y: y, m: int(m), d: d}
}

// monthsUntil returns the whole months from a to the day (as
// mutasi.MonthsBetween), without allocating.
func (to day) monthsSince(a time.Time) int {
	if to.t.Before(a) {
		return -mutasi.MonthsBetween(to.t, a)
	}
	ay, am, ad := a.Date()
	m := (to.y-ay)*12 + to.m - int(am)
	if to.d < ad {
		m--
	}
	return m
}

// factParams are the params that facts themselves depend on; ok is false
// when the policy does not declare them, and the facts are then missing.
type factParams struct {
	hours                               float64
	hoursOK                             bool
	bupUmum, bupJPT, bupMadya, bupUtama int
	bupOK                               bool
}

// Param names that facts read (documented in policies/README.md).
const (
	paramJamEfektif   = "jam_kerja_efektif"
	paramBUPUmum      = "bup_umum"
	paramBUPJPT       = "bup_jpt"
	paramBUPAhliMadya = "bup_ahli_madya"
	paramBUPAhliUtama = "bup_ahli_utama"
)

func factParamNames() []string {
	return []string{paramJamEfektif, paramBUPUmum, paramBUPJPT, paramBUPAhliMadya, paramBUPAhliUtama}
}

var (
	missTanggalLahir = bit(employeeInfo, "tanggal_lahir") | bit(employeeInfo, "usia_tahun") | bit(employeeInfo, "usia_bulan")
	missTMTJabatan   = bit(employeeInfo, "tmt_jabatan") | bit(employeeInfo, "masa_jabatan_tahun") | bit(employeeInfo, "masa_jabatan_bulan")
	missTMTCPNS      = bit(employeeInfo, "tmt_cpns") | bit(employeeInfo, "masa_kerja_tahun")
	missSelesai      = bit(employeeInfo, "hukuman_selesai")
	missBerjalan     = bit(employeeInfo, "hukuman_berjalan")
	missEJ           = bit(positionInfo, "ej")
	missBUP          = bit(positionInfo, "bup")
)

// employeeFacts fills f from e as of today and returns the missing mask.
// The education family is filled in by the caller (evaluator.setSubject),
// which keeps the normalised forms for matching.
func employeeFacts(f *EmployeeFacts, e *mutasi.Employee, today day) uint64 {
	var miss uint64
	*f = EmployeeFacts{
		NIP:                 e.NIP,
		Nama:                e.Nama,
		Status:              string(e.Status),
		JenisKelamin:        e.JenisKelamin,
		Golongan:            e.Golongan,
		GolonganRank:        mutasi.GolonganRank(e.Status, e.Golongan),
		JabatanID:           e.JabatanID,
		TanggalLahir:        e.TanggalLahir,
		TMTJabatan:          e.TMTJabatan,
		TMTCPNS:             e.TMTCPNS,
		PendidikanJenjang:   e.PendidikanJenjang,
		PendidikanRank:      mutasi.EducationRank(e.PendidikanJenjang),
		PendidikanJurusan:   e.PendidikanJurusan,
		KinerjaTahunLalu:    e.KinerjaTahunLalu,
		KinerjaDuaTahunLalu: e.KinerjaDuaTahunLalu,
		KotakTalenta:        e.KotakTalenta,
		HukumanDisiplin:     e.HukumanDisiplin,
		HukumanSelesai:      e.HukumanSelesai,
		TugasBelajar:        e.TugasBelajar,
	}
	f.KinerjaRankTahunLalu = mutasi.KinerjaRank(e.KinerjaTahunLalu)
	f.KinerjaRankDuaTahunLalu = mutasi.KinerjaRank(e.KinerjaDuaTahunLalu)
	if e.TanggalLahir.IsZero() {
		miss |= missTanggalLahir
	} else {
		f.UsiaBulan = today.monthsSince(e.TanggalLahir)
		f.UsiaTahun = f.UsiaBulan / 12
	}
	if e.TMTJabatan.IsZero() {
		miss |= missTMTJabatan
	} else {
		f.MasaJabatanBulan = today.monthsSince(e.TMTJabatan)
		f.MasaJabatanTahun = f.MasaJabatanBulan / 12
	}
	if e.TMTCPNS.IsZero() {
		miss |= missTMTCPNS
	} else {
		f.MasaKerjaTahun = today.monthsSince(e.TMTCPNS) / 12
	}
	if e.HukumanSelesai.IsZero() {
		miss |= missSelesai
	}
	switch {
	case e.HukumanDisiplin == "":
	case e.HukumanSelesai.IsZero():
		miss |= missBerjalan // a sanction without an end date: fail closed
	default:
		f.HukumanBerjalan = !mutasi.Day(e.HukumanSelesai).Before(today.t)
	}
	return miss
}

// positionFacts fills f from p and its unit u (may be nil).
func positionFacts(f *PositionFacts, p *mutasi.Position, u *mutasi.Unit, fp *factParams) uint64 {
	var miss uint64
	*f = PositionFacts{
		JabatanID:         p.ID,
		Nama:              p.Nama,
		Jenis:             string(p.Jenis),
		Jenjang:           p.Jenjang,
		Tingkat:           mutasi.TingkatJabatan(p.Jenis, p.Jenjang),
		UnitID:            p.UnitID,
		Kebutuhan:         p.Kebutuhan,
		Pemangku:          p.Holders,
		Lowongan:          p.Vacancy(),
		BebanKerjaJam:     p.BebanKerjaJam,
		PendidikanMin:     p.PendidikanMin,
		PendidikanMinRank: mutasi.EducationRank(p.PendidikanMin),
		RumpunPendidikan:  p.RumpunPendidikan,
		GolonganMin:       p.GolonganMin,
		GolonganMinRank:   mutasi.GolonganRank(mutasi.StatusPNS, p.GolonganMin),
	}
	if u != nil {
		f.UnitNama, f.UnitIndukID = u.Nama, u.IndukID
	}
	if fp.hoursOK {
		f.EJ = mutasi.EJ(p.BebanKerjaJam, p.Holders, fp.hours)
	} else {
		miss |= missEJ
	}
	if fp.bupOK {
		f.BUP = fp.bupFor(string(p.Jenis), p.Jenjang)
	} else {
		miss |= missBUP
	}
	return miss
}

// bupFor is the retirement age (batas usia pensiun) of a position kind and
// level: JPT, ahli madya and ahli utama have their own; every other
// position the general one.
func (fp *factParams) bupFor(jenis, jenjang string) int {
	switch {
	case jenis == string(mutasi.JenisJPT):
		return fp.bupJPT
	case jenis == string(mutasi.JenisFungsional) && jenjang == mutasi.JenjangAhliMadya:
		return fp.bupMadya
	case jenis == string(mutasi.JenisFungsional) && jenjang == mutasi.JenjangAhliUtama:
		return fp.bupUtama
	}
	return fp.bupUmum
}

func aspirationFacts(f *AspirationFacts, a *mutasi.Aspiration) {
	if a == nil {
		*f = AspirationFacts{}
		return
	}
	*f = AspirationFacts{Ada: len(a.Pilihan) > 0, Pilihan: a.Pilihan, Alasan: a.Alasan}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
