package main

import (
	"context"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
	"github.com/mutasi/mutasi/store"
)

// snapshot is the organisation as the policy engine needs it: positions
// (with holders), units and aspirations by id, read once. Employees are not
// held; commands stream them and pair each with its position here.
type snapshot struct {
	positions   map[string]*mutasi.Position
	units       map[string]*mutasi.Unit
	aspirations map[string]*mutasi.Aspiration
}

// openSnapshot opens the existing database and reads its snapshot; the
// caller closes the database.
func openSnapshot(ctx context.Context, a *app) (*store.DB, *snapshot, error) {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	snap, err := loadSnapshot(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, snap, nil
}

func loadSnapshot(ctx context.Context, dir mutasi.Directory) (*snapshot, error) {
	s := &snapshot{
		positions:   map[string]*mutasi.Position{},
		units:       map[string]*mutasi.Unit{},
		aspirations: map[string]*mutasi.Aspiration{},
	}
	positions, err := dir.Positions(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range positions {
		s.positions[p.ID] = p
	}
	units, err := dir.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		s.units[u.ID] = u
	}
	err = dir.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
		c := *a
		c.Pilihan = append([]string(nil), a.Pilihan...)
		s.aspirations[a.NIP] = &c
		return nil
	})
	return s, err
}

// subject pairs an employee with their current position, unit and
// aspiration. A position that is not in the snapshot (inactive) is looked
// up in dir so that the explanation can still name it.
func (s *snapshot) subject(e *mutasi.Employee) rules.Subject {
	sub := rules.Subject{Employee: e, Current: s.positions[e.JabatanID], Aspiration: s.aspirations[e.NIP]}
	if sub.Current != nil {
		sub.Unit = s.units[sub.Current.UnitID]
	}
	return sub
}

// vacancies returns every active position with room (kebutuhan > holders),
// in id order, as targets.
func (s *snapshot) vacancies() []*rules.Target {
	var out []*rules.Target
	for _, p := range sortedPositions(s.positions) {
		if p.Vacancy() > 0 {
			out = append(out, &rules.Target{Position: p, Unit: s.units[p.UnitID]})
		}
	}
	return out
}

func sortedPositions(m map[string]*mutasi.Position) []*mutasi.Position {
	list := make([]*mutasi.Position, 0, len(m))
	for _, p := range m {
		list = append(list, p)
	}
	sortBy(list, func(p *mutasi.Position) string { return p.ID })
	return list
}
