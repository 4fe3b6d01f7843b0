package assign

import "fmt"

// Edge is a candidate move: employee Employee may fill slot Slot, gaining Weight (> 0).
type Edge struct {
	Employee int32
	Slot     int32
	Weight   int64
}

// Problem is one instance of the transfer-plan optimisation. Employees are
// the indices of Group, groups the indices of GroupCap and slots the indices
// of SlotCap.
type Problem struct {
	GroupCap []int   // per source group: max departures (>= 0)
	Group    []int32 // per employee: its group index
	SlotCap  []int   // per slot: max arrivals (>= 0)
	Edges    []Edge
}

// Solution is an optimal plan.
type Solution struct {
	Chosen    []int // indices into Problem.Edges of the chosen moves, ascending
	Objective int64 // sum of the chosen edges' weights
}

const (
	maxEdges = 1 << 30
	maxNodes = 1 << 22
)

// validate reports the first index out of range, negative capacity or
// non-positive weight, naming the field and the index.
func (p *Problem) validate() error {
	// Internal indices are int32, with room for the padding of slot ranges
	// and for the root, group, employee and slot nodes side by side.
	if len(p.Edges) > maxEdges || len(p.Group) > maxNodes || len(p.GroupCap) > maxNodes || len(p.SlotCap) > maxNodes {
		return fmt.Errorf("assign: problem too large: %d edges (max %d), %d employees, %d groups, %d slots (max %d each)",
			len(p.Edges), maxEdges, len(p.Group), len(p.GroupCap), len(p.SlotCap), maxNodes)
	}
	for g, c := range p.GroupCap {
		if c < 0 {
			return fmt.Errorf("assign: GroupCap[%d] = %d is negative", g, c)
		}
	}
	for v, c := range p.SlotCap {
		if c < 0 {
			return fmt.Errorf("assign: SlotCap[%d] = %d is negative", v, c)
		}
	}
	nGroups := len(p.GroupCap)
	for i, g := range p.Group {
		if g < 0 || int(g) >= nGroups {
			return fmt.Errorf("assign: Group[%d] = %d is out of range [0, %d)", i, g, nGroups)
		}
	}
	nEmployees, nSlots := len(p.Group), len(p.SlotCap)
	for k, e := range p.Edges {
		switch {
		case e.Employee < 0 || int(e.Employee) >= nEmployees:
			return fmt.Errorf("assign: Edges[%d].Employee = %d is out of range [0, %d)", k, e.Employee, nEmployees)
		case e.Slot < 0 || int(e.Slot) >= nSlots:
			return fmt.Errorf("assign: Edges[%d].Slot = %d is out of range [0, %d)", k, e.Slot, nSlots)
		case e.Weight <= 0:
			return fmt.Errorf("assign: Edges[%d].Weight = %d is not positive", k, e.Weight)
		}
	}
	return nil
}
