package rules

import (
	"math/bits"
	"time"
)

// RuleSet is a set of rules by their index in Policy.Rules.
type RuleSet [MaxRules / 64]uint64

// Has reports whether rule i is in the set.
func (s *RuleSet) Has(i int) bool { return s[i/64]&(1<<uint(i%64)) != 0 }

func (s *RuleSet) set(i int) { s[i/64] |= 1 << uint(i%64) }

// Len counts the rules in the set.
func (s *RuleSet) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Verdict is the compact result of one evaluation, for ranking and for
// comparing policies over many employees: no messages are rendered (Explain
// renders them for the few that are shown).
type Verdict struct {
	Eligible bool
	Score    float64
	Failed   RuleSet // rules that did not pass: failed, warned or erred
	Blocking RuleSet // the failed rules with severity block
}

// Batch evaluates many employees against the same targets on one date. It
// computes each target's facts and target-only rules once, each employee's
// facts and employee-only rules once, and only the rules that read both per
// (employee, target) pair. A Batch is for one goroutine; Close returns its
// evaluator to the policy.
type Batch struct {
	p       *Policy
	ev      *evaluator
	targets []*targetState
	general bool // no targets: the general question

	// Target-only rule outcomes and term values, per target.
	tOuts [][]outcome
	tErrs [][]error
	tVals [][]float64
	tNA   [][]bool
	tTErr [][]error

	sOuts []outcome
	sErrs []error
	sVals []float64
	sNA   []bool
	sTErr []error
}

// NewBatch prepares a batch. With no targets it answers the general
// question ("may I be moved?") for each employee.
func (p *Policy) NewBatch(today time.Time, targets ...*Target) *Batch {
	ev := p.getEvaluator()
	ev.setToday(today)
	b := &Batch{p: p, ev: ev}
	if len(targets) == 0 {
		b.general = true
		targets = []*Target{nil}
	}
	nr, nt := len(p.Rules), len(p.Terms)
	b.sOuts, b.sErrs = make([]outcome, nr), make([]error, nr)
	b.sVals, b.sNA, b.sTErr = make([]float64, nt), make([]bool, nt), make([]error, nt)
	for _, t := range targets {
		ts := ev.newTargetState(t)
		b.targets = append(b.targets, ts)
		ev.setTarget(ts)
		outs, errs := make([]outcome, nr), make([]error, nr)
		for i, r := range p.Rules {
			if r.class&classSubject == 0 {
				outs[i], errs[i] = ev.evalRule(r)
			}
		}
		for i, t := range p.Terms {
			if t.class&classSubject == 0 {
				ev.evalTerm(i, t)
			}
		}
		b.tOuts = append(b.tOuts, outs)
		b.tErrs = append(b.tErrs, errs)
		b.tVals = append(b.tVals, append([]float64(nil), ev.termVals...))
		b.tNA = append(b.tNA, append([]bool(nil), ev.termNA...))
		b.tTErr = append(b.tTErr, append([]error(nil), ev.termErrs...))
	}
	return b
}

// Targets is the number of targets (1 for a general batch).
func (b *Batch) Targets() int { return len(b.targets) }

// Check evaluates one employee against every target of the batch and
// appends one Verdict per target to out.
func (b *Batch) Check(s Subject, out []Verdict) []Verdict {
	p, ev := b.p, b.ev
	ev.setSubject(s)
	ev.setTarget(nil)
	for i, r := range p.Rules {
		if r.class == classSubject {
			b.sOuts[i], b.sErrs[i] = ev.evalRule(r)
		}
	}
	for i, t := range p.Terms {
		if t.class == classSubject {
			ev.evalTerm(i, t)
			b.sVals[i], b.sNA[i], b.sTErr[i] = ev.termVals[i], ev.termNA[i], ev.termErrs[i]
		}
	}
	for ti := range b.targets {
		b.combine(ti)
		out = append(out, ev.verdict())
	}
	return out
}

// combine fills the evaluator's outcomes for target ti: cached parts are
// copied, pair rules are evaluated.
func (b *Batch) combine(ti int) {
	p, ev := b.p, b.ev
	ev.setTarget(b.targets[ti])
	for i, r := range p.Rules {
		switch {
		case r.class&classSubject == 0:
			ev.outs[i], ev.errs[i] = b.tOuts[ti][i], b.tErrs[ti][i]
		case r.class == classSubject:
			ev.outs[i], ev.errs[i] = b.sOuts[i], b.sErrs[i]
		default:
			ev.outs[i], ev.errs[i] = ev.evalRule(r)
		}
	}
	for i, t := range p.Terms {
		switch {
		case t.class&classSubject == 0:
			ev.termVals[i], ev.termNA[i], ev.termErrs[i] = b.tVals[ti][i], b.tNA[ti][i], b.tTErr[ti][i]
		case t.class == classSubject:
			ev.termVals[i], ev.termNA[i], ev.termErrs[i] = b.sVals[i], b.sNA[i], b.sTErr[i]
		default:
			ev.evalTerm(i, t)
		}
	}
}

func (ev *evaluator) verdict() Verdict {
	v := Verdict{Eligible: true, Score: ev.score()}
	for i, r := range ev.p.Rules {
		if o := ev.outs[i]; o != outPass && o != outNA {
			v.Failed.set(i)
			if blocks(r, o) {
				v.Blocking.set(i)
				v.Eligible = false
			}
		}
	}
	return v
}

// Explain renders the full Decision of one employee for target ti (0 for a
// general batch), e.g. for the top candidates of a ranking.
func (b *Batch) Explain(s Subject, ti int) Decision {
	b.Check(s, nil)
	b.combine(ti)
	return b.ev.decision(s, b.targets[ti].t, false)
}

// Close returns the batch's evaluator to the policy; the batch must not be
// used afterwards.
func (b *Batch) Close() {
	if b.ev != nil {
		b.p.putEvaluator(b.ev)
		b.ev = nil
	}
}

// RuleIDs names the rules of a set, in policy order. Sets index
// Policy.Rules, so comparing two policies (rules diff) goes through ids.
func (p *Policy) RuleIDs(s RuleSet) []string {
	var ids []string
	for i, r := range p.Rules {
		if s.Has(i) {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
