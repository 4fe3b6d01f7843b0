package demo

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/mutasi/mutasi"
)

// Rates of the generated population. The tests hold the output to them.
const (
	rateWeak           = 0.065 // a rating below Baik in one of the last two years
	rateSanction       = 0.026 // a disciplinary sanction still running today
	rateSanctionEnded  = 0.012 // a sanction that ended within the last year
	rateStudyLeave     = 0.025 // of PNS under 47 below S3: on tugas belajar
	ratePPPK           = 0.16  // of holders of posts open to PPPK
	rateMajorMatch     = 0.86  // major in a family the post asks for
	rateMajorUnknown   = 0.02  // major the reference file does not know
	rateTalentAssessed = 0.88  // of PNS with two years of service
	rateNoRating       = 0.002 // ratings missing from the export
	rateAspiration     = 1.0 / 3
)

// Education: the first PNS rank (I/a = 1) of each level, the highest rank
// of an executive (pelaksana) holding it, the age range at entry, and the
// PPPK grade.
var eduFacts = map[string]struct {
	start, cap, entryMin, entryMax int
	pppk                           string
}{
	mutasi.PendidikanSD:  {1, 5, 18, 30, "I"},
	mutasi.PendidikanSMP: {3, 7, 18, 30, "IV"},
	mutasi.PendidikanSMA: {5, 10, 19, 32, "V"},
	mutasi.PendidikanD1:  {5, 10, 20, 32, "V"},
	mutasi.PendidikanD2:  {6, 10, 20, 32, "VI"},
	mutasi.PendidikanD3:  {7, 11, 21, 33, "VII"},
	mutasi.PendidikanD4:  {9, 12, 22, 35, "IX"},
	mutasi.PendidikanS1:  {9, 12, 22, 35, "IX"},
	mutasi.PendidikanS2:  {10, 12, 25, 36, "X"},
	mutasi.PendidikanS3:  {11, 13, 29, 38, "XI"},
}

var ratingsLow = []string{mutasi.KinerjaButuhPerbaikan, mutasi.KinerjaButuhPerbaikan, mutasi.KinerjaButuhPerbaikan,
	mutasi.KinerjaKurang, mutasi.KinerjaKurang, mutasi.KinerjaSangatKurang}

// talentBox is the 9-box grid of PermenPAN-RB 3/2020, [performance][potential]
// from low to high.
var talentBox = [3][3]int{{1, 2, 4}, {3, 5, 7}, {6, 8, 9}}

// employeeGen generates the employees in order. It holds the NIP sequences
// already used, so one generator makes one pass.
type employeeGen struct {
	p     *Pemda
	rs    *reseeder
	gaps  *reseeder // the gap stream, reseeded apart from rs; nil: no gaps
	nips  *nipSequencer
	today time.Time
	prev  previous // the employee generated last, for a duplicate
}

func (p *Pemda) newEmployeeGen() *employeeGen {
	g := &employeeGen{p: p, rs: newReseeder(p.cfg.Seed), nips: newNIPSequencer(len(p.slots)), today: p.today}
	if p.gaps {
		g.gaps = newReseeder(p.cfg.Seed)
	}
	return g
}

