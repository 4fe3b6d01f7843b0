package rules

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeRunes is the rune-by-rune definition normalizeInto must match.
func normalizeRunes(s string) string {
	var buf []byte
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return string(buf)
}

func TestNormalizeMatchesRuneDefinition(t *testing.T) {
	for _, in := range []string{
		"", " ", "Teknik Informatika", "  Teknik\tInformatika  ", "TEKNIK\r\n\v\fINFORMATIKA",
		"Ilmu\u00a0Hukum", "Ilmu\u0085Hukum", "ÉCOLE  Supérieure", "Ilmu Hukum\u2003", "İstanbul Ünİ",
		"a\x80b", "Sastra Inggris ", "\tKeperawatan", "S1 Ilmu  Komunikasi\u3000(Jurnalistik)",
	} {
		got := string(normalizeInto(nil, in))
		if want := normalizeRunes(in); got != want {
			t.Errorf("normalizeInto(%q) = %q, want %q", in, got, want)
		}
	}
}
