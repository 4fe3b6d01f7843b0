package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// benchPositions is how many positions the synthetic employees spread over.
const benchPositions = 200

// syntheticEmployees streams n valid employees, generated one at a time so
// that the reader holds no file in memory, as a CSV reader would not. Their
// NIPs rise with the row, as in a file sorted by NIP.
func syntheticEmployees(n int) mutasi.RowReader[mutasi.Employee] {
	return employeesInOrder(n, func(i int) int { return i })
}

// shuffledEmployees streams the same n employees in a random (but fixed)
// order, as a file exported sorted by name or by unit comes.
func shuffledEmployees(n int) mutasi.RowReader[mutasi.Employee] {
	perm := rand.New(rand.NewPCG(1, 2)).Perm(n)
	return employeesInOrder(n, func(i int) int { return perm[i] })
}

func employeesInOrder(n int, at func(int) int) mutasi.RowReader[mutasi.Employee] {
	return func(yield func(mutasi.Row[mutasi.Employee]) error) error {
		for i := range n {
			k := at(i)
			if err := yield(mutasi.Row[mutasi.Employee]{Num: i + 2, Value: employee(k, fmt.Sprintf("J%03d", k%benchPositions))}); err != nil {
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
// Go heap obtained from the OS after the import as heap-MB and the
// process's peak RSS as peak-RSS-MB.
func BenchmarkImportEmployees100k(b *testing.B) {
	benchmarkImport100k(b, syntheticEmployees)
}

// BenchmarkImportEmployees100kUnsorted is the same import with the rows in
// random order: every insert lands on another page of the NIP index.
func BenchmarkImportEmployees100kUnsorted(b *testing.B) {
	benchmarkImport100k(b, shuffledEmployees)
}

func benchmarkImport100k(b *testing.B, rows func(int) mutasi.RowReader[mutasi.Employee]) {
	const n = 100_000
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		db := openBenchDB(b)
		b.StartTimer()
		res, err := db.ImportEmployees(context.Background(), rows(n), mutasi.ImportOptions{File: "employees.csv"})
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
		// SQLite's page cache is not Go heap: the process's peak RSS
		// counts it (run one benchmark at a time to read it per import).
		if kb := peakRSSKiB(); kb > 0 {
			b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
		}
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

// peakRSSKiB is the process's peak resident set (VmHWM) in KiB; 0 where
// /proc is not there.
func peakRSSKiB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}
