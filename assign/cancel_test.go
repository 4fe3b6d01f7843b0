package assign

import (
	"context"
	"errors"
	"testing"
)

func TestSolveContextAlreadyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := propertyShapes[0].generate()
	sol, err := SolveContext(ctx, p)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sol.Chosen != nil || sol.Objective != 0 {
		t.Errorf("a cancelled solve returned %d moves", len(sol.Chosen))
	}
}

// countdownCtx is cancelled from its n-th look on: a cancellation in the
// middle of a solve, deterministically.
type countdownCtx struct {
	context.Context
	n int
}

func (c *countdownCtx) Err() error {
	c.n--
	if c.n <= 0 {
		return context.Canceled
	}
	return nil
}

func TestSolveContextCancelledMidway(t *testing.T) {
	p := propertyShapes[0].generate()
	for _, path := range solverPaths {
		ctx := &countdownCtx{Context: context.Background(), n: 3}
		_, _, err := solve(ctx, p, path.opts)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", path.name, err)
		}
		if ctx.n > 0 {
			t.Errorf("%s: the solve looked at the context only %d times", path.name, 3-ctx.n)
		}
	}
}
