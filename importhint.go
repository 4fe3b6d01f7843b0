package mutasi

import (
	"fmt"
	"strings"
)

// ImportOrderHint says what to do when (nearly) every row of a file refers
// through column to rows of table ref that are not stored: the tables were
// most likely imported out of order. empty says whether ref holds no
// active row at all; first lists the tables to import before the file is
// tried again, in order: ref, preceded by any earlier table still empty.
func ImportOrderHint(column, ref string, empty bool, first []string) string {
	var b strings.Builder
	if empty {
		fmt.Fprintf(&b, "Tabel %s di basis data masih kosong, padahal kolom %s merujuk ke sana", ref, column)
	} else {
		fmt.Fprintf(&b, "Hampir semua nilai kolom %s tidak ada di tabel %s", column, ref)
	}
	fmt.Fprintf(&b, "; urutan impor: %s.\nImpor dulu tabel ", strings.Join(Tables(), ", "))
	for i, t := range first {
		if i > 0 {
			b.WriteString(", lalu ")
		}
		fmt.Fprintf(&b, "%s (mutasi import %s %s.csv)", t, t, t)
	}
	b.WriteString(", lalu ulangi.")
	return b.String()
}