// employee fills e with employee i.
func (g *employeeGen) employee(i int, e *mutasi.Employee) {
	r := g.rs.at(streamEmployee, i)
	ps := &g.p.posts[g.p.slots[i]]
	today := g.today
	flaw := g.gaps.gapOf(i)
	*e = mutasi.Employee{JabatanID: ps.pos.ID, Active: true, Status: mutasi.StatusPNS}
	female := chance(r, ps.female)
	e.PendidikanJenjang = educationFor(r, ps)
	e.PendidikanJurusan = majorFor(r, ps, e.PendidikanJenjang)
	ef := eduFacts[e.PendidikanJenjang]

	pppk := ps.pppk && today.Year() >= 2021 && chance(r, ratePPPK)
	var start string
	if pppk {
		e.Status = mutasi.StatusPPPK
		year := intBetween(r, max(2021, today.Year()-4), today.Year())
		month := time.Month(intBetween(r, 1, 12))
		if year == today.Year() {
			month = time.Month(intBetween(r, 1, int(today.Month())))
		}
		e.TMTCPNS = time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
		age := intBetween(r, 23, 52)
		e.TanggalLahir = e.TMTCPNS.AddDate(-age, 0, -r.IntN(365))
		e.Golongan = pppkGrade(ps, ef.pppk)
		start = strconv.Itoa(year) + "21"
	} else {
		rank, years, entry := rankAndService(r, ps, e.PendidikanJenjang)
		e.Golongan = golName(rank)
		e.TMTCPNS = time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(-years, -r.IntN(12), 0)
		e.TanggalLahir = e.TMTCPNS.AddDate(-entry, 0, -r.IntN(365))
		start = e.TMTCPNS.Format("200601")
	}
	duplicate := flaw == gapDuplicate && g.duplicateFits(ps, e.TMTCPNS)
	switch {
	case flaw == gapPastBUP && !pppk:
		pastBUP(e, ps.bup, i%6, today)
		start = e.TMTCPNS.Format("200601")
	case duplicate:
		e.TanggalLahir, female = g.prev.lahir, g.prev.female
	}
	gender := byte('1')
	e.JenisKelamin = "L"
	if female {
		e.JenisKelamin, gender = "P", '2'
	}
	for {
		nip, ok := g.nips.next(e.TanggalLahir, start, gender)
		if ok {
			e.NIP = nip
			break
		}
		e.TanggalLahir = e.TanggalLahir.AddDate(0, 0, -1)
	}
	e.Nama = personName(r, female, e.PendidikanJenjang, e.PendidikanJurusan)
	if duplicate {
		e.Nama = withoutDegrees(g.prev.nama)
	}

	// Time in the current post: some short (< 2 y), most 2–5 y, some long
	// (> 5 y); never before the start of service.
	var days int
	switch x := r.Float64(); {
	case x < 0.2:
		days = intBetween(r, 30, 2*365-10)
	case x < 0.75:
		days = intBetween(r, 2*365+10, 5*365-10)
	default:
		days = intBetween(r, 5*365+10, 12*365)
	}
	e.TMTJabatan = today.AddDate(0, 0, -days)
	if e.TMTJabatan.Before(e.TMTCPNS) {
		e.TMTJabatan = e.TMTCPNS
	}

	// Sanctions, ratings, talent box, study leave.
	weak := chance(r, rateWeak)
	switch x := r.Float64(); {
	case x < rateSanction:
		e.HukumanDisiplin, e.HukumanSelesai = sanction(r, today, true)
		weak = weak || chance(r, 0.5)
	case x < rateSanction+rateSanctionEnded:
		e.HukumanDisiplin, e.HukumanSelesai = sanction(r, today, false)
	}
	e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu = ratings(r, weak)
	if e.TMTCPNS.Year() >= today.Year() {
		e.KinerjaTahunLalu = ""
	}
	if e.TMTCPNS.Year() >= today.Year()-1 {
		e.KinerjaDuaTahunLalu = ""
	}
	if chance(r, rateNoRating) {
		e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu = "", ""
	}
	if !pppk && mutasi.YearsBetween(e.TMTCPNS, today) >= 2 && chance(r, rateTalentAssessed) {
		perf := 1
		switch {
		case weak:
			perf = 0
		case e.KinerjaTahunLalu == mutasi.KinerjaSangatBaik:
			perf = 2
		}
		pot := weighted(r, []float64{0.22, 0.53, 0.25})
		e.KotakTalenta = talentBox[perf][pot]
	}
	if !pppk && e.PendidikanJenjang != mutasi.PendidikanS3 && mutasi.YearsBetween(e.TanggalLahir, today) < 47 &&
		e.HukumanDisiplin == "" && chance(r, rateStudyLeave) {
		e.TugasBelajar = true
	}
	switch flaw {
	case gapNoTMTJabatan:
		e.TMTJabatan = time.Time{}
	case gapNoRating:
		blankOneRating(e)
	case gapAbbreviatedMajor:
		e.PendidikanJurusan = abbreviateMajor(e.PendidikanJurusan)
	}
	g.prev = previous{ok: true, nama: e.Nama, lahir: e.TanggalLahir, female: female}
}

// educationFor draws the education level of a holder of ps: mostly its
// minimum, often higher, now and then lower (older staff appointed before
// the requirement).
func educationFor(r *rand.Rand, ps *post) string {
	const (
		SD, SMP, SMA, D3, D4, S1, S2, S3 = mutasi.PendidikanSD, mutasi.PendidikanSMP, mutasi.PendidikanSMA,
			mutasi.PendidikanD3, mutasi.PendidikanD4, mutasi.PendidikanS1, mutasi.PendidikanS2, mutasi.PendidikanS3
	)
	type opt struct {
		level string
		w     float64
	}
	var opts []opt
	switch {
	case ps.pos.Jenis == mutasi.JenisJPT:
		opts = []opt{{S1, 30}, {S2, 64}, {S3, 6}}
	case ps.pos.Jenis == mutasi.JenisAdministrator:
		opts = []opt{{S1, 55}, {S2, 45}}
	case ps.pos.Jenis == mutasi.JenisPengawas:
		opts = []opt{{D3, 8}, {S1, 72}, {S2, 20}}
	case ps.pos.PendidikanMin == S2:
		opts = []opt{{S2, 95}, {S3, 5}}
	case ps.pos.Jenjang == mutasi.JenjangAhliMadya || ps.pos.Jenjang == mutasi.JenjangAhliUtama:
		opts = []opt{{S1, 48}, {S2, 48}, {S3, 4}}
	case ps.pos.PendidikanMin == S1:
		opts = []opt{{D3, 2}, {D4, 6}, {S1, 78}, {S2, 14}}
	case ps.pos.PendidikanMin == D3:
		opts = []opt{{SMA, 4}, {D3, 68}, {D4, 8}, {S1, 20}}
	case ps.pos.PendidikanMin == SMA:
		opts = []opt{{SMP, 2}, {SMA, 55}, {D3, 14}, {S1, 29}}
	case ps.pos.PendidikanMin == SMP:
		opts = []opt{{SD, 8}, {SMP, 47}, {SMA, 45}}
	default:
		opts = []opt{{SD, 40}, {SMP, 35}, {SMA, 25}}
	}
	w := make([]float64, len(opts))
	for i, o := range opts {
		w[i] = o.w
	}
	return opts[weighted(r, w)].level
}

