package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/mutasi/mutasi"
)

// snapshot is what an exporter reads through mutasi.Directory.
type snapshot struct {
	Units       []mutasi.Unit
	Positions   []mutasi.Position
	Employees   []mutasi.Employee
	Aspirations []mutasi.Aspiration
}

func readSnapshot(t *testing.T, db mutasi.Directory) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		s.Units = append(s.Units, *u)
	}
	positions, err := db.Positions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range positions {
		s.Positions = append(s.Positions, *p)
	}
	if err := db.EachEmployee(ctx, func(e *mutasi.Employee) error {
		s.Employees = append(s.Employees, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
		s.Aspirations = append(s.Aspirations, *a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExportImportRoundTrip checks that what the Directory lists imports
// into an empty database and lists back the same, in the same order: the
// basis of a byte-identical export → import → export.
func TestExportImportRoundTrip(t *testing.T) {
	src := openTest(t)
	seed(t, src)
	ctx := context.Background()
	// Units listed child first: the listing is by id, not by tree order.
	// Names and reasons may start like a spreadsheet formula; the store
	// keeps them as they are (export neutralises them, see exchange).
	if _, err := src.ImportUnits(ctx, valuesOf(
		mutasi.Unit{ID: "A0", Nama: "Anak U2", IndukID: "U2"},
		mutasi.Unit{ID: "A1", Nama: "=HYPERLINK(\"http://x\") -Bagian", IndukID: "U2"},
		mutasi.Unit{ID: "A2", Nama: "-Bagian Umum", IndukID: "U2"},
	), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ImportAspirations(ctx, valuesOf(
		mutasi.Aspiration{NIP: fixtureEmployees[2].NIP, Pilihan: []string{"A0", "P1"}, Alasan: "alasan; dengan titik koma"},
		mutasi.Aspiration{NIP: fixtureEmployees[0].NIP, Pilihan: []string{"P2"}, Alasan: "-ingin dekat keluarga\n@atasan setuju"},
	), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	first := readSnapshot(t, src)

	dst := openTest(t)
	if _, err := dst.ImportUnits(ctx, valuesOf(first.Units...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// Holders are derived: an exported position imports without them.
	positions := append([]mutasi.Position(nil), first.Positions...)
	for i := range positions {
		positions[i].Holders = 0
	}
	if _, err := dst.ImportPositions(ctx, valuesOf(positions...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.ImportEmployees(ctx, valuesOf(first.Employees...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.ImportAspirations(ctx, valuesOf(first.Aspirations...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if second := readSnapshot(t, dst); !reflect.DeepEqual(second, first) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", second, first)
	}
}
