package mutasi

import (
	"strings"
	"testing"
)

// A date written right but absent from the calendar is said to be absent,
// not to be in the wrong format.
func TestParseDateSaysWhenADateDoesNotExist(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-02-30", "tanggal 2023-02-30 tidak ada di kalender (Februari 2023 hanya 28 hari)"},
		{"2023-02-29", "tanggal 2023-02-29 tidak ada di kalender (Februari 2023 hanya 28 hari)"},
		{"2024-02-30", "tanggal 2024-02-30 tidak ada di kalender (Februari 2024 hanya 29 hari)"},
		{"2023-04-31", "tanggal 2023-04-31 tidak ada di kalender (April 2023 hanya 30 hari)"},
		{"2023-01-00", "tanggal 2023-01-00 tidak ada di kalender (hari dimulai dari 01)"},
		{"2023-13-01", "tanggal 2023-13-01 tidak ada di kalender (bulan 13 tidak ada; bulan 01 sampai 12)"},
		{"2023-00-10", "tanggal 2023-00-10 tidak ada di kalender (bulan 00 tidak ada; bulan 01 sampai 12)"},
		{"12/04/1990", `"12/04/1990" bukan tanggal berformat YYYY-MM-DD`},
		{"1990-4-12", `"1990-4-12" bukan tanggal berformat YYYY-MM-DD`},
		{"2023-0a-10", `"2023-0a-10" bukan tanggal berformat YYYY-MM-DD`},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseDate(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
	if _, err := ParseDate("2024-02-29"); err != nil {
		t.Errorf("2024-02-29: %v", err)
	}
	if _, err := ParseDate("2023-02-30"); strings.Contains(err.Error(), "format") {
		t.Errorf("an absent date is called a format problem: %v", err)
	}
}
