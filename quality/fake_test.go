package quality

import (
	"context"

	"github.com/mutasi/mutasi"
)

// memDir is an in-memory mutasi.Directory that behaves as the store does:
// lists hold active rows only, a row asked for by id is returned whether
// active or not, employees and aspirations come in NIP order (as the rows
// are given), aspirations only of active employees.
type memDir struct {
	units       []*mutasi.Unit
	positions   []*mutasi.Position
	employees   []*mutasi.Employee
	aspirations []*mutasi.Aspiration
	byNIP       map[string]*mutasi.Employee // built on first use
}

var _ mutasi.Directory = (*memDir)(nil)

// countHolders sets every position's holders to its active employees.
func (d *memDir) countHolders() {
	n := map[string]int{}
	for _, e := range d.employees {
		if e.Active {
			n[e.JabatanID]++
		}
	}
	for _, p := range d.positions {
		p.Holders = n[p.ID]
	}
}

func (d *memDir) Unit(_ context.Context, id string) (*mutasi.Unit, error) {
	for _, u := range d.units {
		if u.ID == id {
			return u, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "unit %s tidak ditemukan", id)
}

func (d *memDir) Units(context.Context) ([]*mutasi.Unit, error) {
	var out []*mutasi.Unit
	for _, u := range d.units {
		if u.Active {
			out = append(out, u)
		}
	}
	return out, nil
}

func (d *memDir) Position(_ context.Context, id string) (*mutasi.Position, error) {
	for _, p := range d.positions {
		if p.ID == id {
			return p, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "jabatan %s tidak ditemukan", id)
}

func (d *memDir) Positions(context.Context) ([]*mutasi.Position, error) {
	var out []*mutasi.Position
	for _, p := range d.positions {
		if p.Active {
			out = append(out, p)
		}
	}
	return out, nil
}

func (d *memDir) Employee(_ context.Context, nip string) (*mutasi.Employee, error) {
	if d.byNIP == nil {
		d.byNIP = map[string]*mutasi.Employee{}
		for _, e := range d.employees {
			d.byNIP[e.NIP] = e
		}
	}
	if e, ok := d.byNIP[nip]; ok {
		return e, nil
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai %s tidak ditemukan", nip)
}

func (d *memDir) EachEmployee(_ context.Context, fn func(*mutasi.Employee) error) error {
	var e mutasi.Employee // reused, as the store does
	for _, x := range d.employees {
		if !x.Active {
			continue
		}
		e = *x
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

func (d *memDir) Aspiration(_ context.Context, nip string) (*mutasi.Aspiration, error) {
	for _, a := range d.aspirations {
		if a.NIP == nip {
			return a, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "aspirasi %s tidak ditemukan", nip)
}

func (d *memDir) EachAspiration(ctx context.Context, fn func(*mutasi.Aspiration) error) error {
	for _, a := range d.aspirations {
		if e, err := d.Employee(ctx, a.NIP); err != nil || !e.Active {
			continue
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}
