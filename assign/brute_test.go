package assign

import (
	"context"
	"math/rand/v2"
	"testing"
)

// bruteForce is the best objective over all feasible plans: each employee
// in turn stays or takes one of its edges that still fits.
func bruteForce(p *Problem) int64 {
	byEmp := make([][]Edge, len(p.Group))
	for _, e := range p.Edges {
		byEmp[e.Employee] = append(byEmp[e.Employee], e)
	}
	departures := make([]int, len(p.GroupCap))
	arrivals := make([]int, len(p.SlotCap))
	var best int64
	var walk func(i int, sum int64)
	walk = func(i int, sum int64) {
		if i == len(p.Group) {
			best = max(best, sum)
			return
		}
		walk(i+1, sum) // employee i stays
		g := p.Group[i]
		if departures[g] >= p.GroupCap[g] {
			return
		}
		for _, e := range byEmp[i] {
			if arrivals[e.Slot] >= p.SlotCap[e.Slot] {
				continue
			}
			departures[g]++
			arrivals[e.Slot]++
			walk(i+1, sum+e.Weight)
			departures[g]--
			arrivals[e.Slot]--
		}
	}
	walk(0, 0)
	return best
}

// randomSmall is a problem of at most 8 employees and 4 slots with caps
// that include 0, a random subset of the pairs as edges (now and then a
// duplicate pair) and weights from a range that is often small, so that
// ties are common.
func randomSmall(r *rand.Rand) *Problem {
	nG, nE, nV := 1+r.IntN(4), r.IntN(9), 1+r.IntN(4)
	p := &Problem{
		GroupCap: make([]int, nG),
		Group:    make([]int32, nE),
		SlotCap:  make([]int, nV),
	}
	for g := range p.GroupCap {
		p.GroupCap[g] = r.IntN(4)
	}
	for i := range p.Group {
		p.Group[i] = int32(r.IntN(nG))
	}
	for v := range p.SlotCap {
		p.SlotCap[v] = r.IntN(4)
	}
	density := r.Float64()
	maxW := []int64{1, 3, 10, 1000, 100_000_000}[r.IntN(5)]
	for i := range nE {
		for v := range nV {
			for r.Float64() < density {
				p.Edges = append(p.Edges, Edge{Employee: int32(i), Slot: int32(v), Weight: 1 + r.Int64N(maxW)})
				if r.IntN(8) != 0 {
					break
				}
			}
		}
	}
	r.Shuffle(len(p.Edges), func(a, b int) { p.Edges[a], p.Edges[b] = p.Edges[b], p.Edges[a] })
	return p
}

// solverPaths are option sets that drive each path of the solver: the
// default, all edges at once, a subset so small that pricing must add
// edges, the fallback to all edges after giving up on a subset, and no
// initial prices.
var solverPaths = []struct {
	name string
	opts options
}{
	{"default", defaultOptions},
	{"all-edges", options{allEdges: true, initPerCap: 2}},
	{"tiny-subset", options{slotExtra: 1, maxRounds: 1000, initPerCap: 2}},
	{"fallback", options{slotExtra: 1, maxRounds: 0, initPerCap: 2}},
	{"no-initial-prices", options{slotKeep: 1, empKeep: 1, maxRounds: 1000}},
}

func TestSolveMatchesBruteForce(t *testing.T) {
	for _, path := range solverPaths {
		t.Run(path.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			var moves, rounds, fellBack int
			for n := range 5000 {
				p := randomSmall(r)
				got, st, err := solve(context.Background(), p, path.opts)
				if err != nil {
					t.Fatalf("instance %d: %v\n%+v", n, err, p)
				}
				if err := checkFeasible(p, got); err != nil {
					t.Fatalf("instance %d: infeasible: %v\n%+v", n, err, p)
				}
				if want := bruteForce(p); got.Objective != want {
					t.Fatalf("instance %d: Objective = %d, want %d\n%+v\nchosen %v", n, got.Objective, want, p, got.Chosen)
				}
				moves += len(got.Chosen)
				rounds += st.rounds
				if st.fellBack {
					fellBack++
				}
			}
			// The instances must exercise the solver, and the tiny subset
			// its pricing rounds.
			if moves < 5000 {
				t.Errorf("only %d moves over all instances", moves)
			}
			if path.name == "tiny-subset" && rounds == 0 {
				t.Errorf("tiny subset: no pricing round added edges")
			}
			if path.name == "fallback" && fellBack == 0 {
				t.Errorf("fallback: never fell back to all edges")
			}
		})
	}
}

func TestSolvePublicMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := range 1000 {
		p := randomSmall(r)
		got, err := Solve(p)
		if err != nil {
			t.Fatalf("instance %d: %v", n, err)
		}
		if err := checkFeasible(p, got); err != nil {
			t.Fatalf("instance %d: infeasible: %v", n, err)
		}
		if want := bruteForce(p); got.Objective != want {
			t.Fatalf("instance %d: Objective = %d, want %d\n%+v", n, got.Objective, want, p)
		}
	}
}
