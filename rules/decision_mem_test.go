package rules

import (
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// TestDecisionsOwnTheirMemory checks that decisions from the same pooled
// evaluator share nothing that a later evaluation rewrites: messages,
// rule results and score parts stay as they were, through garbage
// collections, and appending to one slice does not touch the other.
func TestDecisionsOwnTheirMemory(t *testing.T) {
	p := loadDefault(t)
	subjects, _ := genData(300)
	type snapshot struct {
		msgs   []string
		passed []bool
		parts  []float64
	}
	take := func(d Decision) snapshot {
		var s snapshot
		for _, r := range d.Rules {
			s.msgs = append(s.msgs, strings.Clone(r.Message))
			s.passed = append(s.passed, r.Passed)
		}
		for _, sp := range d.ScoreParts {
			s.parts = append(s.parts, sp.Value)
		}
		return s
	}
	var kept []Decision
	var want []snapshot
	for i, s := range subjects {
		d := p.Evaluate(s, benchTarget(), benchToday)
		if i%10 == 0 {
			kept = append(kept, d)
			want = append(want, take(d))
		}
	}
	runtime.GC()
	for range 3 {
		for _, s := range subjects {
			p.Evaluate(s, benchTarget(), benchToday)
		}
		runtime.GC()
	}
	for i, d := range kept {
		got := take(d)
		for j := range got.msgs {
			if got.msgs[j] != want[i].msgs[j] || got.passed[j] != want[i].passed[j] {
				t.Fatalf("decision %d rule %d: got %q passed=%v, want %q passed=%v",
					i, j, got.msgs[j], got.passed[j], want[i].msgs[j], want[i].passed[j])
			}
		}
		for j := range got.parts {
			if got.parts[j] != want[i].parts[j] {
				t.Fatalf("decision %d part %d: got %v, want %v", i, j, got.parts[j], want[i].parts[j])
			}
		}
	}
	a, b := kept[0], kept[1]
	if &a.Rules[0] == &b.Rules[0] || &a.ScoreParts[0] == &b.ScoreParts[0] {
		t.Fatal("two decisions share rule results or score parts")
	}
	if len(a.Rules[0].Message) > 0 && len(b.Rules[0].Message) > 0 &&
		unsafe.StringData(a.Rules[0].Message) == unsafe.StringData(b.Rules[0].Message) {
		t.Fatal("two decisions share message bytes")
	}
	before := a.ScoreParts[0]
	grown := append(a.Rules, RuleResult{Message: "tambahan"})
	if a.ScoreParts[0] != before || grown[len(a.Rules)].Message != "tambahan" {
		t.Fatal("appending to Rules changed ScoreParts")
	}
	a.Rules[0].Message = "diubah"
	if b.Rules[0].Message == "diubah" {
		t.Fatal("changing one decision changed another")
	}
}

// TestConstantMessagesShared checks that a message without placeholders
// (after params are folded in) is the template's own text, not a copy, and
// that the closure path renders the same text as the expr VM.
func TestConstantMessagesShared(t *testing.T) {
	p := loadDefault(t)
	vm := loadDefault(t)
	vm.forceVM = true
	subjects, _ := genData(50)
	for _, tt := range []struct {
		rule string
		want string
	}{
		{"tidak-tugas-belajar", "tidak sedang tugas belajar"},
		{"masa-jabatan-maksimal", "belum 5 tahun di jabatan sekarang, belum menjadi prioritas rotasi"},
	} {
		r := p.Rule(tt.rule)
		if r == nil || !r.message.isKonst || r.message.konst != tt.want {
			t.Fatalf("rule %s: template not folded to %q", tt.rule, tt.want)
		}
		shared := 0
		for _, s := range subjects {
			d, dv := p.Evaluate(s, benchTarget(), benchToday), vm.Evaluate(s, benchTarget(), benchToday)
			for i, rr := range d.Rules {
				if rr.Rule.ID != tt.rule || rr.Message != tt.want {
					continue
				}
				if dv.Rules[i].Message != rr.Message {
					t.Errorf("rule %s: closure path %q, VM %q", tt.rule, rr.Message, dv.Rules[i].Message)
				}
				if unsafe.StringData(rr.Message) == unsafe.StringData(r.message.konst) {
					shared++
				}
			}
		}
		if shared == 0 {
			t.Errorf("rule %s: no decision shares the constant message", tt.rule)
		}
	}
}
