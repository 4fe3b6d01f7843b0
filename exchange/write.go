package exchange

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// Write writes tables of d to w in format f: one table as CSV, XLSX or
// JSON; several tables as XLSX (a sheet per table) or JSON (an object keyed
// by table). Rows come in the order d gives them and columns in the order of
// docs/data-format.md, so the same data always gives the same output.
func Write(ctx context.Context, w io.Writer, d mutasi.Directory, f Format, tables ...string) error {
	if len(tables) == 0 {
		return mutasi.Errorf(mutasi.EINVALID, "tidak ada tabel yang diekspor")
	}
	for _, t := range tables {
		if Columns(t) == nil {
			return mutasi.Errorf(mutasi.EINVALID, "tabel %q tidak dikenal; pilihan: units, positions, employees, aspirations", t)
		}
	}
	switch f {
	case CSV:
		if len(tables) != 1 {
			return mutasi.Errorf(mutasi.EINVALID, "CSV memuat satu tabel saja; untuk beberapa tabel gunakan XLSX atau JSON")
		}
		return WriteCSV(ctx, w, d, tables[0])
	case XLSX:
		return WriteXLSX(ctx, w, d, tables...)
	case JSON:
		return WriteJSON(ctx, w, d, tables...)
	}
	return mutasi.Errorf(mutasi.EINVALID, "format %q tidak dikenal; pilihan: csv, xlsx, json", string(f))
}

// eachRow calls fn with the cells of every row of table in d. The slice is
// reused between calls.
func eachRow(ctx context.Context, d mutasi.Directory, table string, fn func([]string) error) error {
	switch table {
	case mutasi.TableUnits:
		units, err := d.Units(ctx)
		if err != nil {
			return err
		}
		return eachOf(units, unitTable, fn)
	case mutasi.TablePositions:
		positions, err := d.Positions(ctx)
		if err != nil {
			return err
		}
		return eachOf(positions, positionTable, fn)
	case mutasi.TableEmployees:
		out := make([]string, len(employeeTable.columns))
		return d.EachEmployee(ctx, func(e *mutasi.Employee) error {
			employeeTable.encode(e, out)
			return fn(out)
		})
	case mutasi.TableAspirations:
		out := make([]string, len(aspirationTable.columns))
		return d.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
			aspirationTable.encode(a, out)
			return fn(out)
		})
	}
	return mutasi.Errorf(mutasi.EINVALID, "tabel %q tidak dikenal", table)
}

func eachOf[T any](values []*T, t *table[T], fn func([]string) error) error {
	out := make([]string, len(t.columns))
	for _, v := range values {
		t.encode(v, out)
		if err := fn(out); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes one table as UTF-8 CSV with a header row.
func WriteCSV(ctx context.Context, w io.Writer, d mutasi.Directory, table string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns(table)); err != nil {
		return err
	}
	kinds := columnKinds(table)
	// eachRow encodes every cell of each row anew, so the row may be
	// changed in place.
	err := eachRow(ctx, d, table, func(cells []string) error {
		neutraliseRow(cells, kinds)
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes one table as an array of objects, one per line, keyed by
// column name; several tables as an object keyed by table name. Every value
// is the cell text, as in CSV.
func WriteJSON(ctx context.Context, w io.Writer, d mutasi.Directory, tables ...string) error {
	bw := bufio.NewWriter(w)
	if len(tables) == 1 {
		if err := writeJSONArray(ctx, bw, d, tables[0]); err != nil {
			return err
		}
	} else {
		bw.WriteString("{\n")
		for i, t := range tables {
			if i > 0 {
				bw.WriteString(",\n")
			}
			fmt.Fprintf(bw, "%s: ", jsonString(t))
			if err := writeJSONArray(ctx, bw, d, t); err != nil {
				return err
			}
		}
		bw.WriteString("\n}")
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func writeJSONArray(ctx context.Context, bw *bufio.Writer, d mutasi.Directory, table string) error {
	names := Columns(table)
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = jsonString(n) + ":"
	}
	bw.WriteString("[")
	n := 0
	err := eachRow(ctx, d, table, func(cells []string) error {
		if n > 0 {
			bw.WriteString(",")
		}
		n++
		bw.WriteString("\n{")
		for i, v := range cells {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString(keys[i])
			bw.WriteString(jsonString(v))
		}
		bw.WriteString("}")
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]")
	return nil
}

func jsonString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// WriteXLSX writes tables as a workbook with one sheet per table, named like
// the table. Numbers are stored as numbers; everything else, NIPs and dates
// included, as text, so that a spreadsheet shows exactly what import reads.
// Rows are streamed to the workbook, not held in memory.
func WriteXLSX(ctx context.Context, w io.Writer, d mutasi.Directory, tables ...string) error {
	f := excelize.NewFile()
	defer f.Close()
	f.ZipWriter = newSortedZipWriter
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), t); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t); err != nil {
			return err
		}
		if err := writeSheet(ctx, f, d, t, bold); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func writeSheet(ctx context.Context, f *excelize.File, d mutasi.Directory, table string, headerStyle int) error {
	sw, err := f.NewStreamWriter(table)
	if err != nil {
		return err
	}
	kinds := columnKinds(table)
	names := Columns(table)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, n := range names {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(n, kinds[i])); err != nil {
			return err
		}
	}
	head := make([]any, len(names))
	for i, n := range names {
		head[i] = n
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{StyleID: headerStyle}); err != nil {
		return err
	}
	row := 1
	values := make([]any, len(names))
	err = eachRow(ctx, d, table, func(cells []string) error {
		row++
		neutraliseRow(cells, kinds) // eachRow encodes every cell anew
		for i, v := range cells {
			values[i] = xlsxValue(v, kinds[i])
		}
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, values)
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// xlsxValue is the value of a cell as the workbook stores it: numbers of
// numeric columns as numbers, empty cells absent, the rest as text.
func xlsxValue(v string, k kind) any {
	if v == "" {
		return nil
	}
	switch k {
	case kindInt:
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	case kindFloat:
		// excelize writes a number with at most 15 significant digits
		// (Excel's precision), cutting off the rest; a value that needs
		// more (0.1+0.2) stays text so that it imports back exactly.
		if x, err := strconv.ParseFloat(v, 64); err == nil && significantDigits(x) <= 15 {
			return x
		}
	}
	return v
}

// significantDigits counts the digits of the shortest decimal form of x.
func significantDigits(x float64) int {
	mantissa, _, _ := strings.Cut(strconv.FormatFloat(x, 'e', -1, 64), "e")
	return len(mantissa) - strings.Count(mantissa, "-") - strings.Count(mantissa, ".")
}

func columnKinds(table string) []kind {
	var cols []column
	switch table {
	case mutasi.TableUnits:
		cols = unitTable.columns
	case mutasi.TablePositions:
		cols = positionTable.columns
	case mutasi.TableEmployees:
		cols = employeeTable.columns
	case mutasi.TableAspirations:
		cols = aspirationTable.columns
	}
	kinds := make([]kind, len(cols))
	for i, c := range cols {
		kinds[i] = c.kind
	}
	return kinds
}

func columnWidth(name string, k kind) float64 {
	switch {
	case k == kindNIP:
		return 20
	case name == "nama" || name == "alasan" || k == kindList:
		return 32
	}
	return float64(max(len(name)+2, 12))
}
