package demo

import (
	"testing"

	"github.com/mutasi/mutasi"
)

// BenchmarkEmployees100k builds a pemda of 100,000 employees and reads every
// employee and aspiration, as `mutasi demo --employees 100000` does.
func BenchmarkEmployees100k(b *testing.B) {
	const n = 100_000
	for b.Loop() {
		p, err := New(Config{Seed: 1, Employees: n, Today: testToday})
		if err != nil {
			b.Fatal(err)
		}
		count := 0
		err = p.Employees()(func(r mutasi.Row[mutasi.Employee]) error { count++; return nil })
		if err != nil || count != n {
			b.Fatalf("%d employees, err %v", count, err)
		}
		err = p.Aspirations()(func(r mutasi.Row[mutasi.Aspiration]) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/employee")
}
