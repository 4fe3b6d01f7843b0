package placement

import (
	"context"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// RecommendOptions shape a recommendation.
type RecommendOptions struct {
	Top        int       // candidates to return (default 5)
	NearMisses int       // near misses to return (default Top)
	Date       time.Time // evaluation date (zero: today)
}

// Candidate is an eligible employee for a position, with the reasons that
// ranked them.
type Candidate struct {
	Employee *mutasi.Employee
	From     *mutasi.Position // current position (nil if it is no longer active)
	FromUnit *mutasi.Unit
	Score    float64
	Reasons  []Reason
	Decision rules.Decision
}

// NearMiss is a high-scoring employee blocked by exactly one rule.
type NearMiss struct {
	Employee *mutasi.Employee
	From     *mutasi.Position
	FromUnit *mutasi.Unit
	Score    float64
	Rule     *rules.Rule
	// Message is the rule's message for this person ("kurang 3 bulan …"),
	// or "" when the actor may not read the person's record (a manager
	// looking at another unit's employee sees only which rule).
	Message string
}

// RuleCount is how many employees one rule blocked.
type RuleCount struct {
	Rule  *rules.Rule
	Count int
}

// Recommendation answers "who are the best people for this vacancy?".
type Recommendation struct {
	Position   *mutasi.Position
	Unit       *mutasi.Unit
	Policy     *rules.Policy
	Date       time.Time
	Considered int // employees evaluated (everyone active but the holders)
	Movable    int // of whom no rule that ignores the target blocks
	Eligible   int // of whom eligible
	Candidates []Candidate
	NearMisses []NearMiss
	// Blockers counts, for every rule, the movable employees it blocked,
	// most first: what stands between the people who may be moved and
	// this vacancy.
	Blockers []RuleCount
}

// Recommend ranks the employees eligible for the position by the policy's
// score, each with the reasons that ranked them, and names the
// best-scoring near misses.
func (s *Service) Recommend(ctx context.Context, a Actor, positionID string, opt RecommendOptions) (*Recommendation, error) {
	if opt.Top <= 0 {
		opt.Top = 5
	}
	if opt.NearMisses <= 0 {
		opt.NearMisses = opt.Top
	}
	org, pos, err := s.managedPosition(ctx, a, positionID)
	if err != nil {
		return nil, err
	}
	p, today := s.Policy(), s.day(opt.Date)
	target := org.Target(pos)
	rk, err := s.rank(ctx, org, p, today, target, opt.Top, opt.NearMisses)
	if err != nil {
		return nil, err
	}
	r := &Recommendation{Position: pos, Unit: target.Unit, Policy: p, Date: today,
		Considered: rk.considered, Movable: rk.movable, Eligible: rk.eligible, Blockers: rk.blockers(p)}
	for _, c := range rk.top.items {
		e := org.Employees[c.index]
		subject := org.Subject(e)
		d := p.Evaluate(subject, target, today)
		r.Candidates = append(r.Candidates, Candidate{Employee: e, From: subject.Current, FromUnit: subject.Unit,
			Score: d.Score, Reasons: Reasons(p, d, subject, target), Decision: d})
	}
	for _, c := range rk.near.items {
		e := org.Employees[c.index]
		subject := org.Subject(e)
		d := p.Evaluate(subject, target, today)
		nm := NearMiss{Employee: e, From: subject.Current, FromUnit: subject.Unit, Score: d.Score}
		for _, rr := range d.Rules {
			if !rr.Passed && rr.Severity == rules.SeverityBlock {
				nm.Rule = rr.Rule
				if a.mayReadEmployee(org, e) == nil {
					nm.Message = rr.Message
				}
			}
		}
		r.NearMisses = append(r.NearMisses, nm)
	}
	return r, nil
}

// managedPosition reads the organisation and the active position the
// actor asks about, if they may work on it.
func (s *Service) managedPosition(ctx context.Context, a Actor, positionID string) (*Org, *mutasi.Position, error) {
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, nil, err
	}
	pos, err := org.position(positionID)
	if err != nil {
		return nil, nil, err
	}
	if err := a.mayManagePosition(org, pos); err != nil {
		return nil, nil, err
	}
	return org, pos, nil
}

