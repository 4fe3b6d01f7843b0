// Package assign solves the transfer-plan optimisation exactly: choose
// moves (employee → vacancy slot) among the candidate edges so that the sum
// of their weights is as large as possible, where each employee moves at
// most once, slot v receives at most SlotCap[v] employees and source group
// g loses at most GroupCap[g] employees.
//
// # Model
//
// This is a minimum-cost flow. A source S has an arc to every group g
// (capacity GroupCap[g], cost 0); group g has an arc to each of its
// employees (capacity 1, cost 0); employee i has an arc to slot v for each
// candidate edge (capacity 1, cost -Weight); slot v has an arc to a sink T
// (capacity SlotCap[v], cost 0). An integral flow is exactly a feasible
// plan (a unit through employee i → slot v is that move; the capacities
// are the three limits) and its cost is minus the plan's weight. The flow
// value is free: we want the cheapest flow of any value, not a maximum
// flow. Adding an arc T → S of cost 0 and unbounded capacity turns that
// into a minimum-cost circulation; merging S and T into one root node does
// the same with one node fewer, and that is the network solved here.
//
// # Why it is exact
//
// A network matrix is totally unimodular and all capacities are integers,
// so an integral optimal circulation exists, and the algorithm only ever
// moves whole units: its optimum is the best plan, not a fractional bound.
// A circulation is optimal exactly when its residual network (the arcs
// that can still carry more flow, and the reverses of those that carry
// some) has no cycle of negative cost.
//
// The solver is Goldberg's cost-scaling push-relabel algorithm (Goldberg
// and Tarjan 1990; Goldberg 1997), in integers only. With prices p, the
// reduced cost of an arc is c(u,w) + p(u) - p(w), and a circulation is
// ε-optimal when every residual arc has reduced cost >= -ε. Costs are
// multiplied by L+1, where L bounds the number of arcs of a simple cycle
// (L <= 5·slots+10 here: an employee on a cycle must touch a slot, see
// cycleBound). The zero circulation is ε-optimal for ε = the largest
// scaled weight; each refine phase divides ε by 16 and restores
// ε-optimality by pushing flow along arcs of negative reduced cost and
// lowering prices. At ε = 1, a residual cycle has at most L arcs, so its
// reduced cost, which equals its cost, is >= -L > -(L+1): a cost > -1 in
// weights. Costs are integers, so no residual cycle is negative and the
// circulation is optimal. The same analysis bounds the prices, and
// newScaling checks up front that the bound fits in int64 (an instance
// too large for that is refused with an error, never solved
// approximately); every price change is checked against the range as
// well, so an overflow could only ever surface as an error, not as a
// wrong plan.
//
// # The candidate subset
//
// A slot takes a few employees out of thousands of candidates, so nearly
// all edges are irrelevant. The solver first builds the network on a
// subset: the best 8·cap+16 edges of each slot and the best 2 of each
// employee. Once that is optimal, every other edge is priced out: an edge
// that carries no flow and has reduced cost >= -1 satisfies the optimality
// condition as it is, so if all of them do, the circulation is 1-optimal on
// the whole network and therefore optimal, by the argument above. The
// edges that violate it join the subset and scaling resumes; the subset
// only grows, so this ends. After 30 rounds, or if a price would leave its
// range, the solver starts over on all edges, where the up-front bound
// holds. Only the answer's exactness depends on the final check over all
// edges, never the choice of the subset.
//
// # Speed and memory
//
// Each phase saturates the arcs of negative reduced cost, then discharges
// active nodes in FIFO order, with Goldberg's global price update (a
// bucket-queue shortest-path search from the nodes in deficit) at the
// start and after every 2n relabels. Slots start with prices taken from
// their best edges (initialPrices), so the first phase does not push a
// unit through every edge. The employee→slot arcs live in two CSR orders,
// by employee and by slot, with the flow of an edge as a byte in one and a
// bit in the other: no per-edge objects and no maps. The solver is
// deterministic: it walks arrays in index order and uses no randomness.
package assign
