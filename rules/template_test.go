package rules

import (
	"math"
	"testing"
)

func TestAppendFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {1, "1"}, {0.9, "0,9"}, {0.96, "0,96"}, {0.955, "0,96"}, {1.2, "1,2"}, {12.345, "12,35"},
		{-0.5, "-0,5"}, {-3, "-3"}, {0.004, "0"}, {1250, "1250"}, {math.Inf(1), "tak hingga"},
		{math.NaN(), "tidak terdefinisi"}, {2e20, "2e+20"},
	}
	for _, tt := range tests {
		if got := string(appendFloat(nil, tt.in)); got != tt.want {
			t.Errorf("appendFloat(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYearsMonths(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{{0, "0 bulan"}, {11, "11 bulan"}, {12, "1 tahun"}, {58, "4 tahun 10 bulan"}, {-13, "-1 tahun 1 bulan"}}
	for _, tt := range tests {
		if got := yearsMonths(tt.in); got != tt.want {
			t.Errorf("yearsMonths(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
