package placement

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestRecommendForUnitRelievesTheOverloadedUnit(t *testing.T) {
	p := loadDefaultPolicy(t)
	// UA1 holds V0 (2,500 h, nobody: EJ ∞) and V1 (3,750 h, 1 holder:
	// EJ 3,0); UB gives from S0 (5 holders, 1,250 h each: EJ 0,2 → 0,25).
	d := smallOrg(person(1, "S0"), person(2, "S0"), person(3, "S0"), person(4, "S0"), person(5, "S0"), person(6, "V1"))
	d.positions = append(d.positions, &mutasi.Position{ID: "V1", UnitID: "UA1", Nama: "Analis Kedua",
		Jenis: mutasi.JenisPelaksana, Kebutuhan: 3, BebanKerjaJam: 3750, Active: true})
	d.positions[1].BebanKerjaJam = 1250
	d.positions[1].Kebutuhan = 5
	svc := newTestService(d, p)
	ur, err := svc.RecommendForUnit(context.Background(), Admin(), "UA1", RecommendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ur.Vacant) != 2 || len(ur.Moves) != 5 {
		t.Fatalf("%d vacant positions and %d moves, want 2 and 5 (one per employee of UB)", len(ur.Vacant), len(ur.Moves))
	}
	for _, m := range ur.Moves {
		if m.FromUnit == nil || m.FromUnit.ID != "UB" {
			t.Fatalf("move from %v: moves come from other units", m.FromUnit)
		}
		if m.To.ID != "V0" {
			t.Errorf("%s goes to %s; V0 (no holder) is relieved most", m.Employee.NIP, m.To.ID)
		}
		if m.UnitEJBefore != 5 || m.UnitEJAfter != 2.5 { // 6,250 h over 1, then 2 holders × 1,250
			t.Errorf("unit EJ %v → %v, want 5 → 2,5", m.UnitEJBefore, m.UnitEJAfter)
		}
		if m.FromUnitEJBefore != 0.2 || m.FromUnitEJAfter != 0.25 {
			t.Errorf("giving unit EJ %v → %v, want 0,2 → 0,25", m.FromUnitEJBefore, m.FromUnitEJAfter)
		}
	}
	_, err = svc.RecommendForUnit(context.Background(), Admin(), "UB", RecommendOptions{})
	if mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Errorf("a unit that is not overloaded: %v, want EINVALID", err)
	}
}
