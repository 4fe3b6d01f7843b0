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
// value is free: add an arc T → S of cost 0 and unbounded capacity and ask
// for a minimum-cost circulation. Merging S and T into one root node does
// the same with one node fewer, and that is the network solved here.
//
// # Why it is exact
//
// The constraint matrix of a network is totally unimodular and all
// capacities are integers, so some optimal circulation is integral, and the
// algorithm below only ever moves integral amounts of flow: its optimum is
// the best plan, not a fractional bound. A circulation is optimal exactly
// when its residual network has no negative-cost cycle.
//
// The solver is Goldberg's cost-scaling push-relabel algorithm (Goldberg
// and Tarjan 1990; Goldberg 1997), in integers only. Costs are multiplied
// by L+1, where L bounds the number of arcs of a simple residual cycle
// (L <= 5·slots+10 here: an employee on a cycle must touch a slot, see
// cycleBound). A circulation with prices p is ε-optimal when every residual
// arc has reduced cost c(u,w) + p(u) - p(w) >= -ε. Starting from the zero
// circulation, which is ε-optimal for ε = max scaled weight, each refine
// phase divides ε by 16 and restores ε-optimality by pushing flow along
// admissible arcs (negative reduced cost) and lowering prices. At ε = 1 a
// residual cycle of at most L arcs has scaled cost >= -L > -(L+1), that is
// a cost > -1 in weights; costs are integers, so no residual cycle is
// negative and the circulation is optimal. The same argument bounds every
// price, so newScaling can check up front that no value overflows int64;
// an instance too large for that is refused with an error, never solved
// approximately.
//
// # Speed and memory
//
// Each phase saturates the arcs of negative reduced cost, then discharges
// active nodes in FIFO order with Goldberg's global price update (a bucket
// shortest-path search from the deficits) at the start and after every n
// relabels. The employee→slot arcs, nearly all of the network, live in two
// CSR orders, by employee and by slot, with the flow of an edge as a byte
// in one and a bit in the other: no per-edge objects and no maps. The
// solver is deterministic: it walks arrays in index order and uses no
// randomness, so the same Problem gives the same Solution.
package assign
