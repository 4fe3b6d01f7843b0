package exchange

import (
	"errors"
	"io"
)

// source yields the rows of one table of one file, header first.
type source interface {
	// next returns the cells of the next row and its row number as a
	// spreadsheet shows it (the first row is 1); io.EOF after the last.
	// The slice may be reused by the following call.
	next() (cells []string, row int, err error)
	close() error
	// numbers is the number style of the file's cells.
	numbers() numberStyle
	// workbook reports whether cells come from XLSX, and if so whether its
	// dates count from 1904.
	workbook() (xlsx, date1904 bool)
}

// fileError is a problem with the file as a whole, or with one row of it
// that stops reading (a CSV syntax error).
type fileError struct {
	row     int
	problem string
}

func (e *fileError) Error() string { return e.problem }

func isEOF(err error) bool { return errors.Is(err, io.EOF) }
