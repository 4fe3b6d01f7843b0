package quality

import (
	"context"
	"testing"
	"time"

	"github.com/mutasi/mutasi/rules"
)

// BenchmarkCheck100k runs the whole report on the demo pemda of 100,000
// employees held in memory: what the report costs beyond reading the
// database.
func BenchmarkCheck100k(b *testing.B) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	p, err := rules.LoadDir("../policies")
	if err != nil {
		b.Fatal(err)
	}
	d := demoDirectory(b, 1, 100_000, today)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		r, err := Check(ctx, d, p, today)
		if err != nil {
			b.Fatal(err)
		}
		if r.Records.Employees != 100_000 || r.Total() == 0 {
			b.Fatalf("read %d employees, %d findings", r.Records.Employees, r.Total())
		}
	}
}
