package assign

import "context"

// checkEvery is how many discharges run between two looks at the context.
const checkEvery = 4096

// updateEvery is how many relabels, per node, trigger a global update.
const updateEvery = 2

// refine turns the αε-optimal circulation into an ε-optimal one: it
// saturates every arc of negative reduced cost (the pseudoflow is then
// 0-optimal, with excesses and deficits), then discharges active nodes in
// FIFO order until none is left, with a global price update at the start
// and whenever the relabels since the last one reach updateEvery per node.
func (s *solver) refine(ctx context.Context, eps int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.eps = eps
	s.saturateNegative()
	for u := range s.cur {
		s.cur[u] = 0
	}
	for u, e := range s.excess {
		if e > 0 {
			s.enqueue(int32(u))
		}
	}
	s.globalUpdate()
	nodes := len(s.price)
	for n := 1; s.qLen > 0 && !s.overflowed; n++ {
		s.discharge(s.dequeue())
		if s.relabels >= updateEvery*nodes {
			s.globalUpdate()
		}
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// saturateNegative saturates every residual arc with c_p < 0 (and so
// empties the arcs whose reverse has c_p < 0).
func (s *solver) saturateNegative() {
	p, ex := s.price, s.excess
	for g := range s.nG {
		u := s.gBase + g
		cp := p[0] - p[u] // root→group
		if r := s.capG[g] - s.flowG[g]; cp < 0 && r > 0 {
			s.flowG[g] = s.capG[g]
			ex[0] -= int64(r)
			ex[u] += int64(r)
		} else if f := s.flowG[g]; cp > 0 && f > 0 {
			s.flowG[g] = 0
			ex[u] -= int64(f)
			ex[0] += int64(f)
		}
	}
	for i := range s.nE {
		u := s.eBase + i
		g := s.gBase + s.empGroup[i]
		cp := p[g] - p[u] // group→employee
		if cp < 0 && !s.flowE[i] {
			s.flowE[i] = true
			ex[g]--
			ex[u]++
		} else if cp > 0 && s.flowE[i] {
			s.flowE[i] = false
			ex[u]--
			ex[g]++
		}
		pu := p[u]
		for k := s.eStart[i]; k < s.eStart[i+1]; k++ {
			v := s.vBase + s.eSlot[k]
			cp := s.eCost[k] + pu - p[v] // employee→slot
			if cp < 0 && !s.eFlow[k] {
				s.setEdgeFlow(k, true)
				ex[u]--
				ex[v]++
			} else if cp > 0 && s.eFlow[k] {
				s.setEdgeFlow(k, false)
				ex[v]--
				ex[u]++
			}
		}
	}
	for v := range s.nV {
		u := s.vBase + v
		cp := p[u] - p[0] // slot→root
		if r := s.capV[v] - s.flowV[v]; cp < 0 && r > 0 {
			s.flowV[v] = s.capV[v]
			ex[u] -= int64(r)
			ex[0] += int64(r)
		} else if f := s.flowV[v]; cp > 0 && f > 0 {
			s.flowV[v] = 0
			ex[0] -= int64(f)
			ex[u] += int64(f)
		}
	}
}
