package demo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// TestGapsPresentAndRare checks that the default demo has every deliberate
// gap, each on the employees the gap stream chose, and few of them.
func TestGapsPresentAndRare(t *testing.T) {
	g := demo2000(t)
	n := len(g.employees)
	due := func(e mutasi.Employee) (last, before bool) {
		return e.TMTCPNS.Year() <= testToday.Year()-1, e.TMTCPNS.Year() <= testToday.Year()-2
	}
	type pair struct{ name, lahir string }
	seen := map[pair]int{}
	var noTMT, oneRating, abbreviated, duplicates int
	flagged := map[int]bool{}
	for i, e := range g.employees {
		switch g.gaps[i] {
		case gapNoTMTJabatan:
			noTMT++
			flagged[i] = true
		case gapNoRating:
			last, before := due(e)
			if (last && e.KinerjaTahunLalu == "") != (before && e.KinerjaDuaTahunLalu == "") {
				oneRating++ // exactly one of the due ratings is missing
				flagged[i] = true
			}
		case gapAbbreviatedMajor:
			if strings.Contains(e.PendidikanJurusan, ".") {
				abbreviated++
				flagged[i] = true
			}
		}
		k := pair{strings.ToLower(withoutDegrees(e.Nama)), mutasi.FormatDate(e.TanggalLahir)}
		if j, ok := seen[k]; ok {
			duplicates++
			flagged[i] = true
			if g.gaps[i] != gapDuplicate || j != i-1 {
				t.Errorf("employees %d and %d share name and birth date %v; gap of %d is %d", j, i, k, i, g.gaps[i])
			}
			if g.employees[j].NIP == e.NIP {
				t.Errorf("duplicate %d has the NIP of %d", i, j)
			}
		}
		seen[k] = i
	}
	t.Logf("no tmt_jabatan %d, one rating missing %d, abbreviated majors %d, duplicates %d", noTMT, oneRating, abbreviated, duplicates)
	for name, got := range map[string]int{"no tmt_jabatan": noTMT, "one rating missing": oneRating,
		"abbreviated major": abbreviated, "duplicate": duplicates} {
		if got == 0 {
			t.Errorf("no %s in the default demo", name)
		}
	}
	checkRate(t, "no tmt_jabatan", noTMT, n, 0.001, 0.012)
	checkRate(t, "employees with a deliberate gap", len(flagged), n, 0.002, 0.02)
}

// TestGapsLeaveTheRestAlone: an employee or a position without a gap is
// exactly what it would be if the demo had no gaps at all, so that gaps
// never reshuffle the data other tests and examples rely on.
func TestGapsLeaveTheRestAlone(t *testing.T) {
	cfg := Config{Seed: 42, Employees: 2000, Today: testToday}
	with := demo2000(t)
	p, err := newPemda(cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	without := generated{units: collect(t, p.Units()), positions: collect(t, p.Positions()), employees: collect(t, p.Employees())}
	if !reflect.DeepEqual(with.units, without.units) {
		t.Error("units differ")
	}
	changed := 0
	for i := range with.positions {
		if !reflect.DeepEqual(with.positions[i], without.positions[i]) {
			changed++
			if with.positions[i].BebanKerjaJam != 0 {
				t.Errorf("position %s differs and is not the one without workload", with.positions[i].ID)
			}
		}
	}
	if changed == 0 {
		t.Error("no position lost its workload")
	}
	differ := 0
	for i := range with.employees {
		if reflect.DeepEqual(with.employees[i], without.employees[i]) {
			continue
		}
		differ++
		if with.gaps[i] == gapNone {
			t.Errorf("employee %d (%s) has no gap but differs from the demo without gaps:\n%+v\n%+v", i, with.employees[i].NIP, with.employees[i], without.employees[i])
		}
	}
	if differ == 0 {
		t.Error("gaps changed no employee")
	}
}
