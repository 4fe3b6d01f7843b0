package rules

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/mutasi/mutasi"
)

// outcome is a rule's result for one evaluation, kept compact for batches.
type outcome uint8

const (
	outPass  outcome = iota // require held
	outNA                   // when was false: the rule does not apply
	outFail                 // require did not hold
	outWarn                 // require held but warn_unless did not
	outError                // the rule could not be evaluated: counts as failed
)

// evaluator holds everything one goroutine needs to evaluate: facts, the
// frame the closures read, an expr VM and scratch buffers. Policies keep
// them in a sync.Pool so that evaluation allocates nothing in steady state.
type evaluator struct {
	p     *Policy
	f     frame
	emp   EmployeeFacts
	cur   PositionFacts
	tgt   PositionFacts
	asp   AspirationFacts
	miss  [numFactRoots]uint64
	today day

	todayArg time.Time // what today was computed from
	todaySet bool

	vm       vm.VM
	env      reflect.Value // expr VM env, built on first need per evaluation
	envValid bool

	majorBuf  []byte
	unknown   map[string]string // interned unknown majors
	curRumpun []string
	tgtRumpun []string
	outs      []outcome
	errs      []error
	termVals  []float64
	termErrs  []error
	termNA    []bool
	msg       []byte
	ends      []int
	konst     []string    // constant messages of the decision being rendered
	tstate    targetState // the target of Evaluate, reused
}

type evaluatorPool struct{ sync.Pool }

func (ep *evaluatorPool) init(p *Policy) {
	ep.New = func() any {
		ev := &evaluator{p: p}
		ev.vm.MemoryBudget = MemoryBudget
		ev.env = reflect.New(p.ce.envType).Elem()
		ev.outs = make([]outcome, len(p.Rules))
		ev.errs = make([]error, len(p.Rules))
		ev.termVals = make([]float64, len(p.Terms))
		ev.termErrs = make([]error, len(p.Terms))
		ev.termNA = make([]bool, len(p.Terms))
		return ev
	}
}

func (p *Policy) getEvaluator() *evaluator   { return p.pool.Get().(*evaluator) }
func (p *Policy) putEvaluator(ev *evaluator) { p.pool.Put(ev) }

// setToday fixes the evaluation date.
func (ev *evaluator) setToday(today time.Time) {
	// Most evaluations of a pooled evaluator ask about the same day.
	if !ev.todaySet || today != ev.todayArg {
		ev.today, ev.todayArg, ev.todaySet = newDay(today), today, true
	}
	ev.f.today = ev.today.t
	ev.f.todaySec = ev.today.t.Unix()
	ev.envValid = false
}

// setSubject computes the employee's facts once for this evaluation date.
func (ev *evaluator) setSubject(s Subject) {
	ref := ev.p.Reference
	ev.miss[idxEmployee] = employeeFacts(&ev.emp, s.Employee, ev.today)
	ev.f.emp = &ev.emp
	// Known majors use the reference's interned strings; only an unknown
	// major that differs from the previous one costs an allocation.
	ev.majorBuf = normalizeInto(ev.majorBuf[:0], s.Employee.PendidikanJurusan)
	if e, ok := ref.lookup(ev.majorBuf); ok {
		ev.emp.Rumpun, ev.emp.JurusanDikenal = ref.Families[e.family].Nama, true
		ev.f.majorNorm, ev.f.familyNorm = e.norm, ref.famNorm[e.family]
	} else {
		ev.f.majorNorm = ev.unknownMajor(ev.majorBuf)
		ev.f.familyNorm = ""
	}
	if s.Current != nil {
		ev.miss[idxCurrent] = positionFacts(&ev.cur, s.Current, s.Unit, &ev.p.fp)
		ev.curRumpun = ev.curRumpun[:0]
		if ev.p.ce.curRumpun {
			ev.curRumpun = normalizeListInto(ev.curRumpun, s.Current.RumpunPendidikan)
		}
	} else {
		ev.cur = PositionFacts{}
		ev.miss[idxCurrent] = ^uint64(0)
		ev.curRumpun = ev.curRumpun[:0]
	}
	ev.f.cur = &ev.cur
	ev.f.curRumpun = ev.curRumpun
	aspirationFacts(&ev.asp, s.Aspiration)
	ev.f.asp = &ev.asp
	ev.envValid = false
}

// unknownMajor interns the normalised form of a major the reference does
// not know, so that a batch allocates once per distinct major, not once
// per employee. The table is bounded against unbounded distinct input.
func (ev *evaluator) unknownMajor(b []byte) string {
	if s, ok := ev.unknown[string(b)]; ok {
		return s
	}
	if ev.unknown == nil || len(ev.unknown) >= 4096 {
		ev.unknown = make(map[string]string)
	}
	s := string(b)
	ev.unknown[s] = s
	return s
}

func normalizeListInto(dst []string, l []string) []string {
	for _, s := range l {
		dst = append(dst, normalize(s))
	}
	return dst
}

