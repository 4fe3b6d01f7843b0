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

// ImportError rejects a whole file: nothing of it was written.
type ImportError struct {
	File   string
	Errors []RowError // the first MaxReportedRowErrors problems
	Total  int        // all problems found, listed or not
}

// Add records a problem, keeping at most MaxReportedRowErrors of them.
func (e *ImportError) Add(re RowError) {
	e.Total++
	if len(e.Errors) < MaxReportedRowErrors {
		e.Errors = append(e.Errors, re)
	}
}

// Err returns e if it holds any problem, else nil.
func (e *ImportError) Err() error {
	if e == nil || e.Total == 0 {
		return nil
	}
	return e
}

func (e *ImportError) Error() string {
	var b strings.Builder
	for _, re := range e.Errors {
		b.WriteString(re.String())
		b.WriteByte('\n')
	}
	if rest := e.Total - len(e.Errors); rest > 0 {
		fmt.Fprintf(&b, "… dan %s kesalahan lain\n", FormatInt(rest))
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
