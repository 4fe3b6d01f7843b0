package demo

import (
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

// Real personnel exports have gaps, and the demo has a few, so that the
// data-quality report (mutasi data periksa) has something to show and the
// rules' fail-closed paths are exercised. Each gap is decided from streams
// of its own: the other employees and positions are exactly what they
// would be without gaps.
//
// Besides these, the employee generator itself draws majors the reference
// does not know (rateMajorUnknown) and ratings missing from the export
// (rateNoRating).
const (
	rateNoTMTJabatan     = 0.005  // tmt_jabatan missing
	rateOneRatingMissing = 0.0025 // one of the two ratings missing, though due
	rateAbbreviatedMajor = 0.0025 // a known major written abbreviated ("Tek. Sipil")
	// gapBlock: in every full block of this many employees, one is
	// recorded twice (the same name and birth date as the employee
	// before, under another NIP) and one is active past retirement age.
	gapBlock = 1000
	// positionsPerNoWorkload: one position in this many (at least one) has
	// no workload recorded (beban_kerja_jam 0).
	positionsPerNoWorkload = 1000
)

// gap is the deliberate flaw of one employee.
type gap uint8

const (
	gapNone gap = iota
	gapNoTMTJabatan
	gapNoRating
	gapAbbreviatedMajor
	gapDuplicate // takes the name, birth date and gender of the employee before
	gapPastBUP   // PNS only: born early enough to have reached the post's BUP
)

// gapOf decides the gap of employee i from the gap stream; s must not be
// the reseeder of the employee stream (it is reseeded here). Without gaps
// (s nil), none.
func (s *reseeder) gapOf(i int) gap {
	if s == nil {
		return gapNone
	}
	h := mix(s.seed ^ mix(streamGap<<40^uint64(i/gapBlock)))
	dup, bup := int(h%gapBlock), int((h>>32)%gapBlock)
	if bup == dup {
		bup = (bup + 1) % gapBlock
	}
	switch i % gapBlock {
	case dup:
		if i > 0 {
			return gapDuplicate
		}
	case bup:
		return gapPastBUP
	}
	switch x := s.at(streamGap, i).Float64(); {
	case x < rateNoTMTJabatan:
		return gapNoTMTJabatan
	case x < rateNoTMTJabatan+rateOneRatingMissing:
		return gapNoRating
	case x < rateNoTMTJabatan+rateOneRatingMissing+rateAbbreviatedMajor:
		return gapAbbreviatedMajor
	}
	return gapNone
}

// previous is what a duplicate copies of the employee generated before it.
type previous struct {
	ok     bool
	nama   string
	lahir  time.Time
	female bool
}

// duplicateFits reports whether the employee before can be recorded again
// in post ps with the service start tmtCPNS: still under the post's BUP,
// appointed at 18 or later.
func (g *employeeGen) duplicateFits(ps *post, tmtCPNS time.Time) bool {
	return g.prev.ok && mutasi.YearsBetween(g.prev.lahir, g.today) < ps.bup &&
		mutasi.YearsBetween(g.prev.lahir, tmtCPNS) >= 18
}

// pastBUP moves a PNS's birth and service start back together (the age at
// entry stays) until they are extra months past the retirement age bup.
func pastBUP(e *mutasi.Employee, bup, extra int, today time.Time) {
	shift := bup*12 + extra - mutasi.MonthsBetween(e.TanggalLahir, today)
	if shift <= 0 {
		return
	}
	e.TanggalLahir = e.TanggalLahir.AddDate(0, -shift, 0)
	e.TMTCPNS = e.TMTCPNS.AddDate(0, -shift, 0)
	for mutasi.MonthsBetween(e.TanggalLahir, today) < bup*12 {
		e.TanggalLahir = e.TanggalLahir.AddDate(0, 0, -1) // AddDate normalised a 31st
	}
}

// withoutDegrees drops the degree titles after a name ("Rina, A.Md."), as
// a record typed by another hand often does.
func withoutDegrees(name string) string {
	base, _, _ := strings.Cut(name, ",")
	return base
}

// majorAbbreviations are how exports shorten words of a major.
var majorAbbreviations = []struct{ word, short string }{
	{"Teknik", "Tek."},
	{"Administrasi", "Adm."},
	{"Manajemen", "Manaj."},
	{"Pendidikan", "Pend."},
	{"Kesehatan", "Kes."},
	{"Masyarakat", "Masy."},
	{"Ekonomi", "Ekon."},
	{"Sistem", "Sist."},
	{"Hukum", "Hkm."},
}

// abbreviateMajor shortens the first word of a major that has a short
// form ("Ilmu Administrasi Negara" → "Ilmu Adm. Negara"); a major without
// one is returned as it is.
func abbreviateMajor(major string) string {
	words := strings.Split(major, " ")
	for i, w := range words {
		for _, a := range majorAbbreviations {
			if w == a.word {
				words[i] = a.short
				return strings.Join(words, " ")
			}
		}
	}
	return major
}

// blankOneRating removes one rating that is there, the older one first.
func blankOneRating(e *mutasi.Employee) {
	if e.KinerjaDuaTahunLalu != "" {
		e.KinerjaDuaTahunLalu = ""
	} else {
		e.KinerjaTahunLalu = ""
	}
}

// markNoWorkload clears the workload of one position in
// positionsPerNoWorkload (at least one): a post with holders, not a
// structural one, as when an ABK has not been entered. Its kebutuhan
// stays as recorded.
func markNoWorkload(seed uint64, posts []post) {
	var held []int
	for i, p := range posts {
		if !p.structural && p.holders > 0 {
			held = append(held, i)
		}
	}
	if len(held) == 0 {
		return
	}
	r := newRand(seed, streamPositionGap)
	n := min(len(held), max(1, len(posts)/positionsPerNoWorkload))
	for _, k := range r.Perm(len(held))[:n] {
		posts[held[k]].pos.BebanKerjaJam = 0
	}
}
