package mutasi

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"tangal_lahir", "tanggal_lahir", 1},
		{"masa_jabatn_bulan", "masa_jabatan_bulan", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"jenjäng", "jenjang", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := EditDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
