package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// TestImportRejects checks that every kind of bad input is reported as
// file:row: column: problem and that the database is left exactly as it
// was.
func TestImportRejects(t *testing.T) {
	ctx := context.Background()
	dupA, dupB := employee(10, "P1"), employee(11, "P1")
	dupA2 := employee(10, "P2")
	badRow := employee(12, "P1")
	badRow.TanggalLahir = time.Time{} // the reader could not parse it
	multi := employee(13, "P1")
	multi.JenisKelamin, multi.KotakTalenta = "X", 12
	negative := fixturePositions[1]
	negative.ID, negative.Kebutuhan = "P9", -1

	tests := []struct {
		name  string
		setup func(t *testing.T, db *DB)
		run   func(db *DB) error
		want  []string
	}{
		{
			name: "unknown jabatan_id",
			run: func(db *DB) error {
				_, err := db.ImportEmployees(ctx, valuesOf(employee(10, "P1"), employee(11, "PX")), mutasi.ImportOptions{File: "employees.csv"})
				return err
			},
			want: []string{"employees.csv:3: jabatan_id: jabatan PX tidak ada di basis data"},
		},
		{
			name: "inactive jabatan_id",
			setup: func(t *testing.T, db *DB) {
				if _, err := db.ImportPositions(ctx, valuesOf(fixturePositions[0], fixturePositions[1]), mutasi.ImportOptions{Replace: true}); err != nil {
					t.Fatal(err)
				}
			},
			run: func(db *DB) error {
				_, err := db.ImportEmployees(ctx, valuesOf(employee(10, "P3")), mutasi.ImportOptions{File: "pegawai.csv"})
				return err
			},
			want: []string{"pegawai.csv:2: jabatan_id: jabatan P3 tidak aktif"},
		},
		{
			name: "duplicate NIP within the file",
			run: func(db *DB) error {
				_, err := db.ImportEmployees(ctx, valuesOf(dupA, dupB, dupA2), mutasi.ImportOptions{File: "employees.csv"})
				return err
			},
			want: []string{fmt.Sprintf("employees.csv:4: nip: %s sudah ada di baris 2 (duplikat)", dupA.NIP)},
		},
		{
			name: "row with parse problems reports them, not their consequences",
			run: func(db *DB) error {
				rows := rowsOf(
					mutasi.Row[mutasi.Employee]{Num: 2, Value: employee(14, "P1")},
					mutasi.Row[mutasi.Employee]{Num: 7, Value: badRow, Problems: []mutasi.FieldError{
						{Field: "tanggal_lahir", Problem: `"1990-13-01" bukan tanggal berformat YYYY-MM-DD`}}},
				)
				_, err := db.ImportEmployees(ctx, rows, mutasi.ImportOptions{File: "employees.csv"})
				return err
			},
			want: []string{`employees.csv:7: tanggal_lahir: "1990-13-01" bukan tanggal berformat YYYY-MM-DD`},
		},
		{
			name: "every problem of a row, in Validate order",
			run: func(db *DB) error {
				_, err := db.ImportEmployees(ctx, valuesOf(multi), mutasi.ImportOptions{File: "employees.csv"})
				return err
			},
			want: []string{
				`employees.csv:2: jenis_kelamin: "X" harus L atau P`,
				"employees.csv:2: kotak_talenta: harus 1 sampai 9 atau kosong, bukan 12",
			},
		},
		{
			name: "unknown unit_id",
			run: func(db *DB) error {
				p := fixturePositions[1]
				p.ID, p.UnitID = "P9", "UX"
				_, err := db.ImportPositions(ctx, valuesOf(p), mutasi.ImportOptions{File: "positions.csv"})
				return err
			},
			want: []string{"positions.csv:2: unit_id: unit UX tidak ada di basis data"},
		},
		{
			name: "inactive unit_id",
			setup: func(t *testing.T, db *DB) {
				if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits[0]), mutasi.ImportOptions{Replace: true}); err != nil {
					t.Fatal(err)
				}
			},
			run: func(db *DB) error {
				_, err := db.ImportPositions(ctx, valuesOf(fixturePositions[1]), mutasi.ImportOptions{File: "positions.csv"})
				return err
			},
			want: []string{"positions.csv:2: unit_id: unit U2 tidak aktif"},
		},
		{
			name: "negative kebutuhan",
			run: func(db *DB) error {
				_, err := db.ImportPositions(ctx, valuesOf(fixturePositions[0], negative), mutasi.ImportOptions{File: "positions.csv"})
				return err
			},
			want: []string{"positions.csv:3: kebutuhan: tidak boleh negatif (-1)"},
		},
		{
			name: "duplicate jabatan_id",
			run: func(db *DB) error {
				_, err := db.ImportPositions(ctx, valuesOf(fixturePositions[0], fixturePositions[1], fixturePositions[0]), mutasi.ImportOptions{File: "positions.csv"})
				return err
			},
			want: []string{"positions.csv:4: jabatan_id: P1 sudah ada di baris 2 (duplikat)"},
		},
		{
			name: "unit its own parent",
			run: func(db *DB) error {
				_, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "U9", Nama: "Sembilan", IndukID: "U9"}), mutasi.ImportOptions{File: "units.csv"})
				return err
			},
			want: []string{"units.csv:2: induk_id: unit U9 tidak boleh menjadi induk dirinya sendiri"},
		},
		{
			name: "two-unit cycle within the file",
			run: func(db *DB) error {
				_, err := db.ImportUnits(ctx, valuesOf(
					mutasi.Unit{ID: "A", Nama: "A", IndukID: "B"},
					mutasi.Unit{ID: "B", Nama: "B", IndukID: "A"},
				), mutasi.ImportOptions{File: "units.csv"})
				return err
			},
			want: []string{"units.csv:2: induk_id: siklus induk: A → B → A"},
		},
		{
			name: "multi-step cycle through stored units",
			run: func(db *DB) error {
				// Stored: U2's parent is U1. The file makes U3 (child of U2) the
				// parent of U1: U1 → U3 → U2 → U1.
				_, err := db.ImportUnits(ctx, valuesOf(
					mutasi.Unit{ID: "U0", Nama: "Root"},
					mutasi.Unit{ID: "U3", Nama: "Tiga", IndukID: "U2"},
					mutasi.Unit{ID: "U1", Nama: "Sekretariat Daerah", IndukID: "U3"},
				), mutasi.ImportOptions{File: "units.csv"})
				return err
			},
			want: []string{"units.csv:3: induk_id: siklus induk: U3 → U2 → U1 → U3"},
		},
		{
			name: "unknown induk_id",
			run: func(db *DB) error {
				_, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "U9", Nama: "Sembilan", IndukID: "UX"}), mutasi.ImportOptions{File: "units.csv"})
				return err
			},
			want: []string{"units.csv:2: induk_id: unit induk UX tidak ada di berkas maupun di basis data"},
		},
		{
			name: "duplicate unit_id",
			run: func(db *DB) error {
				_, err := db.ImportUnits(ctx, valuesOf(fixtureUnits[0], fixtureUnits[1], fixtureUnits[0]), mutasi.ImportOptions{File: "units.csv"})
				return err
			},
			want: []string{"units.csv:4: unit_id: U1 sudah ada di baris 2 (duplikat)"},
		},
		{
			name: "replace leaves a parent out of the file",
			run: func(db *DB) error {
				_, err := db.ImportUnits(ctx, valuesOf(fixtureUnits[1]), mutasi.ImportOptions{File: "units.csv", Replace: true})
				return err
			},
			want: []string{"units.csv:2: induk_id: unit induk U1 tidak tercantum di berkas (impor dengan replace menonaktifkan unit yang tidak tercantum)"},
		},
		{
			name: "aspiration of an unknown employee and unknown choices",
			run: func(db *DB) error {
				_, err := db.ImportAspirations(ctx, valuesOf(
					mutasi.Aspiration{NIP: employee(99, "").NIP, Pilihan: []string{"P1"}},
					mutasi.Aspiration{NIP: fixtureEmployees[0].NIP, Pilihan: []string{"P2", "NOPE"}},
				), mutasi.ImportOptions{File: "aspirations.csv"})
				return err
			},
			want: []string{
				fmt.Sprintf("aspirations.csv:2: nip: pegawai dengan NIP %s tidak ada di basis data", employee(99, "").NIP),
				"aspirations.csv:3: pilihan_2: NOPE bukan jabatan_id maupun unit_id yang aktif",
			},
		},
		{
			name: "ambiguous aspiration choice",
			setup: func(t *testing.T, db *DB) {
				if _, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "P2", Nama: "Unit bernama P2"}), mutasi.ImportOptions{}); err != nil {
					t.Fatal(err)
				}
			},
			run: func(db *DB) error {
				_, err := db.ImportAspirations(ctx, valuesOf(
					mutasi.Aspiration{NIP: fixtureEmployees[0].NIP, Pilihan: []string{"U2", "P2"}},
				), mutasi.ImportOptions{File: "aspirations.csv"})
				return err
			},
			want: []string{"aspirations.csv:2: pilihan_2: P2 ambigu: ada jabatan dan unit dengan kode ini"},
		},
		{
			name: "duplicate aspiration nip",
			run: func(db *DB) error {
				a := mutasi.Aspiration{NIP: fixtureEmployees[0].NIP, Pilihan: []string{"P2"}}
				_, err := db.ImportAspirations(ctx, valuesOf(a, a), mutasi.ImportOptions{File: "aspirations.csv"})
				return err
			},
			want: []string{fmt.Sprintf("aspirations.csv:3: nip: %s sudah ada di baris 2 (duplikat)", fixtureEmployees[0].NIP)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			seed(t, db)
			if tc.setup != nil {
				tc.setup(t, db)
			}
			before := dump(t, db)
			err := tc.run(db)
			if err == nil {
				t.Fatal("import succeeded, want it rejected")
			}
			if got := importErrorLines(t, err); !slices.Equal(got, tc.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tc.want)
			}
			if mutasi.ErrorCode(err) != mutasi.EINVALID {
				t.Errorf("code %q, want %q", mutasi.ErrorCode(err), mutasi.EINVALID)
			}
			if after := dump(t, db); after != before {
				t.Errorf("database changed by a rejected import:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}

// TestImportRejectsAfterWritingValidRows checks that rows written before
// the first problem are rolled back too.
func TestImportRejectsAfterWritingValidRows(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	before := dump(t, db)
	var rows []mutasi.Employee
	for i := 100; i < 150; i++ {
		rows = append(rows, employee(i, "P1"))
	}
	rows = append(rows, employee(200, "NOPE"))
	_, err := db.ImportEmployees(context.Background(), valuesOf(rows...), mutasi.ImportOptions{File: "e.csv"})
	want := []string{"e.csv:52: jabatan_id: jabatan NOPE tidak ada di basis data"}
	if got := importErrorLines(t, err); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if after := dump(t, db); after != before {
		t.Errorf("database changed by a rejected import")
	}
}

// TestImportReaderErrorRollsBack checks that a file-level error of the
// RowReader is returned as it is and undoes the rows already written.
func TestImportReaderErrorRollsBack(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	before := dump(t, db)
	fileErr := &mutasi.ImportError{File: "e.csv"}
	fileErr.Add(mutasi.RowError{File: "e.csv", Row: 3, Problem: "baris berisi 5 kolom, seharusnya 18"})
	reader := func(yield func(mutasi.Row[mutasi.Employee]) error) error {
		if err := yield(mutasi.Row[mutasi.Employee]{Num: 2, Value: employee(300, "P1")}); err != nil {
			return err
		}
		return fileErr
	}
	_, err := db.ImportEmployees(context.Background(), reader, mutasi.ImportOptions{File: "e.csv"})
	if !errors.Is(err, fileErr) {
		t.Fatalf("error %v, want the reader's error", err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("database changed by a failed import")
	}
}

// TestImportErrorCapsListedProblems checks that all problems are counted
// and that one problem repeated in every row is listed MaxListedPerKind
// times, the last listed one counting the rest.
func TestImportErrorCapsListedProblems(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	var rows []mutasi.Employee
	for i := 0; i < 150; i++ {
		rows = append(rows, employee(1000+i, "NOPE"))
	}
	_, err := db.ImportEmployees(context.Background(), valuesOf(rows...), mutasi.ImportOptions{File: "e.csv"})
	var ie *mutasi.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want *mutasi.ImportError", err)
	}
	if got, want := [3]int{len(ie.Errors), ie.Total, ie.Errors[len(ie.Errors)-1].More}, [3]int{mutasi.MaxListedPerKind, 150, 150 - mutasi.MaxListedPerKind}; got != want {
		t.Errorf("listed, total, more = %v, want %v", got, want)
	}
	if got, want := ie.Errors[2].String(), "e.csv:4: jabatan_id: jabatan NOPE tidak ada di basis data"; got != want {
		t.Errorf("last listed = %q, want %q", got, want)
	}
	// One id missing from a table that has others is a wrong id, not a
	// table imported out of order.
	if ie.Hint != "" {
		t.Errorf("hint %q for one missing id", ie.Hint)
	}
}

// TestImportReaderErrorKeepsRowProblems checks that a file-level error of
// the RowReader (a CSV syntax error further down) does not hide the
// problems of the rows read before it: every bad row is reported at once.
func TestImportReaderErrorKeepsRowProblems(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	before := dump(t, db)
	fileErr := &mutasi.ImportError{File: "e.csv"}
	fileErr.Add(mutasi.RowError{File: "e.csv", Row: 4, Problem: "tanda petik tidak ditutup"})
	reader := func(yield func(mutasi.Row[mutasi.Employee]) error) error {
		if err := yield(mutasi.Row[mutasi.Employee]{Num: 2, Value: employee(300, "NOPE")}); err != nil {
			return err
		}
		if err := yield(mutasi.Row[mutasi.Employee]{Num: 3, Value: employee(301, "P1")}); err != nil {
			return err
		}
		return fileErr
	}
	_, err := db.ImportEmployees(context.Background(), reader, mutasi.ImportOptions{File: "e.csv"})
	want := []string{
		"e.csv:2: jabatan_id: jabatan NOPE tidak ada di basis data",
		"e.csv:4: tanda petik tidak ditutup",
	}
	if got := importErrorLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if after := dump(t, db); after != before {
		t.Errorf("database changed by a failed import")
	}
}
