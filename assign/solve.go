package assign

import (
	"context"
	"errors"
)

// options tune how the solver works, never what it returns; tests use them
// to drive every path.
type options struct {
	slotKeep   int   // a slot starts with its best slotKeep·cap+slotExtra edges
	slotExtra  int   //
	empKeep    int   // an employee starts with its best empKeep edges
	maxRounds  int   // pricing rounds before starting over on all edges
	allEdges   bool  // skip the subset: solve on all edges at once
	initPerCap int   // initialPrices' k per unit of slot cap, 0 for none
	priceLimit int64 // prices stay above -priceLimit; 0 for the default
}

var defaultOptions = options{slotKeep: 8, slotExtra: 16, empKeep: 2, maxRounds: 30, initPerCap: 2}

// stats says which path a solve took.
type stats struct {
	rounds   int  // pricing rounds that added edges
	edges    int  // edges in the network at the end
	fellBack bool // the subset was given up for all edges
}

// Solve returns an optimal solution. It is deterministic: the same Problem
// gives the same Solution. It returns an error for an invalid problem
// (index out of range, negative cap, non-positive weight), and for weights
// so large that exact int64 arithmetic could overflow (see newScaling).
// Chosen is nil when no move is chosen.
func Solve(p *Problem) (Solution, error) {
	return SolveContext(context.Background(), p)
}

// SolveContext is Solve that stops with ctx.Err() when ctx is cancelled.
func SolveContext(ctx context.Context, p *Problem) (Solution, error) {
	sol, _, err := solve(ctx, p, defaultOptions)
	return sol, err
}

func solve(ctx context.Context, p *Problem, opts options) (Solution, stats, error) {
	var st stats
	if err := ctx.Err(); err != nil {
		return Solution{}, st, err
	}
	if p == nil {
		return Solution{}, st, errors.New("assign: nil problem")
	}
	if err := p.validate(); err != nil {
		return Solution{}, st, err
	}
	c := countProblem(p)
	if c.nEdges == 0 {
		return Solution{}, st, nil
	}
	n := newNetwork(p, c)
	sc, err := newScaling(n)
	if err != nil {
		return Solution{}, st, err
	}
	if !opts.allEdges {
		sol, ok, err := solveSubset(ctx, p, n, c, sc, opts, &st)
		if err != nil || ok {
			return sol, st, err
		}
		st.fellBack = true
		n = newNetwork(p, c)
	}
	sol, err := solveAll(ctx, p, n, sc, opts)
	st.edges = len(n.eSlot)
	return sol, st, err
}

// solveSubset solves on the candidate subset and prices out the rest
// (candidates.go); ok is false when it gave up.
func solveSubset(ctx context.Context, p *Problem, n *network, c counts, sc scaling, opts options, st *stats) (sol Solution, ok bool, err error) {
	active := initialCandidates(p, n, c, opts)
	n.placeEdges(p, active, nil, sc.scale)
	s := newSolver(n, sc, opts)
	if opts.initPerCap > 0 {
		s.initialPrices(opts.initPerCap)
	}
	for from := sc.eps0; ; {
		if err := s.scaleDown(ctx, from); err != nil {
			return Solution{}, false, err
		}
		if s.overflowed || st.rounds == opts.maxRounds {
			return Solution{}, false, nil
		}
		if err := ctx.Err(); err != nil {
			return Solution{}, false, err
		}
		added, worst := s.priceOut(p, active, sc.scale)
		if added == 0 {
			st.edges = len(n.eSlot)
			return n.solution(p), true, nil
		}
		st.rounds++
		n.placeEdges(p, active, n.edgeFlows(len(p.Edges)), sc.scale)
		// The circulation is worst-optimal now. Refine does not need that
		// to be correct, only to be quick, and starting at most at eps0
		// keeps ε·(bucket count) within newScaling's bound.
		from = min(worst, sc.eps0)
	}
}

// solveAll solves on all usable edges from scratch: newScaling's bound
// holds, so prices cannot overflow.
func solveAll(ctx context.Context, p *Problem, n *network, sc scaling, opts options) (Solution, error) {
	all := newBitset(len(p.Edges))
	for x, e := range p.Edges {
		if n.usable(e) {
			all.add(x)
		}
	}
	n.placeEdges(p, all, nil, sc.scale)
	s := newSolver(n, sc, opts)
	if opts.initPerCap > 0 {
		s.initialPrices(opts.initPerCap)
	}
	if err := s.scaleDown(ctx, sc.eps0); err != nil {
		return Solution{}, err
	}
	if s.overflowed {
		return Solution{}, errors.New("assign: internal error: prices left the int64 range")
	}
	return n.solution(p), nil
}

// scaleDown runs refine phases from an ε-optimal circulation at ε = from
// down to ε = 1, dividing ε by alpha each time.
func (s *solver) scaleDown(ctx context.Context, from int64) error {
	for eps := from; eps > 1 && !s.overflowed; {
		eps = max(eps/alpha, 1)
		if err := s.refine(ctx, eps); err != nil {
			return err
		}
	}
	return nil
}
