package assign

import "math"

// solver is the state of the cost-scaling push-relabel algorithm on a
// network: a pseudoflow (in the network), node prices and excesses.
//
// Reduced cost of an arc u→w: c_p(u,w) = c(u,w) + p(u) - p(w). The pair
// (flow, prices) is ε-optimal when every residual arc has c_p >= -ε; an arc
// is admissible when it is residual and c_p < 0. Prices only decrease.
type solver struct {
	*network
	eps    int64
	price  []int64
	excess []int64
	cur    []int32 // current arc of each node, an index into its arc list

	queue       []int32 // FIFO ring of active nodes (excess > 0)
	qHead, qLen int

	gBase, eBase, vBase int32 // node id of group 0, employee 0, slot 0

	relabels   int   // since the last global update
	limit      int64 // prices stay in [-limit, 0]: priceLimit, or less in tests
	overflowed bool  // a price would have left that range; the phase stops

	upd updateState
}

func newSolver(n *network, sc scaling, opts options) *solver {
	nodes := n.nodes()
	limit := priceLimit
	if opts.priceLimit > 0 {
		limit = opts.priceLimit
	}
	return &solver{
		limit:   limit,
		upd:     newUpdateState(nodes, bucketCount(sc.bound)),
		network: n,
		price:   make([]int64, nodes),
		excess:  make([]int64, nodes),
		cur:     make([]int32, nodes),
		queue:   make([]int32, nodes),
		gBase:   1,
		eBase:   1 + n.nG,
		vBase:   1 + n.nG + n.nE,
	}
}

func (s *solver) enqueue(u int32) {
	i := s.qHead + s.qLen
	if i >= len(s.queue) {
		i -= len(s.queue)
	}
	s.queue[i] = u
	s.qLen++
}

func (s *solver) dequeue() int32 {
	u := s.queue[s.qHead]
	s.qHead++
	if s.qHead == len(s.queue) {
		s.qHead = 0
	}
	s.qLen--
	return u
}

// addExcess moves d units of excess into w, activating it if it was not.
// A node is in the queue exactly when its excess is positive, and a node is
// never pushed to while it is being discharged, so the ring cannot overflow.
func (s *solver) addExcess(w int32, d int64) {
	old := s.excess[w]
	s.excess[w] = old + d
	if old <= 0 && old+d > 0 {
		s.enqueue(w)
	}
}

// relabelTo ends a relabel of u whose best residual arc has
// p(w) - c(u,w) = best. It reports false, and records the overflow, when
// the new price would leave the range: the caller stops, and the solve
// starts over on all edges or fails (never loops on a clamped price).
func (s *solver) relabelTo(u int32, best int64) bool {
	if best == math.MinInt64 {
		// An active node always has a residual arc: the reverse of an arc
		// that brought it flow.
		panic("assign: internal error: active node without residual arc")
	}
	p := best - s.eps
	if p < -s.limit {
		s.overflowed = true
		return false
	}
	s.price[u] = p
	s.relabels++
	return true
}

// discharge pushes u's excess along admissible arcs, relabelling u when it
// has none, until the excess is gone.
func (s *solver) discharge(u int32) {
	switch {
	case u == 0:
		s.dischargeRoot()
	case u < s.eBase:
		s.dischargeGroup(u - s.gBase)
	case u < s.vBase:
		s.dischargeEmployee(u - s.eBase)
	default:
		s.dischargeSlot(u - s.vBase)
	}
}
