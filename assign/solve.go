package assign

import (
	"context"
	"errors"
)

// Solve returns an optimal solution. It is deterministic: the same Problem
// gives the same Solution. It returns an error for an invalid problem
// (index out of range, negative cap, non-positive weight), and for weights
// so large that exact int64 cost scaling could overflow (see newScaling).
func Solve(p *Problem) (Solution, error) {
	return SolveContext(context.Background(), p)
}

// SolveContext is Solve that stops with ctx.Err() when ctx is cancelled.
func SolveContext(ctx context.Context, p *Problem) (Solution, error) {
	if err := ctx.Err(); err != nil {
		return Solution{}, err
	}
	if p == nil {
		return Solution{}, errors.New("assign: nil problem")
	}
	if err := p.validate(); err != nil {
		return Solution{}, err
	}
	c := countProblem(p)
	if c.nEdges == 0 {
		return Solution{}, nil
	}
	n := newNetwork(p, c)
	sc, err := newScaling(n)
	if err != nil {
		return Solution{}, err
	}
	n.placeEdges(p, c, sc.scale)
	if err := ctx.Err(); err != nil {
		return Solution{}, err
	}
	s := newSolver(n)
	s.upd = newUpdateState(n.nodes(), bucketCount(sc.bound))
	for eps := sc.eps0; eps > 1; {
		eps = max(eps/alpha, 1)
		if err := s.refine(ctx, eps); err != nil {
			return Solution{}, err
		}
		if s.overflowed {
			return Solution{}, errors.New("assign: internal error: prices left the int64 range")
		}
	}
	chosen, obj := n.chosen(p)
	return Solution{Chosen: chosen, Objective: obj}, nil
}
