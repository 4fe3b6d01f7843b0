package rules

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/expr-lang/expr/ast"
)

// The closure compiler turns expr's type-checked AST into typed Go
// closures over a frame of pre-computed facts. It avoids what dominates
// expr's VM on this workload: reading struct fields by reflection and
// boxing every value into an interface. It supports the subset of expr that
// policies use (fields, params, literals, arithmetic, comparisons, logic,
// `in` over lists, conditionals, the helpers and a few builtins); anything
// else returns errUnsupported and the expression runs on the expr VM.

type kind uint8

const (
	kInvalid kind = iota
	kBool
	kInt
	kFloat
	kStr
	kTime // unix seconds
	kList
	kNil
	kRoot // a bare root (employee, target …), usable only as a helper argument or against nil
)

// frame is what compiled closures read: the facts of one evaluation.
type frame struct {
	emp      *EmployeeFacts
	cur      *PositionFacts
	tgt      *PositionFacts // nil when there is no target
	asp      *AspirationFacts
	todaySec int64
	today    time.Time

	// Normalised forms for education matching, computed with the facts.
	majorNorm, familyNorm string
	curRumpun, tgtRumpun  []string

	err error // a run-time error raised by a closure (integer division by zero)
}

type cexpr struct {
	k kind
	b func(*frame) bool
	i func(*frame) int
	f func(*frame) float64
	s func(*frame) string
	t func(*frame) int64
	l func(*frame) []string
	// app, when set for a string, appends the value instead of building it,
	// so that messages render without allocating intermediate strings.
	app func(*frame, []byte) []byte

	konst bool // the value is known at compile time (literals, params)
	cb    bool
	ci    int
	cf    float64
	cs    string
	ct    int64
	cl    []string

	root  rootIndex  // for a bare root or a field read
	field *fieldInfo // for a field read
}

type unsupported struct{ what string }

func (u unsupported) Error() string { return "unsupported in closure compiler: " + u.what }

// fastCompiler compiles one expression. What it reads for the missing-data
// checks is recorded by collectReads (compile.go), not here.
type fastCompiler struct {
	params    map[string]any
	helpers   map[string]*helper
	usesRoots [numFactRoots]bool
	curRumpun bool // matches education against the current position
}

func kindOf(t reflect.Type) kind {
	if t == nil {
		return kInvalid
	}
	if t == reflect.TypeOf(time.Time{}) {
		return kTime
	}
	switch t.Kind() {
	case reflect.Bool:
		return kBool
	case reflect.Int, reflect.Int64, reflect.Int32:
		return kInt
	case reflect.Float64:
		return kFloat
	case reflect.String:
		return kStr
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return kList
		}
	}
	return kInvalid
}

func konstOf(v any) (cexpr, bool) {
	switch x := v.(type) {
	case bool:
		return cexpr{k: kBool, konst: true, cb: x, b: func(*frame) bool { return x }}, true
	case int:
		return cexpr{k: kInt, konst: true, ci: x, i: func(*frame) int { return x }}, true
	case float64:
		return cexpr{k: kFloat, konst: true, cf: x, f: func(*frame) float64 { return x }}, true
	case string:
		return cexpr{k: kStr, konst: true, cs: x, s: func(*frame) string { return x },
			app: func(_ *frame, b []byte) []byte { return append(b, x...) }}, true
	case []string:
		return cexpr{k: kList, konst: true, cl: x, l: func(*frame) []string { return x }}, true
	}
	return cexpr{}, false
}

