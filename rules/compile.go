package rules

import (
	"errors"
	"reflect"
	"sync"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/mutasi/mutasi"
)

// Limits against hostile or runaway policy files.
const (
	// MaxExprNodes bounds the size of one expression (expr.MaxNodes).
	MaxExprNodes = 1000
	// MaxExprBytes bounds the text of one expression; the node limit alone
	// would still let the parser chew through megabytes first.
	MaxExprBytes = 8000
	// MemoryBudget bounds what one run of an expression on the expr VM may
	// allocate (vm.VM.MemoryBudget, in expr's units: elements).
	MemoryBudget = 100_000
	// MaxRules bounds the rules of a policy (rule outcomes are kept in a
	// fixed-size bit set).
	MaxRules = 256
)

// program is one compiled expression.
type program struct {
	text    string
	src     *exprSrc    // nil once the closure compiler took the expression
	vm      *vm.Program // likewise; see vmProgram
	vmOnce  sync.Once
	vmErr   error
	fast    cexpr
	hasFast bool
	reads   [numFactRoots]uint64 // fields read, per fact root
	roots   [numFactRoots]bool   // fact roots read at all
	usesTgt bool                 // needs a target to run
	kind    kind
	paths   []readPath // what the expression reads, for explanations
}

// readPath is one root.field the expression reads.
type readPath struct {
	root  string
	field string
}

// compileEnv is what every expression of one policy is compiled against.
type compileEnv struct {
	envType reflect.Type
	proto   reflect.Value // an Env value with params filled in
	params  map[string]any
	helpers map[string]*helper
	options []expr.Option

	curRumpun bool // some expression matches education against current
}

