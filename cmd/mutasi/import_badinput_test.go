package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// csvEdit builds a bad file from a valid fixture: it reads
// testdata/valid/<table>.csv, lets edit change header and rows (rows
// without the header; row i is spreadsheet row i+2), and writes the result.
func csvEdit(t *testing.T, dir, name, table string, edit func(header []string, rows [][]string) ([]string, [][]string)) string {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtures, "valid", table+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := edit(all[0], all[1:])
	path := filepath.Join(dir, name)
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	w.Write(header)
	w.WriteAll(rows)
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// set returns an edit that puts value in column col of data row i.
func set(i int, col, value string) func([]string, [][]string) ([]string, [][]string) {
	return func(h []string, rows [][]string) ([]string, [][]string) {
		rows[i][slices.Index(h, col)] = value
		return h, rows
	}
}

// TestEveryBadInputIsRejectedAndChangesNothing runs each kind of bad input
// the data exchange format must reject through the real command, with
// --replace (the most destructive mode), and checks both the message and
// that the database is exactly as before.
func TestEveryBadInputIsRejectedAndChangesNothing(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	beforeFiles := exportCSVs(t, env)
	beforeStats, _ := mustRun(t, env, exitOK, "stats", "--json")
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wrongSheet := func() string {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "pegawai")
		f.SetSheetRow("pegawai", "A1", &[]any{"nip", "nama"})
		p := filepath.Join(dir, "pegawai.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}

	tests := []struct {
		name  string
		table string
		file  string
		want  []string // lines (or parts) stderr must contain
	}{
		{"missing column", "employees", csvEdit(t, dir, "missing.csv", "employees", func(h []string, r [][]string) ([]string, [][]string) {
			i := slices.Index(h, "tmt_cpns")
			h = slices.Delete(h, i, i+1)
			for j := range r {
				r[j] = slices.Delete(r[j], i, i+1)
			}
			return h, r
		}), []string{"missing.csv:1: tmt_cpns: kolom wajib tidak ada"}},
		{"unknown column", "employees", csvEdit(t, dir, "unknown.csv", "employees", func(h []string, r [][]string) ([]string, [][]string) {
			h = append(h, "tangal_pensiun")
			for j := range r {
				r[j] = append(r[j], "")
			}
			return h, r
		}), []string{"unknown.csv:1: tangal_pensiun: kolom tidak dikenal"}},
		{"empty file", "units", write("kosong.csv", nil), []string{"kosong.csv: berkas kosong"}},
		{"wrong sheet name", "employees", wrongSheet(), []string{"employees", "pegawai"}},
		{"non-UTF-8 bytes", "units", write("latin1.csv", []byte("unit_id,nama,induk_id\nSETDA,Sekretariat Daerah Kabupat\xe9n,\n")),
			[]string{"latin1.csv:2: nama:", "UTF-8"}},
		{"NIP of wrong length", "employees", csvEdit(t, dir, "nip17.csv", "employees", set(0, "nip", "19900412201503200")),
			[]string{`nip17.csv:2: nip: NIP harus 18 digit, "19900412201503200" berisi 17 karakter`}},
		{"NIP with an impossible date", "employees", csvEdit(t, dir, "nipdate.csv", "employees", set(0, "nip", "199002312015032001")),
			[]string{"nipdate.csv:2: nip: NIP 199002312015032001: tanggal lahir 1990-02-31 tidak mungkin"}},
		{"date in another format", "employees", csvEdit(t, dir, "date.csv", "employees", set(1, "tmt_jabatan", "01/07/2019")),
			[]string{`date.csv:3: tmt_jabatan: "01/07/2019" bukan tanggal berformat YYYY-MM-DD`}},
		{"golongan outside its list", "employees", csvEdit(t, dir, "gol.csv", "employees", set(3, "golongan", "II/e")),
			[]string{`gol.csv:5: golongan: "II/e" bukan golongan PNS (I/a … IV/e)`}},
		{"rating outside its list", "employees", csvEdit(t, dir, "rating.csv", "employees", set(2, "kinerja_tahun_lalu", "Cukup")),
			[]string{`rating.csv:4: kinerja_tahun_lalu: "Cukup" tidak dikenal; pilihan: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang`}},
		{"unknown jabatan_id", "employees", csvEdit(t, dir, "jab.csv", "employees", set(0, "jabatan_id", "MUT-TIDAKADA")),
			[]string{"jab.csv:2: jabatan_id: jabatan MUT-TIDAKADA tidak ada di basis data"}},
		{"unknown unit_id", "positions", csvEdit(t, dir, "unit.csv", "positions", set(0, "unit_id", "DISHUB")),
			[]string{"unit.csv:2: unit_id: unit DISHUB tidak ada di basis data"}},
		{"duplicate NIP within the file", "employees", csvEdit(t, dir, "dup.csv", "employees", func(h []string, r [][]string) ([]string, [][]string) {
			return h, append(r, slices.Clone(r[0]))
		}), []string{"dup.csv:8: nip: 199004122015032001 sudah ada di baris 2 (duplikat)"}},
		{"unit that is its own ancestor", "units", csvEdit(t, dir, "cycle.csv", "units", set(1, "induk_id", "BKPSDM.MUT")),
			[]string{"cycle.csv:3: induk_id: siklus induk: BKPSDM → BKPSDM.MUT → BKPSDM"}},
		{"negative kebutuhan", "positions", csvEdit(t, dir, "neg.csv", "positions", set(2, "kebutuhan", "-3")),
			[]string{"neg.csv:4: kebutuhan: tidak boleh negatif (-3)"}},
		{"not CSV or XLSX at all", "units", write("foto.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")),
			[]string{"foto.csv", "bukan berkas CSV atau XLSX"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut := mustRun(t, env, exitFailure, "import", tt.table, tt.file, "--replace")
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
	sameFiles(t, "after every rejected import", exportCSVs(t, env), beforeFiles)
	if afterStats, _ := mustRun(t, env, exitOK, "stats", "--json"); afterStats != beforeStats {
		t.Errorf("stats changed after rejected imports:\n got %s\nwant %s", afterStats, beforeStats)
	}
}
