package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mutasi/mutasi/store"
)

// warnDangling tells the user, after an import, about active rows that now
// point at inactive ones (what --replace of units or positions leaves until
// the next file moves them): not an error, since the monthly replace
// imports one table at a time, but never a surprise either.
func warnDangling(ctx context.Context, a *app, db *store.DB) error {
	d, err := db.Dangling(ctx)
	if err != nil || !d.Any() {
		return err
	}
	var parts []string
	if n := d.EmployeesInInactivePositions; n > 0 {
		parts = append(parts, fmt.Sprintf("%s pegawai aktif memegang jabatan yang sudah tidak aktif (perbaiki dengan impor employees)", formatInt(n)))
	}
	if n := d.PositionsInInactiveUnits; n > 0 {
		parts = append(parts, fmt.Sprintf("%s jabatan aktif berada di unit yang sudah tidak aktif (perbaiki dengan impor positions)", formatInt(n)))
	}
	if n := d.UnitsUnderInactiveParents; n > 0 {
		parts = append(parts, fmt.Sprintf("%s unit aktif berinduk unit yang sudah tidak aktif (perbaiki dengan impor units)", formatInt(n)))
	}
	fmt.Fprintf(a.Stderr, "Peringatan: %s; contoh: %s. Sebelum diperbaiki, ekspor data ini tidak dapat diimpor ke basis data kosong.\n",
		strings.Join(parts, "; "), strings.Join(d.Examples, ", "))
	return nil
}
