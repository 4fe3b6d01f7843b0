package main

import (
	"math"
	"testing"
)

func TestIndonesianNumbers(t *testing.T) {
	ints := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1.000"}, {100000, "100.000"}, {-1234567, "-1.234.567"}}
	for _, tt := range ints {
		if got := formatInt(tt.n); got != tt.want {
			t.Errorf("formatInt(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	decs := []struct {
		f      float64
		places int
		want   string
	}{{1.2749, 2, "1,27"}, {12345.6, 1, "12.345,6"}, {0.5, 2, "0,50"}, {math.Inf(1), 2, "∞"}, {2500, 0, "2.500"}}
	for _, tt := range decs {
		if got := formatDecimal(tt.f, tt.places); got != tt.want {
			t.Errorf("formatDecimal(%v, %d) = %q, want %q", tt.f, tt.places, got, tt.want)
		}
	}
}
