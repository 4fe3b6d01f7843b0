package assign

import (
	"math"
	"math/bits"
)

// updateState is the scratch space of the global price update: a bucket
// queue (Dial's algorithm) of nodes by distance.
type updateState struct {
	dist       []int32 // tentative distance, math.MaxInt32 for none
	next, prev []int32 // doubly linked bucket lists, -1 terminated
	head       []int32 // first node of each bucket, -1 if empty
}

func newUpdateState(nodes int, buckets int64) updateState {
	st := updateState{
		dist: make([]int32, nodes),
		next: make([]int32, nodes),
		prev: make([]int32, nodes),
		head: make([]int32, buckets),
	}
	for b := range st.head {
		st.head[b] = -1
	}
	return st
}

// bucketCount bounds the distances the global update tracks. In a refine
// phase an active node has a residual path of at most L arcs to a deficit
// node whose length in ε units is at most (alpha+1)·L (the argument of
// newScaling's bound), so that many buckets reach every active node. In
// practice the distances are far smaller, so the count is also capped: a
// node beyond the last bucket just gets the largest distance reached,
// which keeps the update valid (see globalUpdate).
func bucketCount(bound int64) int64 {
	return min((alpha+1)*(bound+2)+1, 1<<16)
}

// globalUpdate is Goldberg's price update. With the arc length
// ℓ(u,w) = floor(c_p(u,w)/ε) + 1 >= 0 on residual arcs, it computes d(u),
// the length of a shortest residual path from u to a node with a deficit,
// stopping once every active node is reached (at distance D; the others get
// min(d, D)), and sets p(u) -= d(u)·ε. Since d(u) <= ℓ(u,w) + d(w), the
// flow stays ε-optimal, and every arc of a shortest path becomes
// admissible, so each active node has an admissible path to a deficit.
func (s *solver) globalUpdate() {
	st := &s.upd
	active := 0
	for u := range st.dist {
		st.dist[u] = math.MaxInt32
	}
	for u, e := range s.excess {
		if e < 0 {
			s.bucketInsert(int32(u), 0)
		} else if e > 0 {
			active++
		}
	}
	s.relabels = 0
	if active == 0 {
		return
	}
	last := int32(0)
scan:
	for b := range int32(len(st.head)) {
		last = b
		for st.head[b] >= 0 {
			u := st.head[b]
			s.bucketRemove(u)
			if s.excess[u] > 0 {
				active--
				if active == 0 {
					break scan
				}
			}
			s.relaxInto(u)
		}
	}
	for b := range st.head {
		st.head[b] = -1
	}
	eps := s.eps
	for u, d := range st.dist {
		d = min(d, last)
		if d == 0 {
			continue
		}
		p := s.price[u] - int64(d)*eps
		if p < -s.limit {
			s.overflowed = true
			p = -s.limit
		}
		s.price[u] = p
	}
	for u := range s.cur {
		s.cur[u] = 0
	}
}

func (s *solver) bucketInsert(u, b int32) {
	st := &s.upd
	if st.dist[u] != math.MaxInt32 {
		s.bucketRemove(u)
	}
	st.dist[u] = b
	h := st.head[b]
	st.next[u], st.prev[u] = h, -1
	if h >= 0 {
		st.prev[h] = u
	}
	st.head[b] = u
}

// bucketRemove unlinks u from the bucket of its distance, keeping the
// distance.
func (s *solver) bucketRemove(u int32) {
	st := &s.upd
	n, p := st.next[u], st.prev[u]
	if p >= 0 {
		st.next[p] = n
	} else {
		st.head[st.dist[u]] = n
	}
	if n >= 0 {
		st.prev[n] = p
	}
	st.next[u], st.prev[u] = -1, -1
}

// relax offers x the distance d(u) + ℓ(x,u) through the residual arc x→u
// of reduced cost cp. Most offers fail; they are rejected with a
// multiplication (room·ε stays within priceLimit, see newScaling) before
// the division that computes ℓ.
func (s *solver) relax(x int32, du int32, cp int64) {
	st := &s.upd
	limit := min(st.dist[x], int32(len(st.head)))
	if limit <= du {
		return
	}
	nd := du
	if cp >= 0 {
		room := int64(limit - du - 1) // need floor(cp/ε) < room
		if room <= 0 || cp >= room*s.eps {
			return
		}
		nd += int32(cp/s.eps) + 1
	}
	s.bucketInsert(x, nd)
}

// relaxInto relaxes every residual arc into u (whose distance is final).
func (s *solver) relaxInto(u int32) {
	p := s.price
	du := s.upd.dist[u]
	pu := p[u]
	switch {
	case u == 0:
		for g := range s.nG {
			if s.flowG[g] > 0 { // group→root
				s.relax(s.gBase+g, du, p[s.gBase+g]-pu)
			}
		}
		for v := range s.nV {
			if s.flowV[v] < s.capV[v] { // slot→root
				s.relax(s.vBase+v, du, p[s.vBase+v]-pu)
			}
		}
	case u < s.eBase:
		g := u - s.gBase
		if s.flowG[g] < s.capG[g] { // root→group
			s.relax(0, du, p[0]-pu)
		}
		for i := s.gFirst[g]; i < s.gFirst[g+1]; i++ {
			if s.flowE[i] { // employee→group
				s.relax(s.eBase+i, du, p[s.eBase+i]-pu)
			}
		}
	case u < s.vBase:
		i := u - s.eBase
		if !s.flowE[i] { // group→employee
			g := s.gBase + s.empGroup[i]
			s.relax(g, du, p[g]-pu)
		}
		for k := s.eStart[i]; k < s.eStart[i+1]; k++ {
			if s.eFlow[k] { // slot→employee, cost -eCost
				v := s.vBase + s.eSlot[k]
				s.relax(v, du, p[v]-s.eCost[k]-pu)
			}
		}
	default:
		v := u - s.vBase
		if s.flowV[v] > 0 { // root→slot
			s.relax(0, du, p[0]-pu)
		}
		s.relaxSlotEdges(v, du, pu)
	}
}

// relaxSlotEdges relaxes the employee→slot arcs into slot v that carry no
// flow: nearly all the work of a global update, so it is written out. A
// slot's range starts at a word boundary and its padding bits are clear,
// so the complemented flow bits below end are exactly those arcs.
func (s *solver) relaxSlotEdges(v, du int32, pu int64) {
	st := &s.upd
	dist, p := st.dist, s.price
	nb := int32(len(st.head))
	eps := s.eps
	start, end := s.sStart[v], s.sEnd[v]
	for w := start >> 6; w<<6 < end; w++ {
		word := ^s.sBits[w]
		if rest := end - w<<6; rest < 64 {
			word &= 1<<uint(rest) - 1
		}
		for ; word != 0; word &= word - 1 {
			pos := w<<6 + int32(bits.TrailingZeros64(word))
			x := s.eBase + s.sEmp[pos]
			limit := min(dist[x], nb)
			if limit <= du {
				continue
			}
			nd := du
			if cp := s.sCost[pos] + p[x] - pu; cp >= 0 {
				room := int64(limit - du - 1)
				if room <= 0 || cp >= room*eps {
					continue
				}
				nd += int32(cp/eps) + 1
			}
			s.bucketInsert(x, nd)
		}
	}
}
