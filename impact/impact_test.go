package impact

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/demo"
	"github.com/mutasi/mutasi/rules"
)

var today = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// world is a demo pemda in memory, as the CLI would read it from a store.
type world struct {
	employees []mutasi.Employee
	positions map[string]*mutasi.Position
	units     map[string]*mutasi.Unit
	asp       map[string]*mutasi.Aspiration
}

func newWorld(t testing.TB, n int) *world {
	t.Helper()
	p, err := demo.New(demo.Config{Seed: 3, Employees: n, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	w := &world{positions: map[string]*mutasi.Position{}, units: map[string]*mutasi.Unit{}, asp: map[string]*mutasi.Aspiration{}}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.Units()(func(r mutasi.Row[mutasi.Unit]) error { u := r.Value; w.units[u.ID] = &u; return nil }))
	must(p.Positions()(func(r mutasi.Row[mutasi.Position]) error { v := r.Value; w.positions[v.ID] = &v; return nil }))
	must(p.Employees()(func(r mutasi.Row[mutasi.Employee]) error {
		w.employees = append(w.employees, r.Value)
		w.positions[r.Value.JabatanID].Holders++
		return nil
	}))
	must(p.Aspirations()(func(r mutasi.Row[mutasi.Aspiration]) error { a := r.Value; w.asp[a.NIP] = &a; return nil }))
	slices.SortFunc(w.employees, func(a, b mutasi.Employee) int { return strings.Compare(a.NIP, b.NIP) })
	return w
}

func (w *world) subject(e *mutasi.Employee) rules.Subject {
	cur := w.positions[e.JabatanID]
	return rules.Subject{Employee: e, Current: cur, Unit: w.units[cur.UnitID], Aspiration: w.asp[e.NIP]}
}

func (w *world) source() Source {
	return func(yield func(rules.Subject) error) error {
		var e mutasi.Employee // reused, as a store does
		for i := range w.employees {
			e = w.employees[i]
			if err := yield(w.subject(&e)); err != nil {
				return err
			}
		}
		return nil
	}
}

func (w *world) vacancies() []*rules.Target {
	var out []*rules.Target
	for _, p := range w.positions {
		if p.Vacancy() > 0 {
			out = append(out, &rules.Target{Position: p, Unit: w.units[p.UnitID]})
		}
	}
	slices.SortFunc(out, func(a, b *rules.Target) int { return strings.Compare(a.Position.ID, b.Position.ID) })
	return out
}

// policyWith loads the default policy with one textual replacement.
func policyWith(t testing.TB, old, new string) *rules.Policy {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"mutasi.yaml", "rumpun_pendidikan.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "policies", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "mutasi.yaml" && old != "" {
			if !strings.Contains(string(b), old) {
				t.Fatalf("policy has no %q", old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := rules.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func compare(t testing.TB, w *world, old, new *rules.Policy, workers int) *Report {
	t.Helper()
	r, err := Compare(context.Background(), old, new, Options{Today: today, Targets: w.vacancies(), Samples: 5, Workers: workers}, w.source())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSamePolicyChangesNothing(t *testing.T) {
	w := newWorld(t, 400)
	p := policyWith(t, "", "")
	r := compare(t, w, p, p, 2)
	if !r.Changes.Same || r.General.Lost+r.General.Gained+r.Pairs.Lost+r.Pairs.Gained != 0 || r.TopChanged != 0 || r.Pairs.ScoreChanged != 0 {
		t.Errorf("identical policies differ: %+v", r)
	}
	if r.Employees != 400 || r.General.Total != 400 || r.Vacancies == 0 || r.Pairs.Total == 0 {
		t.Errorf("counts: employees %d, general %d, vacancies %d, pairs %d", r.Employees, r.General.Total, r.Vacancies, r.Pairs.Total)
	}
}

func TestStricterMinimumTenure(t *testing.T) {
	w := newWorld(t, 600)
	old := policyWith(t, "", "")
	stricter := policyWith(t, "masa_jabatan_min_tahun: 2", "masa_jabatan_min_tahun: 3")
	r := compare(t, w, old, stricter, 2)

	if got, want := r.Changes.Params, []Change{{Name: "masa_jabatan_min_tahun", Old: "2", New: "3"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("param changes %+v, want %+v", got, want)
	}
	g := r.General
	if g.Lost == 0 || g.Gained != 0 || g.EligibleOld-g.EligibleNew != g.Lost {
		t.Fatalf("general: lost %d, gained %d, eligible %d → %d", g.Lost, g.Gained, g.EligibleOld, g.EligibleNew)
	}
	if len(g.Causes) != 1 || g.Causes[0].RuleID != "masa-jabatan-minimal" || g.Causes[0].NewlyBlocking != g.Lost || g.Causes[0].Title != "Masa jabatan minimal" {
		t.Errorf("causes %+v, want all %d on masa-jabatan-minimal", g.Causes, g.Lost)
	}
	if r.Pairs.Lost == 0 || r.Pairs.Gained != 0 {
		t.Errorf("pairs: lost %d gained %d", r.Pairs.Lost, r.Pairs.Gained)
	}
	// Samples are the first by NIP, and each is really a changed verdict
	// of someone between 2 and 3 years in post.
	if len(g.LostSamples) != min(5, g.Lost) || !slices.IsSortedFunc(g.LostSamples, func(a, b Sample) int { return strings.Compare(a.NIP, b.NIP) }) {
		t.Errorf("samples %+v", g.LostSamples)
	}
	for _, s := range g.LostSamples {
		i := slices.IndexFunc(w.employees, func(e mutasi.Employee) bool { return e.NIP == s.NIP })
		e := w.employees[i]
		if !old.Evaluate(w.subject(&e), nil, today).Eligible || stricter.Evaluate(w.subject(&e), nil, today).Eligible {
			t.Errorf("sample %s did not change verdict", s.NIP)
		}
		if m := mutasi.MonthsBetween(e.TMTJabatan, today); m < 24 || m >= 36 || s.Nama != e.Nama {
			t.Errorf("sample %s has %d months in post (name %q)", s.NIP, m, s.Nama)
		}
	}

	// The reverse change gains exactly what the first lost.
	back := compare(t, w, stricter, old, 1)
	if back.General.Gained != g.Lost || back.General.Lost != 0 || back.General.Causes[0].NoLongerBlocking != g.Lost {
		t.Errorf("reverse: gained %d (want %d), lost %d, causes %+v", back.General.Gained, g.Lost, back.General.Lost, back.General.Causes)
	}
}

func TestWeightChangeMovesScoresAndTopCandidates(t *testing.T) {
	w := newWorld(t, 600)
	old := policyWith(t, "", "")
	reweighted := policyWith(t, "title: Kotak talenta\n    weight: 15", "title: Kotak talenta\n    weight: 60")
	r := compare(t, w, old, reweighted, 2)
	if len(r.Changes.WeightChange) != 1 || r.Changes.WeightChange[0] != (Change{Name: "talenta", Old: "15", New: "60"}) {
		t.Errorf("weight changes %+v", r.Changes.WeightChange)
	}
	if r.Pairs.Lost+r.Pairs.Gained != 0 {
		t.Errorf("a weight change changed verdicts: %+v", r.Pairs)
	}
	if r.Pairs.ScoreChanged == 0 || r.Pairs.ScoreMaxDelta <= 0 || r.Pairs.MeanScoreDelta() <= 0 {
		t.Errorf("scores did not move: %+v", r.Pairs)
	}
	if r.TopChanged == 0 || r.TopChanged > r.Vacancies {
		t.Errorf("top candidate changed for %d of %d vacancies", r.TopChanged, r.Vacancies)
	}
}

// The report does not depend on how many goroutines made it.
func TestWorkersGiveTheSameReport(t *testing.T) {
	w := newWorld(t, 700)
	old := policyWith(t, "", "")
	relaxed := policyWith(t, "ej_asal_maks: 1.0", "ej_asal_maks: 1.5")
	one, two := compare(t, w, old, relaxed, 1), compare(t, w, old, relaxed, 2)
	one.Pairs.ScoreAbsDelta, two.Pairs.ScoreAbsDelta = 0, 0 // float sums differ in the last bits by order
	one.General.ScoreAbsDelta, two.General.ScoreAbsDelta = 0, 0
	if !reflect.DeepEqual(one, two) {
		t.Errorf("1 worker:\n%+v\n2 workers:\n%+v", one, two)
	}
	if one.General.Gained == 0 {
		t.Error("relaxing the source EJ limit gained nobody")
	}
}

func TestCompareStopsOnSourceError(t *testing.T) {
	w := newWorld(t, 50)
	p := policyWith(t, "", "")
	boom := os.ErrClosed
	_, err := Compare(context.Background(), p, p, Options{Today: today}, func(yield func(rules.Subject) error) error {
		e := w.employees[0]
		yield(w.subject(&e))
		return boom
	})
	if err != boom {
		t.Errorf("err = %v, want the source's error", err)
	}
}

// Pair samples name distinct people, each with how many of their pairs
// changed, so that one person with many vacancies does not fill the list.
func TestPairSamplesAreDistinctPeople(t *testing.T) {
	w := newWorld(t, 600)
	// A vacancy must keep one place open: many people lose the pairs of
	// the vacancies with a single place.
	r := compare(t, w, policyWith(t, "", ""), policyWith(t, "lowongan_min: 1", "lowongan_min: 2"), 2)
	seen := map[string]bool{}
	total := 0
	for _, s := range r.Pairs.LostSamples {
		if seen[s.NIP] {
			t.Errorf("%s sampled twice", s.NIP)
		}
		seen[s.NIP] = true
		if s.Count < 1 || s.Target == "" {
			t.Errorf("sample %+v lacks its count or target", s)
		}
		total += s.Count
	}
	if len(r.Pairs.LostSamples) != 5 || total <= 5 || total > r.Pairs.Lost {
		t.Errorf("%d samples covering %d of %d lost pairs", len(r.Pairs.LostSamples), total, r.Pairs.Lost)
	}
}

// Rewriting a rule's expression or message, or a term's value, is named
// with the keys that changed; rewrapping the YAML is not a change.
func TestEditedRulesAndTermsAreNamed(t *testing.T) {
	w := newWorld(t, 100)
	old := policyWith(t, "", "")
	edited := policyWith(t,
		"require: employee.masa_jabatan_bulan >= params.masa_jabatan_min_tahun * 12",
		"require: >-\n      employee.masa_jabatan_bulan >= params.masa_jabatan_min_tahun * 12 &&\n      employee.masa_kerja_tahun >= 1")
	r := compare(t, w, old, edited, 1)
	if want := []Edited{{ID: "masa-jabatan-minimal", Keys: []string{"require"}}}; !reflect.DeepEqual(r.Changes.RulesEdited, want) {
		t.Errorf("rules edited %+v, want %+v", r.Changes.RulesEdited, want)
	}
	rewrapped := policyWith(t,
		"require: employee.masa_jabatan_bulan >= params.masa_jabatan_min_tahun * 12",
		"require: >-\n      employee.masa_jabatan_bulan >=\n      params.masa_jabatan_min_tahun * 12")
	if r := compare(t, w, old, rewrapped, 1); len(r.Changes.RulesEdited) != 0 || r.Changes.Same {
		t.Errorf("rewrapping reported as %+v (same hash %v)", r.Changes.RulesEdited, r.Changes.Same)
	}
	term := policyWith(t, "employee.kotak_talenta >= 7 ? 1.0", "employee.kotak_talenta >= 8 ? 1.0")
	if r := compare(t, w, old, term, 1); len(r.Changes.TermsEdited) != 1 || r.Changes.TermsEdited[0].ID != "talenta" || r.Changes.TermsEdited[0].Keys[0] != "value" {
		t.Errorf("terms edited %+v", r.Changes.TermsEdited)
	}
}