// ranking is the outcome of evaluating everyone against one target.
type ranking struct {
	considered, movable, eligible int
	top, near                     topK
	blocked                       [rules.MaxRules]int
}

func (rk *ranking) blockers(p *rules.Policy) []RuleCount {
	var out []RuleCount
	for i, r := range p.Rules {
		if rk.blocked[i] > 0 {
			out = append(out, RuleCount{Rule: r, Count: rk.blocked[i]})
		}
	}
	sortByScore(out, func(c RuleCount) float64 { return float64(c.Count) }, func(c RuleCount) string { return c.Rule.ID })
	return out
}

// rank evaluates every active employee (but the target's holders) against
// the target with the compact verdict, on every worker, keeping the best
// eligible and the best near misses.
func (s *Service) rank(ctx context.Context, org *Org, p *rules.Policy, today time.Time, target *rules.Target, top, near int) (*ranking, error) {
	var co *cohortParts
	if s.cfg.Resident {
		var err error
		if co, err = s.cohort(ctx, org, p, today); err != nil {
			return nil, err
		}
	}
	subjects, holds := org.subjects(), org.holding()
	free := p.TargetFree()
	parts := make([]ranking, s.cfg.Workers)
	err := parallel(ctx, s.cfg.Workers, len(org.Employees), func(w, lo, hi int) error {
		var c *rules.Cohort
		if co != nil {
			if c = co.parts[w]; co.lo[w] != lo || c.Len() != hi-lo {
				panic("placement: cohort ranges differ from the workers'")
			}
		}
		b := p.NewBatch(today, target)
		defer b.Close()
		rk := &parts[w]
		rk.top.k, rk.near.k = top, near
		var out []rules.Verdict
		for i := lo; i < hi; i++ {
			if (i-lo)%checkEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if holds[i] == target.Position {
				continue
			}
			rk.considered++
			if c == nil {
				out = b.Check(subjects[i], out[:0])
			} else if blocked := c.Blocked(i - lo); blocked.Len() >= 2 {
				// Two rules that never read the target already block:
				// neither a candidate nor a near miss, whatever the target,
				// and not movable.
				continue
			} else {
				out = c.Check(b, i-lo, out[:0])
			}
			v := out[0]
			switch {
			case v.Eligible:
				rk.eligible++
				rk.top.add(scored{index: i, score: v.Score})
			case v.Blocking.Len() == 1:
				rk.near.add(scored{index: i, score: v.Score})
			}
			if !v.Blocking.Intersects(&free) {
				rk.movable++
				rk.count(p, &v.Blocking)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	all := &ranking{top: topK{k: top}, near: topK{k: near}}
	for i := range parts {
		all.considered += parts[i].considered
		all.movable += parts[i].movable
		all.eligible += parts[i].eligible
		for _, c := range parts[i].top.items {
			all.top.add(c)
		}
		for _, c := range parts[i].near.items {
			all.near.add(c)
		}
		for r := range all.blocked {
			all.blocked[r] += parts[i].blocked[r]
		}
	}
	return all, nil
}

func (rk *ranking) count(p *rules.Policy, blocking *rules.RuleSet) {
	for r := range p.Rules {
		if blocking.Has(r) {
			rk.blocked[r]++
		}
	}
}

// scored is an employee (by index in Org.Employees, which is NIP order)
// with a score.
type scored struct {
	index int
	score float64
}

// topK keeps the k best by score; equal scores keep the lower index (NIP).
type topK struct {
	k     int
	items []scored
}

func (t *topK) add(c scored) {
	n := len(t.items)
	if n == t.k && !better(c, t.items[n-1]) {
		return
	}
	i := n
	for i > 0 && better(c, t.items[i-1]) {
		i--
	}
	if n < t.k {
		t.items = append(t.items, scored{})
	}
	copy(t.items[i+1:], t.items[i:])
	t.items[i] = c
}

func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.index < b.index
}
