package rules

import (
	"sort"
	"strings"
)

// Lint reports what is legal but probably wrong in a compiled policy:
// params nobody reads, weights that do not make sense, expressions that fall
// back to the slow path. Problems that make a policy unusable (duplicate
// ids, unknown params, bad severities) are compile errors, reported by
// Compile with their position.
func (p *Policy) Lint() []Problem {
	var out problemList
	used := map[string]bool{}
	var progs []*program
	for _, r := range p.Rules {
		progs = append(progs, r.when, r.require, r.warnUnless)
		for _, t := range []*template{r.message, r.messageFailed} {
			if t == nil {
				continue
			}
			for _, part := range t.parts {
				progs = append(progs, part.prog)
			}
		}
	}
	for _, t := range p.Terms {
		progs = append(progs, t.value, t.when)
	}
	factsUsed := false
	for _, prog := range progs {
		if prog == nil {
			continue
		}
		for _, rp := range prog.paths {
			if rp.root == rootParams {
				used[rp.field] = true
			}
			if rp.field == "ej" || rp.field == "bup" {
				factsUsed = true
			}
		}
		if strings.Contains(prog.text, "bup(") {
			factsUsed = true
		}
	}
	for _, ps := range p.paramSpecs {
		if used[ps.name] || (factsUsed && isFactParam(ps.name)) {
			continue
		}
		out.add(ps.src.name, ps.node, msgLintUnusedParam, ps.name)
	}
	var total float64
	for _, t := range p.Terms {
		total += t.Weight // never negative: Compile refuses that
	}
	for _, t := range p.Terms {
		switch {
		case t.Weight == 0:
			out.addAt(t.File, t.weightLine, t.weightCol, msgLintZeroWeight, t.ID)
		case len(p.Terms) > 1 && total > 0 && t.Weight > total/2:
			out.addAt(t.File, t.weightLine, t.weightCol, msgLintDominant, t.ID, t.Weight, total)
		}
	}
	if len(p.Terms) > 0 && total == 0 {
		out.addAt(p.Terms[0].File, p.Terms[0].Line, 0, msgLintNoWeight)
	}
	if p.Reference == nil && len(p.Files) > 0 {
		out.addAt(p.Files[0], 0, 0, msgLintNoReference, ReferenceFile)
	}
	for _, r := range p.Rules {
		for _, prog := range []*program{r.when, r.require, r.warnUnless} {
			if prog != nil && !prog.hasFast {
				line, col := prog.src.src.locate(prog.src.node, prog.src.base)
				out.addAt(prog.src.src.name, line, col, msgLintFallback, "aturan "+r.ID, "fitur di luar jalur cepat")
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func isFactParam(name string) bool {
	for _, n := range factParamNames() {
		if n == name {
			return true
		}
	}
	return false
}
