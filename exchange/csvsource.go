package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// sniffSize is how much of a file is looked at to judge what it is.
const sniffSize = 8 << 10

// csvSource reads a CSV file record by record.
type csvSource struct {
	f     *os.File
	r     *csv.Reader
	style numberStyle
	// row and endLine are the spreadsheet row and the last text line of the
	// previous record: a record may span lines (a quoted line break), and a
	// spreadsheet shows a blank line as a row, which encoding/csv skips.
	row, endLine int
}

func openCSV(path string) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		f.Close()
		return nil, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, bomUTF8))) == 0 {
		f.Close()
		return nil, &fileError{problem: msgEmptyFile}
	}
	if p := sniffText(head); p != "" {
		f.Close()
		return nil, &fileError{problem: p}
	}
	if bytes.HasPrefix(head, bomUTF8) {
		br.Discard(len(bomUTF8))
		head = head[len(bomUTF8):]
	}
	s := &csvSource{f: f, r: csv.NewReader(br), style: pointDecimal}
	if detectSemicolon(head) {
		s.r.Comma = ';'
		s.style = commaDecimal
	}
	s.r.FieldsPerRecord = -1
	s.r.ReuseRecord = true
	return s, nil
}

// detectSemicolon reports whether the first non-blank line of head (the
// header: blank lines before it are skipped as rows) separates its fields
// by ';' rather than ','. Column names contain neither.
func detectSemicolon(head []byte) bool {
	line, rest, _ := bytes.Cut(head, []byte("\n"))
	for len(bytes.TrimSpace(line)) == 0 && len(rest) > 0 {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
	}
	return bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(","))
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, s.row + pe.StartLine - s.endLine, &fileError{row: s.row + pe.StartLine - s.endLine, problem: csvProblem(pe)}
		}
		return nil, 0, err
	}
	start, _ := s.r.FieldPos(0)
	last := len(rec) - 1
	end, _ := s.r.FieldPos(last)
	end += strings.Count(rec[last], "\n")
	s.row += start - s.endLine
	s.endLine = end
	return rec, s.row, nil
}

func csvProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return msgBareQuote
	case errors.Is(pe.Err, csv.ErrQuote):
		return msgOpenQuote
	}
	return fmt.Sprintf(msgCSVSyntax, pe.Err)
}

func (s *csvSource) close() error                    { return s.f.Close() }
func (s *csvSource) numbers() numberStyle            { return s.style }
func (s *csvSource) workbook() (xlsx, date1904 bool) { return false, false }
