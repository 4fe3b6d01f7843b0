package placement

// The global plan.
//
// Model. Let E be the active employees, V the positions with a vacancy
// before the plan (kebutuhan > holders), and score(e, v) the policy's
// score of moving e to v, evaluated in the state before the plan and
// rounded to two decimals. A plan is a set of moves (e, v) that maximises
// the objective Σ score(e, v) subject to:
//
//  1. every move is eligible under the policy: before the plan, and again
//     in the state after the whole plan (checked, see verify);
//  2. each employee moves at most once;
//  3. a vacancy v receives at most vacancy(v) − (lowongan_min − 1)
//     employees: the formasi rule still holds for the last one to arrive;
//  4. a source position P loses at most the largest k for which
//     EJ(beban(P), holders(P) − k) ≤ ej_asal_maks, the workload rule with
//     all departures counted;
//
// moves fill the vacancies that exist before the plan: departures are
// counted as if nobody arrived in their position, and arrivals as if
// nobody left theirs. For a position that both gives and receives this is
// conservative (its arrivals would leave room for more departures), and
// it is what a person checking a plan by hand would count;
//  5. only moves with a positive score are made (a move that adds nothing
//     to the objective is not worth a person's upheaval).
//
// Constraints 2–4 form a network: source position → employee → vacancy,
// with capacities, and maximising the sum of scores over it is a min-cost
// flow with costs −score, solved exactly (integers, not floats) by
// package assign. Constraint 1 for the single move is the eligibility of
// the pair; for the whole plan the policy may know capacities the model
// does not, so every move of the solution is evaluated again with the
// full policy in the state after every other move of the plan, and a move
// that fails there fails the plan loudly rather than being shown.

import (
	"context"
	"math"
	"math/bits"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/assign"
	"github.com/mutasi/mutasi/rules"
)

// PlanOptions shape a plan.
type PlanOptions struct {
	Date time.Time // evaluation date (zero: today)
	// Progress, if set, is called with the employees evaluated so far.
	Progress func(done, total int)
}

// model is the optimisation problem built from the organisation.
type model struct {
	org       *Org
	policy    *rules.Policy
	today     time.Time
	vacancies []*mutasi.Position
	targets   []*rules.Target
	employees []int32            // index in org.Employees of each candidate employee
	groups    []*mutasi.Position // source position of each group (nil: none active)
	problem   assign.Problem     // edge weights are scores × scoreScale
	// Why vacancies stay open: per vacancy, eligible candidates and, per
	// rule, the employees movable in general that it blocked.
	movable  int
	eligible []int
	blocked  [][]int32
}

// scoreScale turns a score rounded to two decimals into an exact integer
// weight for the solver, so that the objective it maximises is exactly
// the sum of the scores shown.
const scoreScale = 100

func roundScore(s float64) float64 { return math.Round(s*scoreScale) / scoreScale }

