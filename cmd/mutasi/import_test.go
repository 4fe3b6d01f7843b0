package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// fixtures are the demo-like exchange files of package exchange.
const fixtures = "../../exchange/testdata"

// newDB returns the environment of a CLI run against a new, empty
// database in a temporary directory.
func newDB(t *testing.T) map[string]string {
	t.Helper()
	return map[string]string{"MUTASI_DB": filepath.Join(t.TempDir(), "mutasi.db")}
}

// mustRun runs the CLI and fails the test unless it exits with want.
func mustRun(t *testing.T, env map[string]string, want int, args ...string) (stdout, stderr string) {
	t.Helper()
	code, out, errOut := runCLI(t, env, args...)
	if code != want {
		t.Fatalf("mutasi %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, out, errOut)
	}
	return out, errOut
}

// importFixtures imports the valid fixture files table by table.
func importFixtures(t *testing.T, env map[string]string) {
	t.Helper()
	for _, table := range mutasi.Tables() {
		mustRun(t, env, exitOK, "import", table, filepath.Join(fixtures, "valid", table+".csv"))
	}
}

// exportCSVs exports every table as CSV into a new directory and returns
// the files' contents by table.
func exportCSVs(t *testing.T, env map[string]string) map[string][]byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ekspor")
	mustRun(t, env, exitOK, "export", "all", "--format", "csv", "--out", dir)
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

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	for table, w := range want {
		if !bytes.Equal(got[table], w) {
			t.Errorf("%s: %s differs\n got %q\nwant %q", what, table, got[table], w)
		}
	}
}

func TestImportPrintsCounts(t *testing.T) {
	env := newDB(t)
	// Then what the data-quality report would list (the units have no
	// positions yet); without a policy, the kinds that need one are named.
	const quality = "Pemeriksaan mutu data: 3 catatan perlu diperiksa (3 rendah) — mutasi data periksa (tidak diperiksa: jurusan-tidak-dikenal, pegawai-melewati-bup)\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"import", "units", fixtures + "/valid/units.csv", "--dry-run"},
			"units (" + fixtures + "/valid/units.csv): 5 baris — 5 ditambah, 0 diubah, 0 tetap, 0 dinonaktifkan (uji coba, tidak ada yang ditulis)\n"},
		{[]string{"import", "units", fixtures + "/valid/units.csv"},
			"units (" + fixtures + "/valid/units.csv): 5 baris — 5 ditambah, 0 diubah, 0 tetap, 0 dinonaktifkan\n" + quality},
		{[]string{"import", "units", fixtures + "/valid/units.csv"},
			"units (" + fixtures + "/valid/units.csv): 5 baris — 0 ditambah, 0 diubah, 5 tetap, 0 dinonaktifkan\n" + quality},
	}
	for _, tt := range tests {
		out, _ := mustRun(t, env, exitOK, tt.args...)
		if out != tt.want {
			t.Errorf("mutasi %s:\n got %q\nwant %q", strings.Join(tt.args, " "), out, tt.want)
		}
	}
}

// The round trip of the issue: fixtures → db A → export → db B → export;
// both exports must be byte for byte the same, in CSV, XLSX and JSON.
func TestExportImportRoundTrip(t *testing.T) {
	envA, envB, envC := newDB(t), newDB(t), newDB(t)
	importFixtures(t, envA)
	first := exportCSVs(t, envA)

	dir := t.TempDir()
	for _, table := range mutasi.Tables() {
		if err := os.WriteFile(filepath.Join(dir, table+".csv"), first[table], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, envB, exitOK, "import", "all", dir)
	sameFiles(t, "CSV after a second import", exportCSVs(t, envB), first)

	// The workbook of A, imported into C, gives the same data again; and
	// the workbook and JSON of B equal those of A.
	book := filepath.Join(dir, "pemda.xlsx")
	mustRun(t, envA, exitOK, "export", "all", "--out", book)
	mustRun(t, envC, exitOK, "import", "all", book)
	sameFiles(t, "CSV after a workbook import", exportCSVs(t, envC), first)
	for _, format := range []string{"xlsx", "json"} {
		a := filepath.Join(dir, "a."+format)
		b := filepath.Join(dir, "b."+format)
		mustRun(t, envA, exitOK, "export", "all", "--out", a)
		mustRun(t, envB, exitOK, "export", "all", "--out", b)
		ab, _ := os.ReadFile(a)
		bb, _ := os.ReadFile(b)
		if len(ab) == 0 || !bytes.Equal(ab, bb) {
			t.Errorf("%s exports of A and B differ (%d and %d bytes)", format, len(ab), len(bb))
		}
	}

	// The export is the data of the fixtures: every fixture row is there.
	for _, table := range mutasi.Tables() {
		want, _ := os.ReadFile(filepath.Join(fixtures, "valid", table+".csv"))
		got := first[table]
		for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			if !bytes.Contains(got, []byte(line+"\n")) {
				t.Errorf("%s export lacks fixture line %q", table, line)
			}
		}
	}
}

