package mutasi

import (
	"math"
	"testing"
)

func TestFormatNumbers(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{FormatInt(0), "0"},
		{FormatInt(999), "999"},
		{FormatInt(1000), "1.000"},
		{FormatInt(-1234567), "-1.234.567"},
		{FormatDecimal(1.005, 2), "1,00"}, // FormatFloat's own rounding of the binary value
		{FormatDecimal(12345.678, 1), "12.345,7"},
		{FormatDecimal(-0.04, 1), "-0,0"},
		{FormatDecimal(math.Inf(1), 2), "∞"},
		{FormatDecimal(72.5, 0), "72"}, // half to even, as strconv does
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
