package assign

import (
	"context"
	"math/rand/v2"
	"testing"
)

// refGraph is a plain residual graph for the reference solver: arc a and
// a^1 are each other's reverse.
type refGraph struct {
	head, cap []int
	cost      []int64
	out       [][]int // arcs leaving each node
}

func (g *refGraph) addArc(u, w, c int, cost int64) {
	g.out[u] = append(g.out[u], len(g.head))
	g.head, g.cap, g.cost = append(g.head, w), append(g.cap, c), append(g.cost, cost)
	g.out[w] = append(g.out[w], len(g.head))
	g.head, g.cap, g.cost = append(g.head, u), append(g.cap, 0), append(g.cost, -cost)
}

// referenceSolve is successive shortest paths with Bellman-Ford on the
// network S → group → employee → slot → T, edge cost -Weight. It augments
// along a cheapest S→T path while that path has negative cost (a gain):
// path costs never decrease, so it stops at the maximum-weight flow. It
// returns the objective.
func referenceSolve(p *Problem) int64 {
	nG, nE, nV := len(p.GroupCap), len(p.Group), len(p.SlotCap)
	src, snk := 0, 1
	group := func(g int) int { return 2 + g }
	emp := func(i int) int { return 2 + nG + i }
	slot := func(v int) int { return 2 + nG + nE + v }
	n := 2 + nG + nE + nV
	g := &refGraph{out: make([][]int, n)}
	for k, c := range p.GroupCap {
		g.addArc(src, group(k), c, 0)
	}
	for i, k := range p.Group {
		g.addArc(group(int(k)), emp(i), 1, 0)
	}
	for _, e := range p.Edges {
		g.addArc(emp(int(e.Employee)), slot(int(e.Slot)), 1, -e.Weight)
	}
	for v, c := range p.SlotCap {
		g.addArc(slot(v), snk, c, 0)
	}

	var total int64
	const inf = int64(1) << 62
	dist := make([]int64, n)
	via := make([]int, n) // arc into each node on the shortest path tree
	for {
		for u := range dist {
			dist[u], via[u] = inf, -1
		}
		dist[src] = 0
		for changed, round := true, 0; changed; round++ {
			if round > n {
				panic("reference: negative cycle")
			}
			changed = false
			for u := range n {
				if dist[u] == inf {
					continue
				}
				for _, a := range g.out[u] {
					if g.cap[a] > 0 && dist[u]+g.cost[a] < dist[g.head[a]] {
						dist[g.head[a]] = dist[u] + g.cost[a]
						via[g.head[a]] = a
						changed = true
					}
				}
			}
		}
		if dist[snk] >= 0 { // no path, or no gain
			return -total
		}
		push := int(inf)
		for u := snk; u != src; u = g.head[via[u]^1] {
			push = min(push, g.cap[via[u]])
		}
		for u := snk; u != src; u = g.head[via[u]^1] {
			g.cap[via[u]] -= push
			g.cap[via[u]^1] += push
		}
		total += int64(push) * dist[snk]
	}
}

// randomMedium is a problem of about 200 employees and 30 slots.
func randomMedium(r *rand.Rand) *Problem {
	nE, nV := 150+r.IntN(100), 20+r.IntN(20)
	nG := 1 + nE/(1+r.IntN(4))
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
		p.SlotCap[v] = r.IntN(6)
	}
	density := 0.05 + 0.3*r.Float64()
	maxW := []int64{5, 1000, 100_000_000}[r.IntN(3)]
	for i := range nE {
		for v := range nV {
			if r.Float64() < density {
				p.Edges = append(p.Edges, Edge{Employee: int32(i), Slot: int32(v), Weight: 1 + r.Int64N(maxW)})
			}
		}
	}
	return p
}

func TestSolveMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 30 {
		p := randomMedium(r)
		want := referenceSolve(p)
		for _, path := range solverPaths {
			got, _, err := solve(context.Background(), p, path.opts)
			if err != nil {
				t.Fatalf("instance %d, %s: %v", n, path.name, err)
			}
			if err := checkFeasible(p, got); err != nil {
				t.Fatalf("instance %d, %s: infeasible: %v", n, path.name, err)
			}
			if got.Objective != want {
				t.Fatalf("instance %d (%d edges), %s: Objective = %d, reference %d", n, len(p.Edges), path.name, got.Objective, want)
			}
		}
	}
}

// TestReferenceMatchesBruteForce checks the reference itself.
func TestReferenceMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 2000 {
		p := randomSmall(r)
		if got, want := referenceSolve(p), bruteForce(p); got != want {
			t.Fatalf("instance %d: reference = %d, brute force %d\n%+v", n, got, want, p)
		}
	}
}
