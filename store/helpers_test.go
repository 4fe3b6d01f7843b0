package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// testNow is the fixed clock of every test database.
var testNow = time.Date(2026, 3, 10, 8, 30, 0, 0, time.UTC)

// openTest opens a fresh database file in a temporary directory.
func openTest(t testing.TB, opts ...Option) *DB {
	t.Helper()
	opts = append([]Option{WithClock(func() time.Time { return testNow })}, opts...)
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "mutasi.db"), opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rowsOf is a RowReader over given rows.
func rowsOf[T any](rows ...mutasi.Row[T]) mutasi.RowReader[T] {
	return func(yield func(mutasi.Row[T]) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// valuesOf is a RowReader over values, numbered as in a spreadsheet (the
// first data row is row 2).
func valuesOf[T any](values ...T) mutasi.RowReader[T] {
	rows := make([]mutasi.Row[T], len(values))
	for i, v := range values {
		rows[i] = mutasi.Row[T]{Num: i + 2, Value: v}
	}
	return rowsOf(rows...)
}

// dump returns the whole content of the database, one line per row, in a
// fixed order, so that two dumps are equal exactly when the content is.
func dump(t testing.TB, db *DB) string {
	t.Helper()
	return dumpExcept(t, db)
}

// dumpData is dump without the audit log (and its sequence), for tests of
// what an import does to the data: a successful import is always audited.
func dumpData(t testing.TB, db *DB) string {
	t.Helper()
	return dumpExcept(t, db, "audit_log", "sqlite_sequence")
}

func dumpExcept(t testing.TB, db *DB, skip ...string) string {
	t.Helper()
	ctx := context.Background()
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	var b strings.Builder
	for _, table := range tables {
		if slices.Contains(skip, table) {
			continue
		}
		rows, err := db.db.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%s %q", table, vals))
		}
		rows.Close()
		sort.Strings(lines)
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

// date parses a YYYY-MM-DD test date.
func date(s string) time.Time {
	t, err := mutasi.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// nipFor builds a valid PNS NIP: born on birth, CPNS in the month of cpns,
// male or female, with a sequence number.
func nipFor(birth, cpns time.Time, gender string, seq int) string {
	g := "1"
	if gender == "P" {
		g = "2"
	}
	return birth.Format("20060102") + cpns.Format("200601") + g + fmt.Sprintf("%03d", seq%1000)
}

// employee returns a valid active PNS employee with the nth NIP in
// position jabatan. Distinct n (below 36,500,000) give distinct NIPs.
func employee(n int, jabatan string) mutasi.Employee {
	birth := date("1970-01-01").AddDate(0, 0, n/1000)
	cpns := date("2000-03-01")
	return mutasi.Employee{
		NIP:                 nipFor(birth, cpns, "L", n),
		Nama:                fmt.Sprintf("Pegawai %d", n),
		TanggalLahir:        birth,
		JenisKelamin:        "L",
		Status:              mutasi.StatusPNS,
		Golongan:            "III/b",
		JabatanID:           jabatan,
		TMTJabatan:          date("2019-01-01"),
		TMTCPNS:             cpns,
		PendidikanJenjang:   mutasi.PendidikanS1,
		PendidikanJurusan:   "Akuntansi",
		KinerjaTahunLalu:    mutasi.KinerjaBaik,
		KinerjaDuaTahunLalu: mutasi.KinerjaSangatBaik,
		KotakTalenta:        5,
		Active:              true,
	}
}

// Fixture data: two units, three positions, three employees.
var (
	fixtureUnits = []mutasi.Unit{
		{ID: "U1", Nama: "Sekretariat Daerah", Active: true},
		{ID: "U2", Nama: "Bagian Umum", IndukID: "U1", Active: true},
	}
	fixturePositions = []mutasi.Position{
		{ID: "P1", UnitID: "U1", Nama: "Analis Kebijakan", Jenis: mutasi.JenisFungsional,
			Jenjang: mutasi.JenjangAhliPertama, Kebutuhan: 2, BebanKerjaJam: 2500,
			PendidikanMin: mutasi.PendidikanS1, RumpunPendidikan: []string{"Ilmu Sosial", "Hukum; Tata Negara"},
			GolonganMin: "III/a", Active: true},
		{ID: "P2", UnitID: "U2", Nama: "Pengadministrasi Umum", Jenis: mutasi.JenisPelaksana,
			Kebutuhan: 3, BebanKerjaJam: 1875.5, Active: true},
		{ID: "P3", UnitID: "U2", Nama: "Kepala Bagian Umum", Jenis: mutasi.JenisAdministrator,
			Kebutuhan: 1, BebanKerjaJam: 1250, PendidikanMin: mutasi.PendidikanS1, Active: true},
	}
	fixtureEmployees = []mutasi.Employee{employee(1, "P1"), employee(2, "P2"), employee(3, "P2")}
)

// seed imports the fixture into db.
func seed(t testing.TB, db *DB) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{File: "units.csv"}); err != nil {
		t.Fatalf("seed units: %v", err)
	}
	if _, err := db.ImportPositions(ctx, valuesOf(fixturePositions...), mutasi.ImportOptions{File: "positions.csv"}); err != nil {
		t.Fatalf("seed positions: %v", err)
	}
	if _, err := db.ImportEmployees(ctx, valuesOf(fixtureEmployees...), mutasi.ImportOptions{File: "employees.csv"}); err != nil {
		t.Fatalf("seed employees: %v", err)
	}
}

// importErrorLines returns the listed problems of an *ImportError as
// "file:row: column: problem" lines, or fails the test if err is not one.
func importErrorLines(t testing.TB, err error) []string {
	t.Helper()
	ie, ok := err.(*mutasi.ImportError)
	if !ok {
		t.Fatalf("error %T %v, want *mutasi.ImportError", err, err)
	}
	lines := make([]string, len(ie.Errors))
	for i, re := range ie.Errors {
		lines[i] = re.String()
	}
	return lines
}
