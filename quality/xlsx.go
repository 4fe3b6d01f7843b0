package quality

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// Sheet names: the summary, and what Excel allows in a name.
const (
	summarySheet         = "ringkasan"
	maxSheetName         = 31
	excelForbiddenInName = `[]:*?/\`
)

// idColumns are the columns that identify a row of each table in the
// workbook: those of the exchange format, plus the unit of an employee,
// so that the list can be filtered per unit and sent to it.
var idColumns = map[string][]string{
	mutasi.TableEmployees:   {"nip", "nama", "unit_id", "jabatan_id"},
	mutasi.TablePositions:   {"jabatan_id", "unit_id", "nama"},
	mutasi.TableUnits:       {"unit_id", "nama", "induk_id"},
	mutasi.TableAspirations: {"nip", "nama", "unit_id", "jabatan_id"},
}

// findingColumns follow the identifying ones on every kind's sheet.
var findingColumns = []string{"kolom", "nilai", "saran", "keterangan"}

// Header returns the columns of a kind's sheet.
func Header(k *Kind) []string {
	return append(append([]string(nil), idColumns[k.Table]...), findingColumns...)
}

// Row returns one item as the cells of its kind's sheet, in Header order.
func Row(k *Kind, it Item) []string {
	var row []string
	for _, c := range idColumns[k.Table] {
		switch c {
		case "nip":
			row = append(row, it.NIP)
		case "nama":
			row = append(row, it.Nama)
		case "unit_id":
			row = append(row, it.UnitID)
		case "jabatan_id":
			row = append(row, it.JabatanID)
		case "induk_id":
			row = append(row, it.IndukID)
		}
	}
	return append(row, it.Column, it.Value, it.Suggestion, it.Note)
}

// summaryHeader is the first sheet's header.
var summaryHeader = []string{"jenis", "tingkat", "judul", "jumlah", "tabel", "mengapa", "catatan"}

// WriteXLSX writes the report as a workbook: a summary sheet of every kind,
// then one sheet per kind with findings, named by its id, each row a record
// with the columns its unit needs to find and correct it. A text cell that
// a spreadsheet would run as a formula gets a leading quote.
func WriteXLSX(w io.Writer, r *Report) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", summarySheet); err != nil {
		return err
	}
	var summary [][]any
	for _, k := range r.Kinds {
		summary = append(summary, []any{k.ID, string(k.Severity), k.Title, k.Count, k.Table, k.Why, skippedNote(k)})
	}
	summary = append(summary, nil,
		[]any{"tanggal penilaian", mutasi.FormatDate(r.Date)},
		[]any{"kebijakan", r.PolicyVersion})
	if err := writeSheet(x, summarySheet, summaryHeader, summary); err != nil {
		return err
	}
	for _, k := range r.Kinds {
		if k.Count == 0 {
			continue
		}
		name := SheetName(k.ID)
		if _, err := x.NewSheet(name); err != nil {
			return err
		}
		rows := make([][]any, len(k.Items))
		for i, it := range k.Items {
			cells := Row(k, it)
			rows[i] = make([]any, len(cells))
			for j, v := range cells {
				rows[i][j] = v
			}
		}
		if err := writeSheet(x, name, Header(k), rows); err != nil {
			return err
		}
	}
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

func skippedNote(k *Kind) string {
	if k.Skipped == "" {
		return ""
	}
	return "tidak diperiksa: " + k.Skipped
}

func writeSheet(x *excelize.File, name string, header []string, rows [][]any) error {
	sw, err := x.NewStreamWriter(name)
	if err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for r, row := range rows {
		for i, v := range row {
			if s, ok := v.(string); ok {
				row[i] = Neutralise(s)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// Neutralise guards a text cell against formula injection (OWASP "CSV
// Injection"): one that starts with '=', '+', '-', '@', a tab or a
// carriage return gets a leading quote, so that a spreadsheet shows it
// instead of running it. The workbook is a report to be read and
// corrected, not imported back as it is.
func Neutralise(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// SheetName makes s a name Excel accepts for a sheet: at most 31
// characters, none of []:*?/\, not starting or ending with a quote, not
// empty.
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(excelForbiddenInName, r) {
			return '-'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxSheetName {
		s = string([]rune(s)[:maxSheetName])
	}
	s = strings.Trim(s, "'")
	if s == "" {
		return "lembar"
	}
	return s
}
