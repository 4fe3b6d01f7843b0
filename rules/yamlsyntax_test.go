package rules

import (
	"errors"
	"strings"
	"testing"
)

// A YAML syntax error is one problem, in Indonesian, at the line and column
// where the file goes wrong; nothing that follows from the file not being
// read ("belum menyebut name") is added to it.
func TestYAMLSyntaxErrorsArePositionedInIndonesian(t *testing.T) {
	header := "name: uji\nversion: \"1\"\neffective: 2026-01-01\n"
	tests := []struct {
		name      string
		policy    string
		want      string
		line, col int
	}{
		{"key indented between list levels",
			testHeader + "  - id: r1\n   title: Uji\n",
			"indentasi", 8, 4},
		{"key at the level of the list dashes",
			testHeader + "  - id: r1\n    title: Uji\n  basis: PP\n",
			"indentasi", 9, 3},
		{"colon inside an unquoted value",
			testHeader + "  - id: r1\n    title: a: b\n",
			"titik dua", 8, 13},
		{"tab in the indentation",
			testHeader + "  - id: r1\n\ttitle: Uji\n",
			"tab", 8, 1},
		{"unclosed double quote",
			testHeader + "  - id: r1\n    title: \"Uji\n    basis: PP\n",
			"petik", 8, 12},
		{"unclosed bracket",
			header + "params:\n  daftar: [a, b\n  lain: 2\nrules: []\n",
			"[", 5, 11},
		{"value that starts with @",
			testHeader + "  - id: r1\n    title: @Uji\n",
			`"@"`, 8, 12},
		{"unknown escape in double quotes",
			testHeader + "  - id: r1\n    message: \"a \\q\"\n",
			`\q`, 8, 17},
		{"alias of an unknown anchor",
			testHeader + "  - id: r1\n    title: *judul\n",
			"judul", 8, 12},
		{"list item among keys",
			header + "rules: []\n- lagi\n",
			"indentasi", 5, 1},
		{"dash after a key on the same line",
			testHeader + "  - id: r1\n    title: - Uji\n",
			`"- "`, 8, 12},
		{"control character",
			testHeader + "  - id: r1\n    title: \"U\x01ji\"\n",
			"karakter kendali", 8, 14},
		{"not UTF-8",
			testHeader + "  - id: r1\n    title: U\xffji\n",
			"UTF-8", 8, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile([]File{{Name: "uji.yaml", Data: []byte(tt.policy)}}, nil)
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v, want *LoadError", err)
			}
			if len(le.Problems) != 1 {
				t.Fatalf("%d problems, want only the syntax error:\n%v", len(le.Problems), err)
			}
			got := le.Problems[0]
			if !strings.Contains(got.Message, tt.want) || got.Line != tt.line || got.Column != tt.col {
				t.Errorf("got %s\nwant uji.yaml:%d:%d: …%s…", got, tt.line, tt.col, tt.want)
			}
			for _, english := range []string{"did not find", "mapping values", "found ", "unexpected", "character", "yaml:"} {
				if strings.Contains(got.Message, english) {
					t.Errorf("message %q is in English (%q)", got.Message, english)
				}
			}
		})
	}
}
