package quality

import (
	"unicode"
	"unicode/utf8"
)

// frontTitles are titles written before a name (academic, professional,
// religious): "dr. Rina", "H. Ahmad", "Dra. Sri".
var frontTitles = map[string]bool{
	"dr": true, "drg": true, "drh": true, "drs": true, "dra": true, "ir": true,
	"h": true, "hj": true, "prof": true, "ns": true, "apt": true,
}

// nameKey is a person's name as compared for duplicates: without the
// degree titles after the first comma ("Rina Kusumawati, A.Md.") or the
// titles before it, in lower case, with punctuation and runs of space as
// one space. Two records of one person typed by different hands have the
// same key.
func nameKey(s string) string { return string(appendNameKey(nil, s, true)) }

// appendNameKey appends the name key of s to buf without allocating, so
// that the employee pass looks names up for free. Without dropTitles,
// leading titles are kept (for a name that is nothing but titles).
func appendNameKey(buf []byte, s string, dropTitles bool) []byte {
	start := len(buf)
	word := -1 // where the current word starts in buf; -1 between words
	endWord := func() {
		// Titles come first: while nothing else is kept, a title goes.
		if dropTitles && len(buf[start:word]) == 0 && frontTitles[string(buf[word:])] {
			buf = buf[:start]
		}
		word = -1
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r == ',' {
			break // degree titles follow
		}
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		}
		if r == '\'' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') ||
			(r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			if word < 0 {
				if len(buf) > start {
					buf = append(buf, ' ')
				}
				word = len(buf)
			}
			buf = utf8.AppendRune(buf, r)
			continue
		}
		if word >= 0 {
			endWord()
		}
	}
	if word >= 0 {
		endWord()
	}
	if len(buf) == start && dropTitles {
		return appendNameKey(buf, s, false) // only titles: keep them
	}
	return buf
}
