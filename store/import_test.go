package store

import (
	"context"
	"slices"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestImportIsIdempotent(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	before := dumpData(t, db)
	tests := []struct {
		name string
		run  func() (mutasi.ImportResult, error)
		want mutasi.ImportResult
	}{
		{"units", func() (mutasi.ImportResult, error) {
			return db.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{})
		}, mutasi.ImportResult{Table: "units", Rows: 2, Unchanged: 2}},
		{"positions", func() (mutasi.ImportResult, error) {
			return db.ImportPositions(ctx, valuesOf(fixturePositions...), mutasi.ImportOptions{Replace: true})
		}, mutasi.ImportResult{Table: "positions", Rows: 3, Unchanged: 3}},
		{"employees", func() (mutasi.ImportResult, error) {
			return db.ImportEmployees(ctx, valuesOf(fixtureEmployees...), mutasi.ImportOptions{Replace: true})
		}, mutasi.ImportResult{Table: "employees", Rows: 3, Unchanged: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("result %+v, want %+v", got, tc.want)
			}
		})
	}
	if after := dumpData(t, db); after != before {
		t.Errorf("re-import changed the database:\nbefore\n%s\nafter\n%s", before, after)
	}
}

func TestImportCountsAddedChangedAndReplace(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()

	// Employee 2 changes position, 3 is left out, 4 is new.
	changed := employee(2, "P3")
	got, err := db.ImportEmployees(ctx, valuesOf(fixtureEmployees[0], changed, employee(4, "P1")),
		mutasi.ImportOptions{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	want := mutasi.ImportResult{Table: "employees", Rows: 3, Added: 1, Changed: 1, Unchanged: 1, Deactivated: 1}
	if got != want {
		t.Errorf("replace: %+v, want %+v", got, want)
	}
	left, err := db.Employee(ctx, fixtureEmployees[2].NIP)
	if err != nil {
		t.Fatalf("a deactivated employee must still be readable by NIP: %v", err)
	}
	if left.Active {
		t.Errorf("employee absent from a replace import is still active")
	}
	var nips []string
	if err := db.EachEmployee(ctx, func(e *mutasi.Employee) error {
		nips = append(nips, e.NIP)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	wantNIPs := []string{fixtureEmployees[0].NIP, changed.NIP, employee(4, "").NIP}
	if !slices.Equal(nips, wantNIPs) {
		t.Errorf("active employees %v, want %v", nips, wantNIPs)
	}

	// The one left out comes back: reactivated, counted as changed.
	got, err = db.ImportEmployees(ctx, valuesOf(fixtureEmployees[2]), mutasi.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want = mutasi.ImportResult{Table: "employees", Rows: 1, Changed: 1}
	if got != want {
		t.Errorf("reactivate: %+v, want %+v", got, want)
	}
	back, err := db.Employee(ctx, fixtureEmployees[2].NIP)
	if err != nil || !back.Active {
		t.Errorf("employee present again: active=%v err=%v, want active", back != nil && back.Active, err)
	}
}

func TestImportReplaceDeactivatesUnitsAndPositions(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	got, err := db.ImportUnits(ctx, valuesOf(fixtureUnits[0], mutasi.Unit{ID: "U5", Nama: "Baru", IndukID: "U1"}),
		mutasi.ImportOptions{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "units", Rows: 2, Added: 1, Unchanged: 1, Deactivated: 1}); got != want {
		t.Errorf("units: %+v, want %+v", got, want)
	}
	u, err := db.Unit(ctx, "U2")
	if err != nil || u.Active {
		t.Errorf("U2 after replace: %+v, %v; want inactive", u, err)
	}
	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range units {
		ids = append(ids, u.ID)
	}
	if want := []string{"U1", "U5"}; !slices.Equal(ids, want) {
		t.Errorf("active units %v, want %v", ids, want)
	}

	got, err = db.ImportPositions(ctx, valuesOf(fixturePositions[0]), mutasi.ImportOptions{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "positions", Rows: 1, Unchanged: 1, Deactivated: 2}); got != want {
		t.Errorf("positions: %+v, want %+v", got, want)
	}
	p, err := db.Position(ctx, "P2")
	if err != nil || p.Active {
		t.Errorf("P2 after replace: %+v, %v; want inactive", p, err)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	before := dump(t, db)
	got, err := db.ImportEmployees(ctx, valuesOf(employee(1, "P3"), employee(5, "P1")),
		mutasi.ImportOptions{DryRun: true, Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	want := mutasi.ImportResult{Table: "employees", Rows: 2, Added: 1, Changed: 1, Deactivated: 2, DryRun: true}
	if got != want {
		t.Errorf("dry run: %+v, want %+v", got, want)
	}
	if after := dump(t, db); after != before {
		t.Errorf("dry run changed the database")
	}
}

func TestImportAspirations(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	e1, e2, e3 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP, fixtureEmployees[2].NIP
	first := []mutasi.Aspiration{
		{NIP: e1, Pilihan: []string{"P2", "U2"}, Alasan: "dekat rumah; ingin belajar"},
		{NIP: e2, Pilihan: []string{"P1"}},
		{NIP: e3, Pilihan: []string{"U1", "P3", "P1"}, Alasan: "rotasi"},
	}
	got, err := db.ImportAspirations(ctx, valuesOf(first...), mutasi.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "aspirations", Rows: 3, Added: 3}); got != want {
		t.Errorf("first: %+v, want %+v", got, want)
	}
	for _, a := range first {
		stored, err := db.Aspiration(ctx, a.NIP)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(stored.Pilihan, a.Pilihan) || stored.Alasan != a.Alasan || !stored.UpdatedAt.Equal(testNow) {
			t.Errorf("stored %+v, want %+v at %v", stored, a, testNow)
		}
	}

	// Same file again: unchanged. Then e1 changes, e3 is left out.
	if got, err = db.ImportAspirations(ctx, valuesOf(first...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "aspirations", Rows: 3, Unchanged: 3}); got != want {
		t.Errorf("again: %+v, want %+v", got, want)
	}
	second := []mutasi.Aspiration{{NIP: e1, Pilihan: []string{"U2"}, Alasan: "dekat rumah"}, first[1]}
	if got, err = db.ImportAspirations(ctx, valuesOf(second...), mutasi.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "aspirations", Rows: 2, Changed: 1, Unchanged: 1, Deactivated: 1}); got != want {
		t.Errorf("replace: %+v, want %+v", got, want)
	}
	if _, err := db.Aspiration(ctx, e3); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("aspiration of an employee left out: err %v, want ENOTFOUND", err)
	}
	var all []mutasi.Aspiration
	if err := db.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
		all = append(all, *a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].NIP != e1 || !slices.Equal(all[0].Pilihan, []string{"U2"}) || all[1].NIP != e2 {
		t.Errorf("EachAspiration = %+v, want e1 [U2], e2 [P1]", all)
	}
}

func TestImportReportsProgress(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	var rows []mutasi.Employee
	for i := 0; i < 2*progressEvery+7; i++ {
		rows = append(rows, employee(10_000+i, "P2"))
	}
	var calls []int
	_, err := db.ImportEmployees(context.Background(), valuesOf(rows...), mutasi.ImportOptions{
		Progress: func(n int) { calls = append(calls, n) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{progressEvery, 2 * progressEvery, 2*progressEvery + 7}; !slices.Equal(calls, want) {
		t.Errorf("progress calls %v, want %v", calls, want)
	}
}

func TestImportUnitsParentLaterInFile(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	got, err := db.ImportUnits(ctx, valuesOf(
		mutasi.Unit{ID: "C", Nama: "Cucu", IndukID: "B"},
		mutasi.Unit{ID: "B", Nama: "Anak", IndukID: "A"},
		mutasi.Unit{ID: "A", Nama: "Induk"},
	), mutasi.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (mutasi.ImportResult{Table: "units", Rows: 3, Added: 3}); got != want {
		t.Errorf("%+v, want %+v", got, want)
	}
	c, err := db.Unit(ctx, "C")
	if err != nil || c.IndukID != "B" {
		t.Errorf("C = %+v, %v; want parent B", c, err)
	}
}
