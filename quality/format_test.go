package quality

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"sort"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

func fixtureReport(t *testing.T) *Report {
	t.Helper()
	d := fixture()
	// A name a spreadsheet would run as a formula.
	d.units[4].Nama = "=HYPERLINK(\"http://x\")"
	r, err := Check(context.Background(), d, loadPolicy(t), today)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestJSONShape(t *testing.T) {
	r := fixtureReport(t)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(doc), []string{"date", "kinds", "policy_version", "records", "total"}; !slices.Equal(got, want) {
		t.Errorf("top-level fields %q, want %q", got, want)
	}
	var top struct {
		Date          string
		PolicyVersion string `json:"policy_version"`
		Records       map[string]int
		Total         int
		Kinds         []map[string]json.RawMessage
	}
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if top.Date != "2026-03-01" || top.PolicyVersion == "" || top.Total != r.Total() || top.Total == 0 {
		t.Errorf("date %q, policy %q, total %d (report %d)", top.Date, top.PolicyVersion, top.Total, r.Total())
	}
	if got, want := top.Records, map[string]int{"units": 6, "positions": 10, "employees": r.Records.Employees, "aspirations": 2}; !mapsEqual(got, want) {
		t.Errorf("records %v, want %v", got, want)
	}
	var ids []string
	sum := 0
	for _, k := range top.Kinds {
		var id string
		json.Unmarshal(k["id"], &id)
		ids = append(ids, id)
		for _, f := range []string{"id", "severity", "title", "why", "table", "count", "items"} {
			if _, ok := k[f]; !ok {
				t.Errorf("kind %s lacks %q", id, f)
			}
		}
		var count int
		var items []map[string]json.RawMessage
		json.Unmarshal(k["count"], &count)
		if err := json.Unmarshal(k["items"], &items); err != nil || items == nil {
			t.Errorf("kind %s: items %s is not a list", id, k["items"])
		}
		if count != len(items) {
			t.Errorf("kind %s: count %d, %d items", id, count, len(items))
		}
		sum += count
	}
	var want []string
	for _, d := range kindDefs {
		want = append(want, d.id)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("kinds %q, want every kind in order %q", ids, want)
	}
	if sum != top.Total {
		t.Errorf("counts sum to %d, total %d", sum, top.Total)
	}

	// One item of each table, field by field.
	tests := []struct {
		kind string
		want []string
	}{
		{KindUnknownJurusan, []string{"column", "jabatan_id", "nama", "nip", "note", "suggestion", "unit_id", "value"}},
		{KindNoTMTJabatan, []string{"column", "jabatan_id", "nama", "nip", "note", "unit_id", "value"}},
		{KindNoWorkload, []string{"column", "jabatan_id", "nama", "note", "unit_id", "value"}},
		{KindInactiveParent, []string{"column", "induk_id", "nama", "note", "suggestion", "unit_id", "value"}},
	}
	for _, tt := range tests {
		for _, k := range top.Kinds {
			var id string
			json.Unmarshal(k["id"], &id)
			if id != tt.kind {
				continue
			}
			var items []map[string]json.RawMessage
			json.Unmarshal(k["items"], &items)
			if got := keys(items[0]); !slices.Equal(got, tt.want) {
				t.Errorf("%s item fields %q, want %q", tt.kind, got, tt.want)
			}
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestXLSX(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := []string{"ringkasan"}
	for _, k := range r.Kinds {
		if k.Count > 0 {
			want = append(want, k.ID)
		}
	}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	summary, err := x.GetRows("ringkasan")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(summary[0], summaryHeader) {
		t.Errorf("summary header %q", summary[0])
	}
	for i, k := range r.Kinds {
		row := summary[i+1]
		if row[0] != k.ID || row[1] != string(k.Severity) || row[3] != itoa(k.Count) {
			t.Errorf("summary row %d: %q for kind %s (%d)", i+1, row, k.ID, k.Count)
		}
	}
	for _, k := range r.Kinds {
		if k.Count == 0 {
			continue
		}
		rows, err := x.GetRows(k.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], Header(k)) {
			t.Errorf("%s: header %q, want %q", k.ID, rows[0], Header(k))
		}
		if len(rows)-1 != k.Count {
			t.Errorf("%s: %d rows, want %d", k.ID, len(rows)-1, k.Count)
			continue
		}
		for i, it := range k.Items {
			want := Row(k, it)
			for j := range want {
				want[j] = Neutralise(want[j])
			}
			got := append(rows[i+1], make([]string, len(want))...)[:len(want)] // trailing empty cells are not returned
			if !slices.Equal(got, want) {
				t.Errorf("%s row %d: %q, want %q", k.ID, i+2, got, want)
			}
		}
	}
	// The identifying columns a unit needs are there, and a formula is
	// shown, not run.
	rows, _ := x.GetRows(KindEmptyUnit)
	if rows[0][0] != "unit_id" || rows[1][0] != "KOSONG" || rows[1][1] != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("%s: %q", KindEmptyUnit, rows)
	}
	rows, _ = x.GetRows(KindNoTMTJabatan)
	if got := rows[0][:4]; !slices.Equal(got, []string{"nip", "nama", "unit_id", "jabatan_id"}) {
		t.Errorf("employee sheet starts %q", got)
	}
	// An NIP stays text (Excel would turn an 18-digit number into 1,98E+17).
	cell, _ := excelize.CoordinatesToCellName(1, 2)
	if typ, _ := x.GetCellType(KindNoTMTJabatan, cell); typ == excelize.CellTypeNumber {
		t.Errorf("NIP cell %s is a number", cell)
	}
}

func itoa(n int) string { return mutasi.FormatInt(n) }

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+62": "'+62", "-Bagian": "'-Bagian", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Rina": "Rina", "": "", "1.250": "1.250",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
