package rules

import (
	"testing"

	"github.com/mutasi/mutasi"
)

// TestBatchTargetNilCheck: a rule or term whose only mention of the target
// is `target != nil` (or `== nil`) depends on the target; a batch must not
// evaluate it once per employee without one.
func TestBatchTargetNilCheck(t *testing.T) {
	policy := testHeader +
		rule("masa-kerja-sepuluh", "    when: target != nil\n    require: employee.masa_kerja_tahun >= 10\n    severity: block\n") +
		rule("umum-saja", "    when: target == nil\n    require: employee.status == 'PPPK'\n    severity: block\n") +
		"scoring:\n  - id: talenta\n    title: Uji\n    weight: 1\n    when: target != nil\n    value: employee.kotak_talenta / 9.0\n" +
		"  - id: dasar\n    title: Uji\n    weight: 1\n    value: 0.5\n"
	p, err := Compile([]File{{Name: "uji.yaml", Data: []byte(policy)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	emp := &mutasi.Employee{NIP: "199004122015032001", Status: mutasi.StatusPNS,
		TMTCPNS: benchToday.AddDate(-3, 0, 0), KotakTalenta: 9}
	s := Subject{Employee: emp, Current: &mutasi.Position{ID: "J1", Holders: 1}}
	tgt := benchTarget()
	b := p.NewBatch(benchToday, tgt)
	defer b.Close()
	got := b.Check(s, nil)[0]
	want := p.Evaluate(s, tgt, benchToday)
	if got.Eligible != want.Eligible || got.Score != want.Score {
		t.Errorf("batch eligible=%v score=%v, evaluate eligible=%v score=%v (%v)", got.Eligible, got.Score, want.Eligible, want.Score, want.Failed())
	}
	for i, r := range want.Rules {
		if got.Failed.Has(i) == r.Passed {
			t.Errorf("rule %s: batch failed=%v, evaluate passed=%v", r.Rule.ID, got.Failed.Has(i), r.Passed)
		}
	}
}
