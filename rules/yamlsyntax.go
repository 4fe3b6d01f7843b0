package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 reports a syntax error as English text with at most a line, and
// for parser errors that line is the 0-based line where the broken block
// or bracket began (or, when that is line 1, of the problem itself). It
// gives no column. yamlSyntax turns the known errors into Indonesian and
// finds the position in the source: the unclosed bracket or quote, the line
// whose indentation fits no enclosing block, the colon or character that
// may not stand where it does. What it does not know keeps yaml's text,
// after an Indonesian lead, at the first character of the reported line.

var yamlErrRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlSyntax returns the problem of a file that yaml.v3 cannot parse.
func yamlSyntax(file string, data []byte, err error) Problem {
	msg := err.Error()
	line := 0
	if m := yamlErrRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	src := splitLines(data)
	p := Problem{File: file}
	set := func(l, c int, format string, args ...any) Problem {
		p.Line, p.Column = l, c
		p.Message = fmt.Sprintf(format, args...)
		return p
	}
	switch {
	case strings.HasPrefix(msg, "did not find expected ',' or ']'"),
		strings.HasPrefix(msg, "did not find expected ',' or '}'"):
		open, shut := byte('['), "]"
		if strings.HasSuffix(msg, "'}'") {
			open, shut = '{', "}"
		}
		l := src.clamp(line + 1) // parser error: 0-based line of the bracket
		return set(l, src.unclosed(l, open), msgYAMLUnclosedBracket, string(open), shut)
	case strings.HasPrefix(msg, "did not find expected node content"):
		l := src.clamp(line + 1)
		if c := src.unclosed(l, '['); c > 0 {
			return set(l, c, msgYAMLUnclosedBracket, "[", "]")
		}
		if c := src.unclosed(l, '{'); c > 0 {
			return set(l, c, msgYAMLUnclosedBracket, "{", "}")
		}
		return set(l, src.firstChar(l), msgYAMLNoValue)
	case strings.HasPrefix(msg, "did not find expected '-' indicator"):
		start := src.clamp(line + 1)
		if l, c := src.misindentedInList(start); l > 0 {
			return set(l, c, msgYAMLIndentList, start)
		}
		return set(start, src.firstChar(start), msgYAMLIndentList, start)
	case strings.HasPrefix(msg, "did not find expected key"):
		start := src.clamp(line + 1)
		if l, c := src.misplacedInMapping(start); l > 0 {
			return set(l, c, msgYAMLIndentKey, start)
		}
		return set(start, src.firstChar(start), msgYAMLIndentKey, start)
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		l := src.clamp(line)
		return set(l, src.strayColon(l), msgYAMLColon)
	case strings.Contains(msg, "tab character"):
		l, c := src.tab(line)
		return set(l, c, msgYAMLTab)
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		l := src.clamp(line)
		c, r := src.badTokenStart(l)
		if r == '\t' {
			return set(l, c, msgYAMLTab)
		}
		if c == 0 {
			return set(l, src.firstChar(l), msgYAMLSyntax, msg)
		}
		return set(l, c, msgYAMLBadStart, string(r))
	case strings.HasPrefix(msg, "found unexpected end of stream"):
		l := src.clamp(line)
		if c, q := src.openQuote(l); c > 0 {
			return set(l, c, msgYAMLUnclosedQuote, string(q))
		}
		return set(l, src.firstChar(l), msgYAMLEndOfFile)
	case strings.HasPrefix(msg, "found unknown escape character"):
		if l, c, esc := src.badEscape(line); l > 0 {
			return set(l, c, msgYAMLEscape, esc)
		}
	case strings.HasPrefix(msg, "block sequence entries are not allowed"):
		l := src.clamp(line)
		return set(l, src.inlineDash(l), msgYAMLDash)
	case strings.HasPrefix(msg, "unknown anchor "):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		l, c := src.find("*" + name)
		return set(l, c, msgYAMLAnchor, name, name)
	case strings.HasPrefix(msg, "control characters are not allowed"):
		l, c, r := src.control()
		return set(l, c, msgYAMLControl, r)
	case strings.Contains(msg, "UTF-8"), strings.Contains(msg, "UTF-16"):
		l, c := src.notUTF8()
		return set(l, c, msgYAMLNotUTF8)
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return set(0, 0, msgYAMLSyntax, strings.Join(te.Errors, "; "))
	}
	l := line
	if strings.HasPrefix(msg, "did not find expected") {
		l++ // a parser error's line is 0-based
	}
	l = src.clamp(l)
	return set(l, src.firstChar(l), msgYAMLSyntax, msg)
}

// lines is a file split into lines of runes (1-based access through at).
type lines [][]rune

