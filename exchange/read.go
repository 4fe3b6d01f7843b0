package exchange

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
)

// Units reads units from a CSV file or from the "units" sheet of a workbook.
func Units(path string) mutasi.RowReader[mutasi.Unit] { return reader(path, unitTable) }

// Positions reads positions from a CSV file or from the "positions" sheet.
func Positions(path string) mutasi.RowReader[mutasi.Position] {
	return reader(path, positionTable)
}

// Employees reads employees from a CSV file or from the "employees" sheet.
func Employees(path string) mutasi.RowReader[mutasi.Employee] {
	return reader(path, employeeTable)
}

// Aspirations reads aspirations from a CSV file or from the "aspirations"
// sheet.
func Aspirations(path string) mutasi.RowReader[mutasi.Aspiration] {
	return reader(path, aspirationTable)
}

// SourceName is how messages name the table read from path: the path of a
// CSV file, and path[sheet] for a workbook, since a workbook holds several
// tables. Pass it as mutasi.ImportOptions.File so that the store's row
// problems and the reader's file problems name the file alike.
func SourceName(path, table string) string {
	if FormatOf(path) == XLSX {
		return path + "[" + table + "]"
	}
	return path
}

// WorkbookTables returns the exchange tables that the workbook at path has
// a sheet for, in import order.
func WorkbookTables(path string) ([]string, error) {
	tables, _, err := WorkbookSheets(path)
	return tables, err
}

// WorkbookSheets returns the exchange tables that the workbook at path has
// a sheet for, in import order, and the other sheets that hold anything,
// in workbook order: a misnamed sheet ("pegawai") that an import of the
// whole workbook must not skip without a word. An empty sheet (Excel's
// "Sheet1" of a new workbook) is neither.
func WorkbookSheets(path string) (tables, others []string, err error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, nil, fileImportError(path, err)
	}
	defer f.Close()
	for _, t := range mutasi.Tables() {
		if sheetFor(f, t) != "" {
			tables = append(tables, t)
		}
	}
	for _, s := range f.GetSheetList() {
		if IsTableName(s) {
			continue
		}
		has, err := sheetHasCells(f, s)
		if err != nil {
			return nil, nil, fileImportError(path, &fileError{problem: fmt.Sprintf(msgBrokenWorkbook, err)})
		}
		if has {
			others = append(others, s)
		}
	}
	return tables, others, nil
}

// IsTableName reports whether name (a sheet, or a file name without its
// extension) names an exchange table, as the readers match it: case and
// surrounding spaces do not matter.
func IsTableName(name string) bool {
	for _, t := range mutasi.Tables() {
		if strings.EqualFold(strings.TrimSpace(name), t) {
			return true
		}
	}
	return false
}

// reader returns the RowReader of one table of the file at path. The file
// is opened anew on each call of the RowReader.
func reader[T any](path string, t *table[T]) mutasi.RowReader[T] {
	return func(yield func(mutasi.Row[T]) error) error {
		name := SourceName(path, t.name)
		src, err := open(path, t.name)
		if err != nil {
			return fileImportError(name, err)
		}
		defer src.close()
		return readRows(src, name, t, yield)
	}
}

func open(path, table string) (source, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, &fileError{problem: msgIsDirectory}
	}
	switch FormatOf(path) {
	case CSV:
		return openCSV(path)
	case XLSX:
		return openXLSX(path, table)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return nil, &fileError{problem: msgNoExtension}
	}
	return nil, &fileError{problem: fmt.Sprintf(msgExtension, ext)}
}

func readRows[T any](src source, name string, t *table[T], yield func(mutasi.Row[T]) error) error {
	names := t.names()
	var (
		h       header
		headRow int
		sawData bool
	)
	xlsx, date1904 := src.workbook()
	c := &cells{vals: make([]string, len(names)), names: names, numbers: src.numbers(), xlsx: xlsx, date1904: date1904}
	for {
		raw, row, err := src.next()
		if isEOF(err) {
			break
		}
		if err != nil {
			return fileImportError(name, err)
		}
		if blank(raw) {
			continue
		}
		if headRow == 0 {
			headRow = row
			var errs []mutasi.RowError
			if h, errs = parseHeader(t.name, names, raw, name, row); len(errs) > 0 {
				ie := &mutasi.ImportError{File: name}
				for _, e := range errs {
					ie.Add(e)
				}
				return ie
			}
			continue
		}
		sawData = true
		r := mutasi.Row[T]{Num: row}
		c.problems = nil
		h.arrange(raw, c)
		for i, col := range t.columns {
			if isText(col.kind) {
				c.vals[i] = unneutralise(c.vals[i])
			}
		}
		t.decode(c, &r.Value)
		r.Problems = c.problems
		if err := yield(r); err != nil {
			return err
		}
	}
	switch {
	case headRow == 0 && xlsx:
		return fileImportError(name, &fileError{problem: fmt.Sprintf(msgSheetEmpty, t.name)})
	case headRow == 0:
		return fileImportError(name, &fileError{problem: msgNoHeader})
	case !sawData:
		return noDataError{fileImportError(name, &fileError{row: headRow, problem: msgNoData})}
	}
	return nil
}

// arrange puts the trimmed cells of raw into c in table column order, and
// records cells that are not valid UTF-8 or that stand under no header.
func (h header) arrange(raw []string, c *cells) {
	for ti, fi := range h.pos {
		v := ""
		if fi < len(raw) {
			v = strings.TrimSpace(raw[fi])
		}
		if !utf8.ValidString(v) {
			c.problem(ti, msgCellNotUTF8)
		}
		c.vals[ti] = v
	}
	for fi, v := range raw {
		if v = strings.TrimSpace(v); v == "" || h.mapped(fi) {
			continue
		}
		c.problems = append(c.problems, mutasi.FieldError{
			Field:   fmt.Sprintf(msgNoHeaderColumn, fi+1),
			Problem: fmt.Sprintf(msgOrphanCell, v),
		})
	}
}

func (h header) mapped(fi int) bool { return fi < len(h.used) && h.used[fi] }

func blank(raw []string) bool {
	for _, v := range raw {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// noDataError is the *mutasi.ImportError of a file with a header and no
// data row, marked so that IsNoData can tell it apart.
type noDataError struct{ err error }

func (e noDataError) Error() string { return e.err.Error() }
func (e noDataError) Unwrap() error { return e.err }

// IsNoData reports whether err rejects a file because it has a header but
// no data row: the export of an empty table. Importing one table, that is
// an error (with Replace it would empty the table by accident); importing a
// whole set of exported tables, a caller may skip such a file instead.
func IsNoData(err error) bool {
	var nd noDataError
	return errors.As(err, &nd)
}

// fileImportError wraps a problem of a whole file as *mutasi.ImportError;
// other errors (the file cannot be opened) are wrapped with the file name.
func fileImportError(name string, err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		ie := &mutasi.ImportError{File: name}
		ie.Add(mutasi.RowError{File: name, Row: fe.row, Problem: fe.problem})
		return ie
	}
	var ie *mutasi.ImportError
	if errors.As(err, &ie) {
		return err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fileImportError(name, &fileError{problem: msgNotFound})
	}
	return fmt.Errorf("%s: %w", name, err)
}