// targetState is a target's facts, computed once per batch.
type targetState struct {
	t         *Target
	facts     PositionFacts
	miss      uint64
	rumpun    []string
	rumpunSrc []string
}

func (ev *evaluator) newTargetState(t *Target) *targetState {
	ts := &targetState{}
	ts.fill(t, &ev.p.fp)
	return ts
}

// fill computes the target's facts. The normalised education list is kept
// while the position's list is unchanged, so asking about the same target
// again allocates nothing.
func (ts *targetState) fill(t *Target, fp *factParams) {
	ts.t = t
	if t == nil || t.Position == nil {
		return
	}
	ts.miss = positionFacts(&ts.facts, t.Position, t.Unit, fp)
	src := t.Position.RumpunPendidikan
	if !sameStrings(ts.rumpunSrc, src) {
		ts.rumpunSrc = append(ts.rumpunSrc[:0], src...)
		ts.rumpun = normalizeListInto(ts.rumpun[:0], src)
	}
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (ev *evaluator) setTarget(ts *targetState) {
	if ts == nil || ts.t == nil || ts.t.Position == nil {
		ev.f.tgt = nil
		ev.miss[idxTarget] = 0
		ev.f.tgtRumpun = nil
	} else {
		ev.f.tgt = &ts.facts
		ev.miss[idxTarget] = ts.miss
		ev.f.tgtRumpun = ts.rumpun
	}
	ev.envValid = false
}

// precheck fails a program before it runs when it needs data that is not
// there: a missing fact or a target in a general question.
func (ev *evaluator) precheck(p *program) error {
	if p.usesTgt && ev.f.tgt == nil {
		return errNoTarget
	}
	// One branch for the common case: nothing the program reads is missing.
	if p.reads[0]&ev.miss[0]|p.reads[1]&ev.miss[1]|p.reads[2]&ev.miss[2]|p.reads[3]&ev.miss[3] == 0 {
		return nil
	}
	for r := rootIndex(0); r < numFactRoots; r++ {
		if m := p.reads[r] & ev.miss[r]; m != 0 {
			return missingError(r, m)
		}
	}
	return nil
}

type missingFact struct {
	root  rootIndex
	field string
}

func (m missingFact) Error() string {
	switch m.field {
	case "usia_tahun", "usia_bulan", "tanggal_lahir":
		return formatMsg(msgMissingFact, "tanggal_lahir")
	case "masa_jabatan_tahun", "masa_jabatan_bulan", "tmt_jabatan":
		return formatMsg(msgMissingFact, "tmt_jabatan")
	case "masa_kerja_tahun", "tmt_cpns":
		return formatMsg(msgMissingFact, "tmt_cpns")
	case "hukuman_berjalan", "hukuman_selesai":
		return formatMsg(msgMissingFact, "hukuman_selesai")
	case "ej":
		return formatMsg(msgMissingParam, "kebijakan tidak menetapkan param "+paramJamEfektif)
	case "bup":
		return formatMsg(msgMissingParam, errNoBUPParams.Error())
	}
	if m.root == idxCurrent {
		return formatMsg(msgMissingFact, "jabatan sekarang")
	}
	return formatMsg(msgMissingFact, m.field)
}

func missingError(r rootIndex, mask uint64) error {
	si := infoOf(r)
	for _, f := range si.fields {
		if mask&(1<<uint(f.index)) != 0 {
			return missingFact{root: r, field: f.name}
		}
	}
	return missingFact{root: r, field: "?"}
}

// envValue builds the expr VM's environment, only for expressions the
// closure compiler could not take.
func (ev *evaluator) envValue() any {
	if !ev.envValid {
		e := ev.env
		e.Set(ev.p.ce.proto)
		// Through the frame: a Cohort points it at facts computed earlier.
		// Before any subject (a batch's target-only rules) the frame may
		// be empty, and the evaluator's own zero facts stand in.
		emp, cur, asp := ev.f.emp, ev.f.cur, ev.f.asp
		if emp == nil {
			emp, cur, asp = &ev.emp, &ev.cur, &ev.asp
		}
		e.Field(0).Set(reflect.ValueOf(*emp))
		e.Field(1).Set(reflect.ValueOf(*cur))
		if ev.f.tgt != nil {
			e.Field(2).Set(reflect.ValueOf(ev.f.tgt))
		}
		e.Field(3).Set(reflect.ValueOf(*asp))
		e.Field(5).Set(reflect.ValueOf(ev.f.today))
		ev.envValid = true
	}
	return ev.env.Interface()
}

func (ev *evaluator) runVM(p *program) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	prog, err := p.vmProgram(ev.p.ce)
	if err != nil {
		return nil, err
	}
	return ev.vm.Run(prog, ev.envValue())
}

