package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// readCSVs returns the four table files of dir by table.
func readCSVs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	for _, table := range mutasi.Tables() {
		b, err := os.ReadFile(filepath.Join(dir, table+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		files[table] = b
	}
	return files
}

// The demo written as CSV is exactly what an export gives after the same
// demo went into a database: the generator's rows survive the store's
// validation and storage unchanged, and --out files import back.
func TestDemoCSVEqualsExportOfDemoDB(t *testing.T) {
	env := newDB(t)
	args := []string{"--seed", "5", "--employees", "400", "--date", "2026-03-15"}
	out, _ := mustRun(t, env, exitOK, append([]string{"demo"}, args...)...)
	for _, want := range []string{"45 unit", "400 pegawai", "aspirasi", "basis data " + env["MUTASI_DB"]} {
		if !strings.Contains(out, want) {
			t.Errorf("summary %q lacks %q", out, want)
		}
	}
	exported := exportCSVs(t, env)

	dir := filepath.Join(t.TempDir(), "contoh")
	out, _ = mustRun(t, newDB(t), exitOK, append([]string{"demo", "--out", dir}, args...)...)
	if !strings.Contains(out, "mutasi import all "+dir) {
		t.Errorf("summary %q does not say how to import %s", out, dir)
	}
	written := readCSVs(t, dir)
	sameFiles(t, "demo --out against export of demo db", written, exported)

	// The files import into an empty database and export the same again.
	env2 := newDB(t)
	mustRun(t, env2, exitOK, "import", "all", dir)
	sameFiles(t, "export after import all of demo --out", exportCSVs(t, env2), written)
}

func TestDemoDeterministic(t *testing.T) {
	gen := func(seed string) map[string][]byte {
		dir := filepath.Join(t.TempDir(), "out")
		mustRun(t, nil, exitOK, "demo", "--seed", seed, "--employees", "300", "--date", "2026-01-05", "--out", dir)
		return readCSVs(t, dir)
	}
	a, b, c := gen("11"), gen("11"), gen("12")
	sameFiles(t, "same seed", b, a)
	if bytes.Equal(a[mutasi.TableEmployees], c[mutasi.TableEmployees]) {
		t.Error("seeds 11 and 12 give the same employees.csv")
	}
}

// A database with data is never mixed with demo data; --force replaces it.
func TestDemoRefusesDatabaseWithData(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	before := exportCSVs(t, env)

	_, errOut := mustRun(t, env, exitFailure, "demo", "--employees", "50")
	if !strings.Contains(errOut, "sudah berisi data") || !strings.Contains(errOut, "--force") {
		t.Errorf("stderr %q: want the refusal naming --force", errOut)
	}
	sameFiles(t, "database after refused demo", exportCSVs(t, env), before)

	out, _ := mustRun(t, env, exitOK, "demo", "--employees", "50", "--force", "--date", "2026-03-15")
	if !strings.Contains(out, "50 pegawai") {
		t.Errorf("summary %q", out)
	}
	after := exportCSVs(t, env)
	if got := bytes.Count(after[mutasi.TableEmployees], []byte("\n")) - 1; got != 50 {
		t.Errorf("after --force: %d employees, want only the 50 of the demo", got)
	}
}

func TestDemoRefusesExistingCSV(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	mustRun(t, nil, exitOK, "demo", "--employees", "20", "--out", dir)
	_, errOut := mustRun(t, nil, exitFailure, "demo", "--employees", "20", "--out", dir)
	if !strings.Contains(errOut, "sudah ada") {
		t.Errorf("stderr %q", errOut)
	}
	mustRun(t, nil, exitOK, "demo", "--employees", "30", "--out", dir, "--force")
	if got := bytes.Count(readCSVs(t, dir)[mutasi.TableEmployees], []byte("\n")) - 1; got != 30 {
		t.Errorf("after --force: %d employees, want 30", got)
	}
}

func TestDemoUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"bad date", []string{"demo", "--date", "15-03-2026"}, "--date"},
		{"no employees", []string{"demo", "--employees", "0"}, "--employees harus antara 1"},
		{"negative seed", []string{"demo", "--seed", "-1"}, "seed"},
		{"argument", []string{"demo", "banyak"}, "tidak menerima argumen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut := mustRun(t, newDB(t), exitUsage, tt.args...)
			if !strings.Contains(errOut, tt.wantStderr) {
				t.Errorf("stderr %q, want containing %q", errOut, tt.wantStderr)
			}
		})
	}
}

// Progress is drawn on a terminal only, and the line is cleared after each
// table so that the summary starts on a clean line.
func TestDemoProgressOnlyOnTerminal(t *testing.T) {
	for _, terminal := range []bool{true, false} {
		var out, errOut bytes.Buffer
		a := &app{DB: filepath.Join(t.TempDir(), "mutasi.db"), Stdout: &out, Stderr: &errOut, Now: time.Now, Terminal: terminal}
		if err := demoCommand().run(context.Background(), a, []string{"--employees", "120"}); err != nil {
			t.Fatal(err)
		}
		drawn := strings.Contains(errOut.String(), "employees: 120 baris") && strings.HasSuffix(errOut.String(), "\r\033[K")
		if drawn != terminal {
			t.Errorf("terminal %v: stderr %q", terminal, errOut.String())
		}
		if !terminal && errOut.Len() != 0 {
			t.Errorf("not a terminal: stderr %q, want nothing", errOut.String())
		}
	}
}
