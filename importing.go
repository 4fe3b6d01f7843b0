package mutasi

import (
	"fmt"
	"strings"
)

// Tables of the data exchange format, in the order they must be imported
// (each refers only to those before it).
const (
	TableUnits       = "units"
	TablePositions   = "positions"
	TableEmployees   = "employees"
	TableAspirations = "aspirations"
)

// Tables lists the exchange tables in import order.
func Tables() []string {
	return []string{TableUnits, TablePositions, TableEmployees, TableAspirations}
}

// Row is one data row read from an import file. Num is the row as a person
// sees it in a spreadsheet: the header is row 1, the first data row is 2.
// Problems holds what could not be parsed (a bad date, a non-number); when
// it is non-empty Value is incomplete and must not be stored.
type Row[T any] struct {
	Num      int
	Value    T
	Problems []FieldError
}

// RowReader streams the rows of one import file: it calls yield once per
// data row, in file order, and stops at the first error yield returns. It
// returns an error when the file itself is unreadable (not CSV/XLSX, no
// header, wrong sheet, bad encoding), wrapped as *ImportError where it can
// name a row.
type RowReader[T any] func(yield func(Row[T]) error) error

// RowError is one problem of one row: file:row: column: problem.
type RowError struct {
	File    string
	Row     int // 0 when the problem is with the file as a whole
	Column  string
	Problem string
	// More counts the later problems of the same kind (same column, same
	// problem once the varying value is taken out) that are not listed;
	// it is set on the last listed problem of that kind.
	More int
}

func (e RowError) String() string {
	switch {
	case e.Row == 0 && e.Column == "":
		return fmt.Sprintf("%s: %s", e.File, e.Problem)
	case e.Row == 0:
		return fmt.Sprintf("%s: %s: %s", e.File, e.Column, e.Problem)
	case e.Column == "":
		return fmt.Sprintf("%s:%d: %s", e.File, e.Row, e.Problem)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Row, e.Column, e.Problem)
}

// MaxReportedRowErrors caps the problems listed for one rejected file; the
// rest are counted. A file with ten thousand bad rows is usually one bad
// column, and the first hundred show it.
const MaxReportedRowErrors = 100

// MaxListedPerKind caps the problems listed of one kind: a column that
// fails the same way in every row (every jabatan_id missing, every date in
// the wrong format) shows its first rows with their values and a count of
// the others, leaving the list to the problems that differ.
const MaxListedPerKind = 3

// ImportError rejects a whole file: nothing of it was written.
type ImportError struct {
	File string
	// Errors lists the first MaxReportedRowErrors problems in the order
	// found, at most MaxListedPerKind of each kind; the More of the last
	// one of a kind counts the rest of that kind.
	Errors []RowError
	Total  int // all problems found, listed or not
	// Hint says what to do first when one cause explains the problems
	// (a table imported before the one it refers to); empty otherwise.
	Hint string

	kinds   map[string]*listedKind // by kindKey, the kinds of Errors[:indexed]
	indexed int
}

// listedKind is where the listed problems of one kind are.
type listedKind struct {
	last, n int // index in Errors of the last one, and how many are listed
}

// Add records a problem, its kind derived from its text (see problemKind).
func (e *ImportError) Add(re RowError) {
	e.AddKind(re, problemKind(re.Problem))
}

// AddKind records a problem of the given kind: its text with the varying
// values taken out, such as the format it was made from. Problems of one
// column and kind are listed up to MaxListedPerKind, and counted beyond.
func (e *ImportError) AddKind(re RowError, kind string) {
	re.More = 0
	e.add(re, kind, 1)
}

// add records n problems of one kind, listing re if there is room.
func (e *ImportError) add(re RowError, kind string, n int) {
	e.Total += n
	e.index()
	key := kindKey(re.Column, kind)
	k := e.kinds[key]
	if len(e.Errors) < MaxReportedRowErrors && (k == nil || k.n < MaxListedPerKind && e.Errors[k.last].More == 0) {
		e.Errors = append(e.Errors, re)
		e.indexed++
		if k == nil {
			k = &listedKind{}
			e.kinds[key] = k
		}
		k.last = len(e.Errors) - 1
		k.n++
		n--
	}
	if k != nil {
		e.Errors[k.last].More += n
	}
	// A kind with nothing listed is only counted, in Total.
}

// index brings kinds up to date with Errors, which may have been filled
// without Add.
func (e *ImportError) index() {
	if e.kinds == nil || e.indexed > len(e.Errors) {
		e.kinds = make(map[string]*listedKind)
		e.indexed = 0
	}
	for ; e.indexed < len(e.Errors); e.indexed++ {
		re := e.Errors[e.indexed]
		key := kindKey(re.Column, problemKind(re.Problem))
		k := e.kinds[key]
		if k == nil {
			k = &listedKind{}
			e.kinds[key] = k
		}
		k.last = e.indexed
		k.n++
	}
}

// Merge adds the problems of other, found later in the same file (a
// RowReader's own error after the rows read before it), to e.
func (e *ImportError) Merge(other *ImportError) {
	unlisted := other.Total - len(other.Errors)
	for _, re := range other.Errors {
		more := re.More
		unlisted -= more
		re.More = 0
		e.add(re, problemKind(re.Problem), 1+more)
	}
	e.Total += unlisted
	if e.Hint == "" {
		e.Hint = other.Hint
	}
}

// Err returns e if it holds any problem, else nil.
func (e *ImportError) Err() error {
	if e == nil || e.Total == 0 {
		return nil
	}
	return e
}

// Error lists the problems, one a line, each kind cut short by a line
// counting the rest of it, then the hint and, last, the verdict.
func (e *ImportError) Error() string {
	var b strings.Builder
	rest := e.Total - len(e.Errors)
	for _, re := range e.Errors {
		b.WriteString(re.String())
		b.WriteByte('\n')
		if re.More > 0 {
			rest -= re.More
			fmt.Fprintf(&b, "… dan %s baris lain dengan masalah yang sama", FormatInt(re.More))
			if re.Column != "" {
				fmt.Fprintf(&b, " di kolom %s", re.Column)
			}
			b.WriteByte('\n')
		}
	}
	if rest > 0 {
		fmt.Fprintf(&b, "… dan %s kesalahan lain\n", FormatInt(rest))
	}
	if e.Hint != "" {
		b.WriteString(e.Hint)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%s ditolak: %s kesalahan, tidak ada data yang diubah", e.File, FormatInt(e.Total))
	return b.String()
}

// ImportOptions says how to import one file.
type ImportOptions struct {
	File    string // the name used in messages
	DryRun  bool   // validate everything, write nothing
	Replace bool   // make the table mirror the file: rows absent from it become inactive
	// Actor is who imports, for the audit log ("cli" when empty).
	Actor string
	// Progress, if set, is called now and then with the number of rows read.
	Progress func(rows int)
}

// ImportResult counts what an import did (or, for a dry run, would do).
type ImportResult struct {
	Table       string
	Rows        int
	Added       int
	Changed     int
	Unchanged   int
	Deactivated int
	DryRun      bool
}
