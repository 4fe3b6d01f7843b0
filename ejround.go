package mutasi

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// EJ figures are published with two decimals, rounded half up on the
// decimal value: 5,025 hours over 4 holders × 1,250 is 1.005, which reads
// 1.01. In float64 that tie is lost (1.005 is stored as 1.00499999…, and
// 1.005 × 100 is 100.49999…), so the rounding is done on the decimals the
// figures were written with: each input is the float of a short decimal
// (5025, 4062.75, 1250), and the quotient of those decimals is an exact
// fraction, rounded with integer arithmetic.

// nearTie reports whether the float q (a figure in hundredths) is so close
// to a half that its float error could put it on the wrong side. q comes
// from inputs that are within half an ulp of their decimals and from three
// float operations, so it is within a few ulps (relative 1e-15) of the
// exact quotient; a band of 1e-9 relative is far wider than that, and only
// figures inside it (true ties, in practice) take the exact path.
func nearTie(q float64) bool {
	if math.IsInf(q, 0) || math.IsNaN(q) {
		return false
	}
	f := q - math.Floor(q)
	return math.Abs(f-0.5) <= 1e-9*math.Max(1, math.Abs(q))
}

// maxPlaces bounds the decimal places looked for in an input; hours are
// written with a few at most.
const maxPlaces = 9

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// decimalOf returns m and p with x == float64(m) / 10^p for the fewest
// places p (at most maxPlaces): the decimal x was written as. ok is false
// for a negative, huge or NaN x, or one that needs more places.
func decimalOf(x float64) (m uint64, p int, ok bool) {
	if !(x >= 0) {
		return 0, 0, false
	}
	for p := 0; p <= maxPlaces; p++ {
		s := x * pow10[p]
		if s >= 1<<53 {
			return 0, 0, false
		}
		if r := math.Round(s); r/pow10[p] == x {
			return uint64(r), p, true
		}
	}
	return 0, 0, false
}

// roundHundredths returns num/den rounded half up to a whole number of
// hundredths, for num ≥ 0 and den > 0: (200·num + den) / (2·den).
func roundHundredths(num, den uint64) (uint64, bool) {
	n, ok := mul(num, 200)
	if !ok {
		return 0, false
	}
	d, ok := mul(den, 2)
	if !ok || n+den < n {
		return 0, false
	}
	return (n + den) / d, true
}

// mul multiplies without overflow, keeping the result below 2^62 so that
// the sums above cannot overflow either.
func mul(a, b uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	return lo, hi == 0 && lo < 1<<62
}

// ejHundredths is round-half-up(100 · w / (h · e)) for w ≥ 0, h > 0,
// e > 0, computed on the decimals of w and e.
func ejHundredths(w float64, h int, e float64) (uint64, bool) {
	wm, wp, ok1 := decimalOf(w)
	em, ep, ok2 := decimalOf(e)
	if !ok1 || !ok2 || em == 0 {
		return 0, false
	}
	// w/(h·e) = wm·10^ep / (h·em·10^wp)
	num, ok := mul(wm, uint64(pow10[ep]))
	if !ok {
		return 0, false
	}
	den, ok := mul(uint64(h), em)
	if !ok {
		return 0, false
	}
	if den, ok = mul(den, uint64(pow10[wp])); !ok {
		return 0, false
	}
	return roundHundredths(num, den)
}

// exactHundredths is the slow path of the same rounding, for inputs with
// more places or larger than the integer path takes: the shortest decimals
// of w and e as exact fractions.
func exactHundredths(w float64, h int, e float64) float64 {
	wr, ok1 := new(big.Rat).SetString(strconv.FormatFloat(w, 'g', -1, 64))
	er, ok2 := new(big.Rat).SetString(strconv.FormatFloat(e, 'g', -1, 64))
	if !ok1 || !ok2 || er.Sign() <= 0 || wr.Sign() < 0 {
		return math.Round(w/(float64(h)*e)*100) / 100
	}
	q := new(big.Rat).Quo(wr, er.Mul(er, new(big.Rat).SetInt64(int64(h))))
	q.Mul(q, big.NewRat(100, 1))
	// half up: floor(q + 1/2)
	q.Add(q, big.NewRat(1, 2))
	r := new(big.Int).Quo(q.Num(), q.Denom())
	f, _ := new(big.Rat).SetFrac(r, big.NewInt(100)).Float64()
	return f
}

// gradeHundredths is a figure rounded half up to hundredths on its
// decimal value, for grading: EJGrade(0.495) grades 0.50.
func gradeHundredths(ej float64) float64 {
	if m, p, ok := decimalOf(ej); ok && p > 2 {
		scale := uint64(pow10[p-2])
		if n, ok := mul(m, 2); ok {
			return float64((n+scale)/(2*scale)) / 100
		}
	}
	if m, p, ok := decimalOf(ej); ok && p <= 2 {
		return float64(m*uint64(pow10[2-p])) / 100
	}
	return exactHundredths(ej, 1, 1)
}
