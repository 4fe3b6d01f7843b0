package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// employeesIn returns n valid employees, the ith in position jabatan(i).
func employeesIn(n int, jabatan func(i int) string) []mutasi.Employee {
	out := make([]mutasi.Employee, n)
	for i := range out {
		out[i] = employee(5000+i, jabatan(i))
	}
	return out
}

// realPositions names positions a positions file would have: many, and
// absent from the fixture.
func realPositions(i int) string { return fmt.Sprintf("DINKES-FUN-%03d", i%40) }

// TestImportBeforeReferencedTableIsShortAndHints imports 2,000 employees
// whose positions are not stored and checks that the rejection is a few
// lines that name the table to import first and its command.
func TestImportBeforeReferencedTableIsShortAndHints(t *testing.T) {
	const order = "; urutan impor: units, positions, employees, aspirations.\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, db *DB)
		want  string // the hint
	}{
		{
			name:  "empty database",
			setup: func(*testing.T, *DB) {},
			want: "Tabel positions di basis data masih kosong, padahal kolom jabatan_id merujuk ke sana" + order +
				"Impor dulu tabel units (mutasi import units units.csv), lalu positions (mutasi import positions positions.csv), lalu ulangi.",
		},
		{
			name: "units but no positions",
			setup: func(t *testing.T, db *DB) {
				if _, err := db.ImportUnits(context.Background(), valuesOf(fixtureUnits...), mutasi.ImportOptions{}); err != nil {
					t.Fatal(err)
				}
			},
			want: "Tabel positions di basis data masih kosong, padahal kolom jabatan_id merujuk ke sana" + order +
				"Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi.",
		},
		{
			name:  "positions of an older file",
			setup: func(t *testing.T, db *DB) { seed(t, db) },
			want: "Hampir semua nilai kolom jabatan_id tidak ada di tabel positions" + order +
				"Impor dulu tabel positions (mutasi import positions positions.csv), lalu ulangi.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			tt.setup(t, db)
			before := dump(t, db)
			_, err := db.ImportEmployees(context.Background(), valuesOf(employeesIn(2000, realPositions)...),
				mutasi.ImportOptions{File: "employees.csv"})
			var ie *mutasi.ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want *mutasi.ImportError", err)
			}
			msg := ie.Error()
			lines := strings.Split(msg, "\n")
			if len(lines) >= 15 {
				t.Errorf("%d lines, want a short message:\n%s", len(lines), msg)
			}
			for _, want := range []string{
				"employees.csv:2: jabatan_id: jabatan DINKES-FUN-000 tidak ada di basis data\n" +
					"employees.csv:3: jabatan_id: jabatan DINKES-FUN-001 tidak ada di basis data\n" +
					"employees.csv:4: jabatan_id: jabatan DINKES-FUN-002 tidak ada di basis data\n" +
					"… dan 1.997 baris lain dengan masalah yang sama di kolom jabatan_id\n",
				"\n" + tt.want + "\nemployees.csv ditolak: 2.000 kesalahan, tidak ada data yang diubah",
			} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks\n%s\ngot\n%s", want, msg)
				}
			}
			if after := dump(t, db); after != before {
				t.Errorf("database changed by a rejected import")
			}
		})
	}
}

// TestImportOrderHintKeepsDistinctProblems checks that the other problems
// of the file are still listed next to the grouped missing positions.
func TestImportOrderHintKeepsDistinctProblems(t *testing.T) {
	db := openTest(t)
	rows := employeesIn(2000, realPositions)
	rows[500].Golongan = "III/e"
	rows[900].NIP = rows[899].NIP
	rows[1500].Nama = ""
	_, err := db.ImportEmployees(context.Background(), valuesOf(rows...), mutasi.ImportOptions{File: "employees.csv"})
	var ie *mutasi.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want *mutasi.ImportError", err)
	}
	msg := ie.Error()
	for _, want := range []string{
		"… dan 1.997 baris lain dengan masalah yang sama di kolom jabatan_id\n",
		`employees.csv:502: golongan: "III/e" bukan golongan PNS (I/a … IV/e)` + "\n",
		"employees.csv:902: nip: " + rows[899].NIP + " sudah ada di baris 901 (duplikat)\n",
		"employees.csv:1502: nama: wajib diisi\n",
		"Impor dulu tabel units (mutasi import units units.csv), lalu positions",
		"employees.csv ditolak: 2.003 kesalahan",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n") + 1; n >= 15 {
		t.Errorf("%d lines:\n%s", n, msg)
	}
}

// TestImportOrderHintOnlyWhenNearlyEveryRowMisses checks the cases that
// are not a table imported out of order: some rows with wrong ids.
func TestImportOrderHintOnlyWhenNearlyEveryRowMisses(t *testing.T) {
	tests := []struct {
		name    string
		jabatan func(i int) string
		hint    bool
	}{
		{"a fifth of the rows, many ids", func(i int) string {
			if i%5 == 0 {
				return fmt.Sprintf("BARU-%d", i)
			}
			return "P1"
		}, false},
		{"nine in ten rows", func(i int) string {
			if i%10 == 0 {
				return "P1"
			}
			return realPositions(i)
		}, true},
		{"one id in every row", func(int) string { return "NOPE" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			seed(t, db)
			_, err := db.ImportEmployees(context.Background(), valuesOf(employeesIn(200, tt.jabatan)...), mutasi.ImportOptions{File: "employees.csv"})
			var ie *mutasi.ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want *mutasi.ImportError", err)
			}
			if got := ie.Hint != ""; got != tt.hint {
				t.Errorf("hint = %q, want one: %v", ie.Hint, tt.hint)
			}
		})
	}
}

// TestImportOrderHintOtherTables checks positions before units and
// aspirations before employees.
func TestImportOrderHintOtherTables(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	positions := make([]mutasi.Position, 50)
	for i := range positions {
		positions[i] = mutasi.Position{ID: fmt.Sprintf("J%d", i), UnitID: fmt.Sprintf("DINAS%c", 'A'+i%20), Nama: "Pelaksana",
			Jenis: mutasi.JenisPelaksana, Kebutuhan: 1, BebanKerjaJam: 1250, Active: true}
	}
	_, err := db.ImportPositions(ctx, valuesOf(positions...), mutasi.ImportOptions{File: "positions.csv"})
	var ie *mutasi.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("positions: error %v, want *mutasi.ImportError", err)
	}
	if want := "Impor dulu tabel units (mutasi import units units.csv), lalu ulangi."; !strings.HasSuffix(ie.Hint, want) {
		t.Errorf("positions: hint %q, want it to end %q", ie.Hint, want)
	}
	if !strings.Contains(ie.Error(), "… dan 47 baris lain dengan masalah yang sama di kolom unit_id") {
		t.Errorf("positions: ids without digits are not grouped:\n%s", ie.Error())
	}

	seed(t, db)
	asp := make([]mutasi.Aspiration, 30)
	for i := range asp {
		asp[i] = mutasi.Aspiration{NIP: employee(7000+i, "").NIP, Pilihan: []string{"P1"}}
	}
	_, err = db.ImportAspirations(ctx, valuesOf(asp...), mutasi.ImportOptions{File: "aspirations.csv"})
	if !errors.As(err, &ie) {
		t.Fatalf("aspirations: error %v, want *mutasi.ImportError", err)
	}
	if want := "Hampir semua nilai kolom nip tidak ada di tabel employees"; !strings.HasPrefix(ie.Hint, want) {
		t.Errorf("aspirations: hint %q, want it to start %q", ie.Hint, want)
	}
}
