package rules

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/mutasi/mutasi"
)

// helper is a function policies may call. vm is the implementation the
// expr VM calls (with its declared types, so calls are type-checked);
// fast builds the closure-compiler version from compiled arguments.
type helper struct {
	name  string
	types []any
	vm    func(args ...any) (any, error)
	fast  func(c *fastCompiler, args []cexpr) (cexpr, error)
}

var errIntegerDivide = errors.New("pembagian dengan nol")

// errIntegerDivideRun is how a closure reports it, worded as the VM path's
// run-time errors are (runtimeError).
var errIntegerDivideRun error = runErr{errIntegerDivide}

// helperSet builds the helpers of one policy: some read its params
// (bup) or its reference data (rumpun).
func helperSet(ref *Reference, fp *factParams) map[string]*helper {
	hs := []*helper{
		{
			name:  "tahun_antara",
			types: []any{new(func(time.Time, time.Time) int)},
			vm: func(a ...any) (any, error) {
				return mutasi.YearsBetween(a[0].(time.Time), a[1].(time.Time)), nil
			},
			fast: fastDates(func(a, b time.Time) int { return mutasi.YearsBetween(a, b) }),
		},
		{
			name:  "bulan_antara",
			types: []any{new(func(time.Time, time.Time) int)},
			vm: func(a ...any) (any, error) {
				return mutasi.MonthsBetween(a[0].(time.Time), a[1].(time.Time)), nil
			},
			fast: fastDates(mutasi.MonthsBetween),
		},
		{
			name:  "tanggal",
			types: []any{new(func(string) time.Time)},
			vm: func(a ...any) (any, error) {
				return mutasi.ParseDate(a[0].(string))
			},
		},
		{
			name:  "rumpun",
			types: []any{new(func(string) string)},
			fast: fast1(kStr, kStr, func(f *frame, a cexpr) func(*frame) string {
				get := a.s
				return func(f *frame) string {
					fam, _ := ref.Family(get(f))
					return fam
				}
			}),
			vm: func(a ...any) (any, error) {
				if ref == nil {
					return "", nil
				}
				f, _ := ref.Family(a[0].(string))
				return f, nil
			},
		},
		{
			name:  "pendidikan_sesuai",
			types: []any{new(func(EmployeeFacts, *PositionFacts) bool), new(func(EmployeeFacts, PositionFacts) bool)},
			vm: func(a ...any) (any, error) {
				e := a[0].(EmployeeFacts)
				var p *PositionFacts
				switch x := a[1].(type) {
				case *PositionFacts:
					p = x
				case PositionFacts:
					p = &x
				}
				if p == nil {
					return nil, errNoTarget
				}
				return matchEducation(normalizeList(p.RumpunPendidikan), normalize(e.PendidikanJurusan), normalize(e.Rumpun)), nil
			},
			fast: fastEducation,
		},
		{
			name:  "golongan_rank",
			types: []any{new(func(string) int)},
			fast:  fastStrInt(func(s string) int { return mutasi.GolonganRank(mutasi.StatusPNS, s) }),
			vm: func(a ...any) (any, error) {
				return mutasi.GolonganRank(mutasi.StatusPNS, a[0].(string)), nil
			},
		},
		{
			name:  "pendidikan_rank",
			types: []any{new(func(string) int)},
			fast:  fastStrInt(mutasi.EducationRank),
			vm: func(a ...any) (any, error) {
				return mutasi.EducationRank(a[0].(string)), nil
			},
		},
		{
			name:  "ej",
			types: []any{new(func(float64, int, float64) float64)},
			vm: func(a ...any) (any, error) {
				return mutasi.EJ(toFloat(a[0]), toInt(a[1]), toFloat(a[2])), nil
			},
			fast: fastEJ,
		},
		{
			name:  "bup",
			types: []any{new(func(string, string) int)},
			vm: func(a ...any) (any, error) {
				if !fp.bupOK {
					return nil, errNoBUPParams
				}
				return fp.bupFor(a[0].(string), a[1].(string)), nil
			},
		},
		{
			name:  "pilihan_ke",
			types: []any{new(func([]string, string, string) int)},
			vm: func(a ...any) (any, error) {
				return choiceRank(a[0].([]string), a[1].(string), a[2].(string)), nil
			},
			fast: fastChoice,
		},
		{
			name:  "tahun_bulan",
			types: []any{new(func(int) string)},
			fast: func(_ *fastCompiler, args []cexpr) (cexpr, error) {
				if len(args) != 1 || args[0].k != kInt {
					return cexpr{}, unsupported{"tahun_bulan arguments"}
				}
				get := args[0].i
				return cexpr{k: kStr, s: func(f *frame) string { return yearsMonths(get(f)) },
					app: func(f *frame, b []byte) []byte { return appendYearsMonths(b, get(f)) }}, nil
			},
			vm: func(a ...any) (any, error) {
				return yearsMonths(a[0].(int)), nil
			},
		},
		{
			name:  "format_tanggal",
			types: []any{new(func(time.Time) string)},
			fast: func(_ *fastCompiler, args []cexpr) (cexpr, error) {
				if len(args) != 1 || args[0].k != kTime {
					return cexpr{}, unsupported{"format_tanggal arguments"}
				}
				get := args[0].t
				return cexpr{k: kStr, s: func(f *frame) string { return longDate(time.Unix(get(f), 0).UTC()) },
					app: func(f *frame, b []byte) []byte { return appendLongDate(b, time.Unix(get(f), 0).UTC()) }}, nil
			},
			vm: func(a ...any) (any, error) {
				return longDate(a[0].(time.Time)), nil
			},
		},
	}
	m := make(map[string]*helper, len(hs))
	for _, h := range hs {
		m[h.name] = h
	}
	return m
}

