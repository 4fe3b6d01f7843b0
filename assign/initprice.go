package assign

// initialPrices gives each slot a starting price so that the first refine
// phase does not saturate every edge. Slot v's price is the scaled cost of
// its k-th best edge (k = a few times its cap): only edges better than that
// start with a negative reduced cost. Every other price stays 0.
//
// This keeps the zero circulation eps0-optimal (an edge's reduced cost is
// (θ_v - w)·scale >= -eps0, slot→root's is -θ_v·scale >= -eps0), which is
// all that the scaling loop and newScaling's bound assume of the start.
func (s *solver) initialPrices(perCap int) {
	var scratch []int64
	for v := range s.nV {
		start, end := s.sStart[v], s.sEnd[v]
		deg := int(end - start)
		k := min(deg, perCap*int(s.capV[v]))
		if k == 0 {
			continue
		}
		scratch = scratch[:0]
		for pos := start; pos < end; pos++ {
			scratch = append(scratch, s.sCost[pos])
		}
		s.price[s.vBase+v] = selectKth(scratch, k-1)
	}
}

// selectKth returns the k-th smallest element (from 0) of a, reordering a.
// It is Hoare's quickselect with a median-of-three pivot: deterministic.
func selectKth(a []int64, k int) int64 {
	lo, hi := 0, len(a)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		pivot := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return a[k]
		}
	}
	return a[k]
}
