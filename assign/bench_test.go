package assign

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// benchShape describes a clustered instance like the product's: employees
// belong to an education family, a slot accepts some families, and each
// employee has edges to a random fraction (minFrac..maxFrac) of the slots
// that accept its family.
type benchShape struct {
	name      string
	employees int
	slots     int
	totalCap  int     // sum of the slot caps (about)
	families  int     // education families
	accept    float64 // probability that a slot accepts a family (besides its own)
	minFrac   float64 // an employee's edges: this fraction of its family's slots...
	maxFrac   float64 // ...up to this one; 0, 0 means 10–40%
}

var benchShapes = []benchShape{
	{name: "small", employees: 2_000, slots: 100, totalCap: 500, families: 8, accept: 1},
	{name: "medium", employees: 10_000, slots: 500, totalCap: 2_500, families: 8, accept: 0.8},
	{name: "large", employees: 25_000, slots: 1_100, totalCap: 5_500, families: 8, accept: 0.73},
	{name: "xlarge", employees: 25_000, slots: 1_100, totalCap: 5_500, families: 8, accept: 1, minFrac: 0.2, maxFrac: 0.6},
}

// generate builds the instance deterministically from a fixed seed.
// Employees sit three to a source group on average; group caps are 1–5
// (one group in twenty has 0); weights are in 1e6..1e8.
func (sh benchShape) generate() *Problem {
	r := rand.New(rand.NewPCG(20240601, uint64(sh.employees)))
	minFrac, maxFrac := sh.minFrac, sh.maxFrac
	if maxFrac == 0 {
		minFrac, maxFrac = 0.1, 0.4
	}
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
	mean := max(sh.totalCap/sh.slots, 1)
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
		q := minFrac + (maxFrac-minFrac)*r.Float64()
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

// BenchmarkSolve reports, besides time and allocations, the size of the
// instance and of its solution, and how many edges the solver's network
// held at the end (the priced-out rest never gets arrays). B/op bounds the
// solver's own peak heap: it frees nothing it allocates before returning.
func BenchmarkSolve(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			p := benchProblem(sh)
			b.ReportAllocs()
			var st stats
			for b.Loop() {
				var err error
				_, st, err = solve(b.Context(), p, defaultOptions)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(p.Edges)), "edges")
			b.ReportMetric(float64(st.edges), "net-edges")
			b.ReportMetric(float64(st.rounds), "rounds")
		})
	}
}

// BenchmarkSolveAllEdges is the same without the candidate subset: the
// plain cost-scaling solve on every edge, for comparison.
func BenchmarkSolveAllEdges(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			p := benchProblem(sh)
			b.ReportAllocs()
			opts := defaultOptions
			opts.allEdges = true
			for b.Loop() {
				if _, _, err := solve(b.Context(), p, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(p.Edges)), "edges")
		})
	}
}
