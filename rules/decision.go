package rules

import (
	"encoding/json"
	"strconv"
	"time"
)

// Decision is the full answer for one employee, in general or for one
// target position: the verdict, every rule's outcome (none is skipped) with
// its message, and the score with its parts.
type Decision struct {
	NIP           string
	Target        string // jabatan_id, "" for a general question
	Date          time.Time
	Eligible      bool
	PolicyVersion string
	Score         float64
	ScoreParts    []ScorePart
	Rules         []RuleResult
	// Values holds, per rule (parallel to Rules), what the rule read and the
	// values it saw; only EvaluateVerbose fills it.
	Values [][]Value
}

// RuleResult is one rule's outcome. Rule gives its title, legal basis and
// declared severity (shared, not copied: a decision stays cheap).
type RuleResult struct {
	Rule       *Rule
	ID         string
	Severity   Severity // block, warn or info; a warn_unless warning reports warn
	Passed     bool
	Applicable bool   // false when the rule's when did not hold
	Errored    bool   // could not be evaluated (missing data): counted as failed
	Message    string // rendered, Indonesian
}

// Value is one datum a rule saw, for explanations and test failures.
type Value struct {
	Name  string // e.g. employee.masa_jabatan_bulan
	Value string
}

// ScorePart is one term of the score; Term gives its id, title and weight.
type ScorePart struct {
	Term       *Term
	Value      float64 // 0–1
	Applicable bool
	Error      string // why the term counted as 0, if it erred
}

