package mutasi

import (
	"fmt"
	"time"
)

// DateLayout is the one date format of the data exchange format and the CLI.
const DateLayout = "2006-01-02"

var sprintf = fmt.Sprintf

// ParseDate parses a YYYY-MM-DD date into midnight UTC. Dates are civil
// dates: keeping them in UTC means no time zone can shift a day.
//
// A date in the right form that the calendar does not have (2023-02-30) is
// said to be absent, with the month's length, not called a format problem.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err == nil {
		return t, nil
	}
	if y, m, d, ok := dateDigits(s); ok {
		switch {
		case m < 1 || m > 12:
			return time.Time{}, fmt.Errorf("tanggal %s tidak ada di kalender (bulan %02d tidak ada; bulan 01 sampai 12)", s, m)
		case d < 1:
			return time.Time{}, fmt.Errorf("tanggal %s tidak ada di kalender (hari dimulai dari 01)", s)
		default:
			days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if d > days {
				return time.Time{}, fmt.Errorf("tanggal %s tidak ada di kalender (%s %d hanya %d hari)", s, monthNames[m-1], y, days)
			}
		}
	}
	return time.Time{}, fmt.Errorf("%q bukan tanggal berformat YYYY-MM-DD", s)
}

// monthNames are the months in Indonesian.
var monthNames = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// dateDigits splits a string of the form DDDD-DD-DD into its numbers.
func dateDigits(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	num := func(part string) (int, bool) {
		n := 0
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
			n = n*10 + int(part[i]-'0')
		}
		return n, true
	}
	y, okY := num(s[:4])
	m, okM := num(s[5:7])
	d, okD := num(s[8:])
	return y, m, d, okY && okM && okD
}

// FormatDate formats a date as YYYY-MM-DD, and the zero time as "".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// Day truncates t to its civil date in UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// YearsBetween returns the whole years from a to b (negative if b is
// before a), counting a year only once its anniversary has been reached.
func YearsBetween(a, b time.Time) int {
	months := MonthsBetween(a, b)
	return months / 12
}

// MonthsBetween returns the whole months from a to b, counting a month only
// once its day of month has been reached (29 Jan to 28 Feb is 0 months).
func MonthsBetween(a, b time.Time) int {
	if b.Before(a) {
		return -MonthsBetween(b, a)
	}
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	m := (by-ay)*12 + int(bm-am)
	if bd < ad {
		m--
	}
	return m
}
