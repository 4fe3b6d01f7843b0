package mutasi

import (
	"fmt"
	"strings"
	"testing"
)

// added is one call of Add (kind empty) or AddKind.
type added struct {
	row          int
	column, text string
	kind         string
}

func importErrorOf(adds []added) *ImportError {
	ie := &ImportError{File: "e.csv"}
	for _, a := range adds {
		re := RowError{File: "e.csv", Row: a.row, Column: a.column, Problem: a.text}
		if a.kind == "" {
			ie.Add(re)
		} else {
			ie.AddKind(re, a.kind)
		}
	}
	return ie
}

// rows returns n problems of one column, from row 2 on, made by f.
func rows(n int, column string, f func(i int) (text, kind string)) []added {
	var out []added
	for i := 0; i < n; i++ {
		text, kind := f(i)
		out = append(out, added{row: i + 2, column: column, text: text, kind: kind})
	}
	return out
}

func TestImportErrorGroupsRepeatedProblems(t *testing.T) {
	badDate := func(i int) (string, string) {
		return fmt.Sprintf("%q bukan tanggal berformat YYYY-MM-DD", fmt.Sprintf("%d/04/2020", i+1)), ""
	}
	missing := func(i int) (string, string) {
		return fmt.Sprintf("jabatan %s tidak ada di basis data", []string{"KEPALA", "STAF", "SEKRETARIS"}[i%3]), "%s %s tidak ada di basis data"
	}
	tests := []struct {
		name string
		adds []added
		hint string
		want string
	}{
		{
			name: "a value in every row, the same problem",
			adds: rows(2000, "tmt_jabatan", badDate),
			want: `e.csv:2: tmt_jabatan: "1/04/2020" bukan tanggal berformat YYYY-MM-DD
e.csv:3: tmt_jabatan: "2/04/2020" bukan tanggal berformat YYYY-MM-DD
e.csv:4: tmt_jabatan: "3/04/2020" bukan tanggal berformat YYYY-MM-DD
… dan 1.997 baris lain dengan masalah yang sama di kolom tmt_jabatan
e.csv ditolak: 2.000 kesalahan, tidak ada data yang diubah`,
		},
		{
			name: "ids without digits are one kind when the maker says so",
			adds: rows(5, "jabatan_id", missing),
			want: `e.csv:2: jabatan_id: jabatan KEPALA tidak ada di basis data
e.csv:3: jabatan_id: jabatan STAF tidak ada di basis data
e.csv:4: jabatan_id: jabatan SEKRETARIS tidak ada di basis data
… dan 2 baris lain dengan masalah yang sama di kolom jabatan_id
e.csv ditolak: 5 kesalahan, tidak ada data yang diubah`,
		},
		{
			name: "three of a kind are listed in full",
			adds: rows(3, "tmt_jabatan", badDate),
			want: `e.csv:2: tmt_jabatan: "1/04/2020" bukan tanggal berformat YYYY-MM-DD
e.csv:3: tmt_jabatan: "2/04/2020" bukan tanggal berformat YYYY-MM-DD
e.csv:4: tmt_jabatan: "3/04/2020" bukan tanggal berformat YYYY-MM-DD
e.csv ditolak: 3 kesalahan, tidak ada data yang diubah`,
		},
		{
			name: "distinct problems all listed, in row order, each kind cut short",
			adds: []added{
				{row: 2, column: "tmt_jabatan", text: `"x" bukan tanggal berformat YYYY-MM-DD`},
				{row: 2, column: "golongan", text: "wajib diisi"},
				{row: 3, column: "tmt_jabatan", text: `"y" bukan tanggal berformat YYYY-MM-DD`},
				{row: 3, column: "golongan", text: `"III/e" bukan golongan PNS (I/a … IV/e)`},
				{row: 4, column: "tmt_jabatan", text: `"z" bukan tanggal berformat YYYY-MM-DD`},
				{row: 5, column: "tmt_jabatan", text: `"w" bukan tanggal berformat YYYY-MM-DD`},
				{row: 5, column: "tmt_cpns", text: `"w" bukan tanggal berformat YYYY-MM-DD`},
				{row: 6, column: "golongan", text: "wajib diisi"},
				{row: 7, column: "nip", text: "NIP 196802302002021001: tanggal lahir 1968-02-30 tidak mungkin"},
				{row: 8, column: "nip", text: "NIP 197002302002021001: tanggal lahir 1970-02-30 tidak mungkin"},
				{row: 9, column: "nip", text: "NIP 197102302002021001: tanggal lahir 1971-02-30 tidak mungkin"},
				{row: 10, column: "nip", text: "NIP 197202302002021001: tanggal lahir 1972-02-30 tidak mungkin"},
				{row: 11, column: "nip", text: "wajib diisi"},
			},
			want: `e.csv:2: tmt_jabatan: "x" bukan tanggal berformat YYYY-MM-DD
e.csv:2: golongan: wajib diisi
e.csv:3: tmt_jabatan: "y" bukan tanggal berformat YYYY-MM-DD
e.csv:3: golongan: "III/e" bukan golongan PNS (I/a … IV/e)
e.csv:4: tmt_jabatan: "z" bukan tanggal berformat YYYY-MM-DD
… dan 1 baris lain dengan masalah yang sama di kolom tmt_jabatan
e.csv:5: tmt_cpns: "w" bukan tanggal berformat YYYY-MM-DD
e.csv:6: golongan: wajib diisi
e.csv:7: nip: NIP 196802302002021001: tanggal lahir 1968-02-30 tidak mungkin
e.csv:8: nip: NIP 197002302002021001: tanggal lahir 1970-02-30 tidak mungkin
e.csv:9: nip: NIP 197102302002021001: tanggal lahir 1971-02-30 tidak mungkin
… dan 1 baris lain dengan masalah yang sama di kolom nip
e.csv:11: nip: wajib diisi
e.csv ditolak: 13 kesalahan, tidak ada data yang diubah`,
		},
		{
			name: "the hint comes before the verdict",
			adds: rows(1, "jabatan_id", missing),
			hint: "Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi.",
			want: `e.csv:2: jabatan_id: jabatan KEPALA tidak ada di basis data
Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi.
e.csv ditolak: 1 kesalahan, tidak ada data yang diubah`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ie := importErrorOf(tt.adds)
			ie.Hint = tt.hint
			if got := ie.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if ie.Total != len(tt.adds) {
				t.Errorf("Total = %d, want %d", ie.Total, len(tt.adds))
			}
		})
	}
}

