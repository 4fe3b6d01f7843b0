package assign

import "math"

// Most candidate edges cannot be part of an optimal plan: a slot takes a
// few employees out of thousands of candidates. The solver therefore works
// on a subset of the edges, the best few per slot and per employee, and
// then prices out the others: with the final prices, an edge outside the
// subset whose reduced cost is >= -ε (ε = 1) satisfies the optimality
// condition as it is, carrying no flow. If every edge does, the circulation
// is 1-optimal on the whole network and so optimal (doc.go). Otherwise the
// violating edges join the subset and scaling resumes from ε = the largest
// violation (at most eps0), at which the circulation is ε-optimal on the
// larger network. The subset only grows, so this ends; after
// opts.maxRounds rounds, or if a price would leave its range, the solver
// starts over on all edges.

// topK keeps, per owner (a slot or an employee), the indices of its best
// edges so far in a min-heap by weight. Edges are offered in index order
// and only a strictly heavier edge displaces a kept one, so the result is
// deterministic: among equal weights the earlier edge stays.
type topK struct {
	w   []int64 // weight of each kept edge
	x   []int32 // index of each kept edge
	off []int32 // heap of owner o: w[off[o]:off[o]+n[o]], capacity off[o+1]-off[o]
	n   []int32
	thr []int64 // an edge of owner o is kept only if heavier than thr[o]
}

func newTopK(quota []int32) *topK {
	t := &topK{
		off: make([]int32, len(quota)+1),
		n:   make([]int32, len(quota)),
		thr: make([]int64, len(quota)),
	}
	for o, q := range quota {
		t.off[o+1] = t.off[o] + q
		t.thr[o] = math.MinInt64
		if q == 0 {
			t.thr[o] = math.MaxInt64
		}
	}
	t.w = make([]int64, t.off[len(quota)])
	t.x = make([]int32, t.off[len(quota)])
	return t
}

// offer considers edge x of owner o, of weight w > t.thr[o].
func (t *topK) offer(o int32, w int64, x int32) {
	base, size := t.off[o], t.n[o]
	h, hx := t.w[base:t.off[o+1]], t.x[base:t.off[o+1]]
	if int(size) < len(h) {
		// Sift up.
		j := size
		for j > 0 {
			parent := (j - 1) / 2
			if h[parent] <= w {
				break
			}
			h[j], hx[j] = h[parent], hx[parent]
			j = parent
		}
		h[j], hx[j] = w, x
		t.n[o]++
		if int(t.n[o]) == len(h) {
			t.thr[o] = h[0]
		}
		return
	}
	// Replace the lightest and sift down.
	j := int32(0)
	for {
		c := 2*j + 1
		if c >= size {
			break
		}
		if c+1 < size && h[c+1] < h[c] {
			c++
		}
		if h[c] >= w {
			break
		}
		h[j], hx[j] = h[c], hx[c]
		j = c
	}
	h[j], hx[j] = w, x
	t.thr[o] = h[0]
}

func (t *topK) addTo(b bitset) {
	for o, size := range t.n {
		for _, x := range t.x[t.off[o] : t.off[o]+size] {
			b.add(int(x))
		}
	}
}

// initialCandidates is the starting subset: for each slot its best
// opts.slotKeep·cap + opts.slotExtra edges, and for each employee its best
// opts.empKeep edges (fewer when it has fewer).
func initialCandidates(p *Problem, n *network, c counts, opts options) bitset {
	slotQuota := make([]int32, n.nV)
	for v, slot := range n.keptSlot {
		if slot >= 0 {
			want := int64(opts.slotKeep)*int64(n.capV[slot]) + int64(opts.slotExtra)
			slotQuota[slot] = int32(min(want, int64(c.slotDeg[v])))
		}
	}
	empQuota := make([]int32, n.nE)
	for i, emp := range n.keptEmp {
		if emp >= 0 {
			empQuota[emp] = min(int32(opts.empKeep), c.empDeg[i])
		}
	}
	bySlot, byEmp := newTopK(slotQuota), newTopK(empQuota)
	for x, e := range p.Edges {
		if !n.usable(e) {
			continue
		}
		if v := n.keptSlot[e.Slot]; e.Weight > bySlot.thr[v] {
			bySlot.offer(v, e.Weight, int32(x))
		}
		if i := n.keptEmp[e.Employee]; e.Weight > byEmp.thr[i] {
			byEmp.offer(i, e.Weight, int32(x))
		}
	}
	b := newBitset(len(p.Edges))
	bySlot.addTo(b)
	byEmp.addTo(b)
	return b
}

// priceOut adds to active every usable edge outside it whose reduced cost
// is below -ε, and returns how many it added and the largest violation.
func (s *solver) priceOut(p *Problem, active bitset, scale int64) (added int, worst int64) {
	price := s.price
	for x, e := range p.Edges {
		if active.has(x) || !s.usable(e) {
			continue
		}
		i, v := s.keptEmp[e.Employee], s.keptSlot[e.Slot]
		cp := -e.Weight*scale + price[s.eBase+i] - price[s.vBase+v]
		if cp < -s.eps {
			active.add(x)
			added++
			worst = max(worst, -cp)
		}
	}
	return added, worst
}