func (c *fastCompiler) compile(n ast.Node) (cexpr, error) {
	switch n := n.(type) {
	case *ast.BoolNode:
		e, _ := konstOf(n.Value)
		return e, nil
	case *ast.IntegerNode:
		e, _ := konstOf(n.Value)
		return e, nil
	case *ast.FloatNode:
		e, _ := konstOf(n.Value)
		return e, nil
	case *ast.StringNode:
		e, _ := konstOf(n.Value)
		return e, nil
	case *ast.NilNode:
		return cexpr{k: kNil}, nil
	case *ast.IdentifierNode:
		if n.Value == rootToday {
			return cexpr{k: kTime, t: func(f *frame) int64 { return f.todaySec }}, nil
		}
		if r, ok := rootByName(n.Value); ok {
			c.usesRoots[r] = true
			return cexpr{k: kRoot, root: r}, nil
		}
		return cexpr{}, unsupported{"identifier " + n.Value}
	case *ast.MemberNode:
		return c.member(n)
	case *ast.UnaryNode:
		return c.unary(n)
	case *ast.BinaryNode:
		return c.binary(n)
	case *ast.ConditionalNode:
		return c.conditional(n)
	case *ast.ArrayNode:
		list := make([]string, 0, len(n.Nodes))
		for _, e := range n.Nodes {
			s, ok := e.(*ast.StringNode)
			if !ok {
				return cexpr{}, unsupported{"array of non-strings"}
			}
			list = append(list, s.Value)
		}
		e, _ := konstOf(list)
		return e, nil
	case *ast.BuiltinNode:
		return c.builtin(n)
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		if !ok {
			return cexpr{}, unsupported{"call"}
		}
		h := c.helpers[id.Value]
		if h == nil || h.fast == nil {
			return cexpr{}, unsupported{"function " + id.Value}
		}
		args := make([]cexpr, len(n.Arguments))
		for i, a := range n.Arguments {
			e, err := c.compile(a)
			if err != nil {
				return cexpr{}, err
			}
			args[i] = e
		}
		return h.fast(c, args)
	}
	return cexpr{}, unsupported{fmt.Sprintf("%T", n)}
}

func (c *fastCompiler) member(n *ast.MemberNode) (cexpr, error) {
	id, ok := n.Node.(*ast.IdentifierNode)
	prop, ok2 := n.Property.(*ast.StringNode)
	if !ok || !ok2 || n.Optional || n.Method {
		return cexpr{}, unsupported{"member access"}
	}
	if id.Value == rootParams {
		v, ok := c.params[prop.Value]
		if !ok {
			return cexpr{}, unsupported{"param " + prop.Value}
		}
		e, ok := konstOf(v)
		if !ok {
			return cexpr{}, unsupported{"param type"}
		}
		return e, nil
	}
	r, ok := rootByName(id.Value)
	if !ok {
		return cexpr{}, unsupported{"member of " + id.Value}
	}
	fi := infoOf(r).byName[prop.Value]
	if fi == nil {
		return cexpr{}, unsupported{"field " + prop.Value}
	}
	c.usesRoots[r] = true
	e := cexpr{k: kindOf(fi.typ), root: r, field: fi}
	off := fi.offset
	switch e.k {
	case kBool:
		e.b = load[bool](r, off)
	case kInt:
		e.i = load[int](r, off)
	case kFloat:
		e.f = load[float64](r, off)
	case kStr:
		e.s = load[string](r, off)
		e.app = appendStrField(r, off)
	case kList:
		e.l = load[[]string](r, off)
	case kTime:
		get := load[time.Time](r, off)
		e.t = func(f *frame) int64 { return get(f).Unix() }
	default:
		return cexpr{}, unsupported{"field type"}
	}
	return e, nil
}

// load returns a closure reading the field at off of root r. Offsets come
// from reflect over the facts structs (env.go), so they match the types the
// expression was checked against; unsafe avoids reflection on every read.
func load[T any](r rootIndex, off uintptr) func(*frame) T {
	switch r {
	case idxEmployee:
		return func(f *frame) T { return *(*T)(unsafe.Add(unsafe.Pointer(f.emp), off)) }
	case idxCurrent:
		return func(f *frame) T { return *(*T)(unsafe.Add(unsafe.Pointer(f.cur), off)) }
	case idxTarget:
		return func(f *frame) T { return *(*T)(unsafe.Add(unsafe.Pointer(f.tgt), off)) }
	}
	return func(f *frame) T { return *(*T)(unsafe.Add(unsafe.Pointer(f.asp), off)) }
}

// appendStrField appends the string field at off of root r: one call per
// placeholder instead of an appender calling a loader.
func appendStrField(r rootIndex, off uintptr) func(*frame, []byte) []byte {
	switch r {
	case idxEmployee:
		return func(f *frame, b []byte) []byte {
			return append(b, *(*string)(unsafe.Add(unsafe.Pointer(f.emp), off))...)
		}
	case idxCurrent:
		return func(f *frame, b []byte) []byte {
			return append(b, *(*string)(unsafe.Add(unsafe.Pointer(f.cur), off))...)
		}
	case idxTarget:
		return func(f *frame, b []byte) []byte {
			return append(b, *(*string)(unsafe.Add(unsafe.Pointer(f.tgt), off))...)
		}
	}
	return func(f *frame, b []byte) []byte {
		return append(b, *(*string)(unsafe.Add(unsafe.Pointer(f.asp), off))...)
	}
}