func splitLines(data []byte) lines {
	var ls lines
	for _, l := range strings.Split(string(data), "\n") {
		ls = append(ls, []rune(strings.TrimSuffix(l, "\r")))
	}
	return ls
}

func (s lines) at(l int) []rune {
	if l < 1 || l > len(s) {
		return nil
	}
	return s[l-1]
}

// clamp keeps l on a line with content: a line past the end (yaml's
// end-of-file mark) becomes the last line that has any.
func (s lines) clamp(l int) int {
	if l >= 1 && l <= len(s) && !blankLine(s.at(l)) {
		return l
	}
	if l < 1 {
		return 1
	}
	for k := min(l, len(s)); k >= 1; k-- {
		if !blankLine(s.at(k)) {
			return k
		}
	}
	return 1
}

func blankLine(r []rune) bool { return strings.TrimSpace(string(r)) == "" }

// significant reports whether a line holds more than blanks or a comment.
func significant(r []rune) bool {
	t := strings.TrimSpace(string(r))
	return t != "" && !strings.HasPrefix(t, "#")
}

func indent(r []rune) int {
	n := 0
	for n < len(r) && r[n] == ' ' {
		n++
	}
	return n
}

// firstChar is the column of the first character of line l that is not a
// space, or 1.
func (s lines) firstChar(l int) int {
	r := s.at(l)
	if i := indent(r); i < len(r) {
		return i + 1
	}
	return 1
}

// plain walks line l outside quotes and comments, calling fn with each
// rune's index; fn returns false to stop.
func (s lines) plain(l int, fn func(i int, r []rune) bool) {
	r := s.at(l)
	var quote rune
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				if quote == '\'' && i+1 < len(r) && r[i+1] == '\'' {
					i++
					continue
				}
				quote = 0
			}
		case (c == '"' || c == '\'') && tokenStart(r, i):
			quote = c
		case c == '#' && (i == 0 || r[i-1] == ' ' || r[i-1] == '\t'):
			return
		default:
			if !fn(i, r) {
				return
			}
		}
	}
}

// tokenStart reports whether a value may begin at r[i]: at the start of
// the line's content, or after ": ", "- ", "? ", "[", "{" or ",".
func tokenStart(r []rune, i int) bool {
	j := i - 1
	for j >= 0 && r[j] == ' ' {
		j--
	}
	if j < 0 {
		return true
	}
	switch r[j] {
	case '[', '{', ',':
		return true
	case ':', '-', '?':
		return j+1 < i // followed by a space
	}
	return false
}

