package mutasi

import (
	"fmt"
	"strings"
	"testing"
)

// Counts and limits above 999 are grouped with dots in messages, as
// everywhere else people read numbers (1.500 kesalahan, 4.096 huruf).
func TestMessagesGroupThousands(t *testing.T) {
	ie := &ImportError{File: "employees.csv"}
	for i := 0; i < 1500; i++ {
		ie.Add(RowError{File: "employees.csv", Row: i + 2, Column: "nip", Problem: "salah"})
	}
	// 1.200 problems of as many kinds: 97 listed, the rest counted.
	for i := 0; i < 1200; i++ {
		ie.Add(RowError{File: "employees.csv", Row: 1502 + i, Column: fmt.Sprintf("kolom%d", i), Problem: "salah"})
	}
	msg := ie.Error()
	for _, want := range []string{
		"… dan 1.497 baris lain dengan masalah yang sama di kolom nip",
		"… dan 1.103 kesalahan lain",
		"employees.csv ditolak: 2.700 kesalahan",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("import error lacks %q", want)
		}
	}
	// Row numbers are positions, not counts: they stay ungrouped.
	if !strings.Contains(msg, "employees.csv:1502: kolom0: salah") {
		t.Errorf("row numbers changed")
	}

	n := Notification{TelegramID: 1, Text: strings.Repeat("x", 5000)}
	if err := n.Validate(); err == nil || !strings.Contains(err.Error(), "5.000 dari paling banyak 4.096 huruf") {
		t.Errorf("notification: %v", err)
	}
	if _, err := ParseNIP(strings.Repeat("9", 1200)); err == nil || !strings.Contains(ErrorMessage(err), "berisi 1.200 karakter") {
		t.Errorf("NIP: %v", err)
	}
}
