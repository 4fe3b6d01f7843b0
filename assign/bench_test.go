package assign

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
)

// benchShape describes a clustered instance like the product's: employees
// belong to an education family, a slot accepts some families, and each
// employee has edges to a random 10–40% of the slots that accept its family.
type benchShape struct {
	name      string
	employees int
	slots     int
	totalCap  int     // sum of the slot caps (about)
	families  int     // education families
	accept    float64 // probability that a slot accepts a family
}

var benchShapes = []benchShape{
	{name: "small", employees: 2_000, slots: 100, totalCap: 500, families: 8, accept: 1},
	{name: "medium", employees: 10_000, slots: 500, totalCap: 2_500, families: 8, accept: 0.8},
	{name: "large", employees: 25_000, slots: 1_100, totalCap: 5_500, families: 8, accept: 0.73},
}

// generate builds the instance deterministically from a fixed seed.
// Employees sit three to a source group on average; group caps are 1–5
// (one group in twenty has 0); weights are in 1e6..1e8.
func (sh benchShape) generate() *Problem {
	r := rand.New(rand.NewPCG(20240601, uint64(sh.employees)))
	nGroups := sh.employees / 3
	p := &Problem{
		GroupCap: make([]int, nGroups),
		Group:    make([]int32, sh.employees),
		SlotCap:  make([]int, sh.slots),
	}
	for g := range p.GroupCap {
		if r.IntN(20) != 0 {
			p.GroupCap[g] = 1 + r.IntN(5)
		}
	}
	for i := range p.Group {
		p.Group[i] = int32(r.IntN(nGroups))
	}
	mean := sh.totalCap / sh.slots
	accepting := make([][]int32, sh.families) // family → slots accepting it
	for v := range p.SlotCap {
		p.SlotCap[v] = 1 + r.IntN(2*mean-1)
		own := r.IntN(sh.families)
		for f := range sh.families {
			if f == own || r.Float64() < sh.accept {
				accepting[f] = append(accepting[f], int32(v))
			}
		}
	}
	for i := range sh.employees {
		f := r.IntN(sh.families)
		q := 0.1 + 0.3*r.Float64()
		for _, v := range accepting[f] {
			if r.Float64() < q {
				p.Edges = append(p.Edges, Edge{Employee: int32(i), Slot: v, Weight: 1_000_000 + r.Int64N(99_000_001)})
			}
		}
	}
	return p
}

var benchProblems sync.Map // name → *Problem

func benchProblem(sh benchShape) *Problem {
	if p, ok := benchProblems.Load(sh.name); ok {
		return p.(*Problem)
	}
	p := sh.generate()
	benchProblems.Store(sh.name, p)
	return p
}

// BenchmarkSolve reports, besides time and allocations, the edges of the
// instance and the heap in use right after a solve while its result and the
// solver's arrays are still reachable (peak-heap-MiB: the solver allocates
// its arrays up front, so this is its peak plus the instance).
func BenchmarkSolve(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			p := benchProblem(sh)
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			var sol Solution
			for b.Loop() {
				var err error
				sol, err = Solve(p)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(p.Edges)), "edges")
			b.ReportMetric(float64(len(sol.Chosen)), "moves")
		})
	}
}