// unclosed is the column of the last bracket open on line l that the line
// does not close, or 0.
func (s lines) unclosed(l int, open byte) int {
	shut := ']'
	if open == '{' {
		shut = '}'
	}
	var stack []int
	s.plain(l, func(i int, r []rune) bool {
		switch r[i] {
		case rune(open):
			stack = append(stack, i)
		case shut:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		return true
	})
	if len(stack) == 0 {
		return 0
	}
	return stack[len(stack)-1] + 1
}

// misindentedInList finds, below the block list whose first "- " is on
// line start, the first line that fits neither the dashes' column nor the
// indentation of its item's content.
func (s lines) misindentedInList(start int) (int, int) {
	r := s.at(start)
	dash := indent(r)
	if dash >= len(r) || r[dash] != '-' {
		return 0, 0
	}
	content := itemContent(r, dash)
	for l := start + 1; l <= len(s); l++ {
		r := s.at(l)
		if !significant(r) {
			continue
		}
		i := indent(r)
		switch {
		case i < dash:
			return 0, 0
		case i == dash && r[i] == '-':
			content = itemContent(r, dash)
		case i == dash:
			return l, i + 1
		case content < 0:
			content = i
		case i < content:
			return l, i + 1
		}
	}
	return 0, 0
}

// itemContent is the column (0-based) where the content of a list item
// that starts with a dash at dash begins, or -1 when it starts on the next
// line.
func itemContent(r []rune, dash int) int {
	for i := dash + 1; i < len(r); i++ {
		if r[i] != ' ' && r[i] != '-' {
			if r[i] == '#' {
				return -1
			}
			return i
		}
	}
	return -1
}

// misplacedInMapping finds, below the mapping whose first key is on line
// start, the first line at the keys' column that is a list item: a "- "
// where a key was expected.
func (s lines) misplacedInMapping(start int) (int, int) {
	r := s.at(start)
	key := itemContent(r, indent(r)-1) // skips any "- " before the key
	if key < 0 {
		return 0, 0
	}
	listAllowed := false // a key with no value may take a list at its own column
	for l := start; l <= len(s); l++ {
		r := s.at(l)
		if !significant(r) {
			continue
		}
		i := indent(r)
		if l == start {
			i = key
		}
		switch {
		case i < key:
			return 0, 0
		case i > key:
			continue
		case r[i] == '-' && !listAllowed:
			return l, i + 1
		case r[i] != '-':
			t := strings.TrimSpace(string(r[i:]))
			listAllowed = strings.HasSuffix(t, ":")
		}
	}
	return 0, 0
}

// strayColon is the column of the ": " that yaml refused on line l: the
// second one on the line when there are two (a value with a colon), else
// the first (a key under a plain value).
func (s lines) strayColon(l int) int {
	var cols []int
	s.plain(l, func(i int, r []rune) bool {
		if r[i] == ':' && (i+1 == len(r) || r[i+1] == ' ') {
			cols = append(cols, i+1)
		}
		return len(cols) < 2
	})
	switch len(cols) {
	case 0:
		return s.firstChar(l)
	case 1:
		return cols[0]
	}
	return cols[1]
}

// tab finds the first tab in an indentation, from line near on (yaml names
// the line before it at times), else anywhere.
func (s lines) tab(near int) (int, int) {
	for _, from := range []int{max(near-1, 1), 1} {
		for l := from; l <= len(s); l++ {
			r := s.at(l)
			for i, c := range r {
				if c == '\t' {
					return l, i + 1
				}
				if c != ' ' && c != '-' {
					break
				}
			}
		}
	}
	return s.clamp(near), 1
}

// badTokenStart finds a value on line l that starts with a character YAML
// reserves (@, `) or with a tab.
func (s lines) badTokenStart(l int) (int, rune) {
	col, found := 0, rune(0)
	s.plain(l, func(i int, r []rune) bool {
		if (r[i] == '@' || r[i] == '`' || r[i] == '\t') && tokenStart(r, i) {
			col, found = i+1, r[i]
			return false
		}
		return true
	})
	return col, found
}

// openQuote finds the quote on line l that opens a value and is not closed
// on the line.
func (s lines) openQuote(l int) (int, rune) {
	r := s.at(l)
	var quote rune
	start := 0
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0 && c == quote:
			if quote == '\'' && i+1 < len(r) && r[i+1] == '\'' {
				i++
				continue
			}
			quote = 0
		case quote == 0 && (c == '"' || c == '\'') && tokenStart(r, i):
			quote, start = c, i
		case quote == 0 && c == '#' && i > 0 && r[i-1] == ' ':
			return 0, 0
		}
	}
	if quote == 0 {
		return 0, 0
	}
	return start + 1, quote
}

// yamlEscapes are the characters that may follow a backslash in a
// double-quoted YAML scalar.
const yamlEscapes = "0abt\tnvfre \"/\\N_LPxuU"

// badEscape finds the first backslash in double quotes, from line from on,
// that starts no YAML escape.
func (s lines) badEscape(from int) (int, int, string) {
	inQuote := false
	for l := max(from, 1); l <= len(s); l++ {
		r := s.at(l)
		for i := 0; i < len(r); i++ {
			c := r[i]
			switch {
			case inQuote && c == '\\':
				if i+1 < len(r) && !strings.ContainsRune(yamlEscapes, r[i+1]) {
					return l, i + 1, string(r[i : i+2])
				}
				i++
			case c == '"' && (inQuote || tokenStart(r, i)):
				inQuote = !inQuote
			}
		}
	}
	return 0, 0, ""
}

// inlineDash is the column of a "- " that follows a key on line l.
func (s lines) inlineDash(l int) int {
	col := 0
	s.plain(l, func(i int, r []rune) bool {
		if r[i] == '-' && i > indent(r) && (i+1 == len(r) || r[i+1] == ' ') && tokenStart(r, i) {
			col = i + 1
			return false
		}
		return true
	})
	if col == 0 {
		return s.firstChar(l)
	}
	return col
}

// find is the position of the first occurrence of text.
func (s lines) find(text string) (int, int) {
	for l := 1; l <= len(s); l++ {
		if i := strings.Index(string(s.at(l)), text); i >= 0 {
			return l, utf8.RuneCountInString(string(s.at(l))[:i]) + 1
		}
	}
	return 0, 0
}

// control finds the first control character other than tab and line
// breaks.
func (s lines) control() (int, int, string) {
	for l := 1; l <= len(s); l++ {
		for i, c := range s.at(l) {
			if c != '\t' && c != '\r' && c != 0x85 && unicode.IsControl(c) {
				return l, i + 1, strconv.QuoteRune(c)
			}
		}
	}
	return 0, 0, ""
}

// notUTF8 finds the first byte that is not UTF-8.
func (s lines) notUTF8() (int, int) {
	for l := 1; l <= len(s); l++ {
		for i, c := range s.at(l) {
			if c == utf8.RuneError {
				return l, i + 1
			}
		}
	}
	return 0, 0
}
