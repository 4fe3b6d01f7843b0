package rules

import (
	"slices"
	"testing"
)

func TestTargetFreeNamesTheRulesThatNeverReadTheTarget(t *testing.T) {
	p, err := LoadDir("../policies")
	if err != nil {
		t.Fatal(err)
	}
	free := p.TargetFree()
	got := p.RuleIDs(free)
	want := []string{"masa-jabatan-minimal", "masa-jabatan-maksimal", "kinerja-dua-tahun",
		"bebas-hukuman-disiplin", "tidak-tugas-belajar", "beban-unit-asal", "status-pns"}
	if !slices.Equal(got, want) {
		t.Errorf("TargetFree = %v, want %v", got, want)
	}
	var other RuleSet
	other.set(slices.Index(p.RuleIDs(allRules(p)), "formasi-tersedia"))
	if free.Intersects(&other) {
		t.Error("formasi-tersedia reads the target but intersects TargetFree")
	}
	other.set(0)
	if !free.Intersects(&other) {
		t.Error("masa-jabatan-minimal does not intersect TargetFree")
	}
}

func allRules(p *Policy) RuleSet {
	var s RuleSet
	for i := range p.Rules {
		s.set(i)
	}
	return s
}