// Once the list is full, problems of a kind already listed are counted
// with it; problems of a kind not listed are counted as the rest.
func TestImportErrorCountsPastTheCap(t *testing.T) {
	ie := &ImportError{File: "e.csv"}
	for i := 0; i < MaxReportedRowErrors; i++ {
		ie.Add(RowError{File: "e.csv", Row: i + 2, Column: fmt.Sprintf("k%d", i), Problem: "salah"})
	}
	ie.Add(RowError{File: "e.csv", Row: 200, Column: "k0", Problem: "salah"})
	ie.Add(RowError{File: "e.csv", Row: 201, Column: "k0", Problem: "salah"})
	ie.Add(RowError{File: "e.csv", Row: 202, Column: "lain", Problem: "salah"})
	if got, want := [3]int{len(ie.Errors), ie.Errors[0].More, ie.Total}, [3]int{MaxReportedRowErrors, 2, MaxReportedRowErrors + 3}; got != want {
		t.Fatalf("listed, More of the first, Total = %v, want %v", got, want)
	}
	msg := ie.Error()
	for _, want := range []string{
		"e.csv:2: k0: salah\n… dan 2 baris lain dengan masalah yang sama di kolom k0\ne.csv:3: k1: salah\n",
		"e.csv:101: k99: salah\n… dan 1 kesalahan lain\ne.csv ditolak: 103 kesalahan",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

// A RowReader's error found after the rows read before it joins their
// problems: its listed ones are grouped with theirs, its counts kept.
func TestImportErrorMerge(t *testing.T) {
	ie := &ImportError{File: "e.csv"}
	for i := 0; i < 2; i++ {
		ie.Add(RowError{File: "e.csv", Row: i + 2, Column: "tmt", Problem: fmt.Sprintf("%q bukan tanggal", fmt.Sprint(i))})
	}
	later := &ImportError{File: "e.csv"}
	for i := 0; i < 4; i++ {
		later.Add(RowError{File: "e.csv", Row: i + 10, Column: "tmt", Problem: fmt.Sprintf("%q bukan tanggal", fmt.Sprint(i))})
	}
	later.Add(RowError{File: "e.csv", Row: 20, Problem: "tanda petik tidak ditutup"})
	later.Total += 5 // problems it counted without listing
	ie.Merge(later)
	want := `e.csv:2: tmt: "0" bukan tanggal
e.csv:3: tmt: "1" bukan tanggal
e.csv:10: tmt: "0" bukan tanggal
… dan 3 baris lain dengan masalah yang sama di kolom tmt
e.csv:20: tanda petik tidak ditutup
… dan 5 kesalahan lain
e.csv ditolak: 12 kesalahan, tidak ada data yang diubah`
	if got := ie.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// An ImportError written as a literal groups what is added later with
// the problems it was given.
func TestImportErrorGroupsWithLiteralErrors(t *testing.T) {
	ie := &ImportError{File: "e.csv", Total: 3, Errors: []RowError{
		{File: "e.csv", Row: 2, Column: "nip", Problem: "wajib diisi"},
		{File: "e.csv", Row: 3, Column: "nip", Problem: "wajib diisi"},
		{File: "e.csv", Row: 4, Column: "nip", Problem: "wajib diisi"},
	}}
	ie.Add(RowError{File: "e.csv", Row: 5, Column: "nip", Problem: "wajib diisi"})
	if got, want := [3]int{len(ie.Errors), ie.Errors[2].More, ie.Total}, [3]int{3, 1, 4}; got != want {
		t.Errorf("listed, More, Total = %v, want %v", got, want)
	}
}

func TestProblemKind(t *testing.T) {
	tests := []struct{ a, b string }{
		{`"12/04/2020" bukan tanggal berformat YYYY-MM-DD`, `"kemarin" bukan tanggal berformat YYYY-MM-DD`},
		{`"a \" b" bukan angka`, `"7" bukan angka`},
		{"jabatan DINKES-FUN-001 tidak ada di basis data", "jabatan SETDA-JPT-004 tidak ada di basis data"},
		{"NIP 196802302002021001: tanggal lahir 1968-02-30 tidak mungkin", "NIP 197002302002021001: tanggal lahir 1970-02-30 tidak mungkin"},
		{"199004122015032001 sudah ada di baris 5 (duplikat)", "199004122015032002 sudah ada di baris 12 (duplikat)"},
	}
	for _, tt := range tests {
		if ka, kb := problemKind(tt.a), problemKind(tt.b); ka != kb {
			t.Errorf("kinds differ: %q → %q, %q → %q", tt.a, ka, tt.b, kb)
		}
	}
	distinct := []string{
		"wajib diisi",
		`"x" bukan angka`,
		`"x" bukan tanggal berformat YYYY-MM-DD`,
		"tanggal 2020-02-30 tidak ada di kalender (Februari 2020 hanya 29 hari)",
		"tanggal 2020-13-01 tidak ada di kalender (bulan 13 tidak ada; bulan 01 sampai 12)",
		"jabatan DINKES tidak ada di basis data", // no digit, no quotes: its own kind
		"jabatan SETDA tidak ada di basis data",
	}
	seen := make(map[string]string)
	for _, p := range distinct {
		k := problemKind(p)
		if other, ok := seen[k]; ok {
			t.Errorf("%q and %q are one kind %q", other, p, k)
		}
		seen[k] = p
	}
}

func TestImportOrderHint(t *testing.T) {
	tests := []struct {
		column, ref string
		empty       bool
		first       []string
		want        string
	}{
		{"jabatan_id", "positions", true, []string{"positions"},
			"Tabel positions di basis data masih kosong, padahal kolom jabatan_id merujuk ke sana; urutan impor: units, positions, employees, aspirations.\n" +
				"Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi."},
		{"jabatan_id", "positions", true, []string{"units", "positions"},
			"Tabel positions di basis data masih kosong, padahal kolom jabatan_id merujuk ke sana; urutan impor: units, positions, employees, aspirations.\n" +
				"Impor dulu tabel units (mutasi import units units.csv), lalu positions (mutasi import positions positions.csv), lalu ulangi."},
		{"unit_id", "units", false, []string{"units"},
			"Hampir semua nilai kolom unit_id tidak ada di tabel units; urutan impor: units, positions, employees, aspirations.\n" +
				"Impor dulu tabel units (mutasi import units units.csv), lalu ulangi."},
	}
	for _, tt := range tests {
		if got := ImportOrderHint(tt.column, tt.ref, tt.empty, tt.first); got != tt.want {
			t.Errorf("ImportOrderHint(%q, %q, %v, %q)\n got %q\nwant %q", tt.column, tt.ref, tt.empty, tt.first, got, tt.want)
		}
	}
}
