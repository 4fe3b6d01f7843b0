package impact

import (
	"context"
	"math"
	"sort"
	"sync"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Source streams the employees to compare, each with what its evaluation
// needs; the Employee it passes may be reused after yield returns.
type Source func(yield func(rules.Subject) error) error

// chunkSize is how many employees go to a worker at once: large enough to
// keep the channel cheap, small enough to balance two cores.
const chunkSize = 256

// Compare evaluates every subject of src under old and new and reports the
// difference. It is deterministic: samples are the first by NIP, whatever
// the number of workers.
func Compare(ctx context.Context, old, new *rules.Policy, opt Options, src Source) (*Report, error) {
	if opt.Samples <= 0 {
		opt.Samples = 10
	}
	if opt.Workers <= 0 {
		opt.Workers = 1
	}
	chunks := make(chan []rules.Subject, opt.Workers)
	results := make([]*tally, opt.Workers)
	var wg sync.WaitGroup
	for w := range opt.Workers {
		t := newTally(old, new, opt)
		results[w] = t
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer t.close()
			for chunk := range chunks {
				for _, s := range chunk {
					t.add(s)
				}
			}
		}()
	}

	done := 0
	chunk := make([]rules.Subject, 0, chunkSize)
	flush := func() error {
		select {
		case chunks <- chunk:
		case <-ctx.Done():
			return ctx.Err()
		}
		done += len(chunk)
		if opt.Progress != nil {
			opt.Progress(done)
		}
		chunk = make([]rules.Subject, 0, chunkSize)
		return nil
	}
	err := src(func(s rules.Subject) error {
		e := *s.Employee // the source may reuse its Employee
		s.Employee = &e
		chunk = append(chunk, s)
		if len(chunk) == chunkSize {
			return flush()
		}
		return nil
	})
	if err == nil && len(chunk) > 0 {
		err = flush()
	}
	close(chunks)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return merge(old, new, opt, results), nil
}

// tally is one worker's share of the comparison.
type tally struct {
	old, new       *rules.Policy
	ob, nb         *rules.Batch // pairs
	og, ng         *rules.Batch // the general question
	targets        []*rules.Target
	samples        int
	employees      int
	general, pairs outcomeTally
	ov, nv         []rules.Verdict
	bestOld        []candidate
	bestNew        []candidate
}

type outcomeTally struct {
	Outcome
	causes map[string]*Cause
}

// candidate is the best eligible person for one vacancy so far.
type candidate struct {
	nip   string
	score float64
}

func (c candidate) better(nip string, score float64) bool {
	return c.nip == "" || score > c.score || (score == c.score && nip < c.nip)
}

func newTally(old, new *rules.Policy, opt Options) *tally {
	t := &tally{
		old: old, new: new, targets: opt.Targets, samples: opt.Samples,
		og: old.NewBatch(opt.Today), ng: new.NewBatch(opt.Today),
		general: outcomeTally{causes: map[string]*Cause{}},
		pairs:   outcomeTally{causes: map[string]*Cause{}},
		bestOld: make([]candidate, len(opt.Targets)),
		bestNew: make([]candidate, len(opt.Targets)),
	}
	if len(opt.Targets) > 0 {
		t.ob, t.nb = old.NewBatch(opt.Today, opt.Targets...), new.NewBatch(opt.Today, opt.Targets...)
	}
	return t
}

func (t *tally) close() {
	t.og.Close()
	t.ng.Close()
	if t.ob != nil {
		t.ob.Close()
		t.nb.Close()
	}
}

func (t *tally) add(s rules.Subject) {
	t.employees++
	t.ov, t.nv = t.og.Check(s, t.ov[:0]), t.ng.Check(s, t.nv[:0])
	t.record(&t.general, s, "", t.ov[0], t.nv[0])
	if t.ob == nil {
		return
	}
	// A person is never a candidate for the position they hold.
	t.ov, t.nv = t.ob.Check(s, t.ov[:0]), t.nb.Check(s, t.nv[:0])
	for i, target := range t.targets {
		if target.Position.ID == s.Employee.JabatanID {
			continue
		}
		o, n := t.ov[i], t.nv[i]
		t.record(&t.pairs, s, target.Position.ID, o, n)
		if o.Eligible && t.bestOld[i].better(s.Employee.NIP, o.Score) {
			t.bestOld[i] = candidate{s.Employee.NIP, o.Score}
		}
		if n.Eligible && t.bestNew[i].better(s.Employee.NIP, n.Score) {
			t.bestNew[i] = candidate{s.Employee.NIP, n.Score}
		}
	}
}

func (t *tally) record(o *outcomeTally, s rules.Subject, target string, ov, nv rules.Verdict) {
	o.Total++
	if ov.Eligible {
		o.EligibleOld++
	}
	if nv.Eligible {
		o.EligibleNew++
	}
	if ov.Eligible && nv.Eligible {
		if d := math.Abs(nv.Score - ov.Score); d > 1e-9 {
			o.ScoreChanged++
			o.ScoreAbsDelta += d
			o.ScoreMaxDelta = max(o.ScoreMaxDelta, d)
		}
	}
	if ov.Eligible == nv.Eligible {
		return
	}
	was, now := t.old.RuleIDs(ov.Blocking), t.new.RuleIDs(nv.Blocking)
	var causes []string
	if ov.Eligible {
		o.Lost++
		causes = minus(now, was)
		for _, id := range causes {
			o.cause(id, t.new).NewlyBlocking++
		}
		o.LostSamples = t.addSample(o.LostSamples, s, target, causes)
	} else {
		o.Gained++
		causes = minus(was, now)
		for _, id := range causes {
			o.cause(id, t.old).NoLongerBlocking++
		}
		o.GainedSamples = t.addSample(o.GainedSamples, s, target, causes)
	}
}

