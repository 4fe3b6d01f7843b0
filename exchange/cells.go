package exchange

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// cells is one data row, already arranged in the table's column order, with
// the parsers that turn a cell into a field. Each parser records what it
// cannot parse and returns the zero value.
type cells struct {
	vals     []string // trimmed, one per table column
	names    []string // column names, for problems
	problems []mutasi.FieldError
	numbers  numberStyle
	xlsx     bool // cells come from a workbook: date columns accept day numbers
	date1904 bool // the workbook counts days from 1904
}

// numberStyle is the decimal separator a file uses.
type numberStyle struct {
	decimal byte   // '.' or ','
	example string // shown in problems
}

var (
	pointDecimal = numberStyle{'.', "1250.5"}
	commaDecimal = numberStyle{',', "1250,5"}
)

func (c *cells) problem(i int, format string, args ...any) {
	c.problems = append(c.problems, mutasi.FieldError{Field: c.names[i], Problem: fmt.Sprintf(format, args...)})
}

func (c *cells) text(i int) string { return c.vals[i] }

// nip reads a NIP and catches the one damage the store cannot explain: a
// spreadsheet that turned the 18 digits into a rounded number (1.99E+17).
func (c *cells) nip(i int) string {
	s := c.vals[i]
	if strings.ContainsAny(s, "Ee") && strings.ContainsAny(s, "+.,") {
		if _, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
			c.problem(i, msgNIPAsNumber, s)
		}
	}
	return s
}

// requiredInt reads an integer that must be given.
func (c *cells) requiredInt(i int) int {
	if c.vals[i] == "" {
		c.problem(i, msgRequired)
		return 0
	}
	return c.optionalInt(i)
}

// optionalInt reads an integer; empty is 0.
func (c *cells) optionalInt(i int) int {
	s := c.vals[i]
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || strings.HasPrefix(s, "+") {
		c.problem(i, msgNotInteger, s)
		return 0
	}
	return n
}

// requiredFloat reads a decimal number in the file's number style.
func (c *cells) requiredFloat(i int) float64 {
	s := c.vals[i]
	if s == "" {
		c.problem(i, msgRequired)
		return 0
	}
	f, ok := parseDecimal(s, c.numbers.decimal)
	if !ok {
		c.problem(i, msgNotNumber, s, c.numbers.example)
		return 0
	}
	return f
}

// parseDecimal accepts an optional '-', digits, and at most one decimal
// separator (the given one), plus, for '.', the exponent form a workbook
// may store (1.5E-3). Everything else (thousands separators, the other
// decimal separator, NaN, Inf, hex) is refused.
func parseDecimal(s string, decimal byte) (float64, bool) {
	body := strings.TrimPrefix(s, "-")
	mantissa, exp := body, ""
	if decimal == '.' {
		if k := strings.IndexAny(body, "eE"); k >= 0 {
			mantissa, exp = body[:k], body[k+1:]
			exp = strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
			if exp == "" || !allDigits(exp) {
				return 0, false
			}
		}
	}
	whole, frac, hasSep := strings.Cut(mantissa, string(decimal))
	if whole == "" || !allDigits(whole) || (hasSep && (frac == "" || !allDigits(frac))) {
		return 0, false
	}
	if decimal == ',' {
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// date reads a YYYY-MM-DD date; empty is the zero time. From a workbook it
// also accepts what Excel stores for a date cell: a day number.
func (c *cells) date(i int) time.Time {
	s := c.vals[i]
	if s == "" {
		return time.Time{}
	}
	t, err := mutasi.ParseDate(s)
	if err == nil {
		return t
	}
	if c.xlsx {
		if t, ok := c.workbookDate(i, s); ok {
			return t
		}
	}
	// ParseDate says whether s is not a date at all or a date the calendar
	// does not have (2023-02-30).
	c.problem(i, "%s", err)
	return time.Time{}
}

// workbookDate converts a date as a workbook stores it: a serial day number
// (a date cell read without its display format) or an ISO date-time (a
// cell of type "d"). ok is false when s is neither; a problem is recorded
// when s is one of them but not a plain date.
func (c *cells) workbookDate(i int, s string) (time.Time, bool) {
	if len(s) > 10 && s[10] == 'T' {
		t, err := mutasi.ParseDate(s[:10])
		if err != nil {
			return time.Time{}, false
		}
		if rest := strings.TrimRight(s[11:], "0:.Z"); rest != "" {
			c.problem(i, msgDateWithTime, s)
		}
		return t, true
	}
	f, ok := parseDecimal(s, '.')
	if !ok {
		return time.Time{}, false
	}
	if f != math.Trunc(f) {
		c.problem(i, msgDateWithTime, s)
		return time.Time{}, true
	}
	if f < 1 || f > 2958465 { // 9999-12-31
		c.problem(i, msgBadSerialDate, s)
		return time.Time{}, true
	}
	t, err := excelize.ExcelDateToTime(f, c.date1904)
	if err != nil {
		c.problem(i, msgBadSerialDate, s)
		return time.Time{}, true
	}
	return mutasi.Day(t), true
}

// list splits a ';'-separated cell; empty is nil. Empty items are kept so
// that validation can point at a stray ';'.
func (c *cells) list(i int) []string {
	s := c.vals[i]
	if s == "" {
		return nil
	}
	items := strings.Split(s, ";")
	for k := range items {
		items[k] = strings.TrimSpace(items[k])
	}
	return items
}

// yaTidak reads ya/tidak in any case; empty is tidak.
func (c *cells) yaTidak(i int) bool {
	switch strings.ToLower(c.vals[i]) {
	case "ya":
		return true
	case "", "tidak":
		return false
	}
	c.problem(i, msgNotYaTidak, c.vals[i])
	return false
}
