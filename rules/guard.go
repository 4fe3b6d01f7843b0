package rules

// guard is what a group of programs reads together: a rule's when, require
// and warn_unless, a term's when and value, or a template's placeholders.
// When none of it is missing (the usual case), no program of the group can
// fail its precheck, so the group runs as plain closure calls with one
// check instead of one per program. Otherwise each program is prechecked
// and run as before, which decides which error a rule reports.
type guard struct {
	reads   [numFactRoots]uint64
	usesTgt bool
	fast    bool // every program of the group has a closure
}

func newGuard(ps ...*program) guard {
	g := guard{fast: true}
	for _, p := range ps {
		if p == nil {
			continue
		}
		for r := range g.reads {
			g.reads[r] |= p.reads[r]
		}
		g.usesTgt = g.usesTgt || p.usesTgt
		g.fast = g.fast && p.hasFast
	}
	return g
}

// clear reports whether the group may run as closures without prechecks.
func (ev *evaluator) clear(g *guard) bool {
	return g.fast && !ev.p.forceVM && (ev.f.tgt != nil || !g.usesTgt) &&
		g.reads[0]&ev.miss[0]|g.reads[1]&ev.miss[1]|g.reads[2]&ev.miss[2]|g.reads[3]&ev.miss[3] == 0
}

// evalRuleFast is evalRule for a clear rule.
func (ev *evaluator) evalRuleFast(r *Rule) (outcome, error) {
	f := &ev.f
	f.err = nil
	if r.when != nil {
		ok := r.when.fast.b(f)
		if f.err != nil {
			return outError, f.err
		}
		if !ok {
			return outNA, nil
		}
	}
	ok := r.require.fast.b(f)
	if f.err != nil {
		return outError, f.err
	}
	if !ok {
		return outFail, nil
	}
	if r.warnUnless != nil {
		ok := r.warnUnless.fast.b(f)
		if f.err != nil {
			return outError, f.err
		}
		if !ok {
			return outWarn, nil
		}
	}
	return outPass, nil
}

// evalTermFast is evalTerm for a clear term.
func (ev *evaluator) evalTermFast(i int, t *Term) {
	f := &ev.f
	f.err = nil
	ev.termNA[i], ev.termErrs[i], ev.termVals[i] = false, nil, 0
	if t.when != nil {
		ok := t.when.fast.b(f)
		if f.err != nil {
			ev.termErrs[i] = f.err
			return
		}
		if !ok {
			ev.termNA[i] = true
			return
		}
	}
	var v float64
	switch e := &t.value.fast; e.k {
	case kInt:
		v = float64(e.i(f))
	case kFloat:
		v = e.f(f)
	case kBool:
		if e.b(f) {
			v = 1
		}
	}
	if f.err != nil {
		ev.termErrs[i] = f.err
		return
	}
	ev.termVals[i] = clamp01(v)
}
