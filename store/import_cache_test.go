package store

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestAnImportGivesItsConnectionBackWithTheDefaultCache(t *testing.T) {
	db := openTest(t)
	// One connection: the import's is the one every later query gets.
	db.db.SetMaxOpenConns(1)
	ctx := context.Background()
	if _, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "U1", Nama: "Pemda"}), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var kib int64
	if err := db.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&kib); err != nil {
		t.Fatal(err)
	}
	if kib != -2000 {
		t.Errorf("cache_size after an import = %d, want the default -2000", kib)
	}
	// And a failed import too.
	if _, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "", Nama: ""}), mutasi.ImportOptions{}); err == nil {
		t.Fatal("a unit without id was imported")
	}
	if err := db.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&kib); err != nil || kib != -2000 {
		t.Errorf("cache_size after a failed import = %d (%v), want -2000", kib, err)
	}
}