// paramsType builds the struct type that `params` has in expressions: one
// field per declared param, so that `params.x` is checked by name and type.
func newCompileEnv(params []*paramSpec, ref *Reference, fp *factParams) *compileEnv {
	ce := &compileEnv{params: map[string]any{}, helpers: helperSet(ref, fp)}
	var pf []reflect.StructField
	for i, p := range params {
		pf = append(pf, reflect.StructField{
			Name: "P" + itoa(i),
			Type: reflect.TypeOf(p.value),
			Tag:  reflect.StructTag(`expr:"` + p.name + `"`),
		})
		ce.params[p.name] = p.value
	}
	pt := reflect.StructOf(pf)
	ce.envType = reflect.StructOf([]reflect.StructField{
		{Name: "Employee", Type: reflect.TypeOf(EmployeeFacts{}), Tag: `expr:"employee"`},
		{Name: "Current", Type: reflect.TypeOf(PositionFacts{}), Tag: `expr:"current"`},
		{Name: "Target", Type: reflect.TypeOf(&PositionFacts{}), Tag: `expr:"target"`},
		{Name: "Aspiration", Type: reflect.TypeOf(AspirationFacts{}), Tag: `expr:"aspiration"`},
		{Name: "Params", Type: pt, Tag: `expr:"params"`},
		{Name: "Today", Type: reflect.TypeOf(time.Time{}), Tag: `expr:"today"`},
	})
	ce.proto = reflect.New(ce.envType).Elem()
	pv := ce.proto.Field(4)
	for i, p := range params {
		pv.Field(i).Set(reflect.ValueOf(p.value))
	}
	// Env takes a value, not a pointer: expr reads a value env faster.
	ce.options = []expr.Option{
		expr.Env(ce.proto.Interface()),
		expr.MaxNodes(MaxExprNodes),
		expr.Optimize(false), // the closure compiler wants the checked tree as written
		// No clock, no time zone database: rules see only `today`.
		expr.DisableBuiltin("now"),
		expr.DisableBuiltin("date"),
		expr.DisableBuiltin("timezone"),
	}
	for _, h := range ce.helpers {
		ce.options = append(ce.options, expr.Function(h.name, h.vm, h.types...))
	}
	return ce
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// compile compiles one expression, reporting problems at their place in
// the YAML. want is the kind the result must have (kInvalid: any).
func (ce *compileEnv) compile(es *exprSrc, want kind, what string, errs *problemList) *program {
	if es == nil {
		return nil
	}
	file := es.src.name
	if len(es.text) > MaxExprBytes {
		line, col := es.src.locate(es.node, es.base)
		errs.addAt(file, line, col, msgExprTooLong, what, mutasi.FormatInt(len(es.text)), mutasi.FormatInt(MaxExprBytes))
		return nil
	}
	if len(es.text) == 0 || isBlank(es.text) {
		line, col := es.src.locate(es.node, es.base)
		errs.addAt(file, line, col, msgExprEmpty, what)
		return nil
	}
	prog, err := expr.Compile(es.text, ce.options...)
	if err != nil {
		ce.explain(es, what, err, errs)
		return nil
	}
	p := &program{text: es.text, src: es, vm: prog}
	node := prog.Node()
	p.kind = kindOf(node.Type())
	switch want {
	case kBool:
		if p.kind != kBool {
			line, col := es.src.locate(es.node, es.base)
			errs.addAt(file, line, col, msgExprNotBool, what, typeName(node.Type()))
			return nil
		}
	case kFloat:
		if !numeric(p.kind) && p.kind != kBool {
			line, col := es.src.locate(es.node, es.base)
			errs.addAt(file, line, col, msgExprNotNumber, what, typeName(node.Type()))
			return nil
		}
	}
	collectReads(p, node)
	fc := &fastCompiler{params: ce.params, helpers: ce.helpers}
	if e, err := fc.compile(node); err == nil && e.k == p.kind {
		p.fast, p.hasFast = e, true
		ce.curRumpun = ce.curRumpun || fc.curRumpun
		// The closure is what runs. The VM program holds expr's checked
		// tree and the source holds the YAML: together most of a policy's
		// memory, which every garbage collection would mark again.
		p.vm, p.src = nil, nil
	}
	return p
}

// vmProgram returns the expression compiled for expr's VM. Expressions the
// closure compiler took are compiled again on first need, which only the
// forced VM path of tests and baseline benchmarks has.
func (p *program) vmProgram(ce *compileEnv) (*vm.Program, error) {
	p.vmOnce.Do(func() {
		if p.vm == nil {
			p.vm, p.vmErr = expr.Compile(p.text, ce.options...)
		}
	})
	return p.vm, p.vmErr
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// collectReads records the fact fields an expression reads, so that a
// missing fact fails the rule (fail closed) and explanations can show the
// values the rule saw.
//
// A target read behind the expression's own nil check (`target != nil &&
// target.x`, `target == nil || target.x`, `target != nil ? target.x : y`)
// runs only when there is a target, so it does not make the expression need
// one: both the closures and the expr VM short-circuit past it.
func collectReads(p *program, root ast.Node) {
	seen := map[readPath]bool{}
	guarded := false // inside a branch that runs only with a target
	needsTarget := func() {
		if !guarded {
			p.usesTgt = true
		}
	}
	var walk func(n ast.Node)
	walkGuarded := func(n ast.Node, g bool) {
		saved := guarded
		guarded = guarded || g
		walk(n)
		guarded = saved
	}
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ConditionalNode:
			walk(n.Cond)
			walkGuarded(n.Exp1, impliesTarget(n.Cond))
			walkGuarded(n.Exp2, falseImpliesTarget(n.Cond))
			return
		case *ast.MemberNode:
			if id, ok := n.Node.(*ast.IdentifierNode); ok {
				if prop, ok := n.Property.(*ast.StringNode); ok {
					rp := readPath{id.Value, prop.Value}
					if !seen[rp] {
						seen[rp] = true
						p.paths = append(p.paths, rp)
					}
					if r, ok := rootByName(id.Value); ok {
						if fi := infoOf(r).byName[prop.Value]; fi != nil {
							p.reads[r] |= 1 << uint(fi.index)
						}
						p.roots[r] = true
						if r == idxTarget {
							needsTarget()
						}
					}
					return
				}
			}
		case *ast.BinaryNode:
			// `target == nil` asks whether there is a target; it does not need one,
			// but its answer depends on the target (a batch must not evaluate
			// it once per employee without one).
			if isNilCheck(n) {
				for _, side := range []ast.Node{n.Left, n.Right} {
					if id, ok := side.(*ast.IdentifierNode); ok {
						if r, ok := rootByName(id.Value); ok {
							p.roots[r] = true
						}
					}
				}
				return
			}
			switch n.Operator {
			case "&&", "and":
				walk(n.Left)
				walkGuarded(n.Right, impliesTarget(n.Left))
				return
			case "||", "or":
				walk(n.Left)
				walkGuarded(n.Right, falseImpliesTarget(n.Left))
				return
			}
		case *ast.CallNode:
			if id, ok := n.Callee.(*ast.IdentifierNode); ok && id.Value == "pendidikan_sesuai" && len(n.Arguments) == 2 {
				// Show what education matching reads, though it takes whole roots.
				add := func(rp readPath) {
					if !seen[rp] {
						seen[rp] = true
						p.paths = append(p.paths, rp)
					}
				}
				add(readPath{rootEmployee, "pendidikan_jurusan"})
				add(readPath{rootEmployee, "rumpun"})
				if pos, ok := n.Arguments[1].(*ast.IdentifierNode); ok {
					add(readPath{pos.Value, "rumpun_pendidikan"})
				}
			}
		case *ast.IdentifierNode:
			if r, ok := rootByName(n.Value); ok {
				// A whole root passed to a helper: it may read any field.
				p.roots[r] = true
				if r == idxTarget {
					needsTarget()
				}
			}
		}
		for _, c := range children(n) {
			walk(c)
		}
	}
	walk(root)
}

