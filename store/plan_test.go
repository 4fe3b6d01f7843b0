package store

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestPlansRoundTripNewestFirst(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	var ids []int64
	for i, body := range []string{`{"moves":[]}`, `{"moves":[{"nip":"x"}]}`} {
		p := &mutasi.PlanRecord{CreatedBy: int64(i), Date: date("2026-03-01"), PolicyVersion: "v1",
			Objective: 12.5 * float64(i), Moves: i, Body: []byte(body)}
		if err := db.SavePlan(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || p.CreatedAt.IsZero() {
			t.Fatalf("saved plan has id %d, created %v", p.ID, p.CreatedAt)
		}
		ids = append(ids, p.ID)
	}
	got, err := db.Plan(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Body) != `{"moves":[{"nip":"x"}]}` || got.Moves != 1 || got.Objective != 12.5 ||
		got.PolicyVersion != "v1" || !got.Date.Equal(date("2026-03-01")) || got.CreatedBy != 1 {
		t.Errorf("plan read back = %+v", got)
	}
	list, err := db.Plans(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != ids[1] || list[1].ID != ids[0] || list[0].Body != nil {
		t.Errorf("plans = %+v, want newest first without bodies", list)
	}
	if _, err := db.Plan(ctx, 999); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("missing plan: err = %v, want ENOTFOUND", err)
	}
	if err := db.SavePlan(ctx, &mutasi.PlanRecord{Body: []byte("{")}); mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Errorf("invalid body: err = %v, want EINVALID", err)
	}
	entries, err := db.AuditEntries(ctx, "rencana 1", 10)
	if err != nil || len(entries) != 1 || entries[0].Action != "plan.create" {
		t.Errorf("audit of plan 1 = %+v, %v", entries, err)
	}
}

func TestDataGenerationRisesOnEveryOrganisationWrite(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	gen := func() int64 {
		t.Helper()
		g, err := db.DataGeneration(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	g0 := gen()
	seed(t, db)
	g1 := gen()
	if g1 <= g0 {
		t.Fatalf("generation after imports = %d, want > %d", g1, g0)
	}
	a := &mutasi.Aspiration{NIP: employee(1, "").NIP, Pilihan: []string{"P2"}, Alasan: "dekat rumah"}
	if err := db.SaveAspiration(ctx, a); err != nil {
		t.Fatal(err)
	}
	g2 := gen()
	if g2 != g1+1 {
		t.Errorf("generation after SaveAspiration = %d, want %d", g2, g1+1)
	}
	if err := db.DeleteAspiration(ctx, a.NIP); err != nil {
		t.Fatal(err)
	}
	if g3 := gen(); g3 != g2+1 {
		t.Errorf("generation after DeleteAspiration = %d, want %d", g3, g2+1)
	}
	// A dry run changes nothing, so it must not invalidate caches.
	g4 := gen()
	if _, err := db.ImportUnits(ctx, valuesOf(mutasi.Unit{ID: "U9", Nama: "Sembilan", Active: true}),
		mutasi.ImportOptions{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if g5 := gen(); g5 != g4 {
		t.Errorf("generation after a dry run = %d, want %d", g5, g4)
	}
}

func TestProposalKeepsItsJustificationAndPlan(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	p := &mutasi.Proposal{NIP: employee(1, "").NIP, FromPosition: "P1", ToPosition: "P2",
		Justification: `{"eligible":true}`, PlanID: 7, PolicyVersion: "v1", Score: 80}
	if err := db.CreateProposal(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := db.Proposal(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Justification != `{"eligible":true}` || got.PlanID != 7 {
		t.Errorf("justification %q, plan %d; want the stored decision and plan 7", got.Justification, got.PlanID)
	}
}

func TestOrgSnapshotIsReadOnlyAtItsGeneration(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, _, err := db.OrgSnapshot(ctx, 1); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Fatalf("empty database: err = %v, want ENOTFOUND", err)
	}
	gen, _ := db.DataGeneration(ctx)
	if err := db.SaveOrgSnapshot(ctx, gen, 1, []byte("abc")); err != nil {
		t.Fatal(err)
	}
	g, data, err := db.OrgSnapshot(ctx, 1)
	if err != nil || g != gen || string(data) != "abc" {
		t.Fatalf("snapshot = %d %q %v", g, data, err)
	}
	if _, _, err := db.OrgSnapshot(ctx, 2); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("another format: err = %v, want ENOTFOUND", err)
	}
	seed(t, db) // raises the generation
	if _, _, err := db.OrgSnapshot(ctx, 1); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("after an import the old snapshot is stale: err = %v, want ENOTFOUND", err)
	}
	if err := db.SaveOrgSnapshot(ctx, gen, 1, []byte("old")); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Errorf("saving a snapshot of an old generation: err = %v, want ECONFLICT", err)
	}
}
