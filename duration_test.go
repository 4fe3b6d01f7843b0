package mutasi

import (
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "kurang dari 1 milidetik"},
		{400 * time.Microsecond, "kurang dari 1 milidetik"},
		{7 * time.Millisecond, "7 milidetik"},
		{50 * time.Millisecond, "50 milidetik"},
		{340 * time.Millisecond, "0,3 detik"},
		{999 * time.Millisecond, "1 detik"},
		{time.Second, "1 detik"},
		{1260 * time.Millisecond, "1,3 detik"},
		{5 * time.Second, "5 detik"},
		{59940 * time.Millisecond, "59,9 detik"},
		{59960 * time.Millisecond, "1 menit"},
		{2*time.Minute + 5*time.Second, "2 menit 5 detik"},
		{90 * time.Minute, "1 jam 30 menit"},
		{26 * time.Hour, "26 jam"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.d); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
