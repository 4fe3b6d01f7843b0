package telegramtest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the Bot API, counted in UTF-16 code units as Telegram counts them
// (after entity parsing: markup does not count).
const (
	maxTextLen    = 4096
	maxCaptionLen = 1024
	maxDataLen    = 64 // callback_data, in bytes
)

// entity is a MessageEntity on the wire; offsets and lengths are in UTF-16 code units.
type entity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// formatted is a text after parse_mode processing.
type formatted struct {
	text     string
	entities []entity
}

// format applies a parse mode to a text (or caption) the way Telegram does and
// trims surrounding white space.
func format(text, parseMode string) (formatted, *apiError) {
	var f formatted
	switch strings.ToLower(parseMode) {
	case "":
		f.text = text
	case "html":
		t, ents, err := parseHTML(text)
		if err != nil {
			return f, badRequest("can't parse entities: %s", err.Error())
		}
		f.text, f.entities = t, ents
	case "markdownv2":
		t, ents, err := parseMarkdownV2(text)
		if err != nil {
			return f, badRequest("can't parse entities: %s", err.Error())
		}
		f.text, f.entities = t, ents
	case "markdown":
		f.text = text // legacy Markdown is not interpreted
	default:
		return f, badRequest("unsupported parse_mode")
	}
	return trimFormatted(f), nil
}

// trimFormatted removes leading and trailing white space, moving and cutting entities.
func trimFormatted(f formatted) formatted {
	trimmed := strings.TrimLeftFunc(f.text, unicode.IsSpace)
	lead := utf16Len(f.text[:len(f.text)-len(trimmed)])
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	if lead == 0 && len(trimmed) == len(f.text) {
		return f
	}
	n := utf16Len(trimmed)
	var ents []entity
	for _, e := range f.entities {
		start, end := e.Offset-lead, e.Offset+e.Length-lead
		start = max(start, 0)
		end = min(end, n)
		if end > start {
			e.Offset, e.Length = start, end-start
			ents = append(ents, e)
		}
	}
	return formatted{text: trimmed, entities: ents}
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isCommandByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// botCommandEntities finds the bot commands in a text as Telegram marks them:
// "/name" or "/name@botusername", 1-64 characters of [A-Za-z0-9_] after the
// slash, not glued to a word, '/', '<' or '>' on either side.
func botCommandEntities(text string) []entity {
	var ents []entity
	for i := 0; i < len(text); i++ {
		if text[i] != '/' {
			continue
		}
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if isWordRune(prev) || prev == '/' || prev == '<' || prev == '>' {
				continue
			}
		}
		j := i + 1
		for j < len(text) && isCommandByte(text[j]) {
			j++
		}
		end := j
		if j < len(text) && text[j] == '@' {
			k := j + 1
			for k < len(text) && isCommandByte(text[k]) {
				k++
			}
			if k-(j+1) >= 3 && k-(j+1) <= 32 {
				end = k
			}
		}
		name := j - (i + 1)
		if name == 0 || name > 64 {
			i = end - 1
			continue
		}
		if end < len(text) {
			next, _ := utf8.DecodeRuneInString(text[end:])
			if isWordRune(next) || next == '/' || next == '<' || next == '>' {
				i = end - 1
				continue
			}
		}
		ents = append(ents, entity{Type: "bot_command", Offset: utf16Len(text[:i]), Length: utf16Len(text[i:end])})
		i = end - 1
	}
	return ents
}

// u16Builder builds a text while counting its length in UTF-16 code units.
type u16Builder struct {
	b strings.Builder
	n int
}

func (u *u16Builder) WriteString(s string) {
	u.b.WriteString(s)
	u.n += utf16Len(s)
}

func (u *u16Builder) WriteRune(r rune) {
	u.b.WriteRune(r)
	if r >= 0x10000 {
		u.n += 2
	} else {
		u.n++
	}
}