// impliesTarget reports whether n being true means there is a target:
// `target != nil`, a conjunction with such a part, or the negation of what
// falseImpliesTarget accepts.
func impliesTarget(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BinaryNode:
		switch n.Operator {
		case "!=":
			return isTargetNilCheck(n)
		case "&&", "and":
			return impliesTarget(n.Left) || impliesTarget(n.Right)
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			return falseImpliesTarget(n.Node)
		}
	}
	return false
}

// falseImpliesTarget reports whether n being false means there is a
// target: `target == nil`, a disjunction with such a part, or the negation
// of what impliesTarget accepts.
func falseImpliesTarget(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BinaryNode:
		switch n.Operator {
		case "==":
			return isTargetNilCheck(n)
		case "||", "or":
			return falseImpliesTarget(n.Left) || falseImpliesTarget(n.Right)
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			return impliesTarget(n.Node)
		}
	}
	return false
}

// isTargetNilCheck reports whether n compares the target root with nil.
func isTargetNilCheck(n *ast.BinaryNode) bool {
	if !isNilCheck(n) {
		return false
	}
	for _, side := range []ast.Node{n.Left, n.Right} {
		if id, ok := side.(*ast.IdentifierNode); ok && id.Value == rootTarget {
			return true
		}
	}
	return false
}

func isNilCheck(n *ast.BinaryNode) bool {
	if n.Operator != "==" && n.Operator != "!=" {
		return false
	}
	_, ln := n.Left.(*ast.NilNode)
	_, rn := n.Right.(*ast.NilNode)
	return ln || rn
}

// children lists the direct sub-nodes of n.
func children(n ast.Node) []ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []ast.Node{n.Node}
	case *ast.BinaryNode:
		return []ast.Node{n.Left, n.Right}
	case *ast.ChainNode:
		return []ast.Node{n.Node}
	case *ast.MemberNode:
		return []ast.Node{n.Node, n.Property}
	case *ast.SliceNode:
		return []ast.Node{n.Node, n.From, n.To}
	case *ast.CallNode:
		return append([]ast.Node{n.Callee}, n.Arguments...)
	case *ast.BuiltinNode:
		return n.Arguments
	case *ast.PredicateNode:
		return []ast.Node{n.Node}
	case *ast.ConditionalNode:
		return []ast.Node{n.Cond, n.Exp1, n.Exp2}
	case *ast.VariableDeclaratorNode:
		return []ast.Node{n.Value, n.Expr}
	case *ast.SequenceNode:
		return n.Nodes
	case *ast.ArrayNode:
		return n.Nodes
	case *ast.MapNode:
		return n.Pairs
	case *ast.PairNode:
		return []ast.Node{n.Key, n.Value}
	}
	return nil
}

// explain turns a compile error into a problem at the right place, in
// Indonesian. It first looks for the mistakes policy staff make most (a
// misspelt field, param or function) to suggest the intended name.
func (ce *compileEnv) explain(es *exprSrc, what string, err error, errs *problemList) {
	at := func(offset int, format string, args ...any) {
		line, col := es.src.locate(es.node, es.base+offset)
		errs.addAt(es.src.name, line, col, format, args...)
	}
	var fe *file.Error
	if !errors.As(err, &fe) {
		at(0, msgExprInvalid, what, err.Error())
		return
	}
	if tree, perr := parser.Parse(es.text); perr == nil {
		if off, msg, ok := ce.findNameProblem(tree.Node); ok {
			at(off, "%s", msg)
			return
		}
	}
	at(fe.From, msgExprInvalid, what, translateExprError(fe.Message))
}