func (o *outcomeTally) cause(id string, p *rules.Policy) *Cause {
	c, ok := o.causes[id]
	if !ok {
		c = &Cause{RuleID: id}
		if r := p.Rule(id); r != nil {
			c.Title = r.Title
		}
		o.causes[id] = c
	}
	return c
}

// addSample adds a changed verdict to a sample list: a further pair of the
// person sampled last only counts (one worker sees a person's pairs one
// after another), a new person is added while there is room.
func (t *tally) addSample(list []Sample, s rules.Subject, target string, causes []string) []Sample {
	if n := len(list); n > 0 && list[n-1].NIP == s.Employee.NIP {
		list[n-1].Count++
		return list
	}
	if len(list) >= t.samples {
		return list
	}
	return append(list, Sample{NIP: s.Employee.NIP, Nama: s.Employee.Nama, Target: target, Rules: causes, Count: 1})
}

// minus returns the ids in a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, id := range a {
		found := false
		for _, x := range b {
			if x == id {
				found = true
				break
			}
		}
		if !found {
			out = append(out, id)
		}
	}
	return out
}

func merge(old, new *rules.Policy, opt Options, parts []*tally) *Report {
	r := &Report{
		Old:       PolicyInfo{Name: old.Name, Version: old.VersionID()},
		New:       PolicyInfo{Name: new.Name, Version: new.VersionID()},
		Date:      opt.Today,
		Vacancies: len(opt.Targets),
		Changes:   fileChanges(old, new),
	}
	general := outcomeTally{causes: map[string]*Cause{}}
	pairs := outcomeTally{causes: map[string]*Cause{}}
	bestOld := make([]candidate, len(opt.Targets))
	bestNew := make([]candidate, len(opt.Targets))
	for _, t := range parts {
		r.Employees += t.employees
		general.absorb(&t.general)
		pairs.absorb(&t.pairs)
		for i := range opt.Targets {
			if c := t.bestOld[i]; c.nip != "" && bestOld[i].better(c.nip, c.score) {
				bestOld[i] = c
			}
			if c := t.bestNew[i]; c.nip != "" && bestNew[i].better(c.nip, c.score) {
				bestNew[i] = c
			}
		}
	}
	for i := range opt.Targets {
		if bestOld[i].nip != bestNew[i].nip {
			r.TopChanged++
		}
	}
	r.General = general.finish(opt.Samples)
	r.Pairs = pairs.finish(opt.Samples)
	return r
}

func (o *outcomeTally) absorb(p *outcomeTally) {
	o.Total += p.Total
	o.EligibleOld += p.EligibleOld
	o.EligibleNew += p.EligibleNew
	o.Gained += p.Gained
	o.Lost += p.Lost
	o.ScoreChanged += p.ScoreChanged
	o.ScoreAbsDelta += p.ScoreAbsDelta
	o.ScoreMaxDelta = max(o.ScoreMaxDelta, p.ScoreMaxDelta)
	o.LostSamples = append(o.LostSamples, p.LostSamples...)
	o.GainedSamples = append(o.GainedSamples, p.GainedSamples...)
	for id, c := range p.causes {
		mc, ok := o.causes[id]
		if !ok {
			mc = &Cause{RuleID: id, Title: c.Title}
			o.causes[id] = mc
		}
		mc.NewlyBlocking += c.NewlyBlocking
		mc.NoLongerBlocking += c.NoLongerBlocking
	}
}

// finish orders causes by how many verdicts they changed and keeps the
// first samples by (NIP, target): each worker saw its employees in NIP
// order, so the union of their first samples holds the overall first.
func (o *outcomeTally) finish(n int) Outcome {
	out := o.Outcome
	for _, c := range o.causes {
		out.Causes = append(out.Causes, *c)
	}
	sort.Slice(out.Causes, func(i, j int) bool {
		a, b := out.Causes[i], out.Causes[j]
		if ta, tb := a.NewlyBlocking+a.NoLongerBlocking, b.NewlyBlocking+b.NoLongerBlocking; ta != tb {
			return ta > tb
		}
		return a.RuleID < b.RuleID
	})
	out.LostSamples = firstSamples(out.LostSamples, n)
	out.GainedSamples = firstSamples(out.GainedSamples, n)
	return out
}

func firstSamples(list []Sample, n int) []Sample {
	sort.Slice(list, func(i, j int) bool {
		if list[i].NIP != list[j].NIP {
			return list[i].NIP < list[j].NIP
		}
		return list[i].Target < list[j].Target
	})
	if len(list) > n {
		list = list[:n]
	}
	return list
}

// Employees is the Source of every active employee of dir, paired by the
// caller-supplied subject function (which adds position, unit, aspiration).
func Employees(ctx context.Context, dir mutasi.Directory, subject func(*mutasi.Employee) rules.Subject) Source {
	return func(yield func(rules.Subject) error) error {
		return dir.EachEmployee(ctx, func(e *mutasi.Employee) error { return yield(subject(e)) })
	}
}