// An export of empty tables (a header only) imports back: "import all"
// skips them, while a single header-only file is refused.
func TestRoundTripWithEmptyTables(t *testing.T) {
	envA, envB := newDB(t), newDB(t)
	mustRun(t, envA, exitOK, "import", "units", filepath.Join(fixtures, "valid", "units.csv"))
	dir := filepath.Join(t.TempDir(), "a")
	mustRun(t, envA, exitOK, "export", "all", "--format", "csv", "--out", dir)
	out, _ := mustRun(t, envB, exitOK, "import", "all", dir, "--replace")
	want := "employees (" + dir + "/employees.csv): tidak ada baris data, dilewati\n"
	if !strings.Contains(out, want) {
		t.Errorf("stdout lacks %q:\n%s", want, out)
	}
	sameFiles(t, "after importing empty tables", exportCSVs(t, envB), exportCSVs(t, envA))
	_, errOut := mustRun(t, envB, exitFailure, "import", "employees", filepath.Join(dir, "employees.csv"), "--replace")
	if !strings.Contains(errOut, "tidak ada baris data") {
		t.Errorf("stderr lacks the no-data problem:\n%s", errOut)
	}
}

func TestBadFileLeavesDatabaseUnchanged(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	before := exportCSVs(t, env)
	tests := []struct {
		args       []string
		wantStderr []string
	}{
		{[]string{"import", "employees", fixtures + "/employees_bad_date.csv", "--replace"}, []string{
			fixtures + `/employees_bad_date.csv:2: tanggal_lahir: "12/04/1990" bukan tanggal berformat YYYY-MM-DD` + "\n",
			fixtures + `/employees_bad_date.csv:2: tmt_jabatan: "2021-1-4" bukan tanggal berformat YYYY-MM-DD` + "\n",
			"mutasi import: " + fixtures + "/employees_bad_date.csv ditolak: 2 kesalahan, tidak ada data yang diubah\n"}},
		{[]string{"import", "units", fixtures + "/units_missing_column.csv", "--replace"}, []string{
			fixtures + "/units_missing_column.csv:1: induk_id: kolom wajib tidak ada\n"}},
		{[]string{"import", "units", fixtures + "/units_png.csv"}, []string{
			"bukan berkas CSV atau XLSX"}},
		{[]string{"import", "units", fixtures + "/empty.csv", "--replace"}, []string{
			fixtures + "/empty.csv: berkas kosong\n"}},
		{[]string{"import", "positions", fixtures + "/positions_bad_numbers.csv"}, []string{
			fixtures + `/positions_bad_numbers.csv:2: kebutuhan: "tiga" bukan bilangan bulat` + "\n"}},
	}
	for _, tt := range tests {
		_, errOut := mustRun(t, env, exitFailure, tt.args...)
		for _, w := range tt.wantStderr {
			if !strings.Contains(errOut, w) {
				t.Errorf("mutasi %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), w, errOut)
			}
		}
	}
	sameFiles(t, "after rejected imports", exportCSVs(t, env), before)
}

func TestImportAllStopsAtRejectedTable(t *testing.T) {
	env := newDB(t)
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "valid", "units.csv"), filepath.Join(dir, "units.csv"))
	copyFile(t, filepath.Join(fixtures, "positions_bad_numbers.csv"), filepath.Join(dir, "positions.csv"))
	copyFile(t, filepath.Join(fixtures, "valid", "employees.csv"), filepath.Join(dir, "employees.csv"))

	out, errOut := mustRun(t, env, exitFailure, "import", "all", dir)
	for _, w := range []string{"units (" + dir + "/units.csv): 5 baris — 5 ditambah"} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%s", w, out)
		}
	}
	for _, w := range []string{
		dir + `/positions.csv:2: kebutuhan: "tiga" bukan bilangan bulat`,
		"Sudah diimpor dan tetap tersimpan: units. Ditolak: positions. Tidak diimpor: employees.",
		"mutasi import: " + dir + "/positions.csv ditolak: 12 kesalahan, tidak ada data yang diubah",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	got := exportCSVs(t, env)
	want, _ := os.ReadFile(filepath.Join(fixtures, "valid", "units.csv"))
	if len(bytes.Split(bytes.TrimSpace(got["units"]), []byte("\n"))) != len(bytes.Split(bytes.TrimSpace(want), []byte("\n"))) {
		t.Errorf("units not kept:\n%s", got["units"])
	}
	if n := bytes.Count(got["positions"], []byte("\n")); n != 1 {
		t.Errorf("positions export has %d lines, want the header only:\n%s", n, got["positions"])
	}
}

