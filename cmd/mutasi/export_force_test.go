package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Export never overwrites a file without --force, names a directory given
// as the output file, and with --force replaces what was there.
func TestExportDoesNotOverwriteWithoutForce(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	dir := t.TempDir()
	keep := []byte("data lama yang berharga\n")
	one := filepath.Join(dir, "units.csv")
	book := filepath.Join(dir, "pemda.xlsx")
	csvDir := filepath.Join(dir, "ekspor")
	if err := os.MkdirAll(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{one, book, filepath.Join(csvDir, "employees.csv")} {
		if err := os.WriteFile(p, keep, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		file string
	}{
		{[]string{"export", "units", "--out", one}, one},
		{[]string{"export", "all", "--out", book}, book},
		{[]string{"export", "all", "--format", "csv", "--out", csvDir}, filepath.Join(csvDir, "employees.csv")},
	}
	for _, tt := range tests {
		_, errOut := mustRun(t, env, exitFailure, tt.args...)
		if want := tt.file + " sudah ada; pakai --force untuk menimpanya"; !strings.Contains(errOut, want) {
			t.Errorf("mutasi %s: stderr %q, want %q", strings.Join(tt.args, " "), errOut, want)
		}
		if got, _ := os.ReadFile(tt.file); string(got) != string(keep) {
			t.Errorf("mutasi %s overwrote %s", strings.Join(tt.args, " "), tt.file)
		}
	}
	// Nothing was written into the CSV directory either (all or nothing).
	if _, err := os.Stat(filepath.Join(csvDir, "units.csv")); err == nil {
		t.Error("a refused export all wrote units.csv")
	}
	for _, tt := range tests {
		mustRun(t, env, exitOK, append(tt.args, "--force")...)
		if got, _ := os.ReadFile(tt.file); string(got) == string(keep) {
			t.Errorf("mutasi %s --force did not replace %s", strings.Join(tt.args, " "), tt.file)
		}
	}
	_, errOut := mustRun(t, env, exitFailure, "export", "units", "--out", csvDir)
	if want := csvDir + " adalah direktori"; !strings.Contains(errOut, want) {
		t.Errorf("export to a directory: stderr %q, want %q", errOut, want)
	}
}
