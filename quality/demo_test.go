package quality

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/demo"
)

// demoDirectory generates the demo pemda in memory as a directory.
func demoDirectory(tb testing.TB, seed uint64, employees int, today time.Time) *memDir {
	tb.Helper()
	pd, err := demo.New(demo.Config{Seed: seed, Employees: employees, Today: today})
	if err != nil {
		tb.Fatal(err)
	}
	d := &memDir{}
	collect(tb, pd.Units(), func(u mutasi.Unit) { d.units = append(d.units, &u) })
	collect(tb, pd.Positions(), func(p mutasi.Position) { d.positions = append(d.positions, &p) })
	collect(tb, pd.Employees(), func(e mutasi.Employee) { d.employees = append(d.employees, &e) })
	collect(tb, pd.Aspirations(), func(a mutasi.Aspiration) { d.aspirations = append(d.aspirations, &a) })
	slices.SortFunc(d.employees, func(a, b *mutasi.Employee) int { return strings.Compare(a.NIP, b.NIP) })
	d.countHolders()
	return d
}

func collect[T any](tb testing.TB, rows mutasi.RowReader[T], add func(T)) {
	tb.Helper()
	if err := rows(func(r mutasi.Row[T]) error { add(r.Value); return nil }); err != nil {
		tb.Fatal(err)
	}
}
