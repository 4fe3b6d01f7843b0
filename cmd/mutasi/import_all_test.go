package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// A misnamed file or sheet is refused before anything is imported, naming
// it and the four names import all reads; it is never skipped in silence.
func TestImportAllRefusesUnknownFilesAndSheets(t *testing.T) {
	dir := t.TempDir()
	for _, table := range mutasi.Tables() {
		name := table + ".csv"
		if table == mutasi.TableEmployees {
			name = "pegawai.csv"
		}
		copyFile(t, filepath.Join(fixtures, "valid", table+".csv"), filepath.Join(dir, name))
	}
	// Files that are no table at all are left alone: notes, Excel's lock
	// file of an open workbook.
	for _, name := range []string{"catatan.txt", "~$units.xlsx", ".DS_Store"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	book := filepath.Join(t.TempDir(), "pemda.xlsx")
	writeSheets(t, book, map[string][]string{"units": {"unit_id"}, "Pegawai": {"nip"}, "Sheet1": nil})

	tests := []struct {
		path string
		want []string
	}{
		{dir, []string{dir + ": berkas tidak dikenal: pegawai.csv;", "units, positions, employees, aspirations"}},
		{book, []string{book + `: lembar tidak dikenal: "Pegawai";`, "units, positions, employees, aspirations"}},
	}
	for _, tt := range tests {
		env := newDB(t)
		_, errOut := mustRun(t, env, exitFailure, "import", "all", tt.path)
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("import all %s: stderr lacks %q:\n%s", tt.path, w, errOut)
			}
		}
		if _, err := os.Stat(env["MUTASI_DB"]); err == nil {
			t.Errorf("import all %s: the database was created though nothing could be imported", tt.path)
		}
	}
}

// A table with no file is said, with the names looked for; a file named
// in capitals (Windows) is read.
func TestImportAllSaysWhichTableIsMissing(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "valid", "units.csv"), filepath.Join(dir, "Units.CSV"))
	out, _ := mustRun(t, newDB(t), exitOK, "import", "all", dir)
	for _, w := range []string{
		"units (" + dir + "/Units.CSV): 5 baris — 5 ditambah",
		"positions: tidak ada berkas positions.csv atau positions.xlsx di " + dir + ", dilewati\n",
		"aspirations: tidak ada berkas aspirations.csv atau aspirations.xlsx di " + dir + ", dilewati\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%s", w, out)
		}
	}
}

// writeSheets writes a workbook with one header row per sheet (nil: an
// empty sheet).
func writeSheets(t *testing.T, path string, sheets map[string][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for name, header := range sheets {
		if name != "Sheet1" {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for i, h := range header {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			if err := f.SetCellValue(name, cell, h); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
