package demo

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"go.yaml.in/yaml/v3"
)

// reference is policies/rumpun_pendidikan.yaml, read here as the rules
// package will read it: major (normalised) → family.
type reference struct {
	families map[string]bool   // normalised family names
	major    map[string]string // normalised major → family name
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func loadReference(t *testing.T) reference {
	t.Helper()
	data, err := os.ReadFile("../policies/rumpun_pendidikan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version string `yaml:"version"`
		Rumpun  []struct {
			Nama       string   `yaml:"nama"`
			Keterangan string   `yaml:"keterangan"`
			Jurusan    []string `yaml:"jurusan"`
		} `yaml:"rumpun"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("rumpun_pendidikan.yaml: %v", err)
	}
	if doc.Version == "" {
		t.Error("rumpun_pendidikan.yaml: no version")
	}
	ref := reference{families: map[string]bool{}, major: map[string]string{}}
	for _, r := range doc.Rumpun {
		if ref.families[norm(r.Nama)] {
			t.Errorf("family %q twice", r.Nama)
		}
		ref.families[norm(r.Nama)] = true
		for _, j := range r.Jurusan {
			if prev, ok := ref.major[norm(j)]; ok {
				t.Errorf("major %q in %q and %q", j, prev, r.Nama)
			}
			ref.major[norm(j)] = r.Nama
		}
	}
	// A family name that is also a major of another family would make a
	// position's rumpun entry ambiguous.
	for f := range ref.families {
		if fam, ok := ref.major[f]; ok && norm(fam) != f {
			t.Errorf("family %q is also a major of %q", f, fam)
		}
	}
	if n := len(ref.families); n < 25 || n > 40 {
		t.Errorf("%d families, want 25–40", n)
	}
	if n := len(ref.major); n < 250 {
		t.Errorf("%d majors, want a few hundred", n)
	}
	return ref
}

// matches is the education rule of docs/rules.md: an entry matches the major
// itself or the major's family; an empty list accepts any major.
func (ref reference) matches(rumpun []string, major string) bool {
	if len(rumpun) == 0 {
		return true
	}
	fam := ref.major[norm(major)]
	for _, r := range rumpun {
		if norm(r) == norm(major) || (fam != "" && norm(r) == norm(fam)) {
			return true
		}
	}
	return false
}

func TestMajorsKnownByReference(t *testing.T) {
	ref := loadReference(t)
	for _, f := range families {
		if !ref.families[norm(f.name)] {
			t.Errorf("family %q not in the reference", f.name)
		}
		for _, j := range append(append([]string(nil), f.higher...), f.secondary...) {
			if got := ref.major[norm(j)]; got != f.name {
				t.Errorf("major %q: reference family %q, generator family %q", j, got, f.name)
			}
		}
	}
	for _, j := range unknownMajors {
		if fam, ok := ref.major[norm(j)]; ok {
			t.Errorf("deliberately unknown major %q is known (family %q)", j, fam)
		}
	}

	g := demo2000(t)
	for _, p := range g.positions {
		for _, r := range p.RumpunPendidikan {
			if !ref.families[norm(r)] && ref.major[norm(r)] == "" {
				t.Errorf("position %s asks for %q: neither a family nor a known major", p.ID, r)
			}
		}
	}
	unknown := 0
	for i, e := range g.employees {
		if _, ok := ref.major[norm(e.PendidikanJurusan)]; ok {
			continue
		}
		// Unknown: deliberately, or a known major written abbreviated.
		abbreviated := false
		if g.gaps[i] == gapAbbreviatedMajor {
			for _, a := range majorAbbreviations {
				full := strings.Replace(e.PendidikanJurusan, a.short, a.word, 1)
				abbreviated = abbreviated || (full != e.PendidikanJurusan && ref.major[norm(full)] != "")
			}
		}
		if !contains(unknownMajors, e.PendidikanJurusan) && !abbreviated {
			t.Errorf("employee %s: major %q unknown to the reference", e.NIP, e.PendidikanJurusan)
		}
		unknown++
	}
	checkRate(t, "unknown majors", unknown, len(g.employees), 0.005, 0.04)
}

func checkRate(t *testing.T, name string, n, of int, lo, hi float64) {
	t.Helper()
	got := float64(n) / float64(of)
	t.Logf("%-32s %5d / %5d = %5.1f%% (want %.1f–%.1f%%)", name, n, of, 100*got, 100*lo, 100*hi)
	if got < lo || got > hi {
		t.Errorf("%s: %.2f%%, want %.1f–%.1f%%", name, 100*got, 100*lo, 100*hi)
	}
}

func TestDistributions(t *testing.T) {
	ref := loadReference(t)
	g := demo2000(t)
	positions := map[string]mutasi.Position{}
	for _, p := range g.positions {
		positions[p.ID] = p
	}
	var low, running, study, pppk, talent, asked, matched, short, long, noRating int
	var pns int
	for _, e := range g.employees {
		// Someone hired this year has no rating yet; others should.
		if mutasi.KinerjaRank(e.KinerjaTahunLalu) == 0 && mutasi.YearsBetween(e.TMTCPNS, testToday) >= 2 {
			noRating++
		}
		if r := e.KinerjaTahunLalu; r != "" && mutasi.KinerjaRank(r) < mutasi.KinerjaRank(mutasi.KinerjaBaik) {
			low++
		} else if r := e.KinerjaDuaTahunLalu; r != "" && mutasi.KinerjaRank(r) < mutasi.KinerjaRank(mutasi.KinerjaBaik) {
			low++
		}
		if e.HukumanDisiplin != "" && e.HukumanSelesai.After(testToday) {
			running++
			if d := e.HukumanSelesai.Sub(testToday); d > 2*365*24*time.Hour {
				t.Errorf("%s: sanction runs until %s", e.NIP, mutasi.FormatDate(e.HukumanSelesai))
			}
		}
		if e.TugasBelajar {
			study++
		}
		if e.Status == mutasi.StatusPPPK {
			pppk++
		} else {
			pns++
			if e.KotakTalenta != 0 {
				talent++
			}
		}
		if p := positions[e.JabatanID]; len(p.RumpunPendidikan) > 0 {
			asked++
			if ref.matches(p.RumpunPendidikan, e.PendidikanJurusan) {
				matched++
			}
		}
		switch y := mutasi.MonthsBetween(e.TMTJabatan, testToday); {
		case y < 24:
			short++
		case y >= 60:
			long++
		}
	}
	n := len(g.employees)
	checkRate(t, "low rating in last two years", low, n, 0.05, 0.10)
	checkRate(t, "running sanction", running, n, 0.018, 0.035)
	checkRate(t, "study leave", study, n, 0.008, 0.022)
	checkRate(t, "PPPK", pppk, n, 0.04, 0.12)
	checkRate(t, "talent box filled (PNS)", talent, pns, 0.7, 0.95)
	checkRate(t, "no rating after 2 years of service", noRating, n, 0.0005, 0.01)
	checkRate(t, "major fits the position", matched, asked, 0.78, 0.93)
	checkRate(t, "short in position (< 2 y)", short, n, 0.12, 0.35)
	checkRate(t, "long in position (> 5 y)", long, n, 0.12, 0.35)
	checkRate(t, "with aspirations", len(g.aspirations), n, 0.28, 0.39)
}

// TestWorkload checks that the ABK picture has both sides of a rotation:
// units overloaded (EJ > 1) and overstaffed (EJ < 0.5), and vacancies.
func TestWorkload(t *testing.T) {
	g := demo2000(t)
	holders := map[string]int{}
	for _, e := range g.employees {
		holders[e.JabatanID]++
	}
	hours, staff := map[string]float64{}, map[string]int{}
	var vacancies, vacantPosts, surplusPosts int
	for _, p := range g.positions {
		hours[p.UnitID] += p.BebanKerjaJam
		staff[p.UnitID] += holders[p.ID]
		switch v := p.Kebutuhan - holders[p.ID]; {
		case v > 0:
			vacancies += v
			vacantPosts++
		case v < 0:
			surplusPosts++
		}
	}
	var over, under, fine int
	for _, u := range g.units {
		ej := mutasi.EJ(hours[u.ID], staff[u.ID], mutasi.DefaultEffectiveHours)
		switch {
		case ej > 1:
			over++
		case ej < 0.5:
			under++
		default:
			fine++
		}
	}
	t.Logf("units: %d overloaded, %d overstaffed, %d between; %d posts with %d vacancies, %d posts overstaffed",
		over, under, fine, vacantPosts, vacancies, surplusPosts)
	if over < 2 || under < 2 || fine < 10 {
		t.Errorf("units: %d overloaded, %d overstaffed, %d between; want ≥ 2, ≥ 2, ≥ 10", over, under, fine)
	}
	if vacantPosts < len(g.positions)/10 || surplusPosts < len(g.positions)/20 {
		t.Errorf("%d of %d posts have vacancies, %d are overstaffed", vacantPosts, len(g.positions), surplusPosts)
	}
	noWorkload := 0
	for _, p := range g.positions {
		structural := p.Jenis == mutasi.JenisJPT || p.Jenis == mutasi.JenisAdministrator || p.Jenis == mutasi.JenisPengawas
		if p.BebanKerjaJam == 0 {
			// The deliberate gap: a held, non-structural post whose ABK
			// was not entered; its kebutuhan is what was recorded.
			noWorkload++
			if structural || holders[p.ID] == 0 || p.Kebutuhan < 1 {
				t.Errorf("%s (%s): no workload, structural %v, %d holders, kebutuhan %d", p.ID, p.Nama, structural, holders[p.ID], p.Kebutuhan)
			}
			continue
		}
		if structural && (p.Kebutuhan != 1 || p.BebanKerjaJam < 1000 || p.BebanKerjaJam > 1500) {
			t.Errorf("%s (%s): kebutuhan %d, %v h; a structural post is one person's work", p.ID, p.Nama, p.Kebutuhan, p.BebanKerjaJam)
		}
		if want := max(1, int(math.Round(p.BebanKerjaJam/mutasi.DefaultEffectiveHours))); p.Kebutuhan != want {
			t.Errorf("%s: kebutuhan %d, ABK gives %d", p.ID, p.Kebutuhan, want)
		}
	}
	if want := max(1, len(g.positions)/positionsPerNoWorkload); noWorkload != want {
		t.Errorf("%d positions without workload, want %d", noWorkload, want)
	}
}

// TestCareers checks that rank, education, age and service agree.
func TestCareers(t *testing.T) {
	g := demo2000(t)
	positions := map[string]mutasi.Position{}
	for _, p := range g.positions {
		positions[p.ID] = p
	}
	bup := func(p mutasi.Position) int {
		switch {
		case p.Jenis == mutasi.JenisJPT || p.Jenjang == mutasi.JenjangAhliMadya:
			return 60
		case p.Jenjang == mutasi.JenjangAhliUtama:
			return 65
		}
		return 58
	}
	var ages [7]int // by decade from 20
	pastBUP := 0
	for i, e := range g.employees {
		p := positions[e.JabatanID]
		age := mutasi.YearsBetween(e.TanggalLahir, testToday)
		// Past retirement are exactly the PNS given that gap.
		if past := g.gaps[i] == gapPastBUP && e.Status == mutasi.StatusPNS; age < 18 || (age >= bup(p)) != past {
			t.Errorf("%s (gap %d): age %d in %s (retirement at %d)", e.NIP, g.gaps[i], age, p.ID, bup(p))
		} else if past {
			pastBUP++
		}
		ages[max(0, min(6, (age-20)/5))]++
		if entry := mutasi.YearsBetween(e.TanggalLahir, e.TMTCPNS); entry < 18 {
			t.Errorf("%s: appointed at %d", e.NIP, entry)
		}
		if e.Status != mutasi.StatusPNS {
			continue
		}
		rank := mutasi.GolonganRank(mutasi.StatusPNS, e.Golongan)
		ef := eduFacts[e.PendidikanJenjang]
		years := mutasi.YearsBetween(e.TMTCPNS, testToday)
		if rank < ef.start || rank > ef.start+years/4+1 {
			t.Errorf("%s: %s with %s and %d years of service (entry rank %s)", e.NIP, e.Golongan, e.PendidikanJenjang, years, golName(ef.start))
		}
		if p.Jenis != mutasi.JenisPelaksana && rank < mutasi.GolonganRank(mutasi.StatusPNS, p.GolonganMin) {
			t.Errorf("%s: %s below the %s of %s (%s)", e.NIP, e.Golongan, p.GolonganMin, p.ID, p.Nama)
		}
	}
	t.Logf("ages by 5 years from 20: %v; %d past retirement", ages, pastBUP)
	if pastBUP == 0 {
		t.Error("no employee past retirement age: the quality report has none to show")
	}
	for i, n := range ages[1:6] {
		if n < len(g.employees)/30 {
			t.Errorf("only %d employees aged %d–%d", n, 25+5*i, 29+5*i)
		}
	}
}
