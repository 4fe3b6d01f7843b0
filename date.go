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
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q bukan tanggal berformat YYYY-MM-DD", s)
	}
	return t, nil
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
