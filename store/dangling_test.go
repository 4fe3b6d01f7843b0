package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/mutasi/mutasi"
)

// A replace of units, then of positions, leaves active rows pointing at
// inactive ones until the next file moves them; Dangling counts them.
func TestDanglingAfterReplace(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	d, err := db.Dangling(ctx)
	if err != nil || d.Any() {
		t.Fatalf("fresh seed dangles: %+v, %v", d, err)
	}
	// U2 leaves the units file while positions P2 and P3 still sit in it.
	if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits[0]), mutasi.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	d, err = db.Dangling(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&Dangling{PositionsInInactiveUnits: 2, Examples: []string{"P2", "P3"}}); !reflect.DeepEqual(d, want) {
		t.Errorf("after units replace: %+v, want %+v", d, want)
	}
	// P2 and P3 leave the positions file while two employees hold P2.
	if _, err := db.ImportPositions(ctx, valuesOf(fixturePositions[0]), mutasi.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	d, err = db.Dangling(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&Dangling{EmployeesInInactivePositions: 2, Examples: []string{"197001012000031002", "197001012000031003"}}); !reflect.DeepEqual(d, want) {
		t.Errorf("after positions replace: %+v, want %+v", d, want)
	}
}
