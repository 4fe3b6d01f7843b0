package impact

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mutasi/mutasi/rules"
)

// FileChanges is what differs between the two rule sets as written.
type FileChanges struct {
	Same           bool     `json:"same"` // identical content hash
	Params         []Change `json:"params"`
	RulesAdded     []string `json:"rules_added"`
	RulesRemoved   []string `json:"rules_removed"`
	SeverityChange []Change `json:"severity"` // Name is the rule id
	WeightChange   []Change `json:"weights"`  // Name is the scoring term id
	TermsAdded     []string `json:"terms_added"`
	TermsRemoved   []string `json:"terms_removed"`
	// RulesEdited and TermsEdited name what was rewritten in rules and
	// terms present on both sides: which keys (require, message, …).
	RulesEdited []Edited `json:"rules_edited"`
	TermsEdited []Edited `json:"terms_edited"`
}

// Edited is a rule or scoring term whose text changed, with the keys that
// differ, as written in the policy file.
type Edited struct {
	ID   string   `json:"id"`
	Keys []string `json:"keys"`
}

// Change is one value that differs, rendered for people.
type Change struct {
	Name string `json:"name"`
	Old  string `json:"old"` // "" when absent
	New  string `json:"new"`
}

func fileChanges(old, new *rules.Policy) FileChanges {
	fc := FileChanges{Same: old.Hash == new.Hash}
	names := map[string]bool{}
	for k := range old.Params {
		names[k] = true
	}
	for k := range new.Params {
		names[k] = true
	}
	for _, k := range sortedKeys(names) {
		o, n := paramText(old.Params, k), paramText(new.Params, k)
		if o != n {
			fc.Params = append(fc.Params, Change{Name: k, Old: o, New: n})
		}
	}
	for _, r := range new.Rules {
		or := old.Rule(r.ID)
		if or == nil {
			fc.RulesAdded = append(fc.RulesAdded, r.ID)
			continue
		}
		if or.Severity != r.Severity {
			fc.SeverityChange = append(fc.SeverityChange, Change{Name: r.ID, Old: string(or.Severity), New: string(r.Severity)})
		}
		if keys := ruleEdits(or, r); len(keys) > 0 {
			fc.RulesEdited = append(fc.RulesEdited, Edited{ID: r.ID, Keys: keys})
		}
	}
	for _, r := range old.Rules {
		if new.Rule(r.ID) == nil {
			fc.RulesRemoved = append(fc.RulesRemoved, r.ID)
		}
	}
	oldTerms := termsByID(old)
	newTerms := termsByID(new)
	for _, t := range new.Terms {
		ot, ok := oldTerms[t.ID]
		if !ok {
			fc.TermsAdded = append(fc.TermsAdded, t.ID)
			continue
		}
		if ot.Weight != t.Weight {
			fc.WeightChange = append(fc.WeightChange, Change{Name: t.ID, Old: number(ot.Weight), New: number(t.Weight)})
		}
		if keys := termEdits(ot, t); len(keys) > 0 {
			fc.TermsEdited = append(fc.TermsEdited, Edited{ID: t.ID, Keys: keys})
		}
	}
	for _, t := range old.Terms {
		if _, ok := newTerms[t.ID]; !ok {
			fc.TermsRemoved = append(fc.TermsRemoved, t.ID)
		}
	}
	return fc
}

// ruleEdits lists the keys of a rule whose text differs (severity is
// reported on its own).
func ruleEdits(a, b *rules.Rule) []string {
	return differing([]keyPair{
		{"title", a.Title, b.Title},
		{"when", a.Source.When, b.Source.When},
		{"require", a.Source.Require, b.Source.Require},
		{"warn_unless", a.Source.WarnUnless, b.Source.WarnUnless},
		{"message", a.Source.Message, b.Source.Message},
		{"message_failed", a.Source.MessageFailed, b.Source.MessageFailed},
		{"basis", a.Basis, b.Basis},
	})
}

// termEdits lists the keys of a scoring term whose text differs (weight is
// reported on its own).
func termEdits(a, b *rules.Term) []string {
	return differing([]keyPair{
		{"title", a.Title, b.Title},
		{"when", a.Source.When, b.Source.When},
		{"value", a.Source.Value, b.Source.Value},
	})
}

type keyPair struct{ key, a, b string }

// differing returns the keys whose texts differ, ignoring how the text
// was wrapped or indented in the YAML.
func differing(pairs []keyPair) []string {
	var keys []string
	for _, p := range pairs {
		if strings.Join(strings.Fields(p.a), " ") != strings.Join(strings.Fields(p.b), " ") {
			keys = append(keys, p.key)
		}
	}
	return keys
}

func termsByID(p *rules.Policy) map[string]*rules.Term {
	m := make(map[string]*rules.Term, len(p.Terms))
	for _, t := range p.Terms {
		m[t.ID] = t
	}
	return m
}

func paramText(params map[string]any, k string) string {
	v, ok := params[k]
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []string:
		return "[" + strings.Join(v, ", ") + "]"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case float64:
		return number(v)
	}
	return fmt.Sprint(v)
}

func number(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%g", f), ".0") }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
