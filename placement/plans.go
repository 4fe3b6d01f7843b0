package placement

import (
	"context"
	"encoding/json"

	"github.com/mutasi/mutasi"
)

// SavePlan stores a plan and sets its ID.
func (s *Service) SavePlan(ctx context.Context, a Actor, plan *Plan) error {
	if err := a.mayPlan(); err != nil {
		return err
	}
	date, err := mutasi.ParseDate(plan.Date)
	if err != nil {
		return err
	}
	body, err := json.Marshal(plan)
	if err != nil {
		return err
	}
	rec := &mutasi.PlanRecord{CreatedBy: a.TelegramID(), Date: date, PolicyVersion: plan.PolicyVersion,
		Objective: plan.Objective, Moves: len(plan.Moves), Body: body}
	if err := s.cfg.Plans.SavePlan(ctx, rec); err != nil {
		return err
	}
	plan.ID = rec.ID
	return nil
}

// Plans lists stored plans, newest first (limit 0: all).
func (s *Service) Plans(ctx context.Context, a Actor, limit int) ([]*mutasi.PlanRecord, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	if !a.everything() && a.User.Role != mutasi.RoleManager {
		return nil, denied("rencana mutasi hanya untuk pengelola unit dan staf kebijakan")
	}
	return s.cfg.Plans.Plans(ctx, limit)
}

// LoadPlan reads a stored plan. A manager gets only the moves into or out
// of their units, and the rows of their units.
func (s *Service) LoadPlan(ctx context.Context, a Actor, id int64) (*Plan, *mutasi.PlanRecord, error) {
	if err := a.active(); err != nil {
		return nil, nil, err
	}
	if !a.everything() && a.User.Role != mutasi.RoleManager {
		return nil, nil, denied("rencana mutasi hanya untuk pengelola unit dan staf kebijakan")
	}
	rec, err := s.cfg.Plans.Plan(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var plan Plan
	if err := json.Unmarshal(rec.Body, &plan); err != nil {
		return nil, nil, mutasi.Errorf(mutasi.EINTERNAL, "rencana %d tersimpan rusak: %v", id, err)
	}
	plan.ID = rec.ID
	if a.everything() {
		return &plan, rec, nil
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, nil, err
	}
	mine := a.managedUnits(org)
	var moves []Move
	for _, m := range plan.Moves {
		if mine[m.FromUnit] || mine[m.ToUnit] {
			moves = append(moves, m)
		}
	}
	var units []UnitEJ
	for _, u := range plan.Units {
		if mine[u.UnitID] {
			units = append(units, u)
		}
	}
	var unfilled []Unfilled
	for _, u := range plan.Unfilled {
		if mine[u.UnitID] {
			unfilled = append(unfilled, u)
		}
	}
	plan.Moves, plan.Units, plan.Unfilled = moves, units, unfilled
	// A manager sees whom their units give and receive, not the whole
	// record behind another unit's employee.
	for i := range plan.Moves {
		if !mine[plan.Moves[i].FromUnit] {
			plan.Moves[i].Decision = nil
		}
	}
	return &plan, rec, nil
}
