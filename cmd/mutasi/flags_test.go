package main

import (
	"strings"
	"testing"
)

// One dash or two, before or after the positional argument: the flag
// package treats -v and --v alike, and parseFlags (which lets flags follow
// arguments) must not break that.
func TestSingleAndDoubleDashFlagsAreTheSame(t *testing.T) {
	var first string
	for i, args := range [][]string{
		{"rules", "test", policiesDir, "-v"},
		{"rules", "test", policiesDir, "--v"},
		{"rules", "test", "-v", policiesDir},
		{"rules", "test", "--v", policiesDir},
		{"rules", "test", "--v=true", policiesDir},
	} {
		out, _ := mustRun(t, nil, exitOK, args...)
		if !strings.Contains(out, "LULUS ") {
			t.Errorf("mutasi %s: not verbose:\n%s", strings.Join(args, " "), out)
		}
		if i == 0 {
			first = out
		} else if out != first {
			t.Errorf("mutasi %s differs from -v:\n%s", strings.Join(args, " "), out)
		}
	}
	out, _ := mustRun(t, nil, exitOK, "rules", "test", policiesDir, "--v=false")
	if strings.Contains(out, "LULUS ") {
		t.Errorf("--v=false is verbose:\n%s", out)
	}
	for _, args := range [][]string{
		{"import", "units", "x.csv", "-dry-run", "-replace"},
		{"import", "units", "x.csv", "--dry-run", "--replace"},
	} {
		_, errOut := mustRun(t, newDB(t), exitFailure, args...)
		if !strings.Contains(errOut, "x.csv: berkas tidak ditemukan") {
			t.Errorf("mutasi %s: %q", strings.Join(args, " "), errOut)
		}
	}
}
