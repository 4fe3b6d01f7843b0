package exchange

import "strings"

// A spreadsheet runs a cell that starts with '=', '+', '-' or '@' as a
// formula, and a leading tab or carriage return lets such a cell slip past
// a naive check (OWASP, "CSV Injection"). Names and reasons come from
// people and may start with any of them ("-Bagian Umum", "=1+1"), so export
// writes such a text cell with a single quote in front, as OWASP
// recommends, in CSV and XLSX alike; import drops that quote again, so that
// export → import → export is byte for byte the same.
//
// A cell that already starts with quotes before one of these characters
// gets one more quote, so that its own quotes survive the round trip:
// "'=x" is written "”=x" and read back "'=x". Numbers of numeric columns
// (-1, -12.5) are numbers, never neutralised. JSON is for programs and
// carries the values as they are.
const formulaStarts = "=+-@\t\r"

// formulaLike reports whether v, after any leading quotes, starts like a
// formula.
func formulaLike(v string) bool {
	rest := strings.TrimLeft(v, "'")
	return rest != "" && strings.IndexByte(formulaStarts, rest[0]) >= 0
}

// neutralise is the cell export writes for the text v.
func neutralise(v string) string {
	if formulaLike(v) {
		return "'" + v
	}
	return v
}

// unneutralise is the text import reads from the cell v.
func unneutralise(v string) string {
	if strings.HasPrefix(v, "'") && formulaLike(v) {
		return v[1:]
	}
	return v
}

// isText reports whether a column holds text that a spreadsheet could take
// for a formula. Dates and ya/tidak are written by export in a fixed form.
func isText(k kind) bool {
	return k == kindText || k == kindList || k == kindNIP
}

// neutraliseRow neutralises the text cells of one row in place.
func neutraliseRow(cells []string, kinds []kind) {
	for i, v := range cells {
		if isText(kinds[i]) {
			cells[i] = neutralise(v)
		}
	}
}