// findNameProblem walks the parsed (unchecked) tree for unknown roots,
// fields, params and functions.
func (ce *compileEnv) findNameProblem(root ast.Node) (int, string, bool) {
	declared := map[string]bool{}
	var off int
	var msg string
	var found bool
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if found || n == nil {
			return
		}
		switch n := n.(type) {
		case *ast.VariableDeclaratorNode:
			declared[n.Name] = true
		case *ast.MemberNode:
			if id, ok := n.Node.(*ast.IdentifierNode); ok {
				if prop, ok := n.Property.(*ast.StringNode); ok && !declared[id.Value] {
					if fields := ce.fieldsOf(id.Value); fields != nil && !contains(fields, prop.Value) {
						off, found = prop.Location().From, true
						if id.Value == rootParams {
							msg = sugg(formatMsg(msgUnknownParam, prop.Value), prop.Value, fields)
						} else {
							msg = sugg(formatMsg(msgUnknownField, id.Value, prop.Value), prop.Value, fields)
						}
						return
					}
				}
			}
		case *ast.CallNode:
			if id, ok := n.Callee.(*ast.IdentifierNode); ok {
				if _, isHelper := ce.helpers[id.Value]; !isHelper && !isBuiltin(id.Value) {
					off, found = id.Location().From, true
					msg = sugg(formatMsg(msgUnknownFunction, id.Value), id.Value, helperNames(ce.helpers))
					return
				}
				for _, a := range n.Arguments {
					walk(a)
				}
				return
			}
		case *ast.BuiltinNode:
			if !isBuiltin(n.Name) {
				off, found = n.Location().From, true
				msg = sugg(formatMsg(msgUnknownFunction, n.Name), n.Name, helperNames(ce.helpers))
				return
			}
		case *ast.IdentifierNode:
			if !declared[n.Value] && ce.fieldsOf(n.Value) == nil && n.Value != rootToday {
				off, found = n.Location().From, true
				msg = sugg(formatMsg(msgUnknownName, n.Value), n.Value, rootNames())
				return
			}
		}
		for _, c := range children(n) {
			walk(c)
		}
	}
	walk(root)
	return off, msg, found
}

func rootNames() []string {
	return []string{rootEmployee, rootCurrent, rootTarget, rootAspiration, rootParams, rootToday}
}

// fieldsOf lists the names under a root, or nil if name is not a root.
func (ce *compileEnv) fieldsOf(name string) []string {
	var si *structInfo
	switch name {
	case rootParams:
		out := make([]string, 0, len(ce.params))
		for k := range ce.params {
			out = append(out, k)
		}
		if len(out) == 0 {
			return []string{}
		}
		return out
	case rootEmployee:
		si = employeeInfo
	case rootCurrent, rootTarget:
		si = positionInfo
	case rootAspiration:
		si = aspirationInfo
	default:
		return nil
	}
	out := make([]string, len(si.fields))
	for i, f := range si.fields {
		out[i] = f.name
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sugg(msg, name string, candidates []string) string {
	if s := nearest(name, candidates); s != "" {
		return msg + formatMsg(msgDidYouMean, s)
	}
	return msg
}

func isBuiltin(name string) bool {
	switch name {
	case "now", "date", "timezone":
		return false
	}
	for _, b := range builtinNames {
		if b == name {
			return true
		}
	}
	return false
}

var builtinNames = []string{"all", "none", "any", "one", "filter", "map", "find", "findIndex", "findLast",
	"findLastIndex", "count", "sum", "groupBy", "sortBy", "reduce", "len", "type", "abs", "ceil", "floor",
	"round", "int", "float", "string", "trim", "trimPrefix", "trimSuffix", "upper", "lower", "split",
	"splitAfter", "replace", "repeat", "join", "indexOf", "lastIndexOf", "hasPrefix", "hasSuffix", "max",
	"min", "mean", "median", "toJSON", "fromJSON", "toBase64", "fromBase64", "duration", "first", "last",
	"get", "take", "keys", "values", "toPairs", "fromPairs", "reverse", "uniq", "concat", "flatten", "sort",
	"bitnot"}
