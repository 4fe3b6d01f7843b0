package assign

import (
	"fmt"
	"slices"
)

// checkFeasible reports why sol is not a feasible plan for p with a
// consistent objective, or nil.
func checkFeasible(p *Problem, sol Solution) error {
	if !slices.IsSorted(sol.Chosen) {
		return fmt.Errorf("Chosen %v is not ascending", sol.Chosen)
	}
	moved := make([]bool, len(p.Group))
	departures := make([]int, len(p.GroupCap))
	arrivals := make([]int, len(p.SlotCap))
	var sum int64
	for j, x := range sol.Chosen {
		if x < 0 || x >= len(p.Edges) {
			return fmt.Errorf("Chosen[%d] = %d is out of range", j, x)
		}
		if j > 0 && sol.Chosen[j-1] == x {
			return fmt.Errorf("edge %d chosen twice", x)
		}
		e := p.Edges[x]
		if moved[e.Employee] {
			return fmt.Errorf("employee %d moves twice", e.Employee)
		}
		moved[e.Employee] = true
		departures[p.Group[e.Employee]]++
		arrivals[e.Slot]++
		sum += e.Weight
	}
	for g, d := range departures {
		if d > p.GroupCap[g] {
			return fmt.Errorf("group %d loses %d > cap %d", g, d, p.GroupCap[g])
		}
	}
	for v, a := range arrivals {
		if a > p.SlotCap[v] {
			return fmt.Errorf("slot %d receives %d > cap %d", v, a, p.SlotCap[v])
		}
	}
	if sum != sol.Objective {
		return fmt.Errorf("Objective %d, but the chosen weights sum to %d", sol.Objective, sum)
	}
	return nil
}
