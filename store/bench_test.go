package store

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/mutasi/mutasi"
)

// benchPositions is how many positions the synthetic employees spread over.
const benchPositions = 200

// syntheticEmployees streams n valid employees, generated one at a time so
// that the reader holds no file in memory, as a CSV reader would not.
func syntheticEmployees(n int) mutasi.RowReader[mutasi.Employee] {
	return func(yield func(mutasi.Row[mutasi.Employee]) error) error {
		for i := range n {
			if err := yield(mutasi.Row[mutasi.Employee]{Num: i + 2, Value: employee(i, fmt.Sprintf("J%03d", i%benchPositions))}); err != nil {
				return err
			}
		}
		return nil
	}
}

// openBenchDB returns a database with one unit and benchPositions positions.
func openBenchDB(b *testing.B) *DB {
	b.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "U1", Nama: "Pemda"}), mutasi.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	positions := make([]mutasi.Position, benchPositions)
	for i := range positions {
		positions[i] = mutasi.Position{ID: fmt.Sprintf("J%03d", i), UnitID: "U1", Nama: "Pelaksana",
			Jenis: mutasi.JenisPelaksana, Kebutuhan: 500, BebanKerjaJam: 1250}
	}
	if _, err := db.ImportPositions(ctx, valuesOf(positions...), mutasi.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkImportEmployees100k imports 100,000 employees into a fresh
// database (target: under 15 s, peak memory under 400 MB). It reports the
// Go heap obtained from the OS after the import as heap-MB.
func BenchmarkImportEmployees100k(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		db := openBenchDB(b)
		b.StartTimer()
		res, err := db.ImportEmployees(context.Background(), syntheticEmployees(n), mutasi.ImportOptions{File: "employees.csv"})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res.Added != n {
			b.Fatalf("added %d, want %d", res.Added, n)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heap-MB")
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkReimportEmployees100kUnchanged imports the same 100,000
// employees a second time: every row is compared and none written.
func BenchmarkReimportEmployees100kUnchanged(b *testing.B) {
	const n = 100_000
	db := openBenchDB(b)
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ImportEmployees(ctx, syntheticEmployees(n), mutasi.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := db.ImportEmployees(ctx, syntheticEmployees(n), mutasi.ImportOptions{Replace: true})
		if err != nil {
			b.Fatal(err)
		}
		if res.Unchanged != n {
			b.Fatalf("unchanged %d, want %d", res.Unchanged, n)
		}
	}
}
