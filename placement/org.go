package placement

import (
	"context"
	"sort"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Org is the organisation read once: active positions (with holders),
// units, aspirations and employees. It is shared and must not be changed.
type Org struct {
	Generation  int64
	Positions   map[string]*mutasi.Position // active only
	Units       map[string]*mutasi.Unit     // active only
	Aspirations map[string]*mutasi.Aspiration
	Employees   []*mutasi.Employee // active, in NIP order

	byNIP    map[string]*mutasi.Employee
	children map[string][]string // unit id → child unit ids, in id order
	posIDs   []string            // active position ids, sorted
	unitIDs  []string            // active unit ids, sorted
}

func loadOrg(ctx context.Context, dir mutasi.Directory) (*Org, error) {
	o := &Org{
		Positions:   map[string]*mutasi.Position{},
		Units:       map[string]*mutasi.Unit{},
		Aspirations: map[string]*mutasi.Aspiration{},
		byNIP:       map[string]*mutasi.Employee{},
		children:    map[string][]string{},
	}
	positions, err := dir.Positions(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range positions {
		o.Positions[p.ID] = p
		o.posIDs = append(o.posIDs, p.ID)
	}
	units, err := dir.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if !u.Active {
			continue
		}
		o.Units[u.ID] = u
		o.unitIDs = append(o.unitIDs, u.ID)
	}
	for _, u := range units {
		if u.Active && u.IndukID != "" {
			o.children[u.IndukID] = append(o.children[u.IndukID], u.ID)
		}
	}
	err = dir.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
		c := *a
		c.Pilihan = append([]string(nil), a.Pilihan...)
		o.Aspirations[a.NIP] = &c
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dir.EachEmployee(ctx, func(e *mutasi.Employee) error {
		c := *e // the directory reuses its Employee
		o.Employees = append(o.Employees, &c)
		o.byNIP[c.NIP] = &c
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(o.posIDs)
	sort.Strings(o.unitIDs)
	for _, ids := range o.children {
		sort.Strings(ids)
	}
	return o, nil
}

// Employee returns the active employee with the NIP, or nil.
func (o *Org) Employee(nip string) *mutasi.Employee { return o.byNIP[nip] }

// Subject pairs an employee with their current position, its unit and
// their aspiration, as the policy sees them.
func (o *Org) Subject(e *mutasi.Employee) rules.Subject {
	s := rules.Subject{Employee: e, Current: o.Positions[e.JabatanID], Aspiration: o.Aspirations[e.NIP]}
	if s.Current != nil {
		s.Unit = o.Units[s.Current.UnitID]
	}
	return s
}

// Target returns the position as a move's target.
func (o *Org) Target(p *mutasi.Position) *rules.Target {
	return &rules.Target{Position: p, Unit: o.Units[p.UnitID]}
}

// Vacancies returns the active positions with room (kebutuhan > holders)
// in id order.
func (o *Org) Vacancies() []*mutasi.Position {
	var out []*mutasi.Position
	for _, id := range o.posIDs {
		if p := o.Positions[id]; p.Vacancy() > 0 {
			out = append(out, p)
		}
	}
	return out
}

// PositionIDs returns the active position ids, sorted.
func (o *Org) PositionIDs() []string { return o.posIDs }

// UnitIDs returns the active unit ids, sorted.
func (o *Org) UnitIDs() []string { return o.unitIDs }

// Subtree returns the given units and every unit below them.
func (o *Org) Subtree(roots ...string) map[string]bool {
	in := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if in[id] {
			return
		}
		in[id] = true
		for _, c := range o.children[id] {
			walk(c)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return in
}

// UnitWorkload sums a unit's own positions (not its sub-units'), as
// `mutasi stats` shows them.
type UnitWorkload struct {
	UnitID  string
	Hours   float64
	Holders int
}

// unitLoads returns each active unit's workload hours and holders, with
// holders adjusted by delta (position id → change in holders).
func (o *Org) unitLoads(delta map[string]int) map[string]*UnitWorkload {
	out := make(map[string]*UnitWorkload, len(o.Units))
	for id := range o.Units {
		out[id] = &UnitWorkload{UnitID: id}
	}
	for _, p := range o.Positions {
		w := out[p.UnitID]
		if w == nil {
			continue
		}
		w.Hours += p.BebanKerjaJam
		w.Holders += p.Holders + delta[p.ID]
	}
	return out
}
