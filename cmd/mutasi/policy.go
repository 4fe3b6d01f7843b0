package main

import (
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// loadPolicy compiles the policy in a.Policies; a policy that does not
// compile is never used, and its error lists every problem with file, line
// and column.
func loadPolicy(a *app) (*rules.Policy, error) {
	p, err := rules.LoadDir(a.Policies)
	if err != nil {
		return nil, policyError(err)
	}
	return p, nil
}

// evaluationDate parses --date, defaulting to today.
func evaluationDate(a *app, s string) (time.Time, error) {
	if s == "" {
		return mutasi.Day(a.Now()), nil
	}
	d, err := mutasi.ParseDate(s)
	if err != nil {
		return time.Time{}, usagef("--date: %s", err)
	}
	return d, nil
}
