package rules

// decisionProto holds what every Decision of a policy starts from: the rule
// results and score parts with what never changes (rule, id, declared
// severity; term) filled in, so that a decision copies them in bulk instead
// of storing field by field.
type decisionProto struct {
	rules []RuleResult
	parts []ScorePart
}

func newDecisionProto(rules []*Rule, terms []*Term) decisionProto {
	dp := decisionProto{rules: make([]RuleResult, len(rules)), parts: make([]ScorePart, len(terms))}
	for i, r := range rules {
		dp.rules[i] = RuleResult{Rule: r, Severity: r.Severity}
	}
	for i, t := range terms {
		dp.parts[i] = ScorePart{Term: t}
	}
	return dp
}

// newResults returns a decision's own rule results and score parts, fresh
// copies of the prototypes.
func (dp *decisionProto) newResults() ([]RuleResult, []ScorePart) {
	rules, parts := make([]RuleResult, len(dp.rules)), make([]ScorePart, len(dp.parts))
	copy(rules, dp.rules)
	copy(parts, dp.parts)
	return rules, parts
}