// buildModel evaluates every employee against every vacancy and keeps the
// eligible pairs with a positive score.
func (s *Service) buildModel(ctx context.Context, org *Org, p *rules.Policy, today time.Time, progress func(int, int)) (*model, error) {
	m := &model{org: org, policy: p, today: today, vacancies: org.Vacancies()}
	for _, v := range m.vacancies {
		m.targets = append(m.targets, org.Target(v))
	}
	free := p.TargetFree()
	nv, nr := len(m.vacancies), len(p.Rules)
	// Workers collect edges with the employee's index in org.Employees;
	// the merge renumbers them densely. Edges are the bulk of a plan's
	// memory (15 million on 100,000 employees), so they are kept once, as
	// the solver wants them.
	type part struct {
		edges    []assign.Edge
		movable  int
		eligible []int
		blocked  [][]int32
	}
	parts := make([]part, s.cfg.Workers)
	err := parallel(ctx, s.cfg.Workers, len(org.Employees), func(w, lo, hi int) error {
		general := p.NewBatch(today)
		defer general.Close()
		var pairs *rules.Batch
		if nv > 0 {
			pairs = p.NewBatch(today, m.targets...)
			defer pairs.Close()
		}
		pt := &parts[w]
		pt.eligible = make([]int, nv)
		pt.blocked = make([][]int32, nv)
		for v := range pt.blocked {
			pt.blocked[v] = make([]int32, nr)
		}
		var out []rules.Verdict
		for i := lo; i < hi; i++ {
			if (i-lo)%checkEvery == 0 {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// Workers share the employees evenly: the first one's
				// progress, times the workers, is everyone's.
				if progress != nil && w == 0 {
					progress(min((i-lo)*s.cfg.Workers, len(org.Employees)), len(org.Employees))
				}
			}
			if nv == 0 {
				continue
			}
			e := org.Employees[i]
			subject := org.Subject(e)
			// A rule that never reads the target and blocks in general
			// blocks every pair: skip the employee's pairs.
			out = general.Check(subject, out[:0])
			if out[0].Blocking.Intersects(&free) {
				continue
			}
			pt.movable++
			out = pairs.Check(subject, out[:0])
			for v, vd := range out {
				if m.vacancies[v].ID == e.JabatanID {
					continue
				}
				if vd.Eligible {
					pt.eligible[v]++
					if w := int64(math.Round(roundScore(vd.Score) * scoreScale)); w > 0 {
						pt.edges = append(pt.edges, assign.Edge{Employee: int32(i), Slot: int32(v), Weight: w})
					}
					continue
				}
				for wi, word := range vd.Blocking {
					for word != 0 {
						r := wi*64 + bits.TrailingZeros64(word)
						word &= word - 1
						pt.blocked[v][r]++
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Merge in worker order: workers own contiguous NIP ranges, so edges
	// come out in (employee, vacancy) order whatever the worker count.
	m.eligible = make([]int, nv)
	m.blocked = make([][]int32, nv)
	for v := range m.blocked {
		m.blocked[v] = make([]int32, nr)
	}
	groupOf := map[string]int32{}
	empIndex := map[int32]int32{}
	total := 0
	for _, pt := range parts {
		total += len(pt.edges)
	}
	m.problem.Edges = make([]assign.Edge, 0, total)
	for w := range parts {
		pt := &parts[w]
		if pt.eligible == nil {
			continue // a worker that had no employees (fewer than workers)
		}
		m.movable += pt.movable
		for v := range nv {
			m.eligible[v] += pt.eligible[v]
			for r := range nr {
				m.blocked[v][r] += pt.blocked[v][r]
			}
		}
		for _, ed := range pt.edges {
			ei, ok := empIndex[ed.Employee]
			if !ok {
				ei = int32(len(m.employees))
				empIndex[ed.Employee] = ei
				m.employees = append(m.employees, ed.Employee)
				src := org.Employees[ed.Employee].JabatanID
				g, ok := groupOf[src]
				if !ok || org.Positions[src] == nil {
					g = int32(len(m.groups))
					groupOf[src] = g
					m.groups = append(m.groups, org.Positions[src])
				}
				m.problem.Group = append(m.problem.Group, g)
			}
			ed.Employee = ei
			m.problem.Edges = append(m.problem.Edges, ed)
		}
		pt.edges = nil // let the collector have it before the solver runs
	}
	m.problem.GroupCap = make([]int, len(m.groups))
	for g, pos := range m.groups {
		m.problem.GroupCap[g] = maxDepartures(p, pos)
	}
	m.problem.SlotCap = make([]int, nv)
	for v, pos := range m.vacancies {
		m.problem.SlotCap[v] = maxArrivals(p, pos)
	}
	return m, nil
}

// maxDepartures is constraint 4: how many holders may leave the position
// with its EJ still within ej_asal_maks. A policy without that param sets
// no such limit; an employee without an active position is their own group
// of one.
func maxDepartures(p *rules.Policy, pos *mutasi.Position) int {
	if pos == nil {
		return 1
	}
	limit, ok := paramNumber(p, "ej_asal_maks")
	if !ok {
		return pos.Holders
	}
	hours := effectiveHours(p)
	k := 0
	for k < pos.Holders && mutasi.EJ(pos.BebanKerjaJam, pos.Holders-(k+1), hours) <= limit {
		k++
	}
	return k
}

// maxArrivals is constraint 3: the vacancy less what the formasi rule
// wants left over (lowongan_min − 1).
func maxArrivals(p *rules.Policy, pos *mutasi.Position) int {
	minOpen := 1.0
	if v, ok := paramNumber(p, "lowongan_min"); ok {
		minOpen = v
	}
	return max(0, pos.Vacancy()-int(math.Ceil(minOpen))+1)
}
