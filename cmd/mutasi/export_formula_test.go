package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Unit names that a spreadsheet would run as formulas are exported with a
// leading quote and imported back without it: the data keeps the name as
// typed, and export → import → export is byte for byte the same, through
// CSV and through a workbook.
func TestExportImportKeepsFormulaLikeNames(t *testing.T) {
	envA := newDB(t)
	dir := t.TempDir()
	units := filepath.Join(dir, "units.csv")
	in := "unit_id,nama,induk_id\n" +
		"U1,\"'=HYPERLINK(\"\"http://x\"\")\",\n" +
		"U2,'-Bagian Umum,U1\n" +
		"U3,@Sekretariat,U1\n" + // a person's file, not from export: read as typed
		"U4,'biasa dengan petik,U1\n"
	if err := os.WriteFile(units, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, envA, exitOK, "import", "units", units)
	js, _ := mustRun(t, envA, exitOK, "export", "units", "--format", "json")
	for _, w := range []string{`"nama":"=HYPERLINK(\"http://x\")"`, `"nama":"-Bagian Umum"`, `"nama":"@Sekretariat"`, `"nama":"'biasa dengan petik"`} {
		if !strings.Contains(js, w) {
			t.Errorf("stored names: JSON lacks %s:\n%s", w, js)
		}
	}
	first, _ := mustRun(t, envA, exitOK, "export", "units")
	want := strings.Replace(in, "U3,@Sekretariat", "U3,'@Sekretariat", 1)
	if first != want {
		t.Errorf("CSV export\n got %q\nwant %q", first, want)
	}

	envB, envC := newDB(t), newDB(t)
	again := filepath.Join(t.TempDir(), "units.csv")
	if err := os.WriteFile(again, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, envB, exitOK, "import", "units", again)
	if got, _ := mustRun(t, envB, exitOK, "export", "units"); got != first {
		t.Errorf("CSV export after a CSV round trip\n got %q\nwant %q", got, first)
	}
	book := filepath.Join(t.TempDir(), "units.xlsx")
	mustRun(t, envA, exitOK, "export", "units", "--out", book)
	mustRun(t, envC, exitOK, "import", "units", book)
	if got, _ := mustRun(t, envC, exitOK, "export", "units"); got != first {
		t.Errorf("CSV export after a workbook round trip\n got %q\nwant %q", got, first)
	}
}
