package rules

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source keeps a policy file's lines so that a position inside an
// expression (a rune offset into the scalar's decoded value) can be mapped
// back to the line and column of the file.
type source struct {
	name  string
	lines [][]rune
}

func newSource(name string, data []byte) *source {
	s := &source{name: name}
	for _, l := range strings.Split(string(data), "\n") {
		s.lines = append(s.lines, []rune(strings.TrimSuffix(l, "\r")))
	}
	return s
}

// locate returns the 1-based line and column in the file of the rune at
// offset in n.Value. It walks the raw text and the decoded value side by
// side: quotes, escapes, indentation and folded line breaks exist only in
// the raw text and are skipped. Block scalars (| and >) start on the line
// after their indicator, at the block's indentation.
func (s *source) locate(n *yaml.Node, offset int) (int, int) {
	if n == nil {
		return 0, 0
	}
	line, col := n.Line-1, n.Column-1
	block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	indent := -1
	if block {
		line++
		for l := line; l < len(s.lines); l++ {
			if t := strings.TrimLeft(string(s.lines[l]), " "); t != "" {
				indent = utf8.RuneCountInString(string(s.lines[l])) - utf8.RuneCountInString(t)
				break
			}
		}
		col = max(indent, 0)
	} else if quoted {
		col++
	}
	at := func() (rune, bool) {
		if line < 0 || line >= len(s.lines) {
			return 0, false
		}
		if col >= len(s.lines[line]) {
			return '\n', true
		}
		return s.lines[line][col], true
	}
	skipIndent := func() {
		if line >= len(s.lines) {
			return
		}
		n := 0
		for col < len(s.lines[line]) && s.lines[line][col] == ' ' && (indent < 0 || n < indent) {
			col++
			n++
		}
	}
	advance := func() {
		if line < len(s.lines) && col >= len(s.lines[line]) {
			line++
			col = 0
			skipIndent()
			return
		}
		col++
	}
	val := []rune(n.Value)
	for i := 0; i < offset && i < len(val); i++ {
		v := val[i]
		for steps := 0; steps < 256; steps++ {
			r, ok := at()
			if !ok {
				return n.Line, n.Column
			}
			if r == v || ((v == ' ' || v == '\n') && r == '\n') {
				advance()
				break
			}
			advance()
		}
	}
	if line >= len(s.lines) {
		return n.Line, n.Column
	}
	return line + 1, col + 1
}
