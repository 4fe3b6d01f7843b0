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
	vals   []float64 // [employee*nt + term], subject-only terms
	na     []bool
	// No errors are kept: a verdict reads outcomes only, and Batch.Explain
	// evaluates its subject afresh.
	block []RuleSet // per employee, the subject-only rules that block
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
		outs: make([]outcome, n*nr), vals: make([]float64, n*nt), na: make([]bool, n*nt),

		block: make([]RuleSet, n)}
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
				o, _ := ev.evalRule(rule)
				c.outs[i*nr+r] = o
				if blocks(rule, o) {
					c.block[i].set(r)
				}
			}
		}
		for t, term := range p.Terms {
			if term.class == classSubject {
				ev.evalTerm(t, term)
				c.vals[i*nt+t], c.na[i*nt+t] = ev.termVals[t], ev.termNA[t]
			}
		}
	}
	return c
}

// Len is the number of employees in the cohort.
func (c *Cohort) Len() int { return len(c.emp) }

// Blocked returns the rules that read the employee but never the target
// and block employee i: with two or more, i can be neither eligible nor
// blocked by exactly one rule, for any target.
func (c *Cohort) Blocked(i int) RuleSet { return c.block[i] }

// Check evaluates employee i of the cohort against every target of the
// batch, as Batch.Check would for the same subject, and appends one
// Verdict per target (verdicts only: the batch's Explain evaluates its
// subject afresh). The batch must be of the cohort's policy and date.
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
	copy(b.sVals, c.vals[i*c.nt:(i+1)*c.nt])
	copy(b.sNA, c.na[i*c.nt:(i+1)*c.nt])
	clear(b.sErrs)
	clear(b.sTErr)
	for ti := range b.targets {
		b.combine(ti)
		out = append(out, ev.verdict())
	}
	return out
}
