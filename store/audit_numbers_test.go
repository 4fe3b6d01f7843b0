package store

import (
	"context"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// Audit details are read by people: counts are grouped and decimals use a
// comma, as in every other message.
func TestAuditDetailsUseIndonesianNumbers(t *testing.T) {
	e := importAuditEntry(mutasi.ImportOptions{Replace: true}, mutasi.ImportResult{
		Table: "employees", Rows: 100000, Added: 99000, Changed: 1000, Unchanged: 0, Deactivated: 1200})
	if want := "replace: 100.000 baris, 99.000 ditambah, 1.000 diubah, 0 tetap, 1.200 dinonaktifkan"; e.Detail != want {
		t.Errorf("import audit detail %q, want %q", e.Detail, want)
	}

	db := openTest(t)
	ctx := context.Background()
	p := &mutasi.PlanRecord{Date: date("2026-03-01"), PolicyVersion: "v1", Objective: 15334.58, Moves: 1217, Body: []byte(`{}`)}
	if err := db.SavePlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	entries, err := db.AuditEntries(ctx, "rencana 1", 1)
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit = %v, %v", entries, err)
	}
	if want := "1.217 pindah, objektif 15.334,58, tanggal 2026-03-01"; !strings.HasPrefix(entries[0].Detail, want) {
		t.Errorf("plan audit detail %q, want it to start %q", entries[0].Detail, want)
	}
}
