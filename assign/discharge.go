package assign

import (
	"math"
	"math/bits"
)

// The four discharge functions walk a node's residual arcs in a fixed
// order, from its current arc. Relabel sets the price so that the best
// residual arc gets reduced cost -ε, and makes that arc the current one:
//
//	p(u) = max over residual u→w of (p(w) - c(u,w)) - ε.
//
// Arc lists:
//   root:     root→group g (index g), root→slot v, the reverse of slot→root (index nG+v);
//   group:    group→employee (index i - gFirst[g]), then group→root (reverse);
//   employee: employee→slot (index k - eStart[i]), then employee→group (reverse);
//   slot:     slot→employee (reverse, index s - sStart[v]), then slot→root.

func (s *solver) dischargeRoot() {
	p := s.price
	nG, nV := s.nG, s.nV
	for s.excess[0] > 0 {
		pu := p[0]
		a := s.cur[0]
		for ; a < nG; a++ {
			r := s.capG[a] - s.flowG[a]
			if r > 0 && pu < p[s.gBase+a] {
				d := min(int64(r), s.excess[0])
				s.flowG[a] += int32(d)
				s.excess[0] -= d
				s.addExcess(s.gBase+a, d)
				if s.excess[0] == 0 {
					s.cur[0] = a
					return
				}
			}
		}
		for ; a < nG+nV; a++ {
			v := a - nG
			r := s.flowV[v]
			if r > 0 && pu < p[s.vBase+v] {
				d := min(int64(r), s.excess[0])
				s.flowV[v] -= int32(d)
				s.excess[0] -= d
				s.addExcess(s.vBase+v, d)
				if s.excess[0] == 0 {
					s.cur[0] = a
					return
				}
			}
		}
		best, arg := int64(math.MinInt64), int32(0)
		for g := range nG {
			if s.capG[g] > s.flowG[g] && p[s.gBase+g] > best {
				best, arg = p[s.gBase+g], g
			}
		}
		for v := range nV {
			if s.flowV[v] > 0 && p[s.vBase+v] > best {
				best, arg = p[s.vBase+v], nG+v
			}
		}
		if !s.relabelTo(0, best) {
			return
		}
		s.cur[0] = arg
	}
}

func (s *solver) dischargeGroup(g int32) {
	p := s.price
	u := s.gBase + g
	first, end := s.gFirst[g], s.gFirst[g+1]
	for s.excess[u] > 0 {
		pu := p[u]
		a := s.cur[u]
		for ; first+a < end; a++ {
			i := first + a
			if !s.flowE[i] && pu < p[s.eBase+i] {
				s.flowE[i] = true
				s.excess[u]--
				s.addExcess(s.eBase+i, 1)
				if s.excess[u] == 0 {
					s.cur[u] = a
					return
				}
			}
		}
		if r := s.flowG[g]; r > 0 && pu < p[0] {
			d := min(int64(r), s.excess[u])
			s.flowG[g] -= int32(d)
			s.excess[u] -= d
			s.addExcess(0, d)
			if s.excess[u] == 0 {
				s.cur[u] = a
				return
			}
		}
		best, arg := int64(math.MinInt64), int32(0)
		for i := first; i < end; i++ {
			if !s.flowE[i] && p[s.eBase+i] > best {
				best, arg = p[s.eBase+i], i-first
			}
		}
		if s.flowG[g] > 0 && p[0] > best {
			best, arg = p[0], end-first
		}
		if !s.relabelTo(u, best) {
			return
		}
		s.cur[u] = arg
	}
}

func (s *solver) dischargeEmployee(i int32) {
	p := s.price
	u := s.eBase + i
	first, end := s.eStart[i], s.eStart[i+1]
	g := s.gBase + s.empGroup[i]
	for s.excess[u] > 0 {
		pu := p[u]
		a := s.cur[u]
		for ; first+a < end; a++ {
			k := first + a
			v := s.vBase + s.eSlot[k]
			if !s.eFlow[k] && s.eCost[k]+pu < p[v] {
				s.setEdgeFlow(k, true)
				s.excess[u]--
				s.addExcess(v, 1)
				if s.excess[u] == 0 {
					s.cur[u] = a
					return
				}
			}
		}
		if s.flowE[i] && pu < p[g] {
			s.flowE[i] = false
			s.excess[u]--
			s.addExcess(g, 1)
			if s.excess[u] == 0 {
				s.cur[u] = a
				return
			}
		}
		best, arg := int64(math.MinInt64), int32(0)
		for k := first; k < end; k++ {
			if !s.eFlow[k] {
				if c := p[s.vBase+s.eSlot[k]] - s.eCost[k]; c > best {
					best, arg = c, k-first
				}
			}
		}
		if s.flowE[i] && p[g] > best {
			best, arg = p[g], end-first
		}
		if !s.relabelTo(u, best) {
			return
		}
		s.cur[u] = arg
	}
}

func (s *solver) dischargeSlot(v int32) {
	p := s.price
	u := s.vBase + v
	start, end := s.sStart[v], s.sEnd[v]
	rootArc := end - start
	for s.excess[u] > 0 {
		pu := p[u]
		a := s.cur[u]
		if a < rootArc {
			from := start + a
			for w := from >> 6; w<<6 < end; w++ {
				word := s.sBits[w]
				if w == from>>6 {
					word &= ^uint64(0) << (uint(from) & 63)
				}
				for word != 0 {
					pos := w<<6 + int32(bits.TrailingZeros64(word))
					word &= word - 1
					// slot→employee is the reverse of employee→slot: cost -sCost.
					if pu < p[s.eBase+s.sEmp[pos]]+s.sCost[pos] {
						s.setEdgeFlow(s.sEdge[pos], false)
						s.excess[u]--
						s.addExcess(s.eBase+s.sEmp[pos], 1)
						if s.excess[u] == 0 {
							s.cur[u] = pos - start
							return
						}
					}
				}
			}
			a = rootArc
		}
		if r := s.capV[v] - s.flowV[v]; r > 0 && pu < p[0] {
			d := min(int64(r), s.excess[u])
			s.flowV[v] += int32(d)
			s.excess[u] -= d
			s.addExcess(0, d)
			if s.excess[u] == 0 {
				s.cur[u] = a
				return
			}
		}
		best, arg := int64(math.MinInt64), int32(0)
		for w := start >> 6; w<<6 < end; w++ {
			for word := s.sBits[w]; word != 0; word &= word - 1 {
				pos := w<<6 + int32(bits.TrailingZeros64(word))
				if c := p[s.eBase+s.sEmp[pos]] + s.sCost[pos]; c > best {
					best, arg = c, pos-start
				}
			}
		}
		if s.capV[v] > s.flowV[v] && p[0] > best {
			best, arg = p[0], rootArc
		}
		if !s.relabelTo(u, best) {
			return
		}
		s.cur[u] = arg
	}
}
