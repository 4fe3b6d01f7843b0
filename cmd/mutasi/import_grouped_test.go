package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// manyEmployees writes n valid employees, copies of the fixture's first
// one with their own NIP and birth date, and lets edit change row i.
func manyEmployees(t *testing.T, n int, edit func(i int, h, row []string)) string {
	t.Helper()
	return csvEdit(t, t.TempDir(), "employees.csv", "employees", func(h []string, rows [][]string) ([]string, [][]string) {
		first := rows[0]
		birth := time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC)
		out := make([][]string, n)
		for i := range out {
			row := slices.Clone(first)
			b := birth.AddDate(0, 0, i/1000)
			row[slices.Index(h, "nip")] = b.Format("20060102") + "201503" + "2" + fmt.Sprintf("%03d", i%1000)
			row[slices.Index(h, "tanggal_lahir")] = b.Format("2006-01-02")
			row[slices.Index(h, "jabatan_id")] = fmt.Sprintf("DINKES-FUN-%03d", i%40)
			if edit != nil {
				edit(i, h, row)
			}
			out[i] = row
		}
		return h, out
	})
}

// Importing 2,000 employees into an empty database gives a few lines: the
// first rows, a count of the others, and what to import first.
func TestImportBeforePositionsIsShortAndSaysWhatToDo(t *testing.T) {
	env := newDB(t)
	path := manyEmployees(t, 2000, nil)
	out, errOut := mustRun(t, env, exitFailure, "import", "employees", path)
	if out != "" {
		t.Errorf("stdout = %q, want nothing", out)
	}
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	if len(lines) >= 15 {
		t.Errorf("%d lines of errors, want a short message:\n%s", len(lines), errOut)
	}
	for _, want := range []string{
		path + ":2: jabatan_id: jabatan DINKES-FUN-000 tidak ada di basis data\n",
		path + ":4: jabatan_id: jabatan DINKES-FUN-002 tidak ada di basis data\n",
		"… dan 1.997 baris lain dengan masalah yang sama di kolom jabatan_id\n",
		"Tabel positions di basis data masih kosong",
		"Impor dulu tabel units (mutasi import units units.csv), lalu positions (mutasi import positions positions.csv), lalu ulangi.\n",
		"mutasi import: " + path + " ditolak: 2.000 kesalahan, tidak ada data yang diubah\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	// After units and positions, the same file is only short of positions.
	mustRun(t, env, exitOK, "import", "units", filepath.Join(fixtures, "valid", "units.csv"))
	_, errOut = mustRun(t, env, exitFailure, "import", "employees", path)
	if want := "Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi.\n"; !strings.Contains(errOut, want) {
		t.Errorf("with units: stderr lacks %q:\n%s", want, errOut)
	}
}

// The readers' own problems of a row (a date in a format the exchange
// format does not read) are grouped the same way, and a problem of
// another kind is still listed.
func TestImportGroupsReaderProblems(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	path := manyEmployees(t, 2000, func(i int, h, row []string) {
		row[slices.Index(h, "jabatan_id")] = "MUT-ANALIS"
		row[slices.Index(h, "tmt_jabatan")] = fmt.Sprintf("%d/01/2021", i%28+1)
		if i == 1234 {
			row[slices.Index(h, "golongan")] = "III/e"
		}
	})
	_, errOut := mustRun(t, env, exitFailure, "import", "employees", path)
	want := path + `:2: tmt_jabatan: "1/01/2021" bukan tanggal berformat YYYY-MM-DD
` + path + `:3: tmt_jabatan: "2/01/2021" bukan tanggal berformat YYYY-MM-DD
` + path + `:4: tmt_jabatan: "3/01/2021" bukan tanggal berformat YYYY-MM-DD
… dan 1.997 baris lain dengan masalah yang sama di kolom tmt_jabatan
` + path + `:1236: golongan: "III/e" bukan golongan PNS (I/a … IV/e)
mutasi import: ` + path + ` ditolak: 2.001 kesalahan, tidak ada data yang diubah
`
	if errOut != want {
		t.Errorf("stderr\n%s\nwant\n%s", errOut, want)
	}
}
