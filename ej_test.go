package mutasi

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
)

// EJ rounds half up on the decimal value: a tie (1.005) rounds up even
// though its nearest float64 lies just below it, and the grade follows the
// rounded figure at every grade threshold (README: A > 1.00, B 0.81–1.00,
// C 0.66–0.80, D 0.50–0.65, E < 0.50).
func TestEJRoundsTiesUpAtEveryGradeThreshold(t *testing.T) {
	tests := []struct {
		hours   float64
		holders int
		eff     float64
		want    string // EJ as published
		grade   string
	}{
		{5025, 4, 1250, "1.01", "A"},    // 1.005
		{1256.25, 1, 1250, "1.01", "A"}, // 1.005
		{2506.25, 2, 1250, "1.00", "B"}, // 1.0025
		{618.75, 1, 1250, "0.50", "D"},  // 0.495
		{1237.5, 2, 1250, "0.50", "D"},  // 0.495
		{618.7, 1, 1250, "0.49", "E"},   // 0.49496
		{806.25, 1, 1250, "0.65", "D"},  // 0.645
		{818.75, 1, 1250, "0.66", "C"},  // 0.655
		{2456.25, 3, 1250, "0.66", "C"}, // 0.655
		{1006.25, 1, 1250, "0.81", "B"}, // 0.805
		{1018.75, 1, 1250, "0.82", "B"}, // 0.815
		{1.005, 1, 1, "1.01", "A"},
		{0.995, 1, 1, "1.00", "B"},
		{2.675, 1, 1, "2.68", "A"}, // the float of 2.675 lies below it
		{1005, 1, 1000, "1.01", "A"},
		{1005, 1, 999.5, "1.01", "A"}, // 1.00550…
		{100.5, 1, 100, "1.01", "A"},  // 1.005, effective hours not 1250
	}
	for _, tt := range tests {
		got := EJ(tt.hours, tt.holders, tt.eff)
		if s := fmt.Sprintf("%.2f", got); s != tt.want {
			t.Errorf("EJ(%v, %d, %v) = %v, want %s", tt.hours, tt.holders, tt.eff, got, tt.want)
		}
		if g := EJGrade(got); g != tt.grade {
			t.Errorf("EJGrade(EJ(%v, %d, %v) = %v) = %s, want %s", tt.hours, tt.holders, tt.eff, got, g, tt.grade)
		}
	}
	// EJGrade rounds an unrounded figure the same way.
	for _, tt := range []struct {
		ej    float64
		grade string
	}{
		{0.495, "D"}, {0.4949, "E"}, {0.645, "D"}, {0.655, "C"}, {0.805, "B"}, {0.8049, "C"},
		{0.815, "B"}, {1.005, "A"}, {1.0049, "B"}, {1.0, "B"},
	} {
		if g := EJGrade(tt.ej); g != tt.grade {
			t.Errorf("EJGrade(%v) = %s, want %s", tt.ej, g, tt.grade)
		}
	}
}

// EJ agrees with exact rational arithmetic on the decimals as written, for
// many workloads with up to three decimals.
func TestEJMatchesExactDecimalRounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		places := rng.IntN(4)
		text := strconv.FormatFloat(float64(rng.IntN(2_000_000))/math.Pow10(places), 'f', places, 64)
		w, _ := strconv.ParseFloat(text, 64)
		h := 1 + rng.IntN(20)
		eText := []string{"1250", "1000", "999.5", "1500.25"}[rng.IntN(4)]
		e, _ := strconv.ParseFloat(eText, 64)

		q, _ := new(big.Rat).SetString(text)
		er, _ := new(big.Rat).SetString(eText)
		q.Quo(q, er.Mul(er, big.NewRat(int64(h), 1)))
		q.Mul(q, big.NewRat(100, 1)).Add(q, big.NewRat(1, 2))
		want := new(big.Int).Quo(q.Num(), q.Denom()).Int64()

		if got := EJ(w, h, e); got != float64(want)/100 {
			t.Fatalf("EJ(%s, %d, %s) = %v, want %v", text, h, eText, got, float64(want)/100)
		}
	}
}
