package main

import (
	"strings"
	"testing"
)

// rules diff writes numbers the Indonesian way, as every other report
// does: 0,85 and 1.250, not 0.85 and 1250.
func TestRulesDiffWritesIndonesianNumbers(t *testing.T) {
	env := fixtureEnv(t)
	changed := policyCopy(t,
		"ej_asal_peringatan: 0.9", "ej_asal_peringatan: 0.85",
		"jam_kerja_efektif: 1250", "jam_kerja_efektif: 1200",
		"weight: 25", "weight: 12.5")
	out, _ := mustRun(t, env, exitOK, "rules", "diff", policiesDir, changed, "--date", "2026-03-01")
	for _, want := range []string{
		"  parameter ej_asal_peringatan: 0,9 → 0,85\n",
		"  parameter jam_kerja_efektif: 1.250 → 1.200\n",
		"  bobot skor pendidikan: 25 → 12,5\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff output lacks %q:\n%s", want, out)
		}
	}
	// JSON is for programs: numbers keep their decimal point there.
	js, _ := mustRun(t, env, exitOK, "rules", "diff", policiesDir, changed, "--date", "2026-03-01", "--json")
	if !strings.Contains(js, `"old": "0.9"`) || !strings.Contains(js, `"new": "12.5"`) {
		t.Errorf("JSON changed its numbers:\n%s", js)
	}
}