func (ev *evaluator) evalBool(p *program) (bool, error) {
	if err := ev.precheck(p); err != nil {
		return false, err
	}
	if p.hasFast && !ev.p.forceVM {
		ev.f.err = nil
		v := p.fast.b(&ev.f)
		if ev.f.err != nil {
			return false, ev.f.err
		}
		return v, nil
	}
	out, err := ev.runVM(p)
	if err != nil {
		return false, runtimeError(err)
	}
	b, ok := out.(bool)
	if !ok {
		return false, runtimeError(errors.New("hasil bukan benar/salah"))
	}
	return b, nil
}

func (ev *evaluator) evalNumber(p *program) (float64, error) {
	if err := ev.precheck(p); err != nil {
		return 0, err
	}
	if p.hasFast && !ev.p.forceVM {
		ev.f.err = nil
		var v float64
		switch p.fast.k {
		case kInt:
			v = float64(p.fast.i(&ev.f))
		case kFloat:
			v = p.fast.f(&ev.f)
		case kBool:
			if p.fast.b(&ev.f) {
				v = 1
			}
		}
		if ev.f.err != nil {
			return 0, ev.f.err
		}
		return v, nil
	}
	out, err := ev.runVM(p)
	if err != nil {
		return 0, runtimeError(err)
	}
	switch x := out.(type) {
	case int:
		return float64(x), nil
	case float64:
		return x, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, runtimeError(errors.New("hasil bukan angka"))
}

// evalAny evaluates for display (messages, values).
func (ev *evaluator) evalAny(p *program) (any, error) {
	if err := ev.precheck(p); err != nil {
		return nil, err
	}
	if p.hasFast && !ev.p.forceVM {
		ev.f.err = nil
		var v any
		switch p.fast.k {
		case kBool:
			v = p.fast.b(&ev.f)
		case kInt:
			v = p.fast.i(&ev.f)
		case kFloat:
			v = p.fast.f(&ev.f)
		case kStr:
			v = p.fast.s(&ev.f)
		case kTime:
			v = time.Unix(p.fast.t(&ev.f), 0).UTC()
		case kList:
			v = p.fast.l(&ev.f)
		}
		return v, ev.f.err
	}
	out, err := ev.runVM(p)
	if err != nil {
		return nil, runtimeError(err)
	}
	return out, nil
}

type runErr struct{ err error }

func (e runErr) Error() string { return formatMsg(msgRuntimeError, e.err.Error()) }

func runtimeError(err error) error {
	var fe interface{ Unwrap() error }
	if errors.As(err, &fe) && fe.Unwrap() != nil {
		err = fe.Unwrap()
	}
	switch msg := err.Error(); {
	case strings.Contains(msg, "memory budget exceeded"):
		err = errMemoryBudget
	case strings.Contains(msg, "integer divide by zero"):
		err = errIntegerDivide
	}
	return runErr{err}
}

var errMemoryBudget = errors.New("ekspresi memakai memori melebihi batas; sederhanakan aturannya")

// evalRule evaluates one rule completely: when, require, warn_unless.
func (ev *evaluator) evalRule(r *Rule) (outcome, error) {
	if ev.clear(&r.guard) {
		return ev.evalRuleFast(r)
	}
	if r.when != nil {
		ok, err := ev.evalBool(r.when)
		if err != nil {
			return outError, err
		}
		if !ok {
			return outNA, nil
		}
	}
	ok, err := ev.evalBool(r.require)
	if err != nil {
		return outError, err
	}
	if !ok {
		return outFail, nil
	}
	if r.warnUnless != nil {
		ok, err := ev.evalBool(r.warnUnless)
		if err != nil {
			return outError, err
		}
		if !ok {
			return outWarn, nil
		}
	}
	return outPass, nil
}

func (ev *evaluator) evalTerm(i int, t *Term) {
	if ev.clear(&t.guard) {
		ev.evalTermFast(i, t)
		return
	}
	ev.termNA[i], ev.termErrs[i], ev.termVals[i] = false, nil, 0
	if t.when != nil {
		ok, err := ev.evalBool(t.when)
		if err != nil {
			ev.termErrs[i] = err
			return
		}
		if !ok {
			ev.termNA[i] = true
			return
		}
	}
	v, err := ev.evalNumber(t.value)
	if err != nil {
		ev.termErrs[i] = err
		return
	}
	ev.termVals[i] = clamp01(v)
}

func clamp01(v float64) float64 {
	switch {
	case math.IsNaN(v), v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

// score combines term values into 0–100: the weighted mean of the
// applicable terms. A term that errs counts as 0 (fail closed).
func (ev *evaluator) score() float64 {
	var sum, wsum float64
	for i, t := range ev.p.Terms {
		if ev.termNA[i] {
			continue
		}
		sum += t.Weight * ev.termVals[i]
		wsum += t.Weight
	}
	if wsum <= 0 {
		return 0
	}
	return math.Round(sum/wsum*10000) / 100
}

// blocks reports whether an outcome makes the move not allowed: the rule
// failed or erred and its severity is block (a warning never blocks).
func blocks(r *Rule, o outcome) bool {
	return r.block && (o == outFail || o == outError)
}

var _ = mutasi.Day
