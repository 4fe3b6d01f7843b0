package assign

import (
	"context"
	"testing"
)

// TestSolvePriceLimit shrinks the price range so that prices overflow it
// at various points of a solve: the solve must then fall back to all edges
// or fail, and never loop nor return a plan that is not optimal.
func TestSolvePriceLimit(t *testing.T) {
	p := benchShape{name: "limit", employees: 600, slots: 40, totalCap: 160, families: 3, accept: 0.5}.generate()
	want, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	var failed, solved, rescued int
	for _, limit := range []int64{1e3, 1e10, 5e10, 1e12, 1e16} {
		for _, path := range solverPaths {
			opts := path.opts
			opts.priceLimit = limit
			got, st, err := solve(context.Background(), p, opts)
			if err != nil {
				failed++
				continue
			}
			solved++
			if st.fellBack && st.rounds < opts.maxRounds {
				rescued++ // the subset overflowed, all edges did not
			}
			if err := checkFeasible(p, got); err != nil {
				t.Fatalf("limit %d, %s: infeasible: %v", limit, path.name, err)
			}
			if got.Objective != want.Objective {
				t.Errorf("limit %d, %s: Objective = %d, want %d", limit, path.name, got.Objective, want.Objective)
			}
		}
	}
	if failed == 0 || solved == 0 || rescued == 0 {
		t.Errorf("%d solves failed, %d succeeded, %d of them after an overflow: the limits should produce all three", failed, solved, rescued)
	}
}
