package assign

// network is the flow network of a Problem in compact arrays, with the
// source and the sink merged into one root node (see doc.go). Only what can
// carry flow is kept: a group with a positive cap and at least one employee
// with a usable edge, such an employee, a slot with a positive cap and at
// least one usable edge. Compact groups, employees and slots are numbered in
// the order of their original indices; the employees of a group are
// contiguous, so a group's arcs to its employees are a range.
//
// Node ids (for prices and excesses): the root is 0, group g is 1+g,
// employee i is 1+nG+i, slot v is 1+nG+nE+v.
//
// The employee→slot arcs are those of a chosen subset of the edges (see
// candidates.go), stored twice: by employee (E-order, the arcs an employee
// scans) and by slot (S-order, the arcs a slot scans). Each slot's S-order
// range starts at a multiple of 64 so that its flow bits are whole words of
// sBits; the padding entries have sEmp = -1. The node numbering does not
// depend on the subset, so prices and node flows carry over when it grows.
type network struct {
	nG, nE, nV int32

	// groups
	capG   []int32 // root→group capacity: min(GroupCap, kept employees)
	flowG  []int32
	gFirst []int32 // employees of group g: [gFirst[g], gFirst[g+1])

	// employees
	empGroup []int32 // compact group of each compact employee
	flowE    []bool  // flow on group→employee
	eStart   []int32 // edges of employee i: [eStart[i], eStart[i+1])
	eSlot    []int32 // E-order: compact slot
	eCost    []int64 // E-order: scaled cost of employee→slot, -Weight*scale
	eFlow    []bool  // E-order: flow on employee→slot
	eRev     []int32 // E-order: position of the same edge in S-order
	eOrig    []int32 // E-order: index into Problem.Edges

	// slots
	capV   []int32 // slot→root capacity: min(SlotCap, usable edges)
	flowV  []int32
	sStart []int32  // S-order range of slot v: [sStart[v], sEnd[v]), sStart[v]%64 == 0
	sEnd   []int32  // end of the S-order range of slot v
	sEmp   []int32  // S-order: compact employee, -1 for padding
	sEdge  []int32  // S-order: position of the same edge in E-order
	sCost  []int64  // S-order: scaled cost of employee→slot (as eCost)
	sBits  []uint64 // S-order flow bits: bit s%64 of word s/64

	// back to the problem
	keptEmp  []int32 // original employee → compact employee, -1 if dropped
	keptSlot []int32 // original slot → compact slot, -1 if dropped
	maxW     int64   // largest kept weight, 0 if none
}

// counts is the first pass over a problem: what is kept, and how much.
type counts struct {
	empDeg  []int32 // per original employee: kept edges
	slotDeg []int32 // per original slot: kept edges
	maxW    int64
	nEdges  int
}

// countProblem counts the usable edges: those whose employee's group and
// whose slot have a positive cap. The others can never carry flow.
func countProblem(p *Problem) counts {
	c := counts{
		empDeg:  make([]int32, len(p.Group)),
		slotDeg: make([]int32, len(p.SlotCap)),
	}
	groupOK := make([]bool, len(p.Group))
	for i, g := range p.Group {
		groupOK[i] = p.GroupCap[g] > 0
	}
	for _, e := range p.Edges {
		if !groupOK[e.Employee] || p.SlotCap[e.Slot] == 0 {
			continue
		}
		c.empDeg[e.Employee]++
		c.slotDeg[e.Slot]++
		c.maxW = max(c.maxW, e.Weight)
		c.nEdges++
	}
	return c
}

// usable reports whether edge e can carry flow at all (see countProblem):
// then both its employee and its slot are kept.
func (n *network) usable(e Edge) bool {
	return n.keptEmp[e.Employee] >= 0 && n.keptSlot[e.Slot] >= 0
}

// newNetwork numbers the groups, employees and slots that are kept; the
// edges are placed by placeEdges once the cost scale is known.
func newNetwork(p *Problem, c counts) *network {
	n := &network{maxW: c.maxW}
	n.compactGroupsAndEmployees(p, c)
	n.compactSlots(p, c)
	return n
}

// nodes is the number of nodes: the root, groups, employees and slots.
func (n *network) nodes() int { return 1 + int(n.nG) + int(n.nE) + int(n.nV) }

func (n *network) compactGroupsAndEmployees(p *Problem, c counts) {
	perGroup := make([]int32, len(p.GroupCap)) // kept employees per original group
	for i, d := range c.empDeg {
		if d > 0 {
			perGroup[p.Group[i]]++
		}
	}
	keptGroup := make([]int32, len(p.GroupCap))
	n.gFirst = []int32{0}
	for g, k := range perGroup {
		keptGroup[g] = -1
		if k == 0 {
			continue
		}
		keptGroup[g] = n.nG
		n.nG++
		n.capG = append(n.capG, int32(min(p.GroupCap[g], int(k))))
		n.gFirst = append(n.gFirst, n.gFirst[len(n.gFirst)-1]+k)
	}
	n.flowG = make([]int32, n.nG)
	n.nE = n.gFirst[n.nG]

	// Employees of a group in original order: a counting sort by group.
	cursor := make([]int32, n.nG)
	copy(cursor, n.gFirst[:n.nG])
	n.keptEmp = make([]int32, len(p.Group))
	n.empGroup = make([]int32, n.nE)
	for i, d := range c.empDeg {
		n.keptEmp[i] = -1
		if d == 0 {
			continue
		}
		g := keptGroup[p.Group[i]]
		ci := cursor[g]
		cursor[g]++
		n.keptEmp[i] = ci
		n.empGroup[ci] = g
	}
	n.flowE = make([]bool, n.nE)
}

func (n *network) compactSlots(p *Problem, c counts) {
	n.keptSlot = make([]int32, len(p.SlotCap))
	for v, d := range c.slotDeg {
		n.keptSlot[v] = -1
		if d == 0 {
			continue
		}
		n.keptSlot[v] = n.nV
		n.nV++
		n.capV = append(n.capV, int32(min(p.SlotCap[v], int(d))))
	}
	n.flowV = make([]int32, n.nV)
}
