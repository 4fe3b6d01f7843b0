package store

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestImportIsAuditedOnlyWhenItTakesEffect(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	bad := mutasi.Unit{ID: "U9", Nama: "Unit Tanpa Induk", IndukID: "TIDAK-ADA"}

	if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{File: "u.csv", DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportUnits(ctx, valuesOf(append(fixtureUnits, bad)...), mutasi.ImportOptions{File: "u.csv"}); err == nil {
		t.Fatal("import with an unknown parent was accepted")
	}
	if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{File: "u.csv", Actor: "tg:42", Replace: true}); err != nil {
		t.Fatal(err)
	}
	entries, err := db.AuditEntries(ctx, "u.csv", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("%d audit entries, want 1 (dry runs and rejected imports are not audited)", len(entries))
	}
	got := *entries[0]
	want := mutasi.AuditEntry{ID: got.ID, At: got.At, Actor: "tg:42", Action: "import.units", Subject: "u.csv",
		Detail: "replace: 2 baris, 2 ditambah, 0 diubah, 0 tetap, 0 dinonaktifkan"}
	if got != want {
		t.Errorf("audit entry\n got %+v\nwant %+v", got, want)
	}
}
