package assign

import (
	"context"
	"testing"
)

// TestSolvePriceLimit shrinks the price range so that prices overflow it
// at various points of a solve: the solve must then fall back or fail,
// and never loop nor return a plan that is not optimal.
func TestSolvePriceLimit(t *testing.T) {
	p := propertyShapes[0].generate()
	want, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	var failed, solved int
	for _, limit := range []int64{1, 1e3, 1e9, 1e12, 1e13, 1e14, 1e15, 1e16} {
		for _, path := range solverPaths {
			opts := path.opts
			opts.priceLimit = limit
			got, _, err := solve(context.Background(), p, opts)
			if err != nil {
				failed++
				continue
			}
			solved++
			if err := checkFeasible(p, got); err != nil {
				t.Fatalf("limit %d, %s: infeasible: %v", limit, path.name, err)
			}
			if got.Objective != want.Objective {
				t.Errorf("limit %d, %s: Objective = %d, want %d", limit, path.name, got.Objective, want.Objective)
			}
		}
	}
	if failed == 0 || solved == 0 {
		t.Errorf("%d solves failed and %d succeeded: the limits should produce both", failed, solved)
	}
}