// majorFor draws a major at the given level: mostly one the post asks for,
// sometimes another known one, rarely one the reference does not know.
func majorFor(r *rand.Rand, ps *post, level string) string {
	switch level {
	case mutasi.PendidikanSD:
		return majorSD
	case mutasi.PendidikanSMP:
		return majorSMP
	}
	secondary := level == mutasi.PendidikanSMA
	asked := ps.pos.RumpunPendidikan
	x := r.Float64()
	if len(asked) > 0 && x < rateMajorMatch {
		entry := pick(r, asked)
		if fi, ok := familyIndex[entry]; ok {
			return majorOf(r, families[fi], secondary)
		}
		return entry // the post names a major itself
	}
	if x > 1-rateMajorUnknown && !secondary {
		return pick(r, unknownMajors)
	}
	return majorOf(r, families[weighted(r, familyWeights)], secondary)
}

var familyWeights = func() []float64 {
	w := make([]float64, len(families))
	for i, f := range families {
		w[i] = f.weight
	}
	return w
}()

// majorOf draws a major of f at the level; a family without majors at that
// level gives a general one (secondary school) or a weighted other family.
func majorOf(r *rand.Rand, f family, secondary bool) string {
	list := f.higher
	if secondary {
		list = f.secondary
		if len(list) == 0 || chance(r, 0.35) {
			list = families[familyIndex[famUmum]].secondary
		}
	}
	if len(list) == 0 {
		return majorOf(r, families[weighted(r, familyWeights)], secondary)
	}
	return pick(r, list)
}

// rankAndService draws a PNS rank within the post's range and the years of
// service and age at entry that explain it: one rank every four years from
// the entry rank of the education, sometimes a step behind, never above what
// the education (for executives) or the post allows.
func rankAndService(r *rand.Rand, ps *post, level string) (rank, years, entry int) {
	ef := eduFacts[level]
	lo, hi := ef.start, ef.cap
	if ps.golLo != 0 {
		lo, hi = max(ps.golLo, ef.start), ps.golHi
	}
	if lo > hi {
		hi = lo
	}
	entry = intBetween(r, ef.entryMin, ef.entryMax)
	minYears := max(0, (lo-ef.start)*4-2)
	// Age today is below entry+years+2 (months and days are drawn on
	// top), which must stay below the retirement age.
	maxYears := ps.bup - 2 - entry
	if maxYears < minYears {
		entry = max(ef.entryMin, ps.bup-2-minYears)
		maxYears = max(minYears, ps.bup-2-entry)
	}
	if chance(r, 0.22) {
		years = intBetween(r, minYears, min(maxYears, minYears+5))
	} else {
		years = intBetween(r, minYears, maxYears)
	}
	rank = ef.start + years/4
	if chance(r, 0.25) {
		rank--
	}
	return min(max(rank, lo), hi), years, entry
}

func pppkGrade(ps *post, byEducation string) string {
	switch ps.pos.Jenjang {
	case mutasi.JenjangAhliMuda:
		return "XI"
	case mutasi.JenjangAhliMadya:
		return "XIII"
	}
	return byEducation
}

// sanction draws a disciplinary sanction that is still running at today,
// or that ended within the last year; some end within a fortnight of today.
func sanction(r *rand.Rand, today time.Time, running bool) (string, time.Time) {
	level := []string{mutasi.HukumanRingan, mutasi.HukumanSedang, mutasi.HukumanBerat}[weighted(r, []float64{55, 35, 10})]
	var days int
	switch {
	case running && chance(r, 0.15):
		days = intBetween(r, 1, 14)
	case running:
		days = intBetween(r, 15, map[string]int{mutasi.HukumanRingan: 180, mutasi.HukumanSedang: 365, mutasi.HukumanBerat: 720}[level])
	case chance(r, 0.3):
		days = -intBetween(r, 1, 14)
	default:
		days = -intBetween(r, 15, 365)
	}
	return level, today.AddDate(0, 0, days)
}

// ratings draws the ratings of the last two years; a weak performer has at
// least one below Baik.
func ratings(r *rand.Rand, weak bool) (last, before string) {
	good := func() string {
		if chance(r, 0.18) {
			return mutasi.KinerjaSangatBaik
		}
		return mutasi.KinerjaBaik
	}
	last, before = good(), good()
	if weak {
		switch x := r.Float64(); {
		case x < 0.4:
			last = pick(r, ratingsLow)
		case x < 0.7:
			before = pick(r, ratingsLow)
		default:
			last, before = pick(r, ratingsLow), pick(r, ratingsLow)
		}
	}
	return last, before
}
