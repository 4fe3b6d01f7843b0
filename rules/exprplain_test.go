package rules

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// The baseline a competent expr user writes for the default policy, to
// compare the engine with: one typed environment struct, every expression
// (conditions, message placeholders, score terms) compiled once against a
// pointer to it with expr's defaults (its optimiser on), one vm.VM reused,
// and per decision the facts assigned to the struct's fields and a
// pointer to it handed to every Run. No reflection per call, no copy of
// the environment per expression.
//
// It reuses from the engine what such a user would write just the same
// and is not what is being compared: the facts computed from the records
// (age, months in post, EJ, education family …, through the engine's
// evaluator so that they are identical), the helper functions the policy
// calls (tahun_bulan, ej, pendidikan_sesuai …, as expr.Function), the
// placeholders' positions in the message templates, and the formatting
// of a value in Indonesian (appendValue).

// plainParams are the default policy's params as a Go struct.
type plainParams struct {
	MasaJabatanMinTahun   int      `expr:"masa_jabatan_min_tahun"`
	MasaJabatanMaksTahun  int      `expr:"masa_jabatan_maks_tahun"`
	KinerjaLulus          []string `expr:"kinerja_lulus"`
	BUPUmum               int      `expr:"bup_umum"`
	BUPJPT                int      `expr:"bup_jpt"`
	BUPAhliMadya          int      `expr:"bup_ahli_madya"`
	BUPAhliUtama          int      `expr:"bup_ahli_utama"`
	SisaMasaKerjaMinTahun int      `expr:"sisa_masa_kerja_min_tahun"`
	LowonganMin           int      `expr:"lowongan_min"`
	JamKerjaEfektif       int      `expr:"jam_kerja_efektif"`
	EJAsalMaks            float64  `expr:"ej_asal_maks"`
	EJAsalPeringatan      float64  `expr:"ej_asal_peringatan"`
	StatusBolehMutasi     []string `expr:"status_boleh_mutasi"`
}

// paramsOf reads the loaded policy's params into the struct, by tag.
func paramsOf(tb testing.TB, p *Policy) plainParams {
	tb.Helper()
	var prm plainParams
	pv := reflect.ValueOf(&prm).Elem()
	for i := range pv.NumField() {
		name := pv.Type().Field(i).Tag.Get("expr")
		v, ok := p.ce.params[name]
		if !ok {
			tb.Fatalf("the policy has no param %s", name)
		}
		pv.Field(i).Set(reflect.ValueOf(v))
	}
	if len(p.ce.params) != pv.NumField() {
		tb.Fatalf("the policy has %d params, plainParams %d", len(p.ce.params), pv.NumField())
	}
	return prm
}

type plainEnv struct {
	Employee   EmployeeFacts   `expr:"employee"`
	Current    PositionFacts   `expr:"current"`
	Target     *PositionFacts  `expr:"target"`
	Aspiration AspirationFacts `expr:"aspiration"`
	Params     plainParams     `expr:"params"`
	Today      time.Time       `expr:"today"`
}

type plainPart struct {
	lit  string
	prog *vm.Program // nil: literal only
}

type plainRule struct {
	when, require, warnUnless *vm.Program
	message, messageFailed    []plainPart
}

type plainTerm struct {
	when, value *vm.Program
}

type plainPolicy struct {
	p     *Policy
	rules []plainRule
	terms []plainTerm
	vm    vm.VM
	env   plainEnv
	buf   []byte
	ev    *evaluator // only to compute the facts, as the engine does
}

