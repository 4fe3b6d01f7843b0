package main

import (
	"regexp"
	"strings"
	"testing"
)

// The commands the demo suggests work, and show an employee who may move.
func TestDemoSuggestsAWorkingCheck(t *testing.T) {
	env := newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	out, _ := mustRun(t, env, exitOK, "demo", "--employees", "300", "--date", "2026-03-01")
	m := regexp.MustCompile(`(?m)^  mutasi --db \S+ check (\d{18}) --to (\S+)(?: --date \S+)?$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("demo suggests no check:\n%s", out)
	}
	general, _ := mustRun(t, env, exitOK, "check", m[1], "--date", "2026-03-01")
	if !strings.Contains(general, "Kesimpulan: memenuhi syarat untuk dimutasi.\n") {
		t.Errorf("suggested employee is not eligible:\n%s", general)
	}
	toTarget, _ := mustRun(t, env, exitOK, "check", m[1], "--to", m[2], "--date", "2026-03-01")
	if !strings.Contains(toTarget, "Kesimpulan: memenuhi syarat untuk dimutasi ke ") {
		t.Errorf("suggested move is not allowed:\n%s", toTarget)
	}
	if !strings.Contains(out, "  mutasi --db "+env["MUTASI_DB"]+" recommend "+m[2]) ||
		!strings.Contains(out, " plan") || !strings.Contains(out, " chart workload --plan 1 --out beban.png\n") {
		t.Errorf("demo does not suggest recommend, plan and chart:\n%s", out)
	}
	rec, _ := mustRun(t, env, exitOK, "recommend", m[2], "--date", "2026-03-01")
	if !strings.Contains(rec, "Calon terbaik") {
		t.Errorf("the suggested recommend lists no candidate:\n%s", rec)
	}
}
