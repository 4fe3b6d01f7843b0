package demo

import (
	"reflect"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

var testToday = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

// generated is everything one Pemda yields, and the gap each employee was
// given (gaps.go), by row.
type generated struct {
	units       []mutasi.Unit
	positions   []mutasi.Position
	employees   []mutasi.Employee
	aspirations []mutasi.Aspiration
	gaps        []gap
}

func collect[T any](t testing.TB, rows mutasi.RowReader[T]) []T {
	t.Helper()
	var out []T
	want := 2
	err := rows(func(r mutasi.Row[T]) error {
		if r.Num != want {
			t.Fatalf("row number %d, want %d", r.Num, want)
		}
		if len(r.Problems) != 0 {
			t.Fatalf("row %d has problems %v", r.Num, r.Problems)
		}
		want++
		out = append(out, r.Value)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func generate(t testing.TB, cfg Config) generated {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	g := generated{units: collect(t, p.Units()), positions: collect(t, p.Positions()),
		employees: collect(t, p.Employees()), aspirations: collect(t, p.Aspirations())}
	rs := newReseeder(cfg.Seed)
	for i := range g.employees {
		g.gaps = append(g.gaps, rs.gapOf(i))
	}
	return g
}

// cache the default demo: several tests look at it.
var defaultDemo = map[uint64]generated{}

func demo2000(t *testing.T) generated {
	t.Helper()
	if g, ok := defaultDemo[42]; ok {
		return g
	}
	g := generate(t, Config{Seed: 42, Employees: 2000, Today: testToday})
	defaultDemo[42] = g
	return g
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Seed: 7, Employees: 1500, Today: testToday}
	a, b := generate(t, cfg), generate(t, cfg)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same config, different output")
	}
	// Reading the same Pemda twice gives the same rows too.
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := collect(t, p.Employees()); !reflect.DeepEqual(got, a.employees) {
		t.Fatal("second read of the employees differs")
	}

	c := generate(t, Config{Seed: 8, Employees: 1500, Today: testToday})
	tests := []struct {
		name string
		a, c any
	}{
		{"positions", a.positions, c.positions},
		{"employees", a.employees, c.employees},
		{"aspirations", a.aspirations, c.aspirations},
	}
	for _, tt := range tests {
		if reflect.DeepEqual(tt.a, tt.c) {
			t.Errorf("%s: seeds 7 and 8 give the same output", tt.name)
		}
	}
	sameNIP := 0
	for i := range a.employees {
		if a.employees[i].NIP == c.employees[i].NIP {
			sameNIP++
		}
	}
	if sameNIP > len(a.employees)/100 {
		t.Errorf("seeds 7 and 8 share %d of %d NIPs at the same row", sameNIP, len(a.employees))
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no date", Config{Employees: 10}},
		{"negative", Config{Employees: -1, Today: testToday}},
		{"too many", Config{Employees: MaxEmployees + 1, Today: testToday}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if got, want := mutasi.ErrorCode(err), mutasi.EINVALID; got != want {
				t.Fatalf("New(%+v): code %q, want %q (err %v)", tt.cfg, got, want, err)
			}
		})
	}
}

// TestValid checks every row with the domain's Validate and checks the
// references the store will check: all of this must import cleanly.
func TestValid(t *testing.T) {
	for _, cfg := range []Config{
		{Seed: 42, Employees: 2000, Today: testToday},
		{Seed: 1, Employees: 1, Today: testToday},
		{Seed: 2, Employees: 37, Today: testToday},
		{Seed: 3, Employees: 5000, Today: time.Date(2021, 2, 28, 0, 0, 0, 0, time.UTC)},
	} {
		var g generated
		if cfg.Seed == 42 {
			g = demo2000(t)
		} else {
			g = generate(t, cfg)
		}
		if got := len(g.employees); got != cfg.Employees {
			t.Errorf("seed %d: %d employees, want %d", cfg.Seed, got, cfg.Employees)
		}
		checkValid(t, g)
	}
}

func checkValid(t *testing.T, g generated) {
	t.Helper()
	units := map[string]bool{}
	for _, u := range g.units {
		if err := u.Validate(); err != nil {
			t.Errorf("unit %s: %v", u.ID, err)
		}
		if u.IndukID != "" && !units[u.IndukID] {
			t.Errorf("unit %s: parent %s not listed before it", u.ID, u.IndukID)
		}
		if units[u.ID] {
			t.Errorf("unit %s twice", u.ID)
		}
		units[u.ID] = true
	}
	positions := map[string]bool{}
	for _, p := range g.positions {
		if err := p.Validate(); err != nil {
			t.Errorf("position %s: %v", p.ID, err)
		}
		if !units[p.UnitID] {
			t.Errorf("position %s: unknown unit %s", p.ID, p.UnitID)
		}
		if positions[p.ID] || units[p.ID] {
			t.Errorf("position id %s not unique among units and positions", p.ID)
		}
		positions[p.ID] = true
	}
	nips := map[string]bool{}
	for i, e := range g.employees {
		if err := e.Validate(); err != nil {
			t.Errorf("employee %s: %v", e.NIP, err)
		}
		if !positions[e.JabatanID] {
			t.Errorf("employee %s: unknown position %s", e.NIP, e.JabatanID)
		}
		if nips[e.NIP] {
			t.Errorf("NIP %s twice", e.NIP)
		}
		nips[e.NIP] = true
		// Only the employees given that gap lack tmt_jabatan, and they do.
		if noTMT := g.gaps[i] == gapNoTMTJabatan; e.TMTJabatan.IsZero() != noTMT {
			t.Errorf("employee %s (gap %d): tmt_jabatan %q", e.NIP, g.gaps[i], mutasi.FormatDate(e.TMTJabatan))
		}
		if e.TMTJabatan.After(testToday) || e.TMTCPNS.After(testToday) {
			t.Errorf("employee %s: tmt_jabatan %s, tmt_cpns %s", e.NIP, mutasi.FormatDate(e.TMTJabatan), mutasi.FormatDate(e.TMTCPNS))
		}
	}
	seen := map[string]bool{}
	for _, a := range g.aspirations {
		if err := a.Validate(); err != nil {
			t.Errorf("aspiration %s: %v", a.NIP, err)
		}
		if !nips[a.NIP] {
			t.Errorf("aspiration of unknown NIP %s", a.NIP)
		}
		if seen[a.NIP] {
			t.Errorf("two aspirations of %s", a.NIP)
		}
		seen[a.NIP] = true
		if a.Alasan == "" {
			t.Errorf("aspiration %s: no reason", a.NIP)
		}
		for _, c := range a.Pilihan {
			if !positions[c] && !units[c] {
				t.Errorf("aspiration %s: choice %s is neither a position nor a unit", a.NIP, c)
			}
		}
	}
}

func TestSize(t *testing.T) {
	g := demo2000(t)
	kinds := map[mutasi.JenisJabatan]int{}
	for _, p := range g.positions {
		kinds[p.Jenis]++
	}
	if n := len(g.units); n < 35 || n > 50 {
		t.Errorf("%d units, want about 40", n)
	}
	for _, k := range mutasi.JenisJabatanList() {
		if kinds[k] == 0 {
			t.Errorf("no %s position", k)
		}
	}
	t.Logf("units %d, positions %d %v, aspirations %d", len(g.units), len(g.positions), kinds, len(g.aspirations))

	// Positions scale with employees.
	p, err := New(Config{Seed: 42, Employees: 100_000, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if got, small := p.PositionCount(), len(g.positions); got < 5*small {
		t.Errorf("100,000 employees: %d positions, want at least 5× the %d of 2,000", got, small)
	}
}
