package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mutasi/mutasi/store"
)

// A --db that is not a database, or is a directory, is refused in
// Indonesian, naming it.
func TestBadDatabasePathIsNamed(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "catatan.txt")
	if err := os.WriteFile(text, []byte("bukan basis data\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	units := filepath.Join(fixtures, "valid", "units.csv")
	tests := []struct {
		db   string
		args []string
		want string
	}{
		{text, []string{"stats"}, text + " bukan basis data"},
		{text, []string{"import", "units", units}, text + " bukan basis data"},
		{dir, []string{"stats"}, dir + " adalah direktori"},
		{dir, []string{"import", "units", units}, dir + " adalah direktori"},
	}
	for _, tt := range tests {
		_, errOut := mustRun(t, map[string]string{"MUTASI_DB": tt.db}, exitFailure, tt.args...)
		if !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "SQLITE") || strings.Contains(errOut, "internal") {
			t.Errorf("--db %s %v: stderr %q, want %q", tt.db, tt.args, errOut, tt.want)
		}
	}
}

// An import that is rejected, or a dry run, leaves no database file behind
// when there was none; an existing file is never removed.
func TestRejectedImportLeavesNoNewDatabase(t *testing.T) {
	bad := filepath.Join(fixtures, "positions_bad_numbers.csv")
	badDir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "units_missing_column.csv"), filepath.Join(badDir, "units.csv"))
	for _, args := range [][]string{
		{"import", "positions", bad},
		{"import", "units", filepath.Join(fixtures, "valid", "units.csv"), "--dry-run"},
		{"import", "all", badDir},
	} {
		env := newDB(t)
		code, _, _ := runCLI(t, env, args...)
		if code == exitUsage {
			t.Fatalf("%v: usage error", args)
		}
		if _, err := os.Stat(env["MUTASI_DB"]); err == nil {
			t.Errorf("%v (exit %d) left a new database file behind", args, code)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(env["MUTASI_DB"] + suffix); err == nil {
				t.Errorf("%v left %s behind", args, suffix)
			}
		}
	}

	// A database that was there before stays, even empty.
	env := newDB(t)
	db, err := store.Open(context.Background(), env["MUTASI_DB"])
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	mustRun(t, env, exitFailure, "import", "positions", bad)
	if _, err := os.Stat(env["MUTASI_DB"]); err != nil {
		t.Errorf("an existing database was removed: %v", err)
	}
}
