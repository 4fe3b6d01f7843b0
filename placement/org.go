package placement

import (
	"context"
	"sort"
	"strings"
	"sync"

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

	children map[string][]string // unit id → child unit ids, in id order
	keyOnce  sync.Once
	keys     []searchKey // per position (posIDs order), for searches
	subjOnce sync.Once
	subjs    []rules.Subject    // per employee, built on first use
	holds    []*mutasi.Position // per employee, the position held (nil: inactive)
	posIDs   []string           // active position ids, sorted
	unitIDs  []string           // active unit ids, sorted
}

func newOrg() *Org {
	return &Org{
		Positions:   map[string]*mutasi.Position{},
		Units:       map[string]*mutasi.Unit{},
		Aspirations: map[string]*mutasi.Aspiration{},
		children:    map[string][]string{},
	}
}

func (o *Org) addUnit(u *mutasi.Unit) {
	if !u.Active {
		return
	}
	o.Units[u.ID] = u
	o.unitIDs = append(o.unitIDs, u.ID)
}

func (o *Org) addPosition(p *mutasi.Position) {
	o.Positions[p.ID] = p
	o.posIDs = append(o.posIDs, p.ID)
}

// finish builds the derived indexes once every table is in.
func (o *Org) finish() {
	for _, id := range o.unitIDs {
		if u := o.Units[id]; u.IndukID != "" {
			o.children[u.IndukID] = append(o.children[u.IndukID], u.ID)
		}
	}
	sort.Strings(o.posIDs)
	sort.Strings(o.unitIDs)
	for _, ids := range o.children {
		sort.Strings(ids)
	}
}

// loadOrg reads the organisation table by table.
func loadOrg(ctx context.Context, dir mutasi.Directory) (*Org, error) {
	o := newOrg()
	positions, err := dir.Positions(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range positions {
		o.addPosition(p)
	}
	units, err := dir.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		o.addUnit(u)
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Only the active employees' aspirations matter, as in a snapshot.
	active := make(map[string]*mutasi.Aspiration, len(o.Aspirations))
	for _, e := range o.Employees {
		if a := o.Aspirations[e.NIP]; a != nil {
			active[e.NIP] = a
		}
	}
	o.Aspirations = active
	o.finish()
	return o, nil
}

// Employee returns the active employee with the NIP, or nil.
// Employees are in NIP order, so a binary search finds one without a map
// of 100,000 entries to build on every load.
func (o *Org) Employee(nip string) *mutasi.Employee {
	i := sort.Search(len(o.Employees), func(i int) bool { return o.Employees[i].NIP >= nip })
	if i < len(o.Employees) && o.Employees[i].NIP == nip {
		return o.Employees[i]
	}
	return nil
}

// subjects returns every employee's Subject, in Employees order.
func (o *Org) subjects() []rules.Subject {
	o.subjOnce.Do(func() {
		if o.subjs != nil {
			return // decodeOrg built them as it read the employees
		}
		o.subjs = make([]rules.Subject, len(o.Employees))
		o.holds = make([]*mutasi.Position, len(o.Employees))
		for i, e := range o.Employees {
			o.subjs[i] = o.Subject(e)
			o.holds[i] = o.subjs[i].Current
		}
	})
	return o.subjs
}

// holding returns, per employee, the active position they hold: a dense
// array, so that a scan over 100,000 employees does not chase a pointer
// to each one's record only to skip the target's own holders.
func (o *Org) holding() []*mutasi.Position {
	o.subjects()
	return o.holds
}

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

// searchKey is a position's name and id as searches compare them,
// normalised once per organisation rather than on every search.
type searchKey struct {
	norm  string
	words []string
	lid   string
}

func (o *Org) searchKeys() []searchKey {
	o.keyOnce.Do(func() {
		o.keys = make([]searchKey, len(o.posIDs))
		for i, id := range o.posIDs {
			n := normalize(o.Positions[id].Nama)
			o.keys[i] = searchKey{norm: n, words: strings.Fields(n), lid: strings.ToLower(id)}
		}
	})
	return o.keys
}
