package mutasi

import (
	"math"
	"strconv"
	"strings"
)

// Numbers shown to people follow Indonesian usage: "." groups thousands and
// "," marks decimals (12.345,6). Every front (CLI, bot, reasons written by
// the placement service) formats through these two.

// FormatInt writes n with thousands grouped by dots.
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatDecimal writes f with the given decimal places, a decimal comma and
// grouped thousands; +Inf is "∞".
func FormatDecimal(f float64, places int) string {
	if math.IsInf(f, 1) {
		return "∞"
	}
	s := strconv.FormatFloat(f, 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	out := FormatInt(n)
	if whole == "-0" {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}
