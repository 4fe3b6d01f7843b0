package rules

import (
	"time"

	"github.com/mutasi/mutasi"
)

// Cohort is the subject side of many employees, computed once for one
// date: each employee's facts and the outcomes of the rules and terms that
// read the employee but no target. A long-running process that ranks the
// same employees for one target after another (the bot's
// recommendations) then evaluates only what reads the target, per
// question. A Cohort is immutable once built and safe for concurrent use;
// it is valid only for the policy and date it was built with, and for
// subjects that have not changed since.
type Cohort struct {
	p     *Policy
	today time.Time

	emp    []EmployeeFacts
	asp    []AspirationFacts
	cur    []int // index into curs, -1 for no current position
	curs   []cohortPosition
	empMis []uint64
	major  []string
	family []string

	nr, nt int
	outs   []outcome // [employee*nr + rule], subject-only rules
	errs   []error
	vals   []float64 // [employee*nt + term], subject-only terms
	na     []bool
	terrs  []error
	free   []uint8 // subject-only rules that block, per employee (capped)
}

// cohortPosition is a current position's facts, shared by its holders.
type cohortPosition struct {
	facts  PositionFacts
	miss   uint64
	rumpun []string
}

// NewCohort computes the subject side of every subject for today.
func (p *Policy) NewCohort(today time.Time, subjects []Subject) *Cohort {
	ev := p.getEvaluator()
	defer p.putEvaluator(ev)
	ev.setToday(today)
	ev.setTarget(nil)
	n, nr, nt := len(subjects), len(p.Rules), len(p.Terms)
	c := &Cohort{p: p, today: today, nr: nr, nt: nt,
		emp: make([]EmployeeFacts, n), asp: make([]AspirationFacts, n), cur: make([]int, n),
		empMis: make([]uint64, n), major: make([]string, n), family: make([]string, n),
		outs: make([]outcome, n*nr), errs: make([]error, n*nr),
		vals: make([]float64, n*nt), na: make([]bool, n*nt), terrs: make([]error, n*nt),
		free: make([]uint8, n)}
	curIndex := map[*mutasi.Position]int{}
	for i, s := range subjects {
		ev.setSubject(s)
		c.emp[i], c.asp[i], c.empMis[i] = ev.emp, ev.asp, ev.miss[idxEmployee]
		c.major[i], c.family[i] = ev.f.majorNorm, ev.f.familyNorm
		c.cur[i] = -1
		if s.Current != nil {
			ci, ok := curIndex[s.Current]
			if !ok {
				ci = len(c.curs)
				curIndex[s.Current] = ci
				c.curs = append(c.curs, cohortPosition{facts: ev.cur, miss: ev.miss[idxCurrent],
					rumpun: append([]string(nil), ev.curRumpun...)})
			}
			c.cur[i] = ci
		}
		for r, rule := range p.Rules {
			if rule.class == classSubject {
				o, err := ev.evalRule(rule)
				c.outs[i*nr+r], c.errs[i*nr+r] = o, err
				if blocks(rule, o) && c.free[i] < 255 {
					c.free[i]++
				}
			}
		}
		for t, term := range p.Terms {
			if term.class == classSubject {
				ev.evalTerm(t, term)
				c.vals[i*nt+t], c.na[i*nt+t], c.terrs[i*nt+t] = ev.termVals[t], ev.termNA[t], ev.termErrs[t]
			}
		}
	}
	return c
}

// Len is the number of employees in the cohort.
func (c *Cohort) Len() int { return len(c.emp) }

// Blocked is how many rules that never read the target block employee i:
// with two or more, i can be neither eligible nor blocked by exactly one
// rule, for any target.
func (c *Cohort) Blocked(i int) int { return int(c.free[i]) }

// Check evaluates employee i of the cohort against every target of the
// batch, as Batch.Check would for the same subject, and appends one
// Verdict per target. The batch must be of the cohort's policy and date.
func (c *Cohort) Check(b *Batch, i int, out []Verdict) []Verdict {
	if b.p != c.p || !b.ev.todaySet || !b.ev.todayArg.Equal(c.today) {
		panic("rules: Cohort.Check with a batch of another policy or date")
	}
	ev := b.ev
	ev.f.emp, ev.f.asp = &c.emp[i], &c.asp[i]
	ev.miss[idxEmployee] = c.empMis[i]
	ev.f.majorNorm, ev.f.familyNorm = c.major[i], c.family[i]
	if ci := c.cur[i]; ci >= 0 {
		cp := &c.curs[ci]
		ev.f.cur, ev.miss[idxCurrent], ev.f.curRumpun = &cp.facts, cp.miss, cp.rumpun
	} else {
		ev.cur = PositionFacts{}
		ev.f.cur, ev.miss[idxCurrent], ev.f.curRumpun = &ev.cur, ^uint64(0), nil
	}
	ev.envValid = false
	copy(b.sOuts, c.outs[i*c.nr:(i+1)*c.nr])
	copy(b.sErrs, c.errs[i*c.nr:(i+1)*c.nr])
	copy(b.sVals, c.vals[i*c.nt:(i+1)*c.nt])
	copy(b.sNA, c.na[i*c.nt:(i+1)*c.nt])
	copy(b.sTErr, c.terrs[i*c.nt:(i+1)*c.nt])
	for ti := range b.targets {
		b.combine(ti)
		out = append(out, ev.verdict())
	}
	return out
}