// appendIntField appends the int field at off of root r in decimal.
func appendIntField(r rootIndex, off uintptr) func(*frame, []byte) []byte {
	switch r {
	case idxEmployee:
		return func(f *frame, b []byte) []byte {
			return strconv.AppendInt(b, int64(*(*int)(unsafe.Add(unsafe.Pointer(f.emp), off))), 10)
		}
	case idxCurrent:
		return func(f *frame, b []byte) []byte {
			return strconv.AppendInt(b, int64(*(*int)(unsafe.Add(unsafe.Pointer(f.cur), off))), 10)
		}
	case idxTarget:
		return func(f *frame, b []byte) []byte {
			return strconv.AppendInt(b, int64(*(*int)(unsafe.Add(unsafe.Pointer(f.tgt), off))), 10)
		}
	}
	return func(f *frame, b []byte) []byte {
		return strconv.AppendInt(b, int64(*(*int)(unsafe.Add(unsafe.Pointer(f.asp), off))), 10)
	}
}

func (c *fastCompiler) unary(n *ast.UnaryNode) (cexpr, error) {
	x, err := c.compile(n.Node)
	if err != nil {
		return cexpr{}, err
	}
	switch {
	case (n.Operator == "!" || n.Operator == "not") && x.k == kBool:
		if x.konst {
			e, _ := konstOf(!x.cb)
			return e, nil
		}
		b := x.b
		return cexpr{k: kBool, b: func(f *frame) bool { return !b(f) }}, nil
	case n.Operator == "-" && x.k == kInt:
		i := x.i
		return cexpr{k: kInt, i: func(f *frame) int { return -i(f) }}, nil
	case n.Operator == "-" && x.k == kFloat:
		g := x.f
		return cexpr{k: kFloat, f: func(f *frame) float64 { return -g(f) }}, nil
	case n.Operator == "+" && (x.k == kInt || x.k == kFloat):
		return x, nil
	}
	return cexpr{}, unsupported{"unary " + n.Operator}
}

func (c *fastCompiler) conditional(n *ast.ConditionalNode) (cexpr, error) {
	cond, err := c.compile(n.Cond)
	if err != nil {
		return cexpr{}, err
	}
	a, err := c.compile(n.Exp1)
	if err != nil {
		return cexpr{}, err
	}
	b, err := c.compile(n.Exp2)
	if err != nil {
		return cexpr{}, err
	}
	if cond.k != kBool {
		return cexpr{}, unsupported{"condition"}
	}
	k := a.k
	if a.k != b.k {
		if (a.k == kInt || a.k == kFloat) && (b.k == kInt || b.k == kFloat) {
			// expr keeps each branch's own type; a mixed conditional is an
			// `any` in expr, which the VM handles.
			return cexpr{}, unsupported{"mixed conditional"}
		}
		return cexpr{}, unsupported{"conditional types"}
	}
	cb := cond.b
	switch k {
	case kBool:
		x, y := a.b, b.b
		return cexpr{k: k, b: func(f *frame) bool {
			if cb(f) {
				return x(f)
			}
			return y(f)
		}}, nil
	case kInt:
		x, y := a.i, b.i
		return cexpr{k: k, i: func(f *frame) int {
			if cb(f) {
				return x(f)
			}
			return y(f)
		}}, nil
	case kFloat:
		x, y := a.f, b.f
		return cexpr{k: k, f: func(f *frame) float64 {
			if cb(f) {
				return x(f)
			}
			return y(f)
		}}, nil
	case kStr:
		x, y := a.s, b.s
		xa, ya := appender(a), appender(b)
		return cexpr{k: k, s: func(f *frame) string {
			if cb(f) {
				return x(f)
			}
			return y(f)
		}, app: func(f *frame, buf []byte) []byte {
			if cb(f) {
				return xa(f, buf)
			}
			return ya(f, buf)
		}}, nil
	}
	return cexpr{}, unsupported{"conditional kind"}
}

