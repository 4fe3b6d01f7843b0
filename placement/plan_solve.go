package placement

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/assign"
	"github.com/mutasi/mutasi/rules"
)

// Plan computes the global plan (see the model in plan.go). It does not
// store it: SavePlan does.
func (s *Service) Plan(ctx context.Context, a Actor, opt PlanOptions) (*Plan, error) {
	if err := a.mayPlan(); err != nil {
		return nil, err
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, err
	}
	p, today := s.Policy(), s.day(opt.Date)
	m, err := s.buildModel(ctx, org, p, today, opt.Progress)
	if err != nil {
		return nil, err
	}
	sol, err := assign.SolveContext(ctx, &m.problem)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, mutasi.Errorf(mutasi.EINTERNAL, "model rencana tidak sah: %v", err)
	}
	return m.report(sol)
}

// report turns the solver's choice into a verified, explained plan.
func (m *model) report(sol assign.Solution) (*Plan, error) {
	org, p := m.org, m.policy
	arrivals, departures := map[string]int{}, map[string]int{}
	type chosen struct {
		e *mutasi.Employee
		v *mutasi.Position
		s float64
	}
	var moves []chosen
	for _, ei := range sol.Chosen {
		ed := m.problem.Edges[ei]
		e := org.Employees[m.employees[ed.Employee]]
		v := m.vacancies[ed.Slot]
		arrivals[v.ID]++
		if org.Positions[e.JabatanID] != nil {
			departures[e.JabatanID]++
		}
		moves = append(moves, chosen{e: e, v: v, s: float64(ed.Weight) / scoreScale})
	}
	// Largest score first, then NIP: the order managers read and propose in.
	sortByScore(moves, func(c chosen) float64 { return c.s }, func(c chosen) string { return c.e.NIP })

	plan := &Plan{PolicyName: p.Name, PolicyVersion: p.VersionID(), Date: formatDay(m.today),
		Employees: len(org.Employees), Movable: m.movable, Pairs: len(m.problem.Edges)}
	for _, v := range m.vacancies {
		plan.Slots += v.Vacancy()
	}
	var objective int64
	for i, c := range moves {
		after, err := m.verify(c.e, c.v, arrivals, departures)
		if err != nil {
			return nil, err
		}
		subject, target := org.Subject(c.e), org.Target(c.v)
		before := p.Evaluate(subject, target, m.today)
		objective += int64(mathRound(c.s * scoreScale))
		mv := Move{N: i + 1, NIP: c.e.NIP, Nama: c.e.Nama, FromPosition: c.e.JabatanID,
			ToPosition: c.v.ID, ToNama: c.v.Nama, ToUnit: c.v.UnitID, Score: c.s,
			Reasons: Reasons(p, before, subject, target), Decision: decisionJSON(after)}
		if subject.Current != nil {
			mv.FromNama, mv.FromUnit = subject.Current.Nama, subject.Current.UnitID
		}
		plan.Moves = append(plan.Moves, mv)
	}
	if objective != sol.Objective {
		return nil, mutasi.Errorf(mutasi.EINTERNAL, "objektif rencana %d tidak sama dengan jumlah skor pindahnya %d", sol.Objective, objective)
	}
	plan.Objective = float64(objective) / scoreScale
	plan.Units, plan.SpreadBefore, plan.SpreadAfter = unitTable(org, effectiveHours(p), arrivals, departures)
	plan.Unfilled = unfilledTable(m, sol, arrivals)
	if plan.Moves == nil {
		plan.Moves = []Move{}
	}
	if plan.Unfilled == nil {
		plan.Unfilled = []Unfilled{}
	}
	return plan, nil
}

// verify evaluates a move with the full policy in the state after the
// whole plan, as the model defines it (plan.go): its source has lost every
// departure of the plan, its target has received every other arrival.
// A move that fails there means the policy limits something the model
// does not know; the plan is refused, loudly.
func (m *model) verify(e *mutasi.Employee, v *mutasi.Position, arrivals, departures map[string]int) (rules.Decision, error) {
	d := afterState(m.policy, m.org, e, v, departures[e.JabatanID], arrivals[v.ID], m.today)
	if !d.Eligible {
		var failed []string
		for _, r := range d.Rules {
			if !r.Passed && r.Severity == rules.SeverityBlock {
				failed = append(failed, fmt.Sprintf("%s (%s)", r.Rule.ID, r.Message))
			}
		}
		return d, mutasi.Errorf(mutasi.EINTERNAL,
			"rencana ditolak: pindah %s (NIP %s) ke %s tidak memenuhi syarat setelah seluruh rencana dijalankan: %s; "+
				"kebijakan membatasi sesuatu yang tidak dikenal model rencana (lihat placement/plan.go)",
			e.Nama, e.NIP, v.ID, strings.Join(failed, "; "))
	}
	return d, nil
}

// afterState evaluates moving e to v when departures employees (e among
// them) leave e's position and arrivals employees (e among them) arrive in
// v: the rules see the source with the others gone (their "pemangku − 1"
// counts e) and the target with the others arrived.
func afterState(p *rules.Policy, org *Org, e *mutasi.Employee, v *mutasi.Position, departures, arrivals int, today time.Time) rules.Decision {
	subject := org.Subject(e)
	if cur := subject.Current; cur != nil {
		c := *cur
		c.Holders = cur.Holders - departures + 1
		subject.Current = &c
	}
	t := *v
	t.Holders = v.Holders + arrivals - 1
	return p.Evaluate(subject, &rules.Target{Position: &t, Unit: org.Units[v.UnitID]}, today)
}