func newPlainPolicy(tb testing.TB, p *Policy) *plainPolicy {
	tb.Helper()
	pp := &plainPolicy{p: p, ev: p.getEvaluator(), env: plainEnv{Params: paramsOf(tb, p)}}
	opts := []expr.Option{expr.Env(&plainEnv{})}
	for _, h := range p.ce.helpers {
		opts = append(opts, expr.Function(h.name, h.vm, h.types...))
	}
	compile := func(text string) *vm.Program {
		if text == "" {
			return nil
		}
		prog, err := expr.Compile(text, opts...)
		if err != nil {
			tb.Fatalf("compile %q: %v", text, err)
		}
		return prog
	}
	parts := func(t *template) []plainPart {
		if t == nil {
			return nil
		}
		var out []plainPart
		for _, part := range t.parts {
			if part.prog == nil {
				out = append(out, plainPart{lit: part.literal})
			} else {
				out = append(out, plainPart{prog: compile(part.prog.text)})
			}
		}
		return out
	}
	for _, r := range p.Rules {
		pp.rules = append(pp.rules, plainRule{
			when: compile(r.Source.When), require: compile(r.Source.Require), warnUnless: compile(r.Source.WarnUnless),
			message: parts(r.message), messageFailed: parts(r.messageFailed),
		})
	}
	for _, t := range p.Terms {
		pp.terms = append(pp.terms, plainTerm{when: compile(t.Source.When), value: compile(t.Source.Value)})
	}
	return pp
}

func (pp *plainPolicy) run(prog *vm.Program) (any, error) {
	return pp.vm.Run(prog, &pp.env)
}

func (pp *plainPolicy) truth(prog *vm.Program) (bool, error) {
	v, err := pp.run(prog)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("not a bool: %v", v)
	}
	return b, nil
}

func (pp *plainPolicy) render(parts []plainPart) string {
	b := pp.buf[:0]
	for _, part := range parts {
		if part.prog == nil {
			b = append(b, part.lit...)
			continue
		}
		v, err := pp.run(part.prog)
		if err != nil {
			b = append(b, "(?)"...)
			continue
		}
		b = appendValue(b, v)
	}
	pp.buf = b
	return string(b)
}

// evaluate answers as Evaluate does.
func (pp *plainPolicy) evaluate(s Subject, target *Target, today time.Time) Decision {
	ev := pp.ev
	ev.setToday(today)
	ev.setSubject(s)
	ev.tstate.fill(target, &pp.p.fp)
	ev.setTarget(&ev.tstate)
	env := &pp.env
	env.Employee, env.Current, env.Aspiration, env.Today = ev.emp, ev.cur, ev.asp, ev.today.t
	env.Target = ev.f.tgt

	d := Decision{NIP: s.Employee.NIP, Date: ev.today.t, PolicyVersion: pp.p.versionID, Eligible: true,
		Rules: make([]RuleResult, len(pp.rules)), ScoreParts: make([]ScorePart, len(pp.terms))}
	if target != nil && target.Position != nil {
		d.Target = target.Position.ID
	}
	for i, r := range pp.rules {
		rule := pp.p.Rules[i]
		rr := &d.Rules[i]
		rr.Rule, rr.Severity = rule, rule.Severity
		o, err := pp.outcome(&r)
		if blocks(rule, o) {
			d.Eligible = false
		}
		if o == outWarn {
			rr.Severity = SeverityWarn
		}
		rr.Passed, rr.Applicable, rr.Errored = o == outPass || o == outNA, o != outNA, o == outError
		switch {
		case o == outNA:
			rr.Message = msgNotApplicable
		case o == outError:
			rr.Message = err.Error()
		case (o == outFail || o == outWarn) && r.messageFailed != nil:
			rr.Message = pp.render(r.messageFailed)
		default:
			rr.Message = pp.render(r.message)
		}
	}
	var sum, wsum float64
	for i, t := range pp.terms {
		part := &d.ScoreParts[i]
		part.Term = pp.p.Terms[i]
		part.Applicable = true
		if t.when != nil {
			ok, err := pp.truth(t.when)
			if err != nil {
				part.Error = err.Error()
			} else if !ok {
				part.Applicable = false
				continue
			}
		}
		if part.Error == "" {
			v, err := pp.run(t.value)
			switch x := v.(type) {
			case float64:
				part.Value = clamp01(x)
			case int:
				part.Value = clamp01(float64(x))
			default:
				if err == nil {
					err = fmt.Errorf("not a number: %v", v)
				}
			}
			if err != nil {
				part.Error, part.Value = err.Error(), 0
			}
		}
		sum += part.Term.Weight * part.Value
		wsum += part.Term.Weight
	}
	if wsum > 0 {
		d.Score = math.Round(sum/wsum*10000) / 100
	}
	return d
}