// appender returns e's appender, or one built on its string closure.
func appender(e cexpr) func(*frame, []byte) []byte {
	if e.app != nil {
		return e.app
	}
	s := e.s
	return func(f *frame, b []byte) []byte { return append(b, s(f)...) }
}

// asFloat widens an int expression to float64.
func asFloat(e cexpr) func(*frame) float64 {
	if e.k == kFloat {
		return e.f
	}
	if e.konst {
		v := float64(e.ci)
		return func(*frame) float64 { return v }
	}
	i := e.i
	return func(f *frame) float64 { return float64(i(f)) }
}

func numeric(k kind) bool { return k == kInt || k == kFloat }

func (c *fastCompiler) binary(n *ast.BinaryNode) (cexpr, error) {
	l, err := c.compile(n.Left)
	if err != nil {
		return cexpr{}, err
	}
	r, err := c.compile(n.Right)
	if err != nil {
		return cexpr{}, err
	}
	op := n.Operator
	switch op {
	case "and", "&&", "or", "||":
		if l.k != kBool || r.k != kBool {
			return cexpr{}, unsupported{"logic on non-bool"}
		}
		x, y := l.b, r.b
		if op == "and" || op == "&&" {
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) && y(f) }}, nil
		}
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) || y(f) }}, nil
	case "==", "!=":
		e, err := equal(l, r)
		if err != nil {
			return cexpr{}, err
		}
		if op == "!=" {
			b := e.b
			e.b = func(f *frame) bool { return !b(f) }
		}
		return e, nil
	case "<", ">", "<=", ">=":
		return compare(op, l, r)
	case "+", "-", "*", "/", "%", "**", "^":
		if op == "+" && l.k == kStr && r.k == kStr {
			x, y := l.s, r.s
			xa, ya := appender(l), appender(r)
			return cexpr{k: kStr, s: func(f *frame) string { return x(f) + y(f) },
				app: func(f *frame, b []byte) []byte { return ya(f, xa(f, b)) }}, nil
		}
		return arith(op, l, r)
	case "in":
		if l.k != kStr || r.k != kList {
			return cexpr{}, unsupported{"in"}
		}
		s, list := l.s, r.l
		return cexpr{k: kBool, b: func(f *frame) bool {
			v := s(f)
			for _, x := range list(f) {
				if x == v {
					return true
				}
			}
			return false
		}}, nil
	}
	return cexpr{}, unsupported{"operator " + op}
}

func equal(l, r cexpr) (cexpr, error) {
	if l.k == kNil || r.k == kNil {
		root := l
		if l.k == kNil {
			root = r
		}
		if root.k == kRoot && root.root == idxTarget {
			return cexpr{k: kBool, b: func(f *frame) bool { return f.tgt == nil }}, nil
		}
		return cexpr{}, unsupported{"nil comparison"}
	}
	if l.konst && !r.konst {
		l, r = r, l // equality is symmetric; keep the constant on the right
	}
	switch {
	case l.k == kInt && r.k == kInt && r.konst:
		x, k := l.i, r.ci
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == k }}, nil
	case l.k == kStr && r.k == kStr && r.konst:
		x, k := l.s, r.cs
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == k }}, nil
	case l.k == kBool && r.k == kBool:
		x, y := l.b, r.b
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == y(f) }}, nil
	case l.k == kInt && r.k == kInt:
		x, y := l.i, r.i
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == y(f) }}, nil
	case numeric(l.k) && numeric(r.k):
		x, y := asFloat(l), asFloat(r)
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == y(f) }}, nil
	case l.k == kStr && r.k == kStr:
		x, y := l.s, r.s
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == y(f) }}, nil
	case l.k == kTime && r.k == kTime:
		x, y := l.t, r.t
		return cexpr{k: kBool, b: func(f *frame) bool { return x(f) == y(f) }}, nil
	}
	return cexpr{}, unsupported{"equality"}
}

