package telegramtest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// htmlTags maps the tags Telegram accepts with parse_mode HTML to entity types.
var htmlTags = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"span": "spoiler", "tg-spoiler": "spoiler",
	"a":          "text_link",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
	"tg-emoji":   "custom_emoji",
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// decodeHTMLEntity decodes the character reference at the start of s
// (&lt; &gt; &amp; &quot; or a numeric one, with its ';'). ok is false if s
// does not start with one.
func decodeHTMLEntity(s string) (r rune, n int, ok bool) {
	end := strings.IndexByte(s, ';')
	if len(s) < 3 || s[0] != '&' || end < 2 || end > 12 {
		return 0, 0, false
	}
	name := s[1:end]
	switch name {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0, false
	}
	var v uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		v, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		v, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || v == 0 || v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF {
		return 0, 0, false
	}
	return rune(v), end + 1, true
}

type openTag struct {
	tag, typ   string
	pos        int // byte offset of '<' in the source
	start      int // UTF-16 offset in the output
	url        string
	language   string
	emojiID    string
	expandable bool
	absorbed   bool // <code class="language-…"> inside <pre>: its language goes to the pre entity
}

// parseHTML parses a text with parse_mode HTML like Telegram does and returns the
// plain text and its entities. Errors are Telegram's "can't parse entities" reasons.
// Unlike Telegram, which prints a bare '&' as is, a '&' that does not start one of the
// supported character references is an error (an unescaped '&' is an escaping bug).
func parseHTML(text string) (string, []entity, error) {
	var out u16Builder
	var stack []openTag
	var ents []entity
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c == '&' {
			r, l, ok := decodeHTMLEntity(text[i:])
			if !ok {
				return "", nil, fmt.Errorf(`Character '&' at byte offset %d must be escaped as "&amp;"`, i)
			}
			out.WriteRune(r)
			i += l
			continue
		}
		if c != '<' {
			j := i + 1
			for j < n && text[j] != '&' && text[j] != '<' {
				j++
			}
			out.WriteString(text[i:j])
			i = j
			continue
		}
		begin := i
		i++
		if i < n && text[i] == '/' {
			i++
			if len(stack) == 0 {
				return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", begin)
			}
			nameStart := i
			for i < n && !isHTMLSpace(text[i]) && text[i] != '>' {
				i++
			}
			name := strings.ToLower(text[nameStart:i])
			for i < n && isHTMLSpace(text[i]) {
				i++
			}
			if i >= n || text[i] != '>' {
				return "", nil, fmt.Errorf("Unclosed end tag at byte offset %d", begin)
			}
			i++
			top := stack[len(stack)-1]
			if name != top.tag {
				return "", nil, fmt.Errorf(`Unmatched end tag at byte offset %d, expected "</%s>", found "</%s>"`, begin, top.tag, name)
			}
			stack = stack[:len(stack)-1]
			if top.absorbed {
				continue
			}
			if length := out.n - top.start; length > 0 {
				e := entity{Type: top.typ, Offset: top.start, Length: length}
				switch top.typ {
				case "text_link":
					e.URL = top.url
					if e.URL == "" {
						continue
					}
				case "pre":
					e.Language = top.language
				case "custom_emoji":
					e.CustomEmojiID = top.emojiID
				case "blockquote":
					if top.expandable {
						e.Type = "expandable_blockquote"
					}
				}
				ents = append(ents, e)
			}
			continue
		}

		nameStart := i
		for i < n && !isHTMLSpace(text[i]) && text[i] != '>' {
			i++
		}
		if i >= n {
			return "", nil, fmt.Errorf("Unclosed start tag at byte offset %d", begin)
		}
		name := strings.ToLower(text[nameStart:i])
		typ, ok := htmlTags[name]
		if !ok {
			return "", nil, fmt.Errorf(`Unsupported start tag "%s" at byte offset %d`, name, begin)
		}
		t := openTag{tag: name, typ: typ, pos: begin, start: out.n}
		class := ""
		for i < n && text[i] != '>' {
			for i < n && isHTMLSpace(text[i]) {
				i++
			}
			if i >= n {
				break
			}
			if text[i] == '>' {
				break
			}
			attrStart := i
			for i < n && !isHTMLSpace(text[i]) && text[i] != '=' && text[i] != '>' {
				i++
			}
			attr := strings.ToLower(text[attrStart:i])
			if attr == "" {
				return "", nil, fmt.Errorf(`Empty attribute name in the tag "%s" at byte offset %d`, name, begin)
			}
			for i < n && isHTMLSpace(text[i]) {
				i++
			}
			if i >= n {
				break
			}
			if text[i] != '=' {
				if name == "blockquote" && attr == "expandable" {
					t.expandable = true
					continue
				}
				return "", nil, fmt.Errorf(`Expected equal sign in declaration of an attribute of the tag "%s" at byte offset %d`, name, begin)
			}
			i++
			for i < n && isHTMLSpace(text[i]) {
				i++
			}
			if i >= n {
				break
			}
			var value string
			if q := text[i]; q != '"' && q != '\'' {
				tokenStart := i
				for i < n && (isAlnum(text[i]) || text[i] == '.' || text[i] == '-') {
					i++
				}
				value = strings.ToLower(text[tokenStart:i])
				if i < n && !isHTMLSpace(text[i]) && text[i] != '>' {
					return "", nil, fmt.Errorf("Unexpected end of name token at byte offset %d", i)
				}
			} else {
				i++
				var b strings.Builder
				for i < n && text[i] != q {
					if text[i] == '&' {
						if r, l, ok := decodeHTMLEntity(text[i:]); ok {
							b.WriteRune(r)
							i += l
							continue
						}
					}
					b.WriteByte(text[i])
					i++
				}
				if i >= n {
					break
				}
				i++
				value = b.String()
			}
			switch {
			case name == "a" && attr == "href":
				t.url = value
			case (name == "code" || name == "span") && attr == "class":
				class = value
			case name == "tg-emoji" && attr == "emoji-id":
				t.emojiID = value
			}
		}
		if i >= n {
			return "", nil, fmt.Errorf("Unclosed start tag at byte offset %d", begin)
		}
		i++ // '>'
		switch name {
		case "span":
			if class != "tg-spoiler" {
				return "", nil, fmt.Errorf(`Tag "span" must have class "tg-spoiler" at byte offset %d`, begin)
			}
		case "tg-emoji":
			if t.emojiID == "" {
				return "", nil, fmt.Errorf(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset %d`, begin)
			}
		case "code":
			if lang, ok := strings.CutPrefix(class, "language-"); ok && len(stack) > 0 {
				if top := &stack[len(stack)-1]; top.tag == "pre" && top.language == "" && top.start == out.n {
					top.language = lang
					t.absorbed = true
				}
			}
		}
		stack = append(stack, t)
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf(`Can't find end tag corresponding to start tag "%s"`, stack[len(stack)-1].tag)
	}
	sortEntities(ents)
	return out.b.String(), ents, nil
}

// sortEntities orders entities as Telegram returns them: by offset, longer first.
func sortEntities(ents []entity) {
	sort.SliceStable(ents, func(a, b int) bool {
		if ents[a].Offset != ents[b].Offset {
			return ents[a].Offset < ents[b].Offset
		}
		return ents[a].Length > ents[b].Length
	})
}

// markdownV2Reserved are the characters MarkdownV2 reserves: outside entity
// syntax they must be escaped with '\'.
const markdownV2Reserved = "_*[]()~`>#+-=|{}.!"

// parseMarkdownV2 parses a text with parse_mode MarkdownV2 like Telegram does:
// *bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ```lang\npre``` [text](url)
// ![emoji](tg://emoji?id=…) and '>' block quotes at line starts; any other reserved
// character must be escaped.
func parseMarkdownV2(text string) (string, []entity, error) {
	type open struct {
		typ   string
		pos   int
		start int
		lang  string
	}
	var out u16Builder
	var stack []open
	var ents []entity
	quoteStart := -1 // UTF-16 offset of the open block quote
	n := len(text)
	inCode := func() bool {
		return len(stack) > 0 && (stack[len(stack)-1].typ == "code" || stack[len(stack)-1].typ == "pre")
	}
	for i := 0; i < n; {
		atLineStart := i == 0 || text[i-1] == '\n'
		if atLineStart && !inCode() {
			if text[i] == '>' {
				if quoteStart < 0 {
					quoteStart = out.n
				}
				i++
				continue
			}
			if quoteStart >= 0 {
				// The quote ended with the previous line (its '\n' stays outside).
				if end := out.n - 1; end > quoteStart {
					ents = append(ents, entity{Type: "blockquote", Offset: quoteStart, Length: end - quoteStart})
				}
				quoteStart = -1
			}
		}
		c := text[i]
		if c == '\n' {
			out.WriteString("\n")
			i++
			continue
		}
		if c == '\\' && i+1 < n && text[i+1] > 0 && text[i+1] < 127 {
			out.WriteString(text[i+1 : i+2])
			i += 2
			continue
		}
		if !strings.ContainsRune(markdownV2Reserved, rune(c)) {
			j := i + 1
			for j < n && text[j] != '\\' && text[j] != '\n' && !strings.ContainsRune(markdownV2Reserved, rune(text[j])) {
				j++
			}
			out.WriteString(text[i:j])
			i = j
			continue
		}
		next := func(k int) byte {
			if i+k < n {
				return text[i+k]
			}
			return 0
		}
		if inCode() && c != '`' {
			out.WriteString(text[i : i+1])
			i++
			continue
		}
		// The end of the innermost entity?
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			end, width := false, 1
			switch top.typ {
			case "bold":
				end = c == '*'
			case "italic":
				end = c == '_' && next(1) != '_'
			case "underline":
				end, width = c == '_' && next(1) == '_', 2
			case "strikethrough":
				end = c == '~'
			case "spoiler":
				end, width = c == '|' && next(1) == '|', 2
			case "code":
				end = c == '`'
			case "pre":
				end, width = c == '`' && next(1) == '`' && next(2) == '`', 3
			case "text_link", "custom_emoji":
				end = c == ']'
			}
			if end {
				i += width
				stack = stack[:len(stack)-1]
				e := entity{Type: top.typ, Offset: top.start, Length: out.n - top.start, Language: top.lang}
				if top.typ == "text_link" || top.typ == "custom_emoji" {
					if i >= n || text[i] != '(' {
						return "", nil, fmt.Errorf("Can't find end of the entity starting at byte offset %d", top.pos)
					}
					i++
					var url strings.Builder
					for i < n && text[i] != ')' {
						if text[i] == '\\' && i+1 < n {
							i++
						}
						url.WriteByte(text[i])
						i++
					}
					if i >= n {
						return "", nil, fmt.Errorf("Can't find end of a url at byte offset %d", top.pos)
					}
					i++
					if top.typ == "text_link" {
						e.URL = url.String()
					} else {
						id, ok := strings.CutPrefix(url.String(), "tg://emoji?id=")
						if !ok {
							return "", nil, fmt.Errorf("Custom emoji entity must contain a tg://emoji URL")
						}
						e.CustomEmojiID = id
					}
				}
				if e.Length > 0 {
					ents = append(ents, e)
				}
				continue
			}
		}
		begin := i
		var typ string
		switch c {
		case '*':
			typ = "bold"
		case '_':
			typ = "italic"
			if next(1) == '_' {
				typ = "underline"
				i++
			}
		case '~':
			typ = "strikethrough"
		case '|':
			if next(1) == '|' {
				typ = "spoiler"
				i++
			}
		case '[':
			typ = "text_link"
		case '!':
			if next(1) == '[' {
				typ = "custom_emoji"
				i++
			}
		case '`':
			typ = "code"
			if next(1) == '`' && next(2) == '`' {
				typ = "pre"
				i += 2
			}
		}
		if typ == "" {
			return "", nil, fmt.Errorf(`Character '%c' is reserved and must be escaped with the preceding '\'`, c)
		}
		for _, o := range stack {
			if o.typ == typ {
				return "", nil, fmt.Errorf("Can't find end of the entity starting at byte offset %d", o.pos)
			}
		}
		i++
		o := open{typ: typ, pos: begin, start: out.n}
		if typ == "pre" {
			if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 {
				lang := text[i : i+nl]
				if !strings.ContainsAny(lang, " `") {
					o.lang = lang
					i += nl + 1
				}
			}
			o.start = out.n
		}
		stack = append(stack, o)
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end of the entity starting at byte offset %d", stack[len(stack)-1].pos)
	}
	if quoteStart >= 0 && out.n > quoteStart {
		ents = append(ents, entity{Type: "blockquote", Offset: quoteStart, Length: out.n - quoteStart})
	}
	sortEntities(ents)
	return out.b.String(), ents, nil
}
