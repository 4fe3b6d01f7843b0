package exchange

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// writeEmployeesCSV writes n employee rows shaped like a real export.
func writeEmployeesCSV(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(strings.Join(Columns(mutasi.TableEmployees), ",") + "\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "1990%02d%02d2015031%03d,Pegawai Nomor %d,1990-%02d-%02d,L,PNS,III/b,J-%04d,2021-01-04,2015-03-01,S1,Manajemen,Baik,Sangat Baik,%d,,,tidak\n",
			i%12+1, i%28+1, i%1000, i, i%12+1, i%28+1, i%500, i%9+1)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReadEmployeesCSV reads a 100,000-row employees file; one op is
// the whole file. Run: go test -bench ReadEmployees -benchmem ./exchange
func BenchmarkReadEmployeesCSV(b *testing.B) {
	const n = 100_000
	path := filepath.Join(b.TempDir(), "employees.csv")
	writeEmployeesCSV(b, path, n)
	read := Employees(path)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rows := 0
		err := read(func(r mutasi.Row[mutasi.Employee]) error {
			if len(r.Problems) > 0 {
				return fmt.Errorf("row %d: %v", r.Num, r.Problems)
			}
			rows++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if rows != n {
			b.Fatalf("rows = %d, want %d", rows, n)
		}
	}
}

// BenchmarkReadEmployeesXLSX reads the employees sheet of a 100,000-row
// workbook written by WriteXLSX; one op is the whole sheet.
// Run: go test -bench ReadEmployees -benchmem ./exchange
func BenchmarkReadEmployeesXLSX(b *testing.B) {
	const n = 100_000
	csvPath := filepath.Join(b.TempDir(), "employees.csv")
	writeEmployeesCSV(b, csvPath, n)
	rows, err := collect(Employees(csvPath))
	if err != nil {
		b.Fatal(err)
	}
	d := &memDirectory{}
	for _, r := range rows {
		d.employees = append(d.employees, &r.Value)
	}
	path := filepath.Join(b.TempDir(), "pemda.xlsx")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := WriteXLSX(context.Background(), f, d, mutasi.TableEmployees); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	read := Employees(path)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		got := 0
		err := read(func(r mutasi.Row[mutasi.Employee]) error {
			if len(r.Problems) > 0 {
				return fmt.Errorf("row %d: %v", r.Num, r.Problems)
			}
			got++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if got != n {
			b.Fatalf("rows = %d, want %d", got, n)
		}
	}
}
