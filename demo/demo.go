// Package demo generates a realistic synthetic regional government (pemda):
// about forty units, positions of every kind with ABK figures, any number of
// employees with valid NIPs and plausible careers, and their aspirations.
// It exists so that people can try mutasi, and so that its performance can
// be measured, without real personnel data.
//
// The output is a function of Config alone: the same seed, size and date
// give the same rows, byte for byte. Dates are relative to Config.Today;
// the package never reads the clock.
//
// The majors drawn are those of policies/rumpun_pendidikan.yaml (a test
// holds them to it), except a few deliberately unknown ones. A few more
// deliberate gaps, as real exports have (gaps.go), give the data-quality
// report (package quality) something to find.
package demo

import (
	"fmt"
	"time"

	"github.com/mutasi/mutasi"
)

// DefaultEmployees is the size of the demo when Config.Employees is 0.
const DefaultEmployees = 2000

// MaxEmployees bounds Config.Employees; the NIP space and memory allow far
// more, but no pemda has more.
const MaxEmployees = 1_000_000

// Config says what to generate.
type Config struct {
	Seed      uint64
	Employees int       // 0 means DefaultEmployees
	Today     time.Time // the reference date; required
}

// Pemda is a generated regional government. Units and positions are built
// by New; employees and aspirations are generated while they are read, so
// that a large demo streams in constant memory apart from the position of
// each employee (4 bytes each).
type Pemda struct {
	cfg    Config
	today  time.Time
	units  []mutasi.Unit
	posts  []post
	slots  []int32 // slots[i] is the post of employee i
	byName map[string][]int
	gaps   bool // deliberate data gaps (gaps.go); always on outside tests
}

// New builds the pemda described by cfg.
func New(cfg Config) (*Pemda, error) { return newPemda(cfg, true) }

// newPemda builds the pemda, with or without its deliberate gaps (a test
// holds everything else to be the same either way).
func newPemda(cfg Config, gaps bool) (*Pemda, error) {
	if cfg.Employees == 0 {
		cfg.Employees = DefaultEmployees
	}
	if cfg.Employees < 1 || cfg.Employees > MaxEmployees {
		return nil, mutasi.Errorf(mutasi.EINVALID, "jumlah pegawai harus antara 1 dan %d, bukan %d", MaxEmployees, cfg.Employees)
	}
	if cfg.Today.IsZero() {
		return nil, mutasi.Errorf(mutasi.EINVALID, "tanggal acuan wajib diisi")
	}
	if cfg.Today.Year() < 2000 || cfg.Today.Year() > 2200 {
		return nil, mutasi.Errorf(mutasi.EINVALID, "tanggal acuan %s di luar rentang yang masuk akal", mutasi.FormatDate(cfg.Today))
	}
	p := &Pemda{cfg: cfg, today: mutasi.Day(cfg.Today)}
	p.units, p.posts, p.slots = build(cfg.Seed, cfg.Employees)
	p.gaps = gaps
	if gaps {
		markNoWorkload(cfg.Seed, p.posts)
	}
	if len(p.slots) != cfg.Employees {
		return nil, fmt.Errorf("demo: planned %d employees, want %d", len(p.slots), cfg.Employees)
	}
	p.byName = map[string][]int{}
	for i, ps := range p.posts {
		p.byName[ps.pos.Nama] = append(p.byName[ps.pos.Nama], i)
	}
	return p, nil
}

// Config returns the configuration the pemda was built with, defaults
// filled in.
func (p *Pemda) Config() Config { return p.cfg }

// UnitCount, PositionCount and EmployeeCount size the tables.
func (p *Pemda) UnitCount() int     { return len(p.units) }
func (p *Pemda) PositionCount() int { return len(p.posts) }
func (p *Pemda) EmployeeCount() int { return len(p.slots) }

// Units reads the units, parents before children.
func (p *Pemda) Units() mutasi.RowReader[mutasi.Unit] {
	return func(yield func(mutasi.Row[mutasi.Unit]) error) error {
		for i, u := range p.units {
			if err := yield(mutasi.Row[mutasi.Unit]{Num: i + 2, Value: u}); err != nil {
				return err
			}
		}
		return nil
	}
}

// Positions reads the positions, unit by unit.
func (p *Pemda) Positions() mutasi.RowReader[mutasi.Position] {
	return func(yield func(mutasi.Row[mutasi.Position]) error) error {
		for i := range p.posts {
			pos := p.posts[i].pos
			pos.RumpunPendidikan = append([]string(nil), pos.RumpunPendidikan...)
			if err := yield(mutasi.Row[mutasi.Position]{Num: i + 2, Value: pos}); err != nil {
				return err
			}
		}
		return nil
	}
}

// Employees generates the employees; every read yields the same rows.
func (p *Pemda) Employees() mutasi.RowReader[mutasi.Employee] {
	return func(yield func(mutasi.Row[mutasi.Employee]) error) error {
		g := p.newEmployeeGen()
		var row mutasi.Row[mutasi.Employee]
		for i := range p.slots {
			row.Num = i + 2
			g.employee(i, &row.Value)
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// Aspirations generates the aspirations of about a third of the employees,
// in employee order. Each choice is an existing position or unit id.
func (p *Pemda) Aspirations() mutasi.RowReader[mutasi.Aspiration] {
	return func(yield func(mutasi.Row[mutasi.Aspiration]) error) error {
		eg, ag := p.newEmployeeGen(), p.newAspirationGen()
		var e mutasi.Employee
		var row mutasi.Row[mutasi.Aspiration]
		row.Num = 1
		for i := range p.slots {
			// The NIP depends on the employees before, so every employee
			// is generated, even those without an aspiration.
			eg.employee(i, &e)
			if !ag.aspiration(i, e.NIP, &row.Value) {
				continue
			}
			row.Num++
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}
}
