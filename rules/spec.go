package rules

import (
	"math"
	"strconv"
	"time"

	"github.com/mutasi/mutasi"
	"go.yaml.in/yaml/v3"
)

// Severity says what a failed rule means for the verdict.
type Severity string

const (
	SeverityBlock Severity = "block" // the move is not allowed
	SeverityWarn  Severity = "warn"  // allowed, with a warning
	SeverityInfo  Severity = "info"  // allowed; a fact worth knowing (e.g. due for rotation)
)

// exprSrc is an expression as written, with where it was written.
type exprSrc struct {
	text string
	src  *source
	node *yaml.Node
	base int // rune offset of text inside node.Value (for {{ }} in messages)
}

type ruleSpec struct {
	id, title, basis   string
	severity           Severity
	when, require      *exprSrc
	warnUnless         *exprSrc
	message, msgFailed *exprSrc // templates
	src                *source
	node, idNode       *yaml.Node
}

type termSpec struct {
	id, title string
	weight    float64
	value     *exprSrc
	when      *exprSrc
	src       *source
	node      *yaml.Node
	weightAt  *yaml.Node
}

type paramSpec struct {
	name  string
	value any // int, float64, string, bool or []string
	src   *source
	node  *yaml.Node
}

type policySpec struct {
	name, version, description string
	effective                  time.Time
	headerSrc                  *source
	// unreadable: a file is not valid YAML. What it would have declared
	// (the header, a param) is unknown, so its absence is not reported.
	unreadable bool
	params     []*paramSpec
	rules      []*ruleSpec
	terms      []*termSpec
}

var (
	policyKeys = []string{"name", "version", "effective", "description", "params", "rules", "scoring"}
	ruleKeys   = []string{"id", "title", "when", "require", "warn_unless", "severity", "message", "message_failed", "basis"}
	termKeys   = []string{"id", "title", "weight", "value", "when"}
)

// parsePolicyFile reads one policy file into spec, adding what it declares.
func parsePolicyFile(spec *policySpec, src *source, data []byte, errs *problemList) {
	file := src.name
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		errs.yamlError(file, data, err)
		spec.unreadable = true
		return
	}
	doc := docNode(&root)
	if doc == nil {
		return // an empty file declares nothing
	}
	if doc.Kind != yaml.MappingNode {
		errs.add(file, doc, msgPolicyNotMapping)
		return
	}
	header := func(k, v *yaml.Node, dst *string) {
		if spec.headerSrc != nil && spec.headerSrc != src {
			errs.add(file, k, msgHeaderTwice, k.Value, spec.headerSrc.name)
			return
		}
		spec.headerSrc = src
		*dst = scalar(file, v, errs)
	}
	forEachKey(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "name":
			header(k, v, &spec.name)
		case "version":
			header(k, v, &spec.version)
		case "description":
			header(k, v, &spec.description)
		case "effective":
			var s string
			header(k, v, &s)
			if s != "" {
				t, err := mutasi.ParseDate(s)
				if err != nil {
					errs.add(file, v, "%s", err) // a wrong form, or a day the calendar lacks
				}
				spec.effective = t
			}
		case "params":
			parseParams(spec, src, v, errs)
		case "rules":
			if v.Kind != yaml.SequenceNode {
				errs.add(file, v, msgMustBeList, "rules")
				return
			}
			for _, rn := range v.Content {
				if r := parseRule(src, rn, errs); r != nil {
					spec.rules = append(spec.rules, r)
				}
			}
		case "scoring":
			if v.Kind != yaml.SequenceNode {
				errs.add(file, v, msgMustBeList, "scoring")
				return
			}
			for _, tn := range v.Content {
				if t := parseTerm(src, tn, errs); t != nil {
					spec.terms = append(spec.terms, t)
				}
			}
		default:
			errs.unknownKey(file, k, policyKeys)
		}
	})
}

func parseParams(spec *policySpec, src *source, v *yaml.Node, errs *problemList) {
	file := src.name
	if v.Kind != yaml.MappingNode {
		errs.add(file, v, msgParamsNotMapping)
		return
	}
	forEachKey(v, func(k, v *yaml.Node) {
		if !validName(k.Value) {
			errs.add(file, k, msgBadParamName, k.Value)
			return
		}
		p := &paramSpec{name: k.Value, src: src, node: k}
		switch v.Kind {
		case yaml.ScalarNode:
			p.value = scalarValue(v)
		case yaml.SequenceNode:
			list := []string{}
			for _, e := range v.Content {
				list = append(list, scalar(file, e, errs))
			}
			p.value = list
		default:
			errs.add(file, v, msgBadParamValue, k.Value)
			return
		}
		spec.params = append(spec.params, p)
	})
}

