package placement

import (
	"context"
	"sort"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Relief is one move from another unit into an overloaded unit, with the
// workload of both sides before and after it.
type Relief struct {
	Employee *mutasi.Employee
	From     *mutasi.Position
	FromUnit *mutasi.Unit
	To       *mutasi.Position
	Score    float64
	Reasons  []Reason
	// EJ of the receiving position and unit, and of the giving unit,
	// before and after this one move.
	ToEJBefore, ToEJAfter             float64
	UnitEJBefore, UnitEJAfter         float64
	FromUnitEJBefore, FromUnitEJAfter float64
	Decision                          rules.Decision
}

// UnitRelief answers "which moves would relieve this overloaded unit?".
type UnitRelief struct {
	Unit     *mutasi.Unit
	Policy   *rules.Policy
	Date     time.Time
	EJ       float64 // the unit's EJ now (its own positions)
	Vacant   []*mutasi.Position
	Moves    []Relief
	Eligible int // eligible (employee, position) pairs found
}

// RecommendForUnit lists, for a unit, the eligible moves from other units
// into its vacant positions that relieve it most: the largest drop in the
// receiving position's EJ first, then the slackest giving unit, then the
// policy's score. Each employee appears once, with their best move.
func (s *Service) RecommendForUnit(ctx context.Context, a Actor, unitID string, opt RecommendOptions) (*UnitRelief, error) {
	if opt.Top <= 0 {
		opt.Top = 10
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, err
	}
	unit, err := org.unit(unitID)
	if err != nil {
		return nil, err
	}
	if err := a.mayManageUnit(org, unit); err != nil {
		return nil, err
	}
	p, today := s.Policy(), s.day(opt.Date)
	hours := effectiveHours(p)
	loads := org.unitLoads(nil)
	ur := &UnitRelief{Unit: unit, Policy: p, Date: today,
		EJ: mutasi.EJ(loads[unit.ID].Hours, loads[unit.ID].Holders, hours)}
	if ur.EJ <= 1 {
		return nil, mutasi.Errorf(mutasi.EINVALID, "unit %s tidak kelebihan beban: EJ %s (kelas %s); rekomendasi per unit untuk unit dengan EJ di atas 1",
			unit.ID, mutasi.FormatDecimal(ur.EJ, 2), mutasi.EJGrade(ur.EJ))
	}
	var targets []*rules.Target
	for _, v := range org.Vacancies() {
		if v.UnitID == unit.ID {
			ur.Vacant = append(ur.Vacant, v)
			targets = append(targets, org.Target(v))
		}
	}
	if len(targets) == 0 {
		return ur, nil
	}
	type option struct {
		emp   int
		t     int
		score float64
		drop  float64
		slack float64
	}
	best := make([][]option, s.cfg.Workers)
	counts := make([]int, s.cfg.Workers)
	err = parallel(ctx, s.cfg.Workers, len(org.Employees), func(w, lo, hi int) error {
		b := p.NewBatch(today, targets...)
		defer b.Close()
		var out []rules.Verdict
		for i := lo; i < hi; i++ {
			if (i-lo)%checkEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			e := org.Employees[i]
			cur := org.Positions[e.JabatanID]
			if cur != nil && cur.UnitID == unit.ID {
				continue // a move inside the unit relieves nothing
			}
			out = b.Check(org.Subject(e), out[:0])
			var pick *option
			for ti, v := range out {
				if !v.Eligible {
					continue
				}
				counts[w]++
				pos := targets[ti].Position
				o := option{emp: i, t: ti, score: v.Score,
					drop: mutasi.EJ(pos.BebanKerjaJam, pos.Holders, hours) - mutasi.EJ(pos.BebanKerjaJam, pos.Holders+1, hours)}
				if cur != nil {
					l := loads[cur.UnitID]
					o.slack = -mutasi.EJ(l.Hours, l.Holders-1, hours)
				}
				if pick == nil || reliefBetter(o.drop, o.slack, o.score, pick.drop, pick.slack, pick.score) {
					pick = &o
				}
			}
			if pick != nil {
				best[w] = append(best[w], *pick)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var all []option
	for w := range best {
		all = append(all, best[w]...)
		ur.Eligible += counts[w]
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.drop != b.drop || a.slack != b.slack || a.score != b.score {
			return reliefBetter(a.drop, a.slack, a.score, b.drop, b.slack, b.score)
		}
		return a.emp < b.emp
	})
	if len(all) > opt.Top {
		all = all[:opt.Top]
	}
	unitLoad := loads[unit.ID]
	for _, o := range all {
		e := org.Employees[o.emp]
		subject, target := org.Subject(e), targets[o.t]
		d := p.Evaluate(subject, target, today)
		r := Relief{Employee: e, From: subject.Current, FromUnit: subject.Unit, To: target.Position,
			Score: d.Score, Reasons: Reasons(p, d, subject, target), Decision: d,
			ToEJBefore:   mutasi.EJ(target.Position.BebanKerjaJam, target.Position.Holders, hours),
			ToEJAfter:    mutasi.EJ(target.Position.BebanKerjaJam, target.Position.Holders+1, hours),
			UnitEJBefore: ur.EJ, UnitEJAfter: mutasi.EJ(unitLoad.Hours, unitLoad.Holders+1, hours)}
		if subject.Current != nil {
			l := loads[subject.Current.UnitID]
			r.FromUnitEJBefore = mutasi.EJ(l.Hours, l.Holders, hours)
			r.FromUnitEJAfter = mutasi.EJ(l.Hours, l.Holders-1, hours)
		}
		ur.Moves = append(ur.Moves, r)
	}
	return ur, nil
}

// reliefBetter orders options: the larger drop of the receiving position's
// EJ, then the slacker giving unit (lower EJ after the move), then the
// higher score. An infinite drop (a position with work and no holder) is
// the largest.
func reliefBetter(dropA, slackA, scoreA, dropB, slackB, scoreB float64) bool {
	if dropA != dropB {
		return dropA > dropB || (isInf(dropA) && !isInf(dropB))
	}
	if slackA != slackB {
		return slackA > slackB
	}
	return scoreA > scoreB
}
