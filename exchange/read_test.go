package exchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// readErr reads the whole file as table and returns the reader's error.
func readErr(path, table string) error {
	var err error
	switch table {
	case mutasi.TableUnits:
		_, err = collect(Units(path))
	case mutasi.TablePositions:
		_, err = collect(Positions(path))
	case mutasi.TableEmployees:
		_, err = collect(Employees(path))
	case mutasi.TableAspirations:
		_, err = collect(Aspirations(path))
	default:
		panic(table)
	}
	return err
}

// rowProblems reads the whole file as table and returns every row problem
// as "row column: problem".
func rowProblems(t *testing.T, path, table string) []string {
	t.Helper()
	var got []string
	add := func(num int, ps []mutasi.FieldError) {
		for _, p := range ps {
			got = append(got, fmt.Sprintf("%d %s", num, p.String()))
		}
	}
	var err error
	switch table {
	case mutasi.TableUnits:
		err = Units(path)(func(r mutasi.Row[mutasi.Unit]) error { add(r.Num, r.Problems); return nil })
	case mutasi.TablePositions:
		err = Positions(path)(func(r mutasi.Row[mutasi.Position]) error { add(r.Num, r.Problems); return nil })
	case mutasi.TableEmployees:
		err = Employees(path)(func(r mutasi.Row[mutasi.Employee]) error { add(r.Num, r.Problems); return nil })
	case mutasi.TableAspirations:
		err = Aspirations(path)(func(r mutasi.Row[mutasi.Aspiration]) error { add(r.Num, r.Problems); return nil })
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return got
}

func TestReadRejectsFile(t *testing.T) {
	dir := t.TempDir()
	zipAsCSV := filepath.Join(dir, "units.csv")
	writeWorkbook(t, filepath.Join(dir, "units.xlsx"), map[string][][]any{"units": {{"unit_id", "nama", "induk_id"}, {"A", "Satu", nil}}})
	if err := os.Rename(filepath.Join(dir, "units.xlsx"), zipAsCSV); err != nil {
		t.Fatal(err)
	}
	plainZip := filepath.Join(dir, "plain.xlsx")
	writeZip(t, plainZip, map[string]string{"catatan.txt": "bukan workbook"})
	employeeNames := strings.Join(Columns(mutasi.TableEmployees), ", ")

	tests := []struct {
		name  string
		path  string
		table string
		want  []string // the lines of the error, the summary line included
	}{
		{"empty file", "testdata/empty.csv", "units", []string{
			"testdata/empty.csv: berkas kosong"}},
		{"only blank lines", "testdata/units_blank.csv", "units", []string{
			"testdata/units_blank.csv: berkas kosong"}},
		{"header only", "testdata/units_header_only.csv", "units", []string{
			"testdata/units_header_only.csv:1: tidak ada baris data (hanya judul kolom); berkas kosong tidak diimpor"}},
		{"missing column", "testdata/units_missing_column.csv", "units", []string{
			"testdata/units_missing_column.csv:1: induk_id: kolom wajib tidak ada"}},
		{"unknown columns, one a typo", "testdata/employees_unknown_column.csv", "employees", []string{
			`testdata/employees_unknown_column.csv:1: tangal_lahir: kolom tidak dikenal; maksudnya "tanggal_lahir"?`,
			"testdata/employees_unknown_column.csv:1: catatan: kolom tidak dikenal; kolom tabel employees: " + employeeNames,
			"testdata/employees_unknown_column.csv:1: tanggal_lahir: kolom wajib tidak ada"}},
		{"duplicate column", "testdata/units_duplicate_column.csv", "units", []string{
			"testdata/units_duplicate_column.csv:1: nama: kolom muncul lebih dari sekali (kolom ke-2 dan ke-4)"}},
		{"stray quote", "testdata/units_bare_quote.csv", "units", []string{
			`testdata/units_bare_quote.csv:2: tanda petik " di tengah sel yang tidak diapit petik; apit sel dengan petik dan gandakan petik di dalamnya`}},
		{"PNG named .csv", "testdata/units_png.csv", "units", []string{
			"testdata/units_png.csv: bukan berkas CSV atau XLSX: isinya bukan teks (data biner)"}},
		{"random bytes named .csv", "testdata/units_random.csv", "units", []string{
			"testdata/units_random.csv: bukan berkas CSV atau XLSX: isinya bukan teks (data biner)"}},
		{"UTF-16 text", "testdata/units_utf16.csv", "units", []string{
			`testdata/units_utf16.csv: bukan berkas CSV atau XLSX: teks UTF-16 ("Unicode Text"); simpan ulang sebagai "CSV UTF-8"`}},
		{"workbook named .csv", zipAsCSV, "units", []string{
			zipAsCSV + ": bukan berkas CSV atau XLSX: isinya arsip zip (workbook XLSX?) padahal berakhiran .csv; ganti akhirannya menjadi .xlsx"}},
		{"random bytes named .xlsx", "testdata/units_random.xlsx", "units", []string{
			"testdata/units_random.xlsx[units]: bukan berkas CSV atau XLSX: isinya bukan workbook XLSX padahal berakhiran .xlsx"}},
		{"zip that is no workbook", plainZip, "units", []string{
			plainZip + "[units]: bukan berkas CSV atau XLSX: arsip zip ini bukan workbook XLSX yang dapat dibaca (EOF)"}},
		{"CSV named .xlsx", "testdata/units_csv_as.xlsx", "units", []string{
			"testdata/units_csv_as.xlsx[units]: bukan berkas CSV atau XLSX: isinya bukan workbook XLSX padahal berakhiran .xlsx"}},
		{"other extension", "testdata/units.txt", "units", []string{
			`testdata/units.txt: bukan berkas CSV atau XLSX (akhiran ".txt"); gunakan .csv atau .xlsx`}},
		{"no such file", "testdata/nothing.csv", "units", []string{
			"testdata/nothing.csv: berkas tidak ditemukan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := readErr(tt.path, tt.table)
			var ie *mutasi.ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v (%T), want *mutasi.ImportError", err, err)
			}
			got := errorLines(err)
			want := append(tt.want, fmt.Sprintf("%s ditolak: %d kesalahan, tidak ada data yang diubah", ie.File, len(tt.want)))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("error lines\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestIsNoData(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"testdata/units_header_only.csv", true},
		{"testdata/empty.csv", false},
		{"testdata/units_missing_column.csv", false},
		{"testdata/valid/units.csv", false},
	}
	for _, tt := range tests {
		if got := IsNoData(readErr(tt.path, "units")); got != tt.want {
			t.Errorf("IsNoData(read %s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestReadRowProblems(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		table string
		want  []string
	}{
		{"non-UTF-8 bytes", "testdata/employees_latin1.csv", "employees", []string{
			`2 nama: berisi byte yang bukan UTF-8; simpan ulang berkas sebagai "CSV UTF-8"`}},
		{"NIP fine, dates not YYYY-MM-DD", "testdata/employees_bad_date.csv", "employees", []string{
			`2 tanggal_lahir: "12/04/1990" bukan tanggal berformat YYYY-MM-DD`,
			`2 tmt_jabatan: "2021-1-4" bukan tanggal berformat YYYY-MM-DD`}},
		{"NIP as number, bad integer, bad ya/tidak", "testdata/employees_bad_values.csv", "employees", []string{
			`2 nip: "1.99004E+17" tersimpan sebagai angka sehingga digit NIP hilang; format kolom sebagai Teks lalu ketik ulang NIP`,
			`2 kotak_talenta: "delapan" bukan bilangan bulat`,
			`2 tugas_belajar: "mungkin" harus ya atau tidak (kosong berarti tidak)`,
			`3 kotak_talenta: "+8" bukan bilangan bulat`}},
		{"numbers that are not numbers", "testdata/positions_bad_numbers.csv", "positions", []string{
			`2 kebutuhan: "tiga" bukan bilangan bulat`,
			`2 beban_kerja_jam: "1.250,5" bukan angka; tulis seperti 1250.5, tanpa pemisah ribuan`,
			`3 kebutuhan: "2.5" bukan bilangan bulat`,
			`3 beban_kerja_jam: "1250 jam" bukan angka; tulis seperti 1250.5, tanpa pemisah ribuan`,
			`4 kebutuhan: wajib diisi`,
			`4 beban_kerja_jam: wajib diisi`,
			`5 beban_kerja_jam: "NaN" bukan angka; tulis seperti 1250.5, tanpa pemisah ribuan`}},
		{"semicolon file takes a decimal comma only", "testdata/positions_semicolon.csv", "positions", []string{
			`3 beban_kerja_jam: "1.250" bukan angka; tulis seperti 1250,5, tanpa pemisah ribuan`}},
		{"cell under no header", "testdata/units_orphan_cell.csv", "units", []string{
			`2 kolom ke-4: berisi "catatan" padahal kolom ini tidak punya judul`}},
		{"valid units", "testdata/valid/units.csv", "units", nil},
		{"valid positions", "testdata/valid/positions.csv", "positions", nil},
		{"valid employees", "testdata/valid/employees.csv", "employees", nil},
		{"valid aspirations", "testdata/valid/aspirations.csv", "aspirations", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowProblems(t, tt.path, tt.table)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadMessyCSV(t *testing.T) {
	// BOM, columns in another order, names in other case with spaces, a
	// quoted line break, a blank line and a row of empty cells: row numbers
	// are those a spreadsheet shows.
	rows, err := collect(Units("testdata/units_messy.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Num  int
		Unit mutasi.Unit
	}
	want := []got{
		{2, mutasi.Unit{ID: "SETDA", Nama: "Sekretariat\nDaerah", Active: true}},
		{4, mutasi.Unit{ID: "SETDA.UMUM", Nama: "Bagian Umum", IndukID: "SETDA", Active: true}},
		{6, mutasi.Unit{ID: "SETDA.HUKUM", Nama: "Bagian Hukum", IndukID: "SETDA", Active: true}},
	}
	var gotRows []got
	for _, r := range rows {
		if len(r.Problems) > 0 {
			t.Errorf("row %d: %v", r.Num, r.Problems)
		}
		gotRows = append(gotRows, got{r.Num, r.Value})
	}
	if !reflect.DeepEqual(gotRows, want) {
		t.Errorf("rows\n got %+v\nwant %+v", gotRows, want)
	}
}

func TestReadSemicolonCSV(t *testing.T) {
	rows, err := collect(Positions("testdata/positions_semicolon.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := mutasi.Position{ID: "J1", UnitID: "U1", Nama: "Satu, dua", Jenis: mutasi.JenisPelaksana,
		Kebutuhan: 2, BebanKerjaJam: 1250.5, PendidikanMin: "SMA", RumpunPendidikan: []string{"Hukum", "Manajemen"}, Active: true}
	if len(rows) != 2 || !reflect.DeepEqual(rows[0].Value, want) {
		t.Errorf("first row = %+v, want %+v", rows[0].Value, want)
	}
}

func TestReadValidEmployee(t *testing.T) {
	rows, err := collect(Employees("testdata/valid/employees.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 {
		t.Fatalf("rows = %d, want 6", len(rows))
	}
	tests := []struct {
		num  int
		want mutasi.Employee
	}{
		{4, mutasi.Employee{NIP: "198207202008121001", Nama: "Dedi Kurniawan", TanggalLahir: date("1982-07-20"),
			JenisKelamin: "L", Status: mutasi.StatusPNS, Golongan: "III/d", JabatanID: "MUT-KABID",
			TMTJabatan: date("2020-02-03"), TMTCPNS: date("2008-12-01"), PendidikanJenjang: "S1",
			PendidikanJurusan: "Manajemen", KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Baik",
			KotakTalenta: 5, HukumanDisiplin: "ringan", HukumanSelesai: date("2025-12-31"), Active: true}},
		{6, mutasi.Employee{NIP: "199208082018011004", Nama: "dr. Andi Pratama, M.Kes.", TanggalLahir: date("1992-08-08"),
			JenisKelamin: "L", Status: mutasi.StatusPNS, Golongan: "III/b", JabatanID: "YANKES-DOKTER",
			TMTCPNS: date("2018-01-01"), PendidikanJenjang: "S1", PendidikanJurusan: "Kedokteran",
			KinerjaTahunLalu: "Sangat Baik", KinerjaDuaTahunLalu: "Baik", KotakTalenta: 7, TugasBelajar: true, Active: true}},
	}
	for _, tt := range tests {
		r := rows[tt.num-2]
		if r.Num != tt.num || !reflect.DeepEqual(r.Value, tt.want) {
			t.Errorf("row %d = %+v\nwant %+v", r.Num, r.Value, tt.want)
		}
	}
}

func TestReadStopsAtYieldError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Units("testdata/valid/units.csv")(func(mutasi.Row[mutasi.Unit]) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d rows, want stop after 1", err, n)
	}
}

func TestSourceName(t *testing.T) {
	tests := []struct{ path, table, want string }{
		{"data/employees.csv", "employees", "data/employees.csv"},
		{"data/pemda.XLSX", "units", "data/pemda.XLSX[units]"},
	}
	for _, tt := range tests {
		if got := SourceName(tt.path, tt.table); got != tt.want {
			t.Errorf("SourceName(%q, %q) = %q, want %q", tt.path, tt.table, got, tt.want)
		}
	}
}

// The separator is judged on the header line, which need not be the first
// line: blank lines above it are rows a spreadsheet shows and skips.
func TestDetectSemicolon(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"comma", "unit_id,nama,induk_id\nU1;A,B,\n", false},
		{"semicolon", "unit_id;nama;induk_id\r\nU1;A,B;\r\n", true},
		{"semicolon after blank lines", "\r\n  \r\nunit_id;nama;induk_id\r\nU1;A;\r\n", true},
		{"comma after a blank line", "\nunit_id,nama,induk_id\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectSemicolon([]byte(tt.head)); got != tt.want {
				t.Errorf("detectSemicolon(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}
