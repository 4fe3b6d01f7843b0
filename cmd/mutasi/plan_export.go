package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

// refusePlanOverwrite keeps an existing file unless --force was given: an
// exported plan may already have been corrected by hand.
func refusePlanOverwrite(path string, force bool) error {
	if _, err := os.Stat(path); err == nil && !force {
		return mutasi.Errorf(mutasi.ECONFLICT, "%s sudah ada; pakai --force untuk menimpanya", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

var planMoveHeader = []string{"no", "nip", "nama", "from_position", "from_nama", "from_unit",
	"to_position", "to_nama", "to_unit", "score", "alasan"}

func planMoveRow(m placement.Move) []string {
	var rs []string
	for _, r := range m.Reasons {
		rs = append(rs, r.Text)
	}
	return []string{strconv.Itoa(m.N), m.NIP, m.Nama, m.FromPosition, m.FromNama, m.FromUnit,
		m.ToPosition, m.ToNama, m.ToUnit, strconv.FormatFloat(m.Score, 'f', 2, 64), strings.Join(rs, "; ")}
}

var planUnitHeader = []string{"unit_id", "nama", "ej_before", "ej_after", "grade_before", "grade_after", "arrivals", "departures"}

func planUnitRow(u placement.UnitEJ) []string {
	ej := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', 2, 64)
	}
	return []string{u.UnitID, u.Nama, ej(u.EJBefore), ej(u.EJAfter), u.GradeBefore, u.GradeAfter,
		strconv.Itoa(u.Arrivals), strconv.Itoa(u.Departures)}
}

var planUnfilledHeader = []string{"position", "nama", "unit_id", "open", "eligible", "rule", "message"}

func planUnfilledRow(u placement.Unfilled) []string {
	return []string{u.Position, u.Nama, u.UnitID, strconv.Itoa(u.Open), strconv.Itoa(u.Eligible), u.Rule, u.Message}
}

// exportPlan writes a plan as CSV (one row per move) or XLSX (a sheet of
// moves, one of units, one of open vacancies), through a temporary file so
// that a failure never leaves half a file.
func exportPlan(path string, p *placement.Plan) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return writeFileAtomic(path, func(w io.Writer) error { return writePlanCSV(w, p) })
	case ".xlsx":
		return writeFileAtomic(path, func(w io.Writer) error { return writePlanXLSX(w, p) })
	}
	return mutasi.Errorf(mutasi.EINVALID, "%s: akhiran harus .csv atau .xlsx", path)
}

func writePlanCSV(out io.Writer, p *placement.Plan) error {
	w := csv.NewWriter(out)
	w.Write(planMoveHeader)
	for _, m := range p.Moves {
		w.Write(neutralizeRow(planMoveRow(m)))
	}
	w.Flush()
	return w.Error()
}

func writePlanXLSX(f io.Writer, p *placement.Plan) error {
	x := excelize.NewFile()
	defer x.Close()
	sheets := []struct {
		name   string
		header []string
		rows   [][]string
	}{
		{"pindah", planMoveHeader, nil},
		{"unit", planUnitHeader, nil},
		{"lowongan_terbuka", planUnfilledHeader, nil},
	}
	for _, m := range p.Moves {
		sheets[0].rows = append(sheets[0].rows, planMoveRow(m))
	}
	for _, u := range p.Units {
		sheets[1].rows = append(sheets[1].rows, planUnitRow(u))
	}
	for _, u := range p.Unfilled {
		sheets[2].rows = append(sheets[2].rows, planUnfilledRow(u))
	}
	for i, s := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(s.name); err != nil {
			return err
		}
		sw, err := x.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		for r, row := range append([][]string{s.header}, s.rows...) {
			cells := make([]any, len(row))
			for c, v := range neutralizeRow(row) {
				cells[c] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	if _, err := x.WriteTo(f); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

// neutralizeRow guards against formula injection (OWASP "CSV Injection"):
// a cell that a spreadsheet would run as a formula gets a leading quote.
// Plan exports are reports, not re-imported, so nothing reads the quote
// back.
func neutralizeRow(row []string) []string {
	out := make([]string, len(row))
	for i, v := range row {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				v = "'" + v
			}
		}
		out[i] = v
	}
	return out
}
