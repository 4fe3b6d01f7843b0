package main

import (
	"flag"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// loadPolicy compiles the policy in dir; a policy that does not compile is
// never used, and its error lists every problem as file:line:column.
func loadPolicy(dir string) (*rules.Policy, error) {
	p, err := rules.LoadDir(dir)
	if err != nil {
		return nil, policyError(err)
	}
	return p, nil
}

// effectiveHours is the policy's jam_kerja_efektif, so that every figure
// of EJ agrees with the rules; without a usable policy (p nil), the
// regulation's default.
func effectiveHours(p *rules.Policy) float64 {
	if p == nil {
		return mutasi.DefaultEffectiveHours
	}
	// Params hold int or float64, as written in the YAML.
	switch h := p.Params["jam_kerja_efektif"].(type) {
	case int:
		if h > 0 {
			return float64(h)
		}
	case float64:
		if h > 0 {
			return h
		}
	}
	return mutasi.DefaultEffectiveHours
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
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
