package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mutasi/mutasi/exchange"
)

func TestExportToStdout(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)

	out, _ := mustRun(t, env, exitOK, "export", "units")
	want := "unit_id,nama,induk_id\n" +
		"BKPSDM,Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,\n" +
		"BKPSDM.MUT,\"Bidang Mutasi, Promosi dan Karier\",BKPSDM\n" +
		"DINKES,Dinas Kesehatan,\n" +
		"DINKES.YANKES,Bidang Pelayanan Kesehatan,DINKES\n" +
		"SETDA,Sekretariat Daerah,\n"
	if out != want {
		t.Errorf("export units\n got %q\nwant %q", out, want)
	}

	out, _ = mustRun(t, env, exitOK, "export", "all", "--format", "json")
	var byTable map[string][]map[string]string
	if err := json.Unmarshal([]byte(out), &byTable); err != nil {
		t.Fatalf("export all --format json is not an object of tables: %v\n%s", err, out)
	}
	for table, n := range map[string]int{"units": 5, "positions": 5, "employees": 6, "aspirations": 2} {
		if len(byTable[table]) != n {
			t.Errorf("%s: %d objects, want %d", table, len(byTable[table]), n)
		}
	}
	if got := byTable["employees"][0]["tanggal_lahir"]; got != "1978-03-15" {
		t.Errorf("first employee's tanggal_lahir = %q, want 1978-03-15", got)
	}
}

func TestExportToFiles(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	dir := t.TempDir()
	book := filepath.Join(dir, "pemda.xlsx")
	mustRun(t, env, exitOK, "export", "all", "--out", book)
	tables, err := exchange.WorkbookTables(book)
	if err != nil || len(tables) != 4 {
		t.Errorf("workbook sheets = %v, %v; want all four tables", tables, err)
	}
	one := filepath.Join(dir, "pegawai.json")
	mustRun(t, env, exitOK, "export", "employees", "--out", one)
	var objects []map[string]string
	if b, err := os.ReadFile(one); err != nil || json.Unmarshal(b, &objects) != nil || len(objects) != 6 {
		t.Errorf("pegawai.json: %d objects, err %v; want 6", len(objects), err)
	}
	// Nothing but the outputs is left behind (no temporary files).
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "pegawai.json pemda.xlsx" {
		t.Errorf("directory holds %q, want the two exports only", got)
	}
	_, errOut := mustRun(t, env, exitFailure, "export", "units", "--out", filepath.Join(dir, "tidak-ada", "u.csv"))
	if !strings.Contains(errOut, "tidak-ada tidak ada; buat dulu direktori itu") {
		t.Errorf("export into a missing directory: stderr %q", errOut)
	}
	// Exports are ordinary shareable files, not private temporaries.
	if fi, err := os.Stat(one); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("pegawai.json mode = %v, %v; want -rw-r--r--", fi.Mode(), err)
	}
}

func TestExportUsage(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"export"}, exitUsage, "perlu satu argumen"},
		{[]string{"export", "pegawai"}, exitUsage, `tabel "pegawai" tidak dikenal`},
		{[]string{"export", "units", "--format", "ods"}, exitUsage, `--format "ods" tidak dikenal`},
		{[]string{"export", "units", "--format", "xlsx"}, exitUsage, "XLSX perlu --out"},
		{[]string{"export", "units", "--format", "csv", "--out", "x.xlsx"}, exitUsage, "--format csv tidak cocok dengan akhiran x.xlsx"},
		{[]string{"export", "all"}, exitUsage, "all perlu --format xlsx, json, atau csv dengan --out DIR"},
		{[]string{"export", "all", "--format", "csv"}, exitUsage, "all dalam CSV perlu --out DIR"},
		{[]string{"--db", filepath.Join(t.TempDir(), "tidak-ada.db"), "export", "units"}, exitFailure, "tidak-ada.db tidak ditemukan"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, env, tt.args...)
		if code != tt.wantCode || !strings.Contains(errOut, tt.want) {
			t.Errorf("mutasi %s: exit %d, stderr %q; want exit %d containing %q",
				strings.Join(tt.args, " "), code, errOut, tt.wantCode, tt.want)
		}
	}
}