func TestImportAllDryRunWritesNothing(t *testing.T) {
	env := newDB(t)
	// On a database that does not exist yet, a dry run does not create it.
	mustRun(t, env, exitOK, "import", "all", filepath.Join(fixtures, "valid"), "--dry-run")
	if _, err := os.Stat(env["MUTASI_DB"]); err == nil {
		t.Fatalf("a dry run created the database")
	}
	// New positions refer to units new in the same run: the dry run must
	// see them, so it cannot check each table against the database alone.
	mustRun(t, env, exitOK, "import", "units", filepath.Join(fixtures, "valid", "units.csv"))
	before := exportCSVs(t, env)
	out, _ := mustRun(t, env, exitOK, "import", "all", filepath.Join(fixtures, "valid"), "--dry-run", "--replace")
	for _, w := range []string{
		"units (" + fixtures + "/valid/units.csv): 5 baris — 0 ditambah, 0 diubah, 5 tetap, 0 dinonaktifkan (uji coba, tidak ada yang ditulis)\n",
		"positions (" + fixtures + "/valid/positions.csv): 5 baris — 5 ditambah, 0 diubah, 0 tetap, 0 dinonaktifkan (uji coba, tidak ada yang ditulis)\n",
		"aspirations (" + fixtures + "/valid/aspirations.csv): 2 baris — 2 ditambah, 0 diubah, 0 tetap, 0 dihapus (uji coba, tidak ada yang ditulis)\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%s", w, out)
		}
	}
	sameFiles(t, "after a dry run", exportCSVs(t, env), before)
	if n := bytes.Count(before["positions"], []byte("\n")); n != 1 {
		t.Errorf("positions has %d lines, want the header only", n)
	}
}

func TestImportUsage(t *testing.T) {
	env := newDB(t)
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"import"}, exitUsage, "perlu dua argumen"},
		{[]string{"import", "pegawai", "x.csv"}, exitUsage, `tabel "pegawai" tidak dikenal`},
		{[]string{"import", "units", "tidak-ada.csv"}, exitFailure, "tidak-ada.csv: berkas tidak ditemukan"},
		{[]string{"import", "all", fixtures + "/valid/units.csv"}, exitUsage, "import all perlu direktori atau workbook .xlsx"},
		{[]string{"import", "units", fixtures + "/valid/units.csv", "--hapus"}, exitUsage, "opsi --hapus tidak dikenal"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, env, tt.args...)
		if code != tt.wantCode || !strings.Contains(errOut, tt.want) {
			t.Errorf("mutasi %s: exit %d, stderr %q; want exit %d containing %q",
				strings.Join(tt.args, " "), code, errOut, tt.wantCode, tt.want)
		}
	}
	if _, err := os.Stat(env["MUTASI_DB"]); err == nil {
		t.Errorf("a failed call created the database")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportDrawsProgressOnTerminal(t *testing.T) {
	var out, errOut bytes.Buffer
	a := &app{DB: filepath.Join(t.TempDir(), "mutasi.db"), Stdout: &out, Stderr: &errOut, Now: time.Now, Terminal: true}
	db, err := store.Open(context.Background(), a.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := importTable(context.Background(), a, db, "units", filepath.Join(fixtures, "valid", "units.csv"), mutasi.ImportOptions{})
	if err != nil || res.Added != 5 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	if want := "\runits: 5 baris dibaca …\r\033[K"; errOut.String() != want {
		t.Errorf("stderr = %q, want %q", errOut.String(), want)
	}
}

func TestImportResultUsesIndonesianThousands(t *testing.T) {
	var b bytes.Buffer
	printImportResult(&b, "pegawai.csv", mutasi.ImportResult{Table: "employees", Rows: 100000, Added: 99000, Changed: 1000, Deactivated: 1200})
	if want := "employees (pegawai.csv): 100.000 baris — 99.000 ditambah, 1.000 diubah, 0 tetap, 1.200 dinonaktifkan\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// --replace of positions without the employees who hold them is allowed
// (the monthly import goes table by table) but warned about, and the
// warning goes once the employees file moves them.
func TestImportWarnsAboutDanglingReferences(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	dir := t.TempDir()
	// Drop MUT-PENGADM, which Nur Aini and Maya Sari hold.
	positions := csvEdit(t, dir, "positions.csv", "positions", func(h []string, r [][]string) ([]string, [][]string) {
		return h, slices.DeleteFunc(r, func(row []string) bool { return row[0] == "MUT-PENGADM" })
	})
	_, errOut := mustRun(t, env, exitOK, "import", "positions", positions, "--replace")
	want := "Peringatan: 2 pegawai aktif memegang jabatan yang sudah tidak aktif (perbaiki dengan impor employees); contoh: 199305052022212005, 199511032019032002."
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want containing %q", errOut, want)
	}
	// Moving both to MUT-ANALIS resolves it: no warning.
	employees := csvEdit(t, dir, "employees.csv", "employees", func(h []string, r [][]string) ([]string, [][]string) {
		col := slices.Index(h, "jabatan_id")
		for _, row := range r {
			if row[col] == "MUT-PENGADM" {
				row[col] = "MUT-ANALIS"
			}
		}
		return h, r
	})
	_, errOut = mustRun(t, env, exitOK, "import", "employees", employees)
	if strings.Contains(errOut, "Peringatan") {
		t.Errorf("warning after the employees were moved: %q", errOut)
	}
}
