package rules

import (
	"encoding/json"
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
	Rule       *Rule    // its ID, title and basis
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

// MarshalJSON writes the stable form of docs/json.md ("check"): nip, target
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
		out.Rules[i] = ruleJSON{ID: r.Rule.ID, Passed: r.Passed, Severity: r.Severity, Message: r.Message,
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
			ids = append(ids, r.Rule.ID)
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

// decision renders the evaluator's current outcomes. Messages that vary
// are written into the evaluator's buffer and cut from one string copied
// from it; constant messages (a rule that does not apply, a template
// without placeholders) are shared strings. A decision costs three
// allocations (rule results, score parts, message text) however many rules
// there are, and shares no memory with the evaluator.
func (ev *evaluator) decision(s Subject, target *Target, verbose bool) Decision {
	p := ev.p
	// ends[i] < 0 marks a constant message, kept in konst[i].
	ends, konst := ev.ends[:0], ev.konst[:0]
	ev.msg = ev.msg[:0]
	for i, r := range p.Rules {
		k, ok := ev.constMessage(r, ev.outs[i])
		konst = append(konst, k)
		if ok {
			ends = append(ends, -1)
			continue
		}
		ev.msg = ev.renderMessage(ev.msg, r, ev.outs[i], ev.errs[i])
		ends = append(ends, len(ev.msg))
	}
	ev.ends, ev.konst = ends, konst
	rules, parts := p.proto.newResults()
	all := string(ev.msg)
	d := Decision{
		NIP: s.Employee.NIP, Date: ev.today.t, PolicyVersion: p.versionID,
		Eligible: true, Score: ev.score(),
		Rules: rules, ScoreParts: parts,
	}
	if target != nil && target.Position != nil {
		d.Target = target.Position.ID
	}
	start := 0
	for i, r := range p.Rules {
		o := ev.outs[i]
		if blocks(r, o) {
			d.Eligible = false
		}
		rr := &rules[i] // Rule, ID and Severity come from the prototype
		if o == outWarn {
			rr.Severity = SeverityWarn
		}
		rr.Passed, rr.Applicable, rr.Errored = o == outPass || o == outNA, o != outNA, o == outError
		if end := ends[i]; end >= 0 {
			rr.Message = all[start:end]
			start = end
		} else {
			rr.Message = konst[i]
		}
		if verbose {
			if d.Values == nil {
				d.Values = make([][]Value, len(p.Rules))
			}
			d.Values[i] = ev.values(r)
		}
	}
	for i := range p.Terms {
		part := &parts[i] // Term comes from the prototype
		part.Value, part.Applicable = ev.termVals[i], !ev.termNA[i]
		if ev.termErrs[i] != nil {
			part.Error = ev.termErrs[i].Error()
		}
	}
	return d
}

// messageTemplate is the template a rule's outcome shows.
func messageTemplate(r *Rule, o outcome) *template {
	if (o == outFail || o == outWarn) && r.messageFailed != nil {
		return r.messageFailed
	}
	return r.message
}

// constMessage returns the message of an outcome when it does not depend
// on the evaluation. The expr VM path (tests, baseline) renders every
// template in full.
func (ev *evaluator) constMessage(r *Rule, o outcome) (string, bool) {
	switch {
	case o == outNA:
		return msgNotApplicable, true
	case o == outError || ev.p.forceVM:
		return "", false
	}
	t := messageTemplate(r, o)
	if t == nil {
		return "", true
	}
	return t.konst, t.isKonst
}

func (ev *evaluator) renderMessage(b []byte, r *Rule, o outcome, err error) []byte {
	switch o {
	case outNA:
		return append(b, msgNotApplicable...)
	case outError:
		return append(b, err.Error()...)
	}
	t := messageTemplate(r, o)
	if t == nil {
		return b
	}
	if ev.p.forceVM {
		return ev.renderParts(b, t)
	}
	if ev.clear(&t.guard) {
		for i := range t.segs {
			sg := &t.segs[i]
			b = append(b, sg.lit...)
			if sg.app != nil {
				b = sg.app(&ev.f, b)
			}
		}
		return b
	}
	for i := range t.segs {
		sg := &t.segs[i]
		b = append(b, sg.lit...)
		if sg.prog == nil {
			continue
		}
		if sg.app != nil && ev.precheck(sg.prog) == nil {
			b = sg.app(&ev.f, b)
			continue
		}
		b = ev.appendEvaluated(b, sg.prog)
	}
	return b
}

// renderParts renders a template as written, every placeholder evaluated
// on the expr VM: the reference the closure path is tested against.
func (ev *evaluator) renderParts(b []byte, t *template) []byte {
	for _, part := range t.parts {
		if part.prog == nil {
			b = append(b, part.literal...)
			continue
		}
		b = ev.appendEvaluated(b, part.prog)
	}
	return b
}

// appendEvaluated formats a placeholder through evalAny, showing (?) when
// it cannot be evaluated (missing data, run-time error).
func (ev *evaluator) appendEvaluated(b []byte, p *program) []byte {
	v, err := ev.evalAny(p)
	if err != nil {
		return append(b, "(?)"...)
	}
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
		base = *ev.f.emp
	case idxCurrent:
		base = *ev.f.cur
	case idxTarget:
		base = *ev.f.tgt
	case idxAspiration:
		base = *ev.f.asp
	}
	return string(appendValue(nil, reflectField(base, fi.index)))
}

// Mark is the symbol a rule's outcome is shown with, in the CLI and in
// the chat alike: ℹ️ an information line (whichever way it went), ✅
// passed, ⚠️ warned or not assessable for missing data (which still
// blocks: fail closed), ❌ blocked.
func (r RuleResult) Mark() string {
	switch {
	case r.Errored:
		// Missing data: the rule counts as failed (fail closed), but the
		// person is not at fault; the message names the field to fill.
		return "⚠️"
	case r.Severity == SeverityInfo:
		return "ℹ️"
	case r.Passed:
		return "✅"
	case r.Severity == SeverityWarn:
		return "⚠️"
	}
	return "❌"
}