type ruleJSON struct {
	ID         string   `json:"id"`
	Passed     bool     `json:"passed"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Title      string   `json:"title"`
	Applicable bool     `json:"applicable"`
	Basis      string   `json:"basis"`
}

type partJSON struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	Value  float64 `json:"value"`
}

type decisionJSON struct {
	NIP           string     `json:"nip"`
	Target        *string    `json:"target"`
	Eligible      bool       `json:"eligible"`
	PolicyVersion string     `json:"policy_version"`
	Score         float64    `json:"score"`
	Date          string     `json:"date"`
	Rules         []ruleJSON `json:"rules"`
	ScoreParts    []partJSON `json:"score_parts"`
}

// MarshalJSON writes the stable form of DESIGN.md ("check"): nip, target
// (null for a general question), eligible, policy_version, score, rules
// [{id, passed, severity, message}], plus title, applicable and basis per
// rule, the date and the score parts, which the bot shows.
func (d Decision) MarshalJSON() ([]byte, error) {
	out := decisionJSON{
		NIP: d.NIP, Eligible: d.Eligible, PolicyVersion: d.PolicyVersion, Score: d.Score,
		Date:  d.Date.Format("2006-01-02"),
		Rules: make([]ruleJSON, len(d.Rules)), ScoreParts: make([]partJSON, 0, len(d.ScoreParts)),
	}
	if d.Target != "" {
		t := d.Target
		out.Target = &t
	}
	for i, r := range d.Rules {
		out.Rules[i] = ruleJSON{ID: r.ID, Passed: r.Passed, Severity: r.Severity, Message: r.Message,
			Title: r.Rule.Title, Applicable: r.Applicable, Basis: r.Rule.Basis}
	}
	for _, p := range d.ScoreParts {
		if p.Applicable {
			out.ScoreParts = append(out.ScoreParts, partJSON{ID: p.Term.ID, Weight: p.Term.Weight, Value: p.Value})
		}
	}
	return json.Marshal(out)
}

// Failed returns the ids of the rules that did not pass, in policy order.
func (d *Decision) Failed() []string {
	var ids []string
	for _, r := range d.Rules {
		if !r.Passed {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// Evaluate answers "may this employee move (to target)?" as of today. A nil
// target asks the general question; rules whose when needs a target do not
// apply. Safe for concurrent use.
func (p *Policy) Evaluate(s Subject, target *Target, today time.Time) Decision {
	return p.evaluate(s, target, today, false)
}

// EvaluateVerbose is Evaluate with the values each rule read, for policy
// tests and for explaining a surprising verdict.
func (p *Policy) EvaluateVerbose(s Subject, target *Target, today time.Time) Decision {
	return p.evaluate(s, target, today, true)
}

func (p *Policy) evaluate(s Subject, target *Target, today time.Time, verbose bool) Decision {
	ev := p.getEvaluator()
	defer p.putEvaluator(ev)
	ev.setToday(today)
	ev.setSubject(s)
	ev.tstate.fill(target, &p.fp)
	ev.setTarget(&ev.tstate)
	for i, r := range p.Rules {
		ev.outs[i], ev.errs[i] = ev.evalRule(r)
	}
	for i, t := range p.Terms {
		ev.evalTerm(i, t)
	}
	return ev.decision(s, target, verbose)
}

// decision renders the evaluator's current outcomes. Messages are written
// into one buffer and cut from one string, so a decision costs a handful
// of allocations however many rules there are.
func (ev *evaluator) decision(s Subject, target *Target, verbose bool) Decision {
	p := ev.p
	d := Decision{
		NIP: s.Employee.NIP, Date: ev.today.t, PolicyVersion: p.versionID,
		Eligible: ev.eligible(), Score: ev.score(),
		Rules:      make([]RuleResult, len(p.Rules)),
		ScoreParts: make([]ScorePart, len(p.Terms)),
	}
	if target != nil && target.Position != nil {
		d.Target = target.Position.ID
	}
	ends := ev.ends[:0]
	ev.msg = ev.msg[:0]
	for i, r := range p.Rules {
		ev.msg = ev.renderMessage(ev.msg, r, ev.outs[i], ev.errs[i])
		ends = append(ends, len(ev.msg))
	}
	ev.ends = ends
	all := string(ev.msg)
	start := 0
	for i, r := range p.Rules {
		o := ev.outs[i]
		sev, passed := effective(r, o)
		d.Rules[i] = RuleResult{
			Rule: r, ID: r.ID, Severity: sev, Passed: passed,
			Applicable: o != outNA, Errored: o == outError,
			Message: all[start:ends[i]],
		}
		start = ends[i]
		if verbose {
			if d.Values == nil {
				d.Values = make([][]Value, len(p.Rules))
			}
			d.Values[i] = ev.values(r)
		}
	}
	for i, t := range p.Terms {
		part := ScorePart{Term: t, Value: ev.termVals[i], Applicable: !ev.termNA[i]}
		if ev.termErrs[i] != nil {
			part.Error = ev.termErrs[i].Error()
		}
		d.ScoreParts[i] = part
	}
	return d
}

func (ev *evaluator) renderMessage(b []byte, r *Rule, o outcome, err error) []byte {
	switch o {
	case outNA:
		return append(b, msgNotApplicable...)
	case outError:
		return append(b, err.Error()...)
	}
	t := r.message
	if (o == outFail || o == outWarn) && r.messageFailed != nil {
		t = r.messageFailed
	}
	return ev.renderTemplate(b, t)
}

func (ev *evaluator) renderTemplate(b []byte, t *template) []byte {
	if t == nil {
		return b
	}
	for _, part := range t.parts {
		if part.prog == nil {
			b = append(b, part.literal...)
			continue
		}
		if part.prog.hasFast && !ev.p.forceVM {
			if err := ev.precheck(part.prog); err == nil {
				b = ev.appendFast(b, part.prog)
				continue
			}
		}
		v, err := ev.evalAny(part.prog)
		if err != nil {
			b = append(b, "(?)"...)
			continue
		}
		b = appendValue(b, v)
	}
	return b
}

// appendFast formats a fast-compiled value without boxing it.
func (ev *evaluator) appendFast(b []byte, p *program) []byte {
	f := &ev.f
	switch p.fast.k {
	case kBool:
		return appendBool(b, p.fast.b(f))
	case kInt:
		return strconv.AppendInt(b, int64(p.fast.i(f)), 10)
	case kFloat:
		return appendFloat(b, p.fast.f(f))
	case kStr:
		if p.fast.app != nil {
			return p.fast.app(f, b)
		}
		return append(b, p.fast.s(f)...)
	case kTime:
		return append(b, longDate(time.Unix(p.fast.t(f), 0).UTC())...)
	case kList:
		for i, s := range p.fast.l(f) {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, s...)
		}
		return b
	}
	v, _ := ev.evalAny(p)
	return appendValue(b, v)
}

// values lists what a rule read, with the values it saw.
func (ev *evaluator) values(r *Rule) []Value {
	var out []Value
	seen := map[readPath]bool{}
	for _, prog := range []*program{r.when, r.require, r.warnUnless} {
		if prog == nil {
			continue
		}
		for _, rp := range prog.paths {
			if seen[rp] {
				continue
			}
			seen[rp] = true
			out = append(out, Value{Name: rp.root + "." + rp.field, Value: ev.valueOf(rp)})
		}
	}
	return out
}

func (ev *evaluator) valueOf(rp readPath) string {
	if rp.root == rootParams {
		return string(appendValue(nil, ev.p.Params[rp.field]))
	}
	r, ok := rootByName(rp.root)
	if !ok {
		return "?"
	}
	if r == idxTarget && ev.f.tgt == nil {
		return "(tidak ada jabatan tujuan)"
	}
	fi := infoOf(r).byName[rp.field]
	if fi == nil {
		return "?"
	}
	if ev.miss[r]&(1<<uint(fi.index)) != 0 {
		return "(kosong)"
	}
	var base any
	switch r {
	case idxEmployee:
		base = ev.emp
	case idxCurrent:
		base = ev.cur
	case idxTarget:
		base = *ev.f.tgt
	case idxAspiration:
		base = ev.asp
	}
	return string(appendValue(nil, reflectField(base, fi.index)))
}
