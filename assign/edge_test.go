package assign

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSolveEdgeCases(t *testing.T) {
	tests := []struct {
		name       string
		p          *Problem
		wantChosen []int
		wantObj    int64
	}{
		{name: "empty problem", p: &Problem{}},
		{
			name: "no edges",
			p:    &Problem{GroupCap: []int{3}, Group: []int32{0, 0}, SlotCap: []int{2}},
		},
		{
			name: "all caps zero",
			p: &Problem{GroupCap: []int{0, 0}, Group: []int32{0, 1}, SlotCap: []int{0},
				Edges: []Edge{{0, 0, 5}, {1, 0, 7}}},
		},
		{
			name: "group caps zero",
			p: &Problem{GroupCap: []int{0}, Group: []int32{0, 0}, SlotCap: []int{2},
				Edges: []Edge{{0, 0, 5}, {1, 0, 7}}},
		},
		{
			name: "slot caps zero",
			p: &Problem{GroupCap: []int{2}, Group: []int32{0, 0}, SlotCap: []int{0, 0},
				Edges: []Edge{{0, 0, 5}, {1, 1, 7}}},
		},
		{
			name: "one employee with many edges takes the best one",
			p: &Problem{GroupCap: []int{1}, Group: []int32{0}, SlotCap: []int{1, 1, 1, 1, 1},
				Edges: []Edge{{0, 0, 4}, {0, 1, 9}, {0, 2, 2}, {0, 3, 8}, {0, 4, 7}}},
			wantChosen: []int{1},
			wantObj:    9,
		},
		{
			name: "one employee, best slot full",
			p: &Problem{GroupCap: []int{1}, Group: []int32{0}, SlotCap: []int{1, 0, 1},
				Edges: []Edge{{0, 0, 4}, {0, 1, 9}, {0, 2, 6}}},
			wantChosen: []int{2},
			wantObj:    6,
		},
		{
			name: "group cap binds: the better of two colleagues moves",
			p: &Problem{GroupCap: []int{1}, Group: []int32{0, 0}, SlotCap: []int{2},
				Edges: []Edge{{0, 0, 5}, {1, 0, 7}}},
			wantChosen: []int{1},
			wantObj:    7,
		},
		{
			name: "slot cap binds",
			p: &Problem{GroupCap: []int{1, 1, 1}, Group: []int32{0, 1, 2}, SlotCap: []int{2},
				Edges: []Edge{{0, 0, 5}, {1, 0, 7}, {2, 0, 6}}},
			wantChosen: []int{1, 2},
			wantObj:    13,
		},
		{
			name: "the greedy choice is wrong",
			// Employee 0 prefers slot 0 (10) but slot 0 is employee 1's only
			// option (9); employee 0 takes slot 1 (8): 17 > 10.
			p: &Problem{GroupCap: []int{1, 1}, Group: []int32{0, 1}, SlotCap: []int{1, 1},
				Edges: []Edge{{0, 0, 10}, {0, 1, 8}, {1, 0, 9}}},
			wantChosen: []int{1, 2},
			wantObj:    17,
		},
		{
			name: "huge caps are clipped",
			p: &Problem{GroupCap: []int{math.MaxInt}, Group: []int32{0, 0}, SlotCap: []int{math.MaxInt},
				Edges: []Edge{{0, 0, 5}, {1, 0, 7}}},
			wantChosen: []int{0, 1},
			wantObj:    12,
		},
		{
			name: "an employee without edges and an unused group",
			p: &Problem{GroupCap: []int{1, 4}, Group: []int32{1, 1, 1}, SlotCap: []int{3},
				Edges: []Edge{{0, 0, 3}, {2, 0, 1 << 40}}},
			wantChosen: []int{0, 1},
			wantObj:    1<<40 + 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Solve(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkFeasible(tt.p, got); err != nil {
				t.Fatalf("infeasible: %v", err)
			}
			if got.Objective != tt.wantObj || !slices.Equal(got.Chosen, tt.wantChosen) {
				t.Errorf("got %v (objective %d), want %v (objective %d)", got.Chosen, got.Objective, tt.wantChosen, tt.wantObj)
			}
		})
	}
}

func TestSolveInvalid(t *testing.T) {
	valid := func() *Problem {
		return &Problem{GroupCap: []int{1, 2}, Group: []int32{0, 1, 1}, SlotCap: []int{1, 1},
			Edges: []Edge{{0, 0, 5}, {1, 1, 3}, {2, 0, 4}}}
	}
	tests := []struct {
		name    string
		modify  func(p *Problem)
		wantErr string // a part of the message
	}{
		{"negative group cap", func(p *Problem) { p.GroupCap[1] = -1 }, "GroupCap[1]"},
		{"negative slot cap", func(p *Problem) { p.SlotCap[0] = -2 }, "SlotCap[0]"},
		{"group below range", func(p *Problem) { p.Group[2] = -1 }, "Group[2]"},
		{"group above range", func(p *Problem) { p.Group[0] = 2 }, "Group[0]"},
		{"employee below range", func(p *Problem) { p.Edges[1].Employee = -1 }, "Edges[1].Employee"},
		{"employee above range", func(p *Problem) { p.Edges[2].Employee = 3 }, "Edges[2].Employee"},
		{"slot below range", func(p *Problem) { p.Edges[0].Slot = -1 }, "Edges[0].Slot"},
		{"slot above range", func(p *Problem) { p.Edges[0].Slot = 2 }, "Edges[0].Slot"},
		{"zero weight", func(p *Problem) { p.Edges[2].Weight = 0 }, "Edges[2].Weight"},
		{"negative weight", func(p *Problem) { p.Edges[1].Weight = -7 }, "Edges[1].Weight"},
		{"weight too large for exact scaling", func(p *Problem) { p.Edges[1].Weight = math.MaxInt64 / 4 }, "exceed"},
	}
	if _, err := Solve(valid()); err != nil {
		t.Fatalf("the base problem is invalid: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.modify(p)
			sol, err := Solve(p)
			if err == nil {
				t.Fatalf("no error, solution %+v", sol)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Solve(nil); err == nil {
		t.Error("Solve(nil): no error")
	}
}