func compare(op string, l, r cexpr) (cexpr, error) {
	switch {
	case l.k == kInt && r.k == kInt:
		x, y := l.i, r.i
		if r.konst {
			// A constant right side (the common `fact >= params.x`) saves a call.
			k := r.ci
			switch op {
			case "<":
				return cexpr{k: kBool, b: func(f *frame) bool { return x(f) < k }}, nil
			case ">":
				return cexpr{k: kBool, b: func(f *frame) bool { return x(f) > k }}, nil
			case "<=":
				return cexpr{k: kBool, b: func(f *frame) bool { return x(f) <= k }}, nil
			default:
				return cexpr{k: kBool, b: func(f *frame) bool { return x(f) >= k }}, nil
			}
		}
		switch op {
		case "<":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) < y(f) }}, nil
		case ">":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) > y(f) }}, nil
		case "<=":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) <= y(f) }}, nil
		default:
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) >= y(f) }}, nil
		}
	case numeric(l.k) && numeric(r.k):
		x, y := asFloat(l), asFloat(r)
		switch op {
		case "<":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) < y(f) }}, nil
		case ">":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) > y(f) }}, nil
		case "<=":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) <= y(f) }}, nil
		default:
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) >= y(f) }}, nil
		}
	case l.k == kTime && r.k == kTime:
		x, y := l.t, r.t
		switch op {
		case "<":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) < y(f) }}, nil
		case ">":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) > y(f) }}, nil
		case "<=":
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) <= y(f) }}, nil
		default:
			return cexpr{k: kBool, b: func(f *frame) bool { return x(f) >= y(f) }}, nil
		}
	}
	return cexpr{}, unsupported{"comparison"}
}

func arith(op string, l, r cexpr) (cexpr, error) {
	if !numeric(l.k) || !numeric(r.k) {
		return cexpr{}, unsupported{"arithmetic on non-numbers"}
	}
	if l.konst && r.konst {
		// Fold constants (params × 12 and the like) at compile time.
		if l.k == kInt && r.k == kInt && op != "/" && op != "**" && op != "^" {
			switch op {
			case "+":
				return mustKonst(l.ci + r.ci), nil
			case "-":
				return mustKonst(l.ci - r.ci), nil
			case "*":
				return mustKonst(l.ci * r.ci), nil
			case "%":
				if r.ci == 0 {
					return cexpr{}, unsupported{"modulo by zero"}
				}
				return mustKonst(l.ci % r.ci), nil
			}
		}
		a, b := asFloat(l)(nil), asFloat(r)(nil)
		switch op {
		case "+":
			return mustKonst(a + b), nil
		case "-":
			return mustKonst(a - b), nil
		case "*":
			return mustKonst(a * b), nil
		case "/":
			return mustKonst(a / b), nil
		case "**", "^":
			return mustKonst(math.Pow(a, b)), nil
		}
		return cexpr{}, unsupported{"constant " + op}
	}
	if l.k == kInt && r.k == kInt && op != "/" && op != "**" && op != "^" {
		x, y := l.i, r.i
		switch op {
		case "+":
			return cexpr{k: kInt, i: func(f *frame) int { return x(f) + y(f) }}, nil
		case "-":
			return cexpr{k: kInt, i: func(f *frame) int { return x(f) - y(f) }}, nil
		case "*":
			return cexpr{k: kInt, i: func(f *frame) int { return x(f) * y(f) }}, nil
		case "%":
			return cexpr{k: kInt, i: func(f *frame) int {
				d := y(f)
				if d == 0 {
					f.err = errIntegerDivideRun
					return 0
				}
				return x(f) % d
			}}, nil
		}
	}
	if op == "%" {
		return cexpr{}, unsupported{"float modulo"}
	}
	x, y := asFloat(l), asFloat(r)
	switch op {
	case "+":
		return cexpr{k: kFloat, f: func(f *frame) float64 { return x(f) + y(f) }}, nil
	case "-":
		return cexpr{k: kFloat, f: func(f *frame) float64 { return x(f) - y(f) }}, nil
	case "*":
		return cexpr{k: kFloat, f: func(f *frame) float64 { return x(f) * y(f) }}, nil
	case "/":
		return cexpr{k: kFloat, f: func(f *frame) float64 { return x(f) / y(f) }}, nil
	}
	return cexpr{k: kFloat, f: func(f *frame) float64 { return math.Pow(x(f), y(f)) }}, nil
}

func mustKonst(v any) cexpr {
	e, _ := konstOf(v)
	return e
}