// scalarValue types a YAML scalar as YAML does (int, float, bool), keeping
// quoted values as text.
func scalarValue(v *yaml.Node) any {
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
		switch v.Tag {
		case "!!int":
			if i, err := strconv.Atoi(v.Value); err == nil {
				return i
			}
		case "!!float":
			if f, err := strconv.ParseFloat(v.Value, 64); err == nil && !math.IsNaN(f) {
				return f
			}
		case "!!bool":
			return v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
		}
	}
	return v.Value
}

func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

func exprOf(src *source, v *yaml.Node, errs *problemList, what string) *exprSrc {
	if v.Kind != yaml.ScalarNode {
		errs.add(src.name, v, msgExprNotText, what)
		return nil
	}
	return &exprSrc{text: v.Value, src: src, node: v}
}

func parseRule(src *source, n *yaml.Node, errs *problemList) *ruleSpec {
	file := src.name
	if n.Kind != yaml.MappingNode {
		errs.add(file, n, msgRuleNotMapping)
		return nil
	}
	r := &ruleSpec{src: src, node: n}
	var sevNode *yaml.Node
	forEachKey(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			r.id, r.idNode = scalar(file, v, errs), v
		case "title":
			r.title = scalar(file, v, errs)
		case "basis":
			r.basis = scalar(file, v, errs)
		case "severity":
			r.severity, sevNode = Severity(scalar(file, v, errs)), v
		case "when":
			r.when = exprOf(src, v, errs, k.Value)
		case "require":
			r.require = exprOf(src, v, errs, k.Value)
		case "warn_unless":
			r.warnUnless = exprOf(src, v, errs, k.Value)
		case "message":
			r.message = exprOf(src, v, errs, k.Value)
		case "message_failed":
			r.msgFailed = exprOf(src, v, errs, k.Value)
		default:
			errs.unknownKey(file, k, ruleKeys)
		}
	})
	name := r.id
	if name == "" {
		errs.add(file, n, msgRuleNoID)
		name = "?"
	} else if !validID(r.id) {
		errs.add(file, r.idNode, msgBadRuleID, r.id)
	}
	if r.require == nil {
		errs.add(file, n, msgRuleNoRequire, name)
	}
	if r.title == "" {
		errs.add(file, n, msgRuleNoTitle, name)
	}
	if r.message == nil {
		errs.add(file, n, msgRuleNoMessage, name)
	}
	if r.basis == "" {
		errs.add(file, n, msgRuleNoBasis, name)
	}
	switch r.severity {
	case SeverityBlock, SeverityWarn, SeverityInfo:
	case "":
		errs.add(file, n, msgRuleNoSeverity, name)
	default:
		if s := nearest(string(r.severity), severities()); s != "" {
			errs.add(file, sevNode, msgBadSeveritySuggest, string(r.severity), s)
		} else {
			errs.add(file, sevNode, msgBadSeverity, string(r.severity))
		}
	}
	return r
}

func severities() []string { return []string{"block", "warn", "info"} }

func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func parseTerm(src *source, n *yaml.Node, errs *problemList) *termSpec {
	file := src.name
	if n.Kind != yaml.MappingNode {
		errs.add(file, n, msgTermNotMapping)
		return nil
	}
	t := &termSpec{src: src, node: n, weight: math.NaN()}
	forEachKey(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			t.id = scalar(file, v, errs)
		case "title":
			t.title = scalar(file, v, errs)
		case "weight":
			t.weightAt = v
			s := scalar(file, v, errs)
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
				errs.add(file, v, msgBadWeight, s)
				return
			}
			if w < 0 {
				// A negative weight turns a ranking upside down for that
				// term without a word in any decision: never intended.
				errs.add(file, v, msgNegativeWeight, s)
				return
			}
			t.weight = w
		case "value":
			t.value = exprOf(src, v, errs, k.Value)
		case "when":
			t.when = exprOf(src, v, errs, k.Value)
		default:
			errs.unknownKey(file, k, termKeys)
		}
	})
	if t.id == "" {
		errs.add(file, n, msgTermNoID)
	}
	if t.value == nil {
		errs.add(file, n, msgTermNoValue, t.id)
	}
	if math.IsNaN(t.weight) {
		// A weight given but refused above has been reported where it is.
		if t.weightAt == nil {
			errs.add(file, n, msgTermNoWeight, t.id)
		}
		t.weight = 0
	}
	return t
}
