package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/mutasi/mutasi"
)

// tsLayout stores instants in UTC with fixed-width nanoseconds, so that
// text order is time order (RFC 3339 with trimmed fractions is not).
const tsLayout = "2006-01-02T15:04:05.000000000Z"

// formatTS formats an instant for storage; the zero time is "".
func formatTS(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(tsLayout)
}

// parseTS reads an instant written by formatTS.
func parseTS(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(tsLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored timestamp %q: %w", s, err)
	}
	return t, nil
}

// parseDate reads a civil date written by mutasi.FormatDate ("" is zero).
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := mutasi.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", s, err)
	}
	return t, nil
}

// encodeList stores a list as a JSON array ("[]" for none), which keeps
// every element exactly, separators included.
func encodeList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	b, err := json.Marshal(list)
	if err != nil {
		// Marshalling a []string cannot fail.
		panic(err)
	}
	return string(b)
}

// decodeList reads a list written by encodeList; an empty list is nil.
func decodeList(s string) ([]string, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		return nil, fmt.Errorf("stored list %q: %w", s, err)
	}
	return list, nil
}

// nullString maps "" to SQL NULL, for optional foreign keys.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// boolInt stores a bool as 0 or 1.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