func (pp *plainPolicy) outcome(r *plainRule) (outcome, error) {
	if r.when != nil {
		ok, err := pp.truth(r.when)
		if err != nil {
			return outError, err
		}
		if !ok {
			return outNA, nil
		}
	}
	ok, err := pp.truth(r.require)
	if err != nil {
		return outError, err
	}
	if !ok {
		return outFail, nil
	}
	if r.warnUnless != nil {
		ok, err := pp.truth(r.warnUnless)
		if err != nil {
			return outError, err
		}
		if !ok {
			return outWarn, nil
		}
	}
	return outPass, nil
}

// The baseline is only a baseline if it decides as the engine does: every
// outcome, message and score part, for every generated employee against
// several targets and none. Employees whose data is missing are left out:
// the engine fails those rules closed with its own message before running
// them, which a plain expr program has no notion of.
func TestPlainExprAgreesWithTheEngine(t *testing.T) {
	p := loadDefault(t)
	agreesWithEngine(t, p, "plain expr", newPlainPolicy(t, p).evaluate)
}

// agreesWithEngine compares a baseline's decisions with the engine's, for
// 1,000 generated employees against several targets and none.
func agreesWithEngine(t *testing.T, p *Policy, name string, evaluate func(Subject, *Target, time.Time) Decision) {
	t.Helper()
	subjects, positions := genData(1000)
	targets := []*Target{benchTarget(), nil}
	for _, pos := range positions[:6] {
		targets = append(targets, &Target{Position: pos})
	}
	compared, skipped := 0, 0
	for _, tg := range targets {
		for _, s := range subjects {
			want := p.Evaluate(s, tg, benchToday)
			if hasErrored(want) {
				skipped++
				continue
			}
			got := evaluate(s, tg, benchToday)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s toward %v:\n %s %s\n engine %s", s.Employee.NIP, tg, name, decisionText(got), decisionText(want))
			}
			compared++
		}
	}
	t.Logf("compared %d, skipped %d", compared, skipped)
	if compared < 7000 {
		t.Errorf("compared %d decisions (%d left out for missing data), want most of the 8,000", compared, skipped)
	}
}

func hasErrored(d Decision) bool {
	for _, r := range d.Rules {
		if r.Errored {
			return true
		}
	}
	for _, sp := range d.ScoreParts {
		if sp.Error != "" {
			return true
		}
	}
	return false
}

func decisionText(d Decision) string {
	s := fmt.Sprintf("eligible=%v score=%v", d.Eligible, d.Score)
	for _, r := range d.Rules {
		s += fmt.Sprintf("\n  %s passed=%v applicable=%v severity=%s: %s", r.Rule.ID, r.Passed, r.Applicable, r.Severity, r.Message)
	}
	for _, sp := range d.ScoreParts {
		s += fmt.Sprintf("\n  %s %v applicable=%v %s", sp.Term.ID, sp.Value, sp.Applicable, sp.Error)
	}
	return s
}

// BenchmarkDecisionPlainExpr is BenchmarkDecision on the plain expr
// baseline.
func BenchmarkDecisionPlainExpr(b *testing.B) {
	p := loadDefault(b)
	benchDecisions(b, newPlainPolicy(b, p).evaluate)
}

// benchDecisions times one decision as BenchmarkDecision does, through
// evaluate.
func benchDecisions(b *testing.B, evaluate func(Subject, *Target, time.Time) Decision) {
	subjects, _ := genData(1000)
	t := benchTarget()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := evaluate(subjects[i%len(subjects)], t, benchToday)
		if d.PolicyVersion == "" {
			b.Fatal("no version")
		}
		i++
	}
}
