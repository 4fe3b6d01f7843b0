package rules

// TargetFree returns the rules whose outcome does not depend on the
// target: their when, require and warn_unless never mention it. Such a
// rule decides the same for the general question ("may I be moved?") as
// for any target, so a planner that finds an employee blocked by one of
// them in general may skip that employee's pairs: none can be eligible.
func (p *Policy) TargetFree() RuleSet {
	var s RuleSet
	for i, r := range p.Rules {
		if r.class&classTarget == 0 {
			s.set(i)
		}
	}
	return s
}

// Intersects reports whether the two sets share a rule.
func (s *RuleSet) Intersects(o *RuleSet) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}
