package exchange

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A date the calendar does not have is called that, in CSV and XLSX, and a
// directory is called a directory, not a file without an extension.
func TestReadSaysWhatIsWrongWithDatesAndDirectories(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/employees.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "employees.csv")
	bad := strings.Replace(string(data), "1990-04-12,P,PNS", "1990-02-30,P,PNS", 1)
	bad = strings.Replace(bad, "2021-01-04", "2021-13-04", 1)
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2 tanggal_lahir: tanggal 1990-02-30 tidak ada di kalender (Februari 1990 hanya 28 hari)",
		"2 tmt_jabatan: tanggal 2021-13-04 tidak ada di kalender (bulan 13 tidak ada; bulan 01 sampai 12)",
	}
	if got := rowProblems(t, path, "employees"); !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}

	for _, d := range []string{dir, filepath.Join(dir, "units.csv")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		err := readErr(d, "units")
		if err == nil || !strings.Contains(err.Error(), d+": direktori, bukan berkas") || strings.Contains(err.Error(), "akhiran") {
			t.Errorf("read %s: %v", d, err)
		}
	}
}
