package placement

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// memDir is an in-memory mutasi.Directory: tests build organisations of any
// shape without a database, thousands of times.
type memDir struct {
	units       []*mutasi.Unit
	positions   []*mutasi.Position
	employees   []*mutasi.Employee
	aspirations map[string]*mutasi.Aspiration
}

func (d *memDir) holders(id string) int {
	n := 0
	for _, e := range d.employees {
		if e.Active && e.JabatanID == id {
			n++
		}
	}
	return n
}

func (d *memDir) Unit(_ context.Context, id string) (*mutasi.Unit, error) {
	for _, u := range d.units {
		if u.ID == id {
			c := *u
			return &c, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "unit %s", id)
}

func (d *memDir) Units(context.Context) ([]*mutasi.Unit, error) {
	var out []*mutasi.Unit
	for _, u := range d.units {
		if u.Active {
			c := *u
			out = append(out, &c)
		}
	}
	return out, nil
}

func (d *memDir) Position(_ context.Context, id string) (*mutasi.Position, error) {
	for _, p := range d.positions {
		if p.ID == id {
			c := *p
			c.Holders = d.holders(id)
			return &c, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "jabatan %s", id)
}

func (d *memDir) Positions(context.Context) ([]*mutasi.Position, error) {
	var out []*mutasi.Position
	for _, p := range d.positions {
		if p.Active {
			c := *p
			c.Holders = d.holders(p.ID)
			out = append(out, &c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (d *memDir) Employee(_ context.Context, nip string) (*mutasi.Employee, error) {
	for _, e := range d.employees {
		if e.NIP == nip {
			c := *e
			return &c, nil
		}
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai %s", nip)
}

func (d *memDir) EachEmployee(_ context.Context, fn func(*mutasi.Employee) error) error {
	list := append([]*mutasi.Employee(nil), d.employees...)
	sort.Slice(list, func(i, j int) bool { return list[i].NIP < list[j].NIP })
	for _, e := range list {
		if !e.Active {
			continue
		}
		c := *e
		if err := fn(&c); err != nil {
			return err
		}
	}
	return nil
}

func (d *memDir) Aspiration(_ context.Context, nip string) (*mutasi.Aspiration, error) {
	if a := d.aspirations[nip]; a != nil {
		c := *a
		return &c, nil
	}
	return nil, mutasi.Errorf(mutasi.ENOTFOUND, "aspirasi %s", nip)
}

func (d *memDir) EachAspiration(_ context.Context, fn func(*mutasi.Aspiration) error) error {
	for _, a := range d.aspirations {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

var testDay = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func loadDefaultPolicy(t testing.TB) *rules.Policy {
	t.Helper()
	p, err := rules.LoadDir("../policies")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func newTestService(d mutasi.Directory, p *rules.Policy) *Service {
	return New(Config{Directory: d, Policy: func() *rules.Policy { return p },
		Now: func() time.Time { return testDay }, Workers: 2})
}

// person returns a valid PNS who passes every rule that does not read the
// target: four years in post, good ratings, no sanction.
func person(n int, jabatan string) *mutasi.Employee {
	birth := time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	cpns := time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC)
	return &mutasi.Employee{
		NIP:  birth.Format("20060102") + cpns.Format("200601") + "1" + fmt.Sprintf("%03d", n%1000),
		Nama: fmt.Sprintf("Pegawai %d", n), TanggalLahir: birth, JenisKelamin: "L",
		Status: mutasi.StatusPNS, Golongan: "III/b", JabatanID: jabatan,
		TMTJabatan: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), TMTCPNS: cpns,
		PendidikanJenjang: mutasi.PendidikanS1, PendidikanJurusan: "Ilmu Hukum",
		KinerjaTahunLalu: mutasi.KinerjaBaik, KinerjaDuaTahunLalu: mutasi.KinerjaSangatBaik,
		KotakTalenta: 5, Active: true,
	}
}

// randomOrg builds a small random organisation: a few source positions
// whose workload lets some holders go, a few vacancies asking for one
// family or any, and employees who differ in what the rules read.
func randomOrg(r *rand.Rand, maxEmployees, maxVacancies int) *memDir {
	d := &memDir{aspirations: map[string]*mutasi.Aspiration{}}
	d.units = []*mutasi.Unit{
		{ID: "ROOT", Nama: "Pemda", Active: true},
		{ID: "UA", Nama: "Unit A", IndukID: "ROOT", Active: true},
		{ID: "UB", Nama: "Unit B", IndukID: "ROOT", Active: true},
	}
	nEmp := 1 + r.IntN(maxEmployees)
	nSrc := 1 + r.IntN(3)
	nVac := 1 + r.IntN(maxVacancies)
	families := [][]string{nil, {"Hukum"}, {"Ekonomi"}}
	majors := []string{"Ilmu Hukum", "Akuntansi", "Manajemen", "Hukum Tata Negara"}
	for v := range nVac {
		holders := r.IntN(2)
		d.positions = append(d.positions, &mutasi.Position{
			ID: fmt.Sprintf("V%d", v), UnitID: []string{"UA", "UB"}[v%2], Nama: fmt.Sprintf("Lowongan %d", v),
			Jenis: mutasi.JenisPelaksana, Kebutuhan: holders + 1 + r.IntN(3),
			BebanKerjaJam:    1250 * float64(holders+2) * (0.8 + 0.4*r.Float64()),
			RumpunPendidikan: families[r.IntN(len(families))], Active: true,
		})
	}
	for s := range nSrc {
		d.positions = append(d.positions, &mutasi.Position{
			ID: fmt.Sprintf("S%d", s), UnitID: []string{"UA", "UB"}[s%2], Nama: fmt.Sprintf("Sumber %d", s),
			Jenis: mutasi.JenisPelaksana, Kebutuhan: 1, Active: true,
		})
	}
	for i := range nEmp {
		var pos string
		if i < nEmp-1 && r.IntN(5) == 0 {
			pos = fmt.Sprintf("V%d", r.IntN(nVac)) // some sit in a vacancy's own position
		} else {
			pos = fmt.Sprintf("S%d", r.IntN(nSrc))
		}
		e := person(i, pos)
		e.PendidikanJurusan = majors[r.IntN(len(majors))]
		e.KotakTalenta = r.IntN(10)
		e.TMTJabatan = testDay.AddDate(0, -(18 + r.IntN(60)), 0) // some under two years
		if r.IntN(6) == 0 {
			e.KinerjaTahunLalu = mutasi.KinerjaButuhPerbaikan
		}
		if r.IntN(3) == 0 {
			a := &mutasi.Aspiration{NIP: e.NIP, Alasan: "dekat rumah"}
			for range 1 + r.IntN(3) {
				a.Pilihan = append(a.Pilihan, fmt.Sprintf("V%d", r.IntN(nVac)))
			}
			d.aspirations[e.NIP] = a
		}
		d.employees = append(d.employees, e)
	}
	// Source workloads: each source position can lose k of its holders
	// with EJ still ≤ 1 (k random, 0 up to all but one).
	for _, p := range d.positions {
		if p.ID[0] != 'S' {
			continue
		}
		h := d.holders(p.ID)
		p.Kebutuhan = max(h, 1)
		k := r.IntN(h + 1)
		if h == 0 {
			continue
		}
		stay := max(h-k, 1)
		p.BebanKerjaJam = 1250 * float64(stay) * (0.5 + 0.5*r.Float64())
	}
	return d
}
