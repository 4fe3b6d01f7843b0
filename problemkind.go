package mutasi

import (
	"strings"
	"unicode"
)

// kindKey is what problems must share to be reported as one group: the
// column and the kind of problem.
func kindKey(column, kind string) string {
	return column + "\x00" + kind
}

// problemKind is the text of a problem with its varying values taken out,
// for problems whose maker did not say their kind: quoted text (a cell
// value, written with %q) and every word holding a digit (an id such as
// DINKES-FUN-001, a date, a NIP, a row number) become "…". So
// `"12/04/2020" bukan tanggal berformat YYYY-MM-DD` and
// `"kemarin" bukan tanggal berformat YYYY-MM-DD` are one kind, and
// "wajib diisi" and "bukan angka" are two.
func problemKind(problem string) string {
	var b strings.Builder
	word := func(w string) {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			w = "…"
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	for rest := problem; rest != ""; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			for _, w := range strings.Fields(rest) {
				word(w)
			}
			break
		}
		for _, w := range strings.Fields(rest[:i]) {
			word(w)
		}
		end := closingQuote(rest, i)
		word("0") // a quoted value masks like a word with a digit
		rest = rest[end:]
	}
	return b.String()
}

// closingQuote returns the index just past the Go-quoted string that starts
// at s[open], or len(s) when it is not closed.
func closingQuote(s string, open int) int {
	for i := open + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}
