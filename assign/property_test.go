package assign

import (
	"context"
	"slices"
	"testing"
)

// propertyShapes are clustered instances like the benchmark's, smaller.
var propertyShapes = []benchShape{
	{name: "clustered", employees: 3_000, slots: 150, totalCap: 750, families: 6, accept: 0.5},
	{name: "dense", employees: 1_500, slots: 60, totalCap: 600, families: 1, accept: 1},
	{name: "scarce", employees: 4_000, slots: 200, totalCap: 200, families: 10, accept: 0.3},
}

func cloneProblem(p *Problem) *Problem {
	return &Problem{
		GroupCap: slices.Clone(p.GroupCap),
		Group:    slices.Clone(p.Group),
		SlotCap:  slices.Clone(p.SlotCap),
		Edges:    slices.Clone(p.Edges),
	}
}

func TestSolveLargerInstances(t *testing.T) {
	for _, sh := range propertyShapes {
		t.Run(sh.name, func(t *testing.T) {
			p := sh.generate()
			first, st, err := solve(context.Background(), p, defaultOptions)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkFeasible(p, first); err != nil {
				t.Fatalf("infeasible: %v", err)
			}
			if len(first.Chosen) == 0 {
				t.Fatalf("no move chosen out of %d edges", len(p.Edges))
			}
			if st.fellBack {
				t.Errorf("the default path fell back to all edges (after %d rounds)", st.rounds)
			}
			if st.edges >= len(p.Edges) {
				t.Errorf("the subset grew to %d of %d edges", st.edges, len(p.Edges))
			}

			// Deterministic: again, and on an equal copy.
			for _, q := range []*Problem{p, cloneProblem(p)} {
				again, err := Solve(q)
				if err != nil {
					t.Fatal(err)
				}
				if again.Objective != first.Objective || !slices.Equal(again.Chosen, first.Chosen) {
					t.Fatalf("second solve differs: objective %d vs %d, %d vs %d moves",
						again.Objective, first.Objective, len(again.Chosen), len(first.Chosen))
				}
			}

			// Every path reaches the same optimum.
			for _, path := range solverPaths {
				got, _, err := solve(context.Background(), p, path.opts)
				if err != nil {
					t.Fatalf("%s: %v", path.name, err)
				}
				if err := checkFeasible(p, got); err != nil {
					t.Fatalf("%s: infeasible: %v", path.name, err)
				}
				if got.Objective != first.Objective {
					t.Errorf("%s: Objective = %d, default path %d", path.name, got.Objective, first.Objective)
				}
			}
		})
	}
}
