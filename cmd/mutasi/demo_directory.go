package main

import (
	"context"
	"slices"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/demo"
)

// demoDirectory holds a generated pemda as a read-only mutasi.Directory, so
// that the writers of package exchange, made for the store, write it. Rows
// are ordered as the store orders them (units and positions by id,
// employees and aspirations by NIP): the CSV files of 'mutasi demo --out'
// are then the same as an export of a database the demo was imported into.
type demoDirectory struct {
	units       []*mutasi.Unit
	positions   []*mutasi.Position
	employees   []*mutasi.Employee
	aspirations []*mutasi.Aspiration
}

var _ mutasi.Directory = (*demoDirectory)(nil)

func newDemoDirectory(p *demo.Pemda) (*demoDirectory, error) {
	d := &demoDirectory{}
	var err error
	if d.units, err = collectRows(p.Units()); err != nil {
		return nil, err
	}
	if d.positions, err = collectRows(p.Positions()); err != nil {
		return nil, err
	}
	if d.employees, err = collectRows(p.Employees()); err != nil {
		return nil, err
	}
	if d.aspirations, err = collectRows(p.Aspirations()); err != nil {
		return nil, err
	}
	holders := map[string]int{}
	for _, e := range d.employees {
		holders[e.JabatanID]++
	}
	for _, p := range d.positions {
		p.Holders = holders[p.ID]
	}
	slices.SortFunc(d.units, func(a, b *mutasi.Unit) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.positions, func(a, b *mutasi.Position) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.employees, func(a, b *mutasi.Employee) int { return strings.Compare(a.NIP, b.NIP) })
	slices.SortFunc(d.aspirations, func(a, b *mutasi.Aspiration) int { return strings.Compare(a.NIP, b.NIP) })
	return d, nil
}

func collectRows[T any](rows mutasi.RowReader[T]) ([]*T, error) {
	var out []*T
	err := rows(func(r mutasi.Row[T]) error {
		v := r.Value
		out = append(out, &v)
		return nil
	})
	return out, err
}

func find[T any](list []*T, key func(*T) string, id, what string) (*T, error) {
	i, ok := slices.BinarySearchFunc(list, id, func(v *T, id string) int { return strings.Compare(key(v), id) })
	if !ok {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "%s %s tidak ditemukan", what, id)
	}
	return list[i], nil
}

func (d *demoDirectory) Unit(ctx context.Context, id string) (*mutasi.Unit, error) {
	return find(d.units, func(u *mutasi.Unit) string { return u.ID }, id, "unit")
}

func (d *demoDirectory) Units(ctx context.Context) ([]*mutasi.Unit, error) { return d.units, nil }

func (d *demoDirectory) Position(ctx context.Context, id string) (*mutasi.Position, error) {
	return find(d.positions, func(p *mutasi.Position) string { return p.ID }, id, "jabatan")
}

func (d *demoDirectory) Positions(ctx context.Context) ([]*mutasi.Position, error) {
	return d.positions, nil
}

func (d *demoDirectory) Employee(ctx context.Context, nip string) (*mutasi.Employee, error) {
	return find(d.employees, func(e *mutasi.Employee) string { return e.NIP }, nip, "pegawai dengan NIP")
}

func (d *demoDirectory) EachEmployee(ctx context.Context, fn func(*mutasi.Employee) error) error {
	for _, e := range d.employees {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (d *demoDirectory) Aspiration(ctx context.Context, nip string) (*mutasi.Aspiration, error) {
	return find(d.aspirations, func(a *mutasi.Aspiration) string { return a.NIP }, nip, "aspirasi pegawai dengan NIP")
}

func (d *demoDirectory) EachAspiration(ctx context.Context, fn func(*mutasi.Aspiration) error) error {
	for _, a := range d.aspirations {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}
