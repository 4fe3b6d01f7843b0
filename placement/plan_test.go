package placement

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// bruteForce finds the best objective over every feasible plan of an
// organisation by enumeration, straight from the definition and the full
// policy: each employee stays or takes one vacancy whose pair is eligible
// with a positive score before the plan, and a plan is feasible when every
// move of it is eligible in the state after the whole plan (afterState).
// It shares with the service only the policy and afterState, not the
// network model nor the solver.
func bruteForce(t *testing.T, p *rules.Policy, org *Org) int64 {
	t.Helper()
	vac := org.Vacancies()
	type option struct {
		v     int
		score int64
	}
	emps := org.Employees
	opts := make([][]option, len(emps))
	for i, e := range emps {
		for v, pos := range vac {
			if pos.ID == e.JabatanID {
				continue
			}
			d := p.Evaluate(org.Subject(e), org.Target(pos), testDay)
			if s := roundScore(d.Score); d.Eligible && s > 0 {
				opts[i] = append(opts[i], option{v, int64(math.Round(s * scoreScale))})
			}
		}
	}
	// Eligibility after the plan depends only on the move and on how many
	// leave its source and arrive at its target: memoise it.
	type key struct{ e, v, dep, arr int }
	memo := map[key]bool{}
	ok := func(e, v, dep, arr int) bool {
		k := key{e, v, dep, arr}
		if r, seen := memo[k]; seen {
			return r
		}
		r := afterState(p, org, emps[e], vac[v], dep, arr, testDay).Eligible
		memo[k] = r
		return r
	}
	choice := make([]int, len(emps)) // -1 stays, else index into opts[i]
	best := int64(0)
	var walk func(i int, sum int64)
	walk = func(i int, sum int64) {
		if i == len(emps) {
			dep, arr := map[string]int{}, map[int]int{}
			for j, c := range choice {
				if c >= 0 {
					dep[emps[j].JabatanID]++
					arr[opts[j][c].v]++
				}
			}
			for j, c := range choice {
				if c >= 0 && !ok(j, opts[j][c].v, dep[emps[j].JabatanID], arr[opts[j][c].v]) {
					return
				}
			}
			best = max(best, sum)
			return
		}
		choice[i] = -1
		walk(i+1, sum)
		for c, o := range opts[i] {
			choice[i] = c
			walk(i+1, sum+o.score)
		}
		choice[i] = -1
	}
	walk(0, 0)
	return best
}

// checkPlanProperties asserts every constraint of the model on a plan.
func checkPlanProperties(t *testing.T, p *rules.Policy, org *Org, plan *Plan) {
	t.Helper()
	seen := map[string]bool{}
	dep, arr := map[string]int{}, map[string]int{}
	var sum float64
	for _, m := range plan.Moves {
		if seen[m.NIP] {
			t.Fatalf("%s moves twice", m.NIP)
		}
		seen[m.NIP] = true
		dep[m.FromPosition]++
		arr[m.ToPosition]++
		sum += m.Score
		if m.Score <= 0 || m.FromPosition == m.ToPosition {
			t.Fatalf("move %+v: a move must score and change position", m)
		}
	}
	for id, n := range arr {
		pos := org.Positions[id]
		if pos == nil || n > pos.Vacancy() {
			t.Fatalf("vacancy %s over-filled: %d arrivals", id, n)
		}
	}
	limit, _ := paramNumber(p, "ej_asal_maks")
	for id, n := range dep {
		pos := org.Positions[id]
		if ej := mutasi.EJ(pos.BebanKerjaJam, pos.Holders-n, effectiveHours(p)); ej > limit {
			t.Fatalf("source %s left with EJ %v > %v after %d departures", id, ej, limit, n)
		}
	}
	for _, m := range plan.Moves {
		e := org.Employee(m.NIP)
		if d := afterState(p, org, e, org.Positions[m.ToPosition], dep[m.FromPosition], arr[m.ToPosition], testDay); !d.Eligible {
			t.Fatalf("move %s → %s not eligible after the plan: %v", m.NIP, m.ToPosition, d.Failed())
		}
	}
	if math.Abs(sum-plan.Objective) > 1e-6 {
		t.Fatalf("objective %v, sum of move scores %v", plan.Objective, sum)
	}
}

func TestPlanEqualsBruteForceOnRandomInstances(t *testing.T) {
	p := loadDefaultPolicy(t)
	r := rand.New(rand.NewPCG(7, 11))
	n := 400
	if testing.Short() {
		n = 60
	}
	nonEmpty := 0
	for i := range n {
		d := randomOrg(r, 8, 4)
		svc := newTestService(d, p)
		ctx := context.Background()
		plan, err := svc.Plan(ctx, Admin(), PlanOptions{Date: testDay})
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		org, err := svc.Organisation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		checkPlanProperties(t, p, org, plan)
		want := bruteForce(t, p, org)
		if got := int64(math.Round(plan.Objective * scoreScale)); got != want {
			t.Fatalf("instance %d: plan objective %d, brute force %d (%d moves)", i, got, want, len(plan.Moves))
		}
		if len(plan.Moves) > 0 {
			nonEmpty++
		}
	}
	// The instances must exercise the solver, not only empty plans.
	if nonEmpty < n/3 {
		t.Fatalf("only %d of %d random instances had a move; the generator is too strict", nonEmpty, n)
	}
}

func TestPlanPropertiesOnLargerRandomInstances(t *testing.T) {
	p := loadDefaultPolicy(t)
	r := rand.New(rand.NewPCG(3, 5))
	for i := range 30 {
		d := randomOrg(r, 40, 8)
		svc := newTestService(d, p)
		plan, err := svc.Plan(context.Background(), Admin(), PlanOptions{Date: testDay})
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		org, _ := svc.Organisation(context.Background())
		checkPlanProperties(t, p, org, plan)
		// One worker or four: the same plan.
		svc1 := New(Config{Directory: d, Policy: svc.cfg.Policy, Now: svc.cfg.Now, Workers: 1})
		plan1, err := svc1.Plan(context.Background(), Admin(), PlanOptions{Date: testDay})
		if err != nil {
			t.Fatal(err)
		}
		if len(plan1.Moves) != len(plan.Moves) || plan1.Objective != plan.Objective {
			t.Fatalf("instance %d: 1 worker gave %d moves / %v, 2 workers %d / %v", i,
				len(plan1.Moves), plan1.Objective, len(plan.Moves), plan.Objective)
		}
		for j := range plan.Moves {
			if plan.Moves[j].NIP != plan1.Moves[j].NIP || plan.Moves[j].ToPosition != plan1.Moves[j].ToPosition {
				t.Fatalf("instance %d: move %d differs between worker counts", i, j)
			}
		}
	}
}