var (
	errNoTarget    = errors.New("tidak ada jabatan tujuan")
	errNoBUPParams = fmt.Errorf("kebijakan tidak menetapkan param %s, %s, %s dan %s", paramBUPUmum, paramBUPJPT, paramBUPAhliMadya, paramBUPAhliUtama)
)

// toFloat and toInt accept either numeric type: expr lets an int stand
// where a helper declares float64 (and passes it through as an int).
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

func toInt(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case float64:
		return int(x)
	}
	return 0
}

func normalizeList(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = normalize(s)
	}
	return out
}

// choiceRank returns 1–3 when the position or its unit is the employee's
// first, second or third choice, else 0.
func choiceRank(choices []string, jabatanID, unitID string) int {
	for i, c := range choices {
		if c != "" && (c == jabatanID || c == unitID) {
			return i + 1
		}
	}
	return 0
}

func yearsMonths(months int) string {
	var b [32]byte
	return string(appendYearsMonths(b[:0], months))
}

func appendYearsMonths(b []byte, months int) []byte {
	if months < 0 {
		b = append(b, '-')
		months = -months
	}
	y, m := months/12, months%12
	if y > 0 {
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, " tahun"...)
	}
	if m > 0 || y == 0 {
		if y > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, " bulan"...)
	}
	return b
}

var bulanNama = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

func longDate(t time.Time) string {
	var b [32]byte
	return string(appendLongDate(b[:0], t))
}

// appendLongDate writes a date in words: 7 Maret 2026.
func appendLongDate(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, "(kosong)"...)
	}
	y, m, d := t.Date()
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, ' ')
	b = append(b, bulanNama[m-1]...)
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(y), 10)
}

func fastDates(fn func(a, b time.Time) int) func(*fastCompiler, []cexpr) (cexpr, error) {
	return func(_ *fastCompiler, args []cexpr) (cexpr, error) {
		if len(args) != 2 || args[0].k != kTime || args[1].k != kTime {
			return cexpr{}, unsupported{"date helper arguments"}
		}
		a, b := args[0].t, args[1].t
		return cexpr{k: kInt, i: func(f *frame) int {
			return fn(time.Unix(a(f), 0).UTC(), time.Unix(b(f), 0).UTC())
		}}, nil
	}
}

// fastEducation uses the normalised major, family and position lists that
// the evaluator computes once with the facts, so a match allocates nothing.
func fastEducation(c *fastCompiler, args []cexpr) (cexpr, error) {
	if len(args) != 2 || args[0].k != kRoot || args[0].root != idxEmployee || args[1].k != kRoot {
		return cexpr{}, unsupported{"pendidikan_sesuai arguments"}
	}
	switch args[1].root {
	case idxTarget:
		return cexpr{k: kBool, b: func(f *frame) bool { return matchEducation(f.tgtRumpun, f.majorNorm, f.familyNorm) }}, nil
	case idxCurrent:
		c.curRumpun = true
		return cexpr{k: kBool, b: func(f *frame) bool { return matchEducation(f.curRumpun, f.majorNorm, f.familyNorm) }}, nil
	}
	return cexpr{}, unsupported{"pendidikan_sesuai position"}
}

func fastEJ(_ *fastCompiler, args []cexpr) (cexpr, error) {
	if len(args) != 3 || !numeric(args[0].k) || args[1].k != kInt || !numeric(args[2].k) {
		return cexpr{}, unsupported{"ej arguments"}
	}
	w, h, e := asFloat(args[0]), args[1].i, asFloat(args[2])
	return cexpr{k: kFloat, f: func(f *frame) float64 { return mutasi.EJ(w(f), h(f), e(f)) }}, nil
}

func fastChoice(_ *fastCompiler, args []cexpr) (cexpr, error) {
	if len(args) != 3 || args[0].k != kList || args[1].k != kStr || args[2].k != kStr {
		return cexpr{}, unsupported{"pilihan_ke arguments"}
	}
	l, a, b := args[0].l, args[1].s, args[2].s
	return cexpr{k: kInt, i: func(f *frame) int { return choiceRank(l(f), a(f), b(f)) }}, nil
}

func fast1(in, out kind, build func(*frame, cexpr) func(*frame) string) func(*fastCompiler, []cexpr) (cexpr, error) {
	return func(_ *fastCompiler, args []cexpr) (cexpr, error) {
		if len(args) != 1 || args[0].k != in {
			return cexpr{}, unsupported{"helper arguments"}
		}
		return cexpr{k: out, s: build(nil, args[0])}, nil
	}
}

func fastStrInt(fn func(string) int) func(*fastCompiler, []cexpr) (cexpr, error) {
	return func(_ *fastCompiler, args []cexpr) (cexpr, error) {
		if len(args) != 1 || args[0].k != kStr {
			return cexpr{}, unsupported{"helper arguments"}
		}
		get := args[0].s
		return cexpr{k: kInt, i: func(f *frame) int { return fn(get(f)) }}, nil
	}
}

func helperNames(hs map[string]*helper) []string {
	out := make([]string, 0, len(hs))
	for n := range hs {
		out = append(out, n)
	}
	return out
}
