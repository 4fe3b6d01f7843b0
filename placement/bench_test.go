package placement

import (
	"context"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/demo"
	"github.com/mutasi/mutasi/rules"
)

// demoOrg builds the demo pemda of n employees in memory, as the store
// would hand it over (holders counted, only active rows).
func demoOrg(tb testing.TB, n int) *Org {
	tb.Helper()
	pd, err := demo.New(demo.Config{Seed: 1, Employees: n, Today: testDay})
	if err != nil {
		tb.Fatal(err)
	}
	o := newOrg()
	var units []mutasi.Unit
	pd.Units()(func(r mutasi.Row[mutasi.Unit]) error { units = append(units, r.Value); return nil })
	for i := range units {
		o.addUnit(&units[i])
	}
	var positions []mutasi.Position
	pd.Positions()(func(r mutasi.Row[mutasi.Position]) error { positions = append(positions, r.Value); return nil })
	holders := map[string]int{}
	pd.Employees()(func(r mutasi.Row[mutasi.Employee]) error {
		e := r.Value
		o.Employees = append(o.Employees, &e)
		holders[e.JabatanID]++
		return nil
	})
	sort.Slice(o.Employees, func(i, j int) bool { return o.Employees[i].NIP < o.Employees[j].NIP })
	for i := range positions {
		positions[i].Holders = holders[positions[i].ID]
		o.addPosition(&positions[i])
	}
	pd.Aspirations()(func(r mutasi.Row[mutasi.Aspiration]) error { a := r.Value; o.Aspirations[a.NIP] = &a; return nil })
	o.finish()
	return o
}

// fixedOrg is a directory whose organisation never changes: the service
// keeps it, as the bot does between imports.
type fixedOrg struct {
	memDir
	org *Org
}

func (f *fixedOrg) DataGeneration(context.Context) (int64, error) { return 1, nil }

func benchService(tb testing.TB, n int) (*Service, *Org, *rules.Policy) {
	p := loadDefaultPolicy(tb)
	o := demoOrg(tb, n)
	o.Generation = 1
	svc := New(Config{Directory: &fixedOrg{org: o}, Policy: func() *rules.Policy { return p },
		Now: func() time.Time { return testDay }, Workers: runtime.GOMAXPROCS(0)})
	svc.org = o
	return svc, o, p
}

// busiestVacancy is the vacancy with the most eligible candidates' worth
// of work: the first vacancy open to any major, so that the benchmark
// ranks many people rather than few.
func busiestVacancy(o *Org) string {
	for _, v := range o.Vacancies() {
		if len(v.RumpunPendidikan) == 0 && v.PendidikanMin == "" {
			return v.ID
		}
	}
	return o.Vacancies()[0].ID
}

// BenchmarkRecommend100k is one /rekomendasi in the long-running bot
// (Resident): the organisation and every employee's subject side are in
// memory, every active employee is ranked against the vacancy, the best
// five and five near misses are explained.
func BenchmarkRecommend100k(b *testing.B) {
	svc, o, _ := benchService(b, 100_000)
	svc.cfg.Resident = true
	pos := busiestVacancy(o)
	ctx := context.Background()
	if _, err := svc.Recommend(ctx, Admin(), pos, RecommendOptions{Date: testDay}); err != nil {
		b.Fatal(err) // builds the cohort, as the bot's first question does
	}
	for b.Loop() {
		if _, err := svc.Recommend(ctx, Admin(), pos, RecommendOptions{Date: testDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecommendOnce100k is the same question asked once, as the CLI
// does after loading the organisation: no cohort is kept.
func BenchmarkRecommendOnce100k(b *testing.B) {
	svc, o, _ := benchService(b, 100_000)
	pos := busiestVacancy(o)
	ctx := context.Background()
	for b.Loop() {
		if _, err := svc.Recommend(ctx, Admin(), pos, RecommendOptions{Date: testDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecommendBaseline100k is what a competent user of the policy
// engine writes without the service: the full decision (Evaluate) of
// every employee against the vacancy, then a sort. Same answer, measured
// in the same run.
func BenchmarkRecommendBaseline100k(b *testing.B) {
	_, o, p := benchService(b, 100_000)
	target := o.Target(o.Positions[busiestVacancy(o)])
	type cand struct {
		nip   string
		score float64
	}
	for b.Loop() {
		var eligible []cand
		for _, e := range o.Employees {
			if e.JabatanID == target.Position.ID {
				continue
			}
			if d := p.Evaluate(o.Subject(e), target, testDay); d.Eligible {
				eligible = append(eligible, cand{e.NIP, d.Score})
			}
		}
		sort.Slice(eligible, func(i, j int) bool { return eligible[i].score > eligible[j].score })
	}
}

// BenchmarkOrgDecode100k reads the organisation snapshot of 100,000
// employees, as every CLI command that ranks or plans does first.
func BenchmarkOrgDecode100k(b *testing.B) {
	data := encodeOrg(demoOrg(b, 100_000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := decodeOrg(data); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPlan(b *testing.B, n int) {
	svc, _, _ := benchService(b, n)
	ctx := context.Background()
	var plan *Plan
	for b.Loop() {
		var err error
		if plan, err = svc.Plan(ctx, Admin(), PlanOptions{Date: testDay}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(plan.Moves)), "moves")
	b.ReportMetric(float64(plan.Pairs), "pairs")
}

func BenchmarkPlan2k(b *testing.B)   { benchPlan(b, 2_000) }
func BenchmarkPlan20k(b *testing.B)  { benchPlan(b, 20_000) }
func BenchmarkPlan100k(b *testing.B) { benchPlan(b, 100_000) }

// greedy is the plan a competent user writes without a solver: every
// eligible pair by score, highest first, taken while the employee is
// unmoved, the vacancy has room and the source may lose one more. It is
// the baseline of the plan benchmarks, for time and for the objective.
func greedy(m *model) int64 {
	order := make([]int, len(m.problem.Edges))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return m.problem.Edges[order[a]].Weight > m.problem.Edges[order[b]].Weight })
	moved := make([]bool, len(m.employees))
	arr := make([]int, len(m.problem.SlotCap))
	dep := make([]int, len(m.problem.GroupCap))
	var total int64
	for _, i := range order {
		e := m.problem.Edges[i]
		g := m.problem.Group[e.Employee]
		if moved[e.Employee] || arr[e.Slot] >= m.problem.SlotCap[e.Slot] || dep[g] >= m.problem.GroupCap[g] {
			continue
		}
		moved[e.Employee] = true
		arr[e.Slot]++
		dep[g]++
		total += e.Weight
	}
	return total
}

// BenchmarkPlanGreedy20k builds the same model as BenchmarkPlan20k and
// assigns greedily: the baseline. It reports the greedy objective as a
// share of the exact one.
func BenchmarkPlanGreedy20k(b *testing.B) { benchGreedy(b, 20_000) }
func BenchmarkPlanGreedy2k(b *testing.B)  { benchGreedy(b, 2_000) }

func benchGreedy(b *testing.B, n int) {
	svc, o, p := benchService(b, n)
	ctx := context.Background()
	var got int64
	var m *model
	for b.Loop() {
		var err error
		if m, err = svc.buildModel(ctx, o, p, testDay, nil); err != nil {
			b.Fatal(err)
		}
		got = greedy(m)
	}
	b.StopTimer()
	plan, err := svc.Plan(ctx, Admin(), PlanOptions{Date: testDay})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(got)/scoreScale/plan.Objective*100, "%-of-exact")
}
