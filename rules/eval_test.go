package rules

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestRuntimeErrorsFailClosed(t *testing.T) {
	policy := testHeader +
		rule("boros", "    require: \"len(map(1..100000000, # * 2)) > 0\"\n    severity: block\n") +
		rule("bagi-nol", "    require: employee.kotak_talenta % (employee.kotak_talenta - employee.kotak_talenta) == 0\n    severity: warn\n") +
		rule("masa", "    require: employee.masa_jabatan_bulan >= params.masa_min * 12\n    severity: block\n") +
		rule("status", "    require: employee.status == 'PNS'\n    severity: block\n")
	p, err := Compile([]File{{Name: "uji.yaml", Data: []byte(policy)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	emp := &mutasi.Employee{NIP: "199004122015032001", Status: mutasi.StatusPNS} // every date empty
	// Both paths explain a run-time error alike, in Indonesian.
	for _, forceVM := range []bool{false, true} {
		p.forceVM = forceVM
		d := p.Evaluate(Subject{Employee: emp, Current: &mutasi.Position{ID: "J1"}}, nil, benchToday)
		if d.Eligible {
			t.Error("eligible, want not: failing rules must fail closed")
		}
		want := []struct {
			id, msg string
			passed  bool
		}{
			{"boros", "memori melebihi batas", false},
			{"bagi-nol", "tidak dapat dinilai: pembagian dengan nol", false},
			{"masa", "data belum lengkap: tmt_jabatan kosong", false},
			{"status", "ok", true},
		}
		for i, w := range want {
			got := d.Rules[i]
			if got.Rule.ID != w.id || got.Passed != w.passed || !strings.Contains(got.Message, w.msg) {
				t.Errorf("forceVM=%v: rule %d = %s passed=%v %q; want %s passed=%v containing %q", forceVM, i, got.Rule.ID, got.Passed, got.Message, w.id, w.passed, w.msg)
			}
			if !w.passed && !got.Errored {
				t.Errorf("forceVM=%v: rule %s not marked as errored", forceVM, got.Rule.ID)
			}
			// Not assessable is shown as such, in the CLI and the chat.
			if wantMark := map[bool]string{true: "✅", false: "⚠️"}[w.passed]; got.Mark() != wantMark {
				t.Errorf("forceVM=%v: rule %s shown %s, want %s", forceVM, got.Rule.ID, got.Mark(), wantMark)
			}
		}
	}
}

// TestFastMatchesVM checks that the closure compiler and the expr VM give
// the same outcomes, scores and messages for a varied population.
func TestFastMatchesVM(t *testing.T) {
	fast := loadDefault(t)
	slow := loadDefault(t)
	slow.forceVM = true
	subjects, positions := genData(3000)
	targets := []*Target{nil, benchTarget(), {Position: positions[7]}, {Position: positions[8]}}
	for i, s := range subjects {
		tgt := targets[i%len(targets)]
		a := fast.Evaluate(s, tgt, benchToday)
		b := slow.Evaluate(s, tgt, benchToday)
		if a.Eligible != b.Eligible || math.Abs(a.Score-b.Score) > 1e-9 {
			t.Fatalf("subject %d: fast eligible=%v score=%v, VM %v %v", i, a.Eligible, a.Score, b.Eligible, b.Score)
		}
		for j := range a.Rules {
			x, y := a.Rules[j], b.Rules[j]
			if x.Rule.ID != y.Rule.ID || x.Passed != y.Passed || x.Severity != y.Severity || x.Applicable != y.Applicable ||
				x.Errored != y.Errored || x.Message != y.Message {
				t.Fatalf("subject %d rule %s:\nfast %+v\nVM   %+v", i, a.Rules[j].Rule.ID, a.Rules[j], b.Rules[j])
			}
		}
	}
}

// TestBatchMatchesEvaluate checks the batch decomposition (target-only and
// employee-only rules computed once) against full evaluation.
func TestBatchMatchesEvaluate(t *testing.T) {
	p := loadDefault(t)
	subjects, positions := genData(2000)
	targets := []*Target{benchTarget(), {Position: positions[3]}, {Position: positions[14]}}
	b := p.NewBatch(benchToday, targets...)
	defer b.Close()
	var out []Verdict
	for i, s := range subjects {
		out = b.Check(s, out[:0])
		if len(out) != len(targets) {
			t.Fatalf("got %d verdicts, want %d", len(out), len(targets))
		}
		for ti, tgt := range targets {
			d := p.Evaluate(s, tgt, benchToday)
			v := out[ti]
			if v.Eligible != d.Eligible || v.Score != d.Score {
				t.Fatalf("subject %d target %d: batch %v/%v, evaluate %v/%v", i, ti, v.Eligible, v.Score, d.Eligible, d.Score)
			}
			for ri, rr := range d.Rules {
				if v.Failed.Has(ri) == rr.Passed {
					t.Fatalf("subject %d target %d rule %s: batch failed=%v, evaluate passed=%v", i, ti, rr.Rule.ID, v.Failed.Has(ri), rr.Passed)
				}
			}
		}
	}
	gen := p.NewBatch(benchToday)
	defer gen.Close()
	for _, s := range subjects[:200] {
		v := gen.Check(s, nil)[0]
		if d := p.Evaluate(s, nil, benchToday); v.Eligible != d.Eligible {
			t.Fatalf("general batch %v, evaluate %v", v.Eligible, d.Eligible)
		}
	}
}

func TestDecisionJSON(t *testing.T) {
	p := loadDefault(t)
	subjects, _ := genData(1)
	for _, tgt := range []*Target{nil, benchTarget()} {
		d := p.Evaluate(subjects[0], tgt, benchToday)
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"nip", "target", "eligible", "policy_version", "score", "rules"} {
			if _, ok := got[k]; !ok {
				t.Errorf("JSON lacks %q: %s", k, data)
			}
		}
		wantTarget := any(nil)
		if tgt != nil {
			wantTarget = tgt.Position.ID
		}
		if got["target"] != wantTarget {
			t.Errorf("target = %v, want %v", got["target"], wantTarget)
		}
		if got["policy_version"] != p.VersionID() || !strings.HasPrefix(p.VersionID(), "2026.1+") {
			t.Errorf("policy_version = %v, want %s", got["policy_version"], p.VersionID())
		}
		rules := got["rules"].([]any)
		if len(rules) != 12 {
			t.Fatalf("%d rules, want 12", len(rules))
		}
		r0 := rules[0].(map[string]any)
		for _, k := range []string{"id", "passed", "severity", "message"} {
			if _, ok := r0[k]; !ok {
				t.Errorf("rule JSON lacks %q: %v", k, r0)
			}
		}
		if r0["id"] != "masa-jabatan-minimal" {
			t.Errorf("first rule %v, want masa-jabatan-minimal", r0["id"])
		}
	}
}

func TestDefaultPolicyIDs(t *testing.T) {
	p := loadDefault(t)
	want := []string{"masa-jabatan-minimal", "masa-jabatan-maksimal", "kinerja-dua-tahun", "bebas-hukuman-disiplin",
		"tidak-tugas-belajar", "batas-usia-pensiun", "kesesuaian-pendidikan", "golongan-minimal",
		"tingkat-jabatan", "formasi-tersedia", "beban-unit-asal", "status-pns"}
	var got []string
	for _, r := range p.Rules {
		got = append(got, r.ID)
		if r.Basis == "" {
			t.Errorf("rule %s has no basis", r.ID)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ids %v, want %v", got, want)
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	p := loadDefault(t)
	subjects, _ := genData(400)
	want := make([]Decision, len(subjects))
	for i, s := range subjects {
		want[i] = p.Evaluate(s, benchTarget(), benchToday)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			day := benchToday
			for i := range subjects {
				j := (i + g*50) % len(subjects)
				d := p.Evaluate(subjects[j], benchTarget(), day)
				if d.Eligible != want[j].Eligible || d.Score != want[j].Score || d.Rules[0].Message != want[j].Rules[0].Message {
					errs <- fmt.Sprintf("goroutine %d subject %d differs", g, j)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestEvaluationDate(t *testing.T) {
	p := loadDefault(t)
	s := Subject{Employee: &mutasi.Employee{NIP: "199004122015032001", Status: mutasi.StatusPNS, Golongan: "III/c",
		TanggalLahir: time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC), TMTJabatan: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Baik"}, Current: &mutasi.Position{ID: "J1", Holders: 3}}
	for _, tt := range []struct {
		day    time.Time
		passed bool
	}{
		{time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true},
	} {
		d := p.Evaluate(s, nil, tt.day)
		if d.Rules[0].Passed != tt.passed {
			t.Errorf("on %s masa-jabatan-minimal passed=%v, want %v (%s)", tt.day, d.Rules[0].Passed, tt.passed, d.Rules[0].Message)
		}
	}
}