func (c *fastCompiler) builtin(n *ast.BuiltinNode) (cexpr, error) {
	args := make([]cexpr, len(n.Arguments))
	allKonst := true
	for i, a := range n.Arguments {
		e, err := c.compile(a)
		if err != nil {
			return cexpr{}, err
		}
		args[i] = e
		allKonst = allKonst && e.konst
	}
	e, err := c.builtinOf(n, args)
	if err != nil || !allKonst {
		return e, err
	}
	// The supported builtins are pure: with constant arguments the result
	// is a constant (join(params.kinerja_lulus, ' atau ') in a message).
	// Constant closures do not read the frame, so nil will do.
	switch e.k {
	case kBool:
		return mustKonst(e.b(nil)), nil
	case kInt:
		return mustKonst(e.i(nil)), nil
	case kFloat:
		return mustKonst(e.f(nil)), nil
	case kStr:
		return mustKonst(e.s(nil)), nil
	}
	return e, nil
}

func (c *fastCompiler) builtinOf(n *ast.BuiltinNode, args []cexpr) (cexpr, error) {
	switch {
	case n.Name == "len" && len(args) == 1 && args[0].k == kList:
		l := args[0].l
		return cexpr{k: kInt, i: func(f *frame) int { return len(l(f)) }}, nil
	case n.Name == "len" && len(args) == 1 && args[0].k == kStr:
		s := args[0].s
		// expr's len counts runes.
		return cexpr{k: kInt, i: func(f *frame) int { return runeCount(s(f)) }}, nil
	case n.Name == "abs" && len(args) == 1 && args[0].k == kInt:
		x := args[0].i
		return cexpr{k: kInt, i: func(f *frame) int {
			if v := x(f); v < 0 {
				return -v
			} else {
				return v
			}
		}}, nil
	case n.Name == "abs" && len(args) == 1 && args[0].k == kFloat:
		x := args[0].f
		return cexpr{k: kFloat, f: func(f *frame) float64 { return math.Abs(x(f)) }}, nil
	case n.Name == "join" && len(args) == 2 && args[0].k == kList && args[1].k == kStr:
		l, sep := args[0].l, args[1].s
		return cexpr{k: kStr, s: func(f *frame) string { return strings.Join(l(f), sep(f)) },
			app: func(f *frame, b []byte) []byte {
				sp := sep(f)
				for i, s := range l(f) {
					if i > 0 {
						b = append(b, sp...)
					}
					b = append(b, s...)
				}
				return b
			}}, nil
	case n.Name == "replace" && len(args) == 3 && args[0].k == kStr && args[1].k == kStr && args[2].k == kStr:
		// replace(s, old, new) is strings.ReplaceAll in expr; with a
		// 4th argument (a count) it is left to the VM.
		str, old, repl := args[0].s, args[1].s, args[2].s
		return cexpr{k: kStr, s: func(f *frame) string { return strings.ReplaceAll(str(f), old(f), repl(f)) },
			app: func(f *frame, b []byte) []byte {
				s, o, r := str(f), old(f), repl(f)
				if o == "" {
					return append(b, strings.ReplaceAll(s, o, r)...)
				}
				for {
					i := strings.Index(s, o)
					if i < 0 {
						return append(b, s...)
					}
					b = append(append(b, s[:i]...), r...)
					s = s[i+len(o):]
				}
			}}, nil
	case n.Name == "float" && len(args) == 1 && numeric(args[0].k):
		return cexpr{k: kFloat, f: asFloat(args[0])}, nil
	case (n.Name == "min" || n.Name == "max") && len(args) == 2 && args[0].k == kInt && args[1].k == kInt:
		x, y := args[0].i, args[1].i
		if n.Name == "min" {
			return cexpr{k: kInt, i: func(f *frame) int { return min(x(f), y(f)) }}, nil
		}
		return cexpr{k: kInt, i: func(f *frame) int { return max(x(f), y(f)) }}, nil
	case (n.Name == "min" || n.Name == "max") && len(args) == 2 && args[0].k == kFloat && args[1].k == kFloat:
		x, y := args[0].f, args[1].f
		if n.Name == "min" {
			return cexpr{k: kFloat, f: func(f *frame) float64 { return math.Min(x(f), y(f)) }}, nil
		}
		return cexpr{k: kFloat, f: func(f *frame) float64 { return math.Max(x(f), y(f)) }}, nil
	}
	return cexpr{}, unsupported{"builtin " + n.Name}
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
