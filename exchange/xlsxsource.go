package exchange

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams the rows of one sheet with excelize's row iterator:
// a large sheet is unpacked to a temporary file, never held in memory.
type xlsxSource struct {
	f        *excelize.File
	rows     *excelize.Rows
	row      int
	date1904 bool
}

// rawCells asks for cells as stored, not as displayed (see the package
// documentation).
var rawCells = excelize.Options{RawCellValue: true}

// maxUnzipped bounds what a workbook may unpack to, so that a hostile file
// (a zip bomb) cannot fill the disk; a 100,000-employee sheet is ~70 MB.
const maxUnzipped = 2 << 30

// openWorkbook checks that path is an XLSX workbook and opens it.
func openWorkbook(path string) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	fh.Close()
	if n == 0 {
		return nil, &fileError{problem: msgEmptyFile}
	}
	if p := sniffWorkbook(head[:n]); p != "" {
		return nil, &fileError{problem: p}
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return nil, &fileError{problem: fmt.Sprintf(msgBadWorkbook, err)}
	}
	return f, nil
}

// sheetFor returns the sheet of f named like table (case and surrounding
// spaces do not matter), or "".
func sheetFor(f *excelize.File, table string) string {
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), table) {
			return s
		}
	}
	return ""
}

// sheetHasCells reports whether a sheet holds any non-empty cell. Rows
// streams the sheet, and the first non-empty row ends the look.
func sheetHasCells(f *excelize.File, sheet string) (bool, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		cells, err := rows.Columns(rawCells)
		if err != nil {
			return false, err
		}
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				return true, nil
			}
		}
	}
	return false, rows.Error()
}

func openXLSX(path, table string) (*xlsxSource, error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	sheet := sheetFor(f, table)
	if sheet == "" {
		list := f.GetSheetList()
		f.Close()
		return nil, &fileError{problem: fmt.Sprintf(msgNoSheet, table, quoteList(list))}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, &fileError{problem: fmt.Sprintf(msgBadWorkbook, err)}
	}
	s := &xlsxSource{f: f, rows: rows}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	return s, nil
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.row + 1, &fileError{row: s.row + 1, problem: fmt.Sprintf(msgBrokenWorkbook, err)}
		}
		return nil, 0, io.EOF
	}
	s.row++
	cols, err := s.rows.Columns(rawCells)
	if err != nil {
		return nil, s.row, &fileError{row: s.row, problem: fmt.Sprintf(msgBrokenWorkbook, err)}
	}
	return cols, s.row, nil
}

func (s *xlsxSource) close() error {
	err := s.rows.Close()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (s *xlsxSource) numbers() numberStyle            { return pointDecimal }
func (s *xlsxSource) workbook() (xlsx, date1904 bool) { return true, s.date1904 }
