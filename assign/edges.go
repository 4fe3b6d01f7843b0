package assign

import "slices"

// placeEdges replaces the employee→slot arcs by those of the edges in
// active (usable edges only), scaled by scale. An edge in flow carries one
// unit; the caller keeps node flows consistent with it. E-order follows
// the original edge order per employee and S-order follows E-order per
// slot, so both are deterministic.
func (n *network) placeEdges(p *Problem, active, flow bitset, scale int64) {
	m := active.count()
	n.eStart = make([]int32, n.nE+1)
	sCount := make([]int32, n.nV)
	active.each(func(x int) {
		e := p.Edges[x]
		n.eStart[n.keptEmp[e.Employee]+1]++
		sCount[n.keptSlot[e.Slot]]++
	})
	for i := range n.nE {
		n.eStart[i+1] += n.eStart[i]
	}
	n.sStart = make([]int32, n.nV)
	n.sEnd = make([]int32, n.nV)
	var end int32
	for v, d := range sCount {
		start := (end + 63) &^ 63
		end = start + d
		n.sStart[v], n.sEnd[v] = start, end
	}
	size := (end + 63) &^ 63

	n.eSlot = make([]int32, m)
	n.eCost = make([]int64, m)
	n.eFlow = make([]bool, m)
	n.eRev = make([]int32, m)
	n.eOrig = make([]int32, m)
	cursor := make([]int32, n.nE)
	copy(cursor, n.eStart[:n.nE])
	active.each(func(x int) {
		e := p.Edges[x]
		i := n.keptEmp[e.Employee]
		k := cursor[i]
		cursor[i]++
		n.eSlot[k] = n.keptSlot[e.Slot]
		n.eCost[k] = -e.Weight * scale
		n.eOrig[k] = int32(x)
	})

	n.sEmp = make([]int32, size)
	for s := range n.sEmp {
		n.sEmp[s] = -1
	}
	n.sEdge = make([]int32, size)
	n.sCost = make([]int64, size)
	n.sBits = make([]uint64, size/64)
	sCursor := slices.Clone(n.sStart)
	for i := range n.nE {
		for k := n.eStart[i]; k < n.eStart[i+1]; k++ {
			v := n.eSlot[k]
			s := sCursor[v]
			sCursor[v]++
			n.sEmp[s] = i
			n.sEdge[s] = k
			n.sCost[s] = n.eCost[k]
			n.eRev[k] = s
			if flow != nil && flow.has(int(n.eOrig[k])) {
				n.setEdgeFlow(k, true)
			}
		}
	}
}

// edgeFlows is the set of edges (original indices) that carry flow.
func (n *network) edgeFlows(m int) bitset {
	b := newBitset(m)
	for k, on := range n.eFlow {
		if on {
			b.add(int(n.eOrig[k]))
		}
	}
	return b
}

// solution lists the edges that carry flow, ascending, with the sum of
// their weights (newScaling checked that it fits).
func (n *network) solution(p *Problem) Solution {
	var sol Solution
	for k, on := range n.eFlow {
		if on {
			sol.Chosen = append(sol.Chosen, int(n.eOrig[k]))
			sol.Objective += p.Edges[n.eOrig[k]].Weight
		}
	}
	slices.Sort(sol.Chosen)
	return sol
}

// setEdgeFlow sets the flow of the edge at E-order position k, keeping
// both orders in step.
func (n *network) setEdgeFlow(k int32, on bool) {
	n.eFlow[k] = on
	s := n.eRev[k]
	if on {
		n.sBits[s>>6] |= 1 << (uint(s) & 63)
	} else {
		n.sBits[s>>6] &^= 1 << (uint(s) & 63)
	}
}
