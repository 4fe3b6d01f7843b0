package exchange

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes a workbook with the given sheets (first row the
// header); a time.Time becomes a real date cell, as Excel stores one: a day
// number with a date format.
func writeWorkbook(t *testing.T, path string, sheets map[string][][]any, opts ...func(*excelize.File)) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, o := range opts {
		o(f)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy: display only
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(sheets))
	for n := range sheets {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					if err := f.SetCellStyle(name, cell, cell, dateStyle); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func employeeHeader() []any {
	var h []any
	for _, c := range Columns(mutasi.TableEmployees) {
		h = append(h, c)
	}
	return h
}

func TestReadXLSXEmployees(t *testing.T) {
	day := func(s string) time.Time { return date(s) }
	tests := []struct {
		name     string
		date1904 bool
		rows     [][]any
		want     []mutasi.Row[mutasi.Employee]
	}{
		{
			name: "date cells, numbers, text dates, a blank row",
			rows: [][]any{
				employeeHeader(),
				{"199004122015032001", "Rina Marlina", day("1990-04-12"), "P", "PNS", "III/c", "MUT-ANALIS",
					day("2021-01-04"), "2015-03-01", "S1", "Psikologi", "Baik", "Sangat Baik", 8, nil, nil, "Tidak"},
				{},
				{"198207202008121001", "Dedi", day("1982-07-20"), "L", "PNS", "III/d", "MUT-KABID",
					"12/04/2020", day("2008-12-01"), "S1", "Manajemen", "Baik", "Baik", "lima", "ringan", 46022.5, "ya"},
			},
			want: []mutasi.Row[mutasi.Employee]{
				{Num: 2, Value: mutasi.Employee{NIP: "199004122015032001", Nama: "Rina Marlina", TanggalLahir: day("1990-04-12"),
					JenisKelamin: "P", Status: mutasi.StatusPNS, Golongan: "III/c", JabatanID: "MUT-ANALIS",
					TMTJabatan: day("2021-01-04"), TMTCPNS: day("2015-03-01"), PendidikanJenjang: "S1", PendidikanJurusan: "Psikologi",
					KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Sangat Baik", KotakTalenta: 8, Active: true}},
				{Num: 4, Value: mutasi.Employee{NIP: "198207202008121001", Nama: "Dedi", TanggalLahir: day("1982-07-20"),
					JenisKelamin: "L", Status: mutasi.StatusPNS, Golongan: "III/d", JabatanID: "MUT-KABID",
					TMTCPNS: day("2008-12-01"), PendidikanJenjang: "S1", PendidikanJurusan: "Manajemen",
					KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Baik", HukumanDisiplin: "ringan", TugasBelajar: true, Active: true},
					Problems: []mutasi.FieldError{
						{Field: "tmt_jabatan", Problem: `"12/04/2020" bukan tanggal berformat YYYY-MM-DD`},
						{Field: "kotak_talenta", Problem: `"lima" bukan bilangan bulat`},
						{Field: "hukuman_selesai", Problem: `"46022.5" berisi jam; isi tanggal saja (YYYY-MM-DD)`},
					}},
			},
		},
		{
			name:     "workbook counting days from 1904",
			date1904: true,
			rows: [][]any{
				employeeHeader(),
				{"199004122015032001", "Rina", day("1990-04-12"), "P", "PNS", "III/c", "J", nil, day("2015-03-01"), "S1"},
			},
			want: []mutasi.Row[mutasi.Employee]{
				{Num: 2, Value: mutasi.Employee{NIP: "199004122015032001", Nama: "Rina", TanggalLahir: day("1990-04-12"),
					JenisKelamin: "P", Status: mutasi.StatusPNS, Golongan: "III/c", JabatanID: "J",
					TMTCPNS: day("2015-03-01"), PendidikanJenjang: "S1", Active: true}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pemda.xlsx")
			writeWorkbook(t, path, map[string][][]any{"Employees": tt.rows, "Catatan": {{"bebas"}}}, func(f *excelize.File) {
				if tt.date1904 {
					v := true
					if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v}); err != nil {
						t.Fatal(err)
					}
				}
			})
			got, err := collect(Employees(path))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadXLSXRejects(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		sheets map[string][][]any
		want   string
	}{
		{"no sheet named like the table",
			map[string][][]any{"Sheet2": {{"unit_id"}}, "Data": {{"unit_id"}}},
			`X[units]: tidak ada lembar (sheet) bernama "units"; lembar yang ada: "Data", "Sheet2"`},
		{"empty sheet",
			map[string][][]any{"units": {}},
			`X[units]: lembar "units" kosong`},
		{"header without data",
			map[string][][]any{"units": {nil, {"unit_id", "nama", "induk_id"}}},
			`X[units]:2: tidak ada baris data (hanya judul kolom); berkas kosong tidak diimpor`},
		{"unknown column",
			map[string][][]any{"units": {{"unit_id", "nama", "induk"}, {"A", "B"}}},
			`X[units]:1: induk: kolom tidak dikenal; maksudnya "induk_id"?`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("w%d.xlsx", i))
			writeWorkbook(t, path, tt.sheets)
			_, err := collect(Units(path))
			var ie *mutasi.ImportError
			if !errors.As(err, &ie) || len(ie.Errors) == 0 {
				t.Fatalf("error = %v, want *mutasi.ImportError", err)
			}
			want := path + tt.want[1:]
			if got := ie.Errors[0].String(); got != want {
				t.Errorf("first problem\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestWorkbookTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.xlsx")
	writeWorkbook(t, path, map[string][][]any{"Employees": {{"nip"}}, "units": {{"unit_id"}}, "lain": {{"x"}}})
	got, err := WorkbookTables(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"units", "employees"}; !reflect.DeepEqual(got, want) {
		t.Errorf("WorkbookTables = %v, want %v", got, want)
	}
}

// A sheet that names no table but holds data is reported, so that "import
// all" can refuse a misnamed sheet instead of skipping it; an empty one, or
// one with blank cells only, is not.
func TestWorkbookSheetsNamesTheOthers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.xlsx")
	writeWorkbook(t, path, map[string][][]any{
		"units":   {{"unit_id"}},
		"pegawai": {{"nip"}, {"199001012015031001"}},
		"Kosong":  {},
		"Spasi":   {{"  "}},
		"Sheet3":  {nil, {nil, "x"}},
	})
	tables, others, err := WorkbookSheets(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"units"}; !reflect.DeepEqual(tables, want) {
		t.Errorf("tables = %v, want %v", tables, want)
	}
	if want := []string{"Sheet3", "pegawai"}; !reflect.DeepEqual(others, want) {
		t.Errorf("others = %v, want %v", others, want)
	}
}
