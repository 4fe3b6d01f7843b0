package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mutasi/mutasi"
	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong in a policy file, at a line and column of the
// YAML (1-based; 0 when the problem is with the file as a whole).
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string // Indonesian, for policy staff
}

func (p Problem) String() string {
	switch {
	case p.Line == 0:
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	case p.Column == 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
}

// LoadError rejects a policy: it lists every problem found. A policy with
// a LoadError is never used.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap lets mutasi.ErrorCode and mutasi.ErrorMessage see an EINVALID
// error with the full text: the problems are the user's to fix.
func (e *LoadError) Unwrap() error {
	return &mutasi.Error{Code: mutasi.EINVALID, Message: e.Error()}
}

// problemList collects problems while loading.
type problemList []Problem

func (l *problemList) addAt(file string, line, col int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
}

func (l *problemList) add(file string, n *yaml.Node, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	l.addAt(file, line, col, format, args...)
}

func (l problemList) err() error {
	if len(l) == 0 {
		return nil
	}
	ps := append([]Problem(nil), l...)
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return &LoadError{Problems: ps}
}

// yamlError adds the problem of a file that is not valid YAML (see
// yamlSyntax).
func (l *problemList) yamlError(file string, data []byte, err error) {
	*l = append(*l, yamlSyntax(file, data, err))
}

// unknownKey reports a key that the format does not have, suggesting the
// nearest known one.
func (l *problemList) unknownKey(file string, k *yaml.Node, known []string) {
	if s := nearest(k.Value, known); s != "" {
		l.add(file, k, msgUnknownKeySuggest, k.Value, s)
		return
	}
	l.add(file, k, msgUnknownKey, k.Value, strings.Join(known, ", "))
}

func docNode(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		return n.Content[0]
	}
	return n
}

// forEachKey calls fn for each key and value of a mapping, in file order.
func forEachKey(m *yaml.Node, fn func(k, v *yaml.Node)) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(m.Content[i], m.Content[i+1])
	}
}

// scalar returns the value of a scalar node, reporting anything else.
func scalar(file string, n *yaml.Node, errs *problemList) string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		errs.add(file, n, msgMustBeText)
		return ""
	}
	return n.Value
}

// nearest returns the candidate closest to s in edit distance, if it is
// close enough to be a likely misspelling.
func nearest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	if bestD > 4 {
		bestD = 4
	}
	for _, c := range candidates {
		if d := mutasi.EditDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD || (d == bestD && best == "" && d <= 2) {
			best, bestD = c, d
		}
	}
	if best != "" && mutasi.EditDistance(strings.ToLower(s), strings.ToLower(best)) > bestD {
		return ""
	}
	return best
}
