package placement

import (
	"context"
	"math"
	"sort"

	"github.com/mutasi/mutasi"
)

// UnitLoad is one unit's EJ (its own positions), now or before and after a
// plan. +Inf: work and nobody to do it.
type UnitLoad struct {
	UnitID string
	Nama   string
	Before float64
	After  float64 // NaN without a plan
}

// Workload returns the EJ of the units the actor works on, worst first:
// every unit with positions, or the subtree of unitID. With a plan
// (planID > 0), before and after come from that plan as it was computed.
func (s *Service) Workload(ctx context.Context, a Actor, unitID string, planID int64) ([]UnitLoad, *Plan, error) {
	if err := a.active(); err != nil {
		return nil, nil, err
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, nil, err
	}
	scope := a.managedUnits(org) // nil: every unit
	if !a.everything() && a.User.Role != mutasi.RoleManager {
		return nil, nil, denied("gambaran beban kerja hanya untuk pengelola unit dan staf kebijakan")
	}
	if unitID != "" {
		u, err := org.unit(unitID)
		if err != nil {
			return nil, nil, err
		}
		if err := a.mayManageUnit(org, u); err != nil {
			return nil, nil, err
		}
		scope = org.Subtree(u.ID)
	}
	var rows []UnitLoad
	var plan *Plan
	if planID > 0 {
		if plan, _, err = s.LoadPlan(ctx, a, planID); err != nil {
			return nil, nil, err
		}
		for _, u := range plan.Units {
			if scope == nil || scope[u.UnitID] {
				rows = append(rows, UnitLoad{UnitID: u.UnitID, Nama: u.Nama, Before: ejOf(u.EJBefore), After: ejOf(u.EJAfter)})
			}
		}
	} else {
		hours := effectiveHours(s.Policy())
		for id, w := range org.unitLoads(nil) {
			if (scope != nil && !scope[id]) || (w.Hours == 0 && w.Holders == 0) {
				continue
			}
			rows = append(rows, UnitLoad{UnitID: id, Nama: org.Units[id].Nama,
				Before: mutasi.EJ(w.Hours, w.Holders, hours), After: math.NaN()})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Before != rows[j].Before {
			return rows[i].Before > rows[j].Before
		}
		return rows[i].UnitID < rows[j].UnitID
	})
	if len(rows) == 0 {
		return nil, nil, mutasi.Errorf(mutasi.ENOTFOUND, "tidak ada unit dengan jabatan untuk digambarkan")
	}
	return rows, plan, nil
}

func ejOf(p *float64) float64 {
	if p == nil {
		return math.Inf(1)
	}
	return *p
}
