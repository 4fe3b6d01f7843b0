package assign

import (
	"fmt"
	"math/bits"
)

// alpha is the factor by which ε shrinks between two refine phases.
const alpha = 16

// priceLimit bounds the magnitude of every price. With scaled costs and
// prices within it, a reduced cost c + p(u) - p(w) stays within int64.
const priceLimit = int64(1) << 61

// cycleBound is an upper bound on the number of nodes of a simple cycle or
// path in the residual network. An employee's only neighbours are its group
// and slots, so in a simple cycle or path at least one of its two
// neighbours is a slot: there are at most 2·nV+2 employees. A group's
// neighbours are the root and its employees, so there are at most as many
// groups as employees, plus two. With the slots and the root:
// 5·nV+7 ≤ 5·nV+10. It is also at most the number of nodes.
func cycleBound(n *network) int64 {
	return min(int64(n.nodes()), 5*int64(n.nV)+10)
}

// scaling is the cost scale and the first ε.
type scaling struct {
	scale int64 // costs are multiplied by it, so that ε = 1 is optimal
	eps0  int64 // the zero flow with zero prices is eps0-optimal
	bound int64 // cycleBound
}

// newScaling checks that exact integer cost scaling fits in int64. A
// scaled cost is -Weight·(L+1) with L = cycleBound: a 1-optimal flow in
// scaled units is 1/(L+1)-optimal in weights, so every residual cycle
// (at most L arcs) has cost > -1, hence >= 0 since weights are integers,
// and the flow is optimal. During a refine phase the price of a node with
// excess moves by at most (alpha+1)·L·ε + ε (Goldberg and Tarjan's bound);
// summed over the phases and with room for reduced costs, requiring
// eps0·(alpha+2)·(L+2)·4 <= priceLimit leaves a wide margin. Prices are
// still checked against priceLimit as they change (solver.relabelTo,
// globalUpdate): a global update also lowers nodes that cannot reach a
// deficit, which that bound does not cover. Given prices in range, a
// reduced cost, a bucket distance times ε (at most eps0·(alpha+1)·(L+2))
// and every other intermediate value fit in int64. The objective, at most
// maxW per move, must fit as well.
func newScaling(n *network) (scaling, error) {
	l := cycleBound(n)
	sc := scaling{scale: l + 1, bound: l}
	eps0, ok := mulInt64(n.maxW, sc.scale)
	if ok {
		sc.eps0 = eps0
		var b int64
		b, ok = mulInt64(eps0, (alpha+2)*(l+2))
		if ok {
			b, ok = mulInt64(b, 4)
		}
		ok = ok && b <= priceLimit
	}
	if ok {
		// The objective is at most maxW per move.
		_, ok = mulInt64(n.maxW, n.maxMoves())
	}
	if !ok {
		return scaling{}, fmt.Errorf("assign: weights up to %d with %d usable slots exceed the range of exact int64 cost scaling", n.maxW, n.nV)
	}
	return sc, nil
}

// maxMoves bounds the number of moves of any plan.
func (n *network) maxMoves() int64 {
	var slots, groups int64
	for _, c := range n.capV {
		slots += int64(c)
	}
	for _, c := range n.capG {
		groups += int64(c)
	}
	return min(int64(n.nE), slots, groups)
}

// mulInt64 returns a·b for a, b >= 0 and whether it fits in int64.
func mulInt64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > 1<<63-1 {
		return 0, false
	}
	return int64(lo), true
}
