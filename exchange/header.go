package exchange

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
)

// header maps the columns of a file onto the columns of a table.
type header struct {
	// pos[i] is the file column of table column i.
	pos []int
	// used[fi] is true when file column fi is a table column.
	used []bool
}

// parseHeader reads the header row: names are trimmed and compared without
// case; a BOM before the first name is dropped. It reports every problem of
// the header at once, each as a RowError on the header's row.
func parseHeader(tableName string, names []string, raw []string, file string, row int) (header, []mutasi.RowError) {
	var errs []mutasi.RowError
	add := func(col, format string, args ...any) {
		errs = append(errs, mutasi.RowError{File: file, Row: row, Column: col, Problem: fmt.Sprintf(format, args...)})
	}
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	h := header{pos: make([]int, len(names)), used: make([]bool, len(raw))}
	for i := range h.pos {
		h.pos[i] = -1
	}
	for fi, cell := range raw {
		if fi == 0 {
			cell = strings.TrimPrefix(cell, "\uFEFF")
		}
		if !utf8.ValidString(cell) {
			add("", msgHeaderNotUTF8, fi+1)
			continue
		}
		name := strings.ToLower(strings.TrimSpace(cell))
		if name == "" {
			continue // an unnamed column must stay empty; see record
		}
		ti, ok := index[name]
		switch {
		case !ok:
			if s := nearest(name, names); s != "" {
				add(name, msgUnknownColumn, s)
			} else {
				add(name, msgUnknownColumnNS, tableName, strings.Join(names, ", "))
			}
		case h.pos[ti] >= 0:
			add(name, msgDuplicateColumn, h.pos[ti]+1, fi+1)
		default:
			h.pos[ti] = fi
			h.used[fi] = true
		}
	}
	for ti, fi := range h.pos {
		if fi < 0 {
			add(names[ti], msgMissingColumn)
		}
	}
	return h, errs
}

// nearest returns the known name closest to name, if it is close enough to
// be a typo (or a space for an underscore) or a shortening of it, else "".
func nearest(name string, known []string) string {
	if len(name) >= 3 {
		for _, k := range known {
			if strings.HasPrefix(k, name) {
				return k
			}
		}
	}
	best, bestDist := "", -1
	for _, k := range known {
		d := mutasi.EditDistance(name, k)
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 2
	if n := utf8.RuneCountInString(best) / 4; n > limit {
		limit = n
	}
	if bestDist > limit {
		return ""
	}
	return best
}
