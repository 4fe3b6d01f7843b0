package telegramtest

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseHTML(t *testing.T) {
	for _, tc := range []struct {
		in, text, ents, err string
	}{
		{in: "plain", text: "plain"},
		{in: "<b>bold</b> and <i>it</i>", text: "bold and it", ents: "bold 0 4|italic 9 2"},
		{in: "<B>upper</B>", text: "upper", ents: "bold 0 5"},
		{in: "<strong>a</strong><em>b</em><ins>c</ins><strike>d</strike><del>e</del><s>f</s><u>g</u>", text: "abcdefg",
			ents: "bold 0 1|italic 1 1|underline 2 1|strikethrough 3 1|strikethrough 4 1|strikethrough 5 1|underline 6 1"},
		{in: `<a href="https://example.org/?a=1&b=2">link</a>`, text: "link", ents: "text_link 0 4 https://example.org/?a=1&b=2"},
		{in: `<a href='x?q=&quot;'>q</a>`, text: "q", ents: `text_link 0 1 x?q="`},
		{in: `<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>`, text: "st", ents: "spoiler 0 1|spoiler 1 1"},
		{in: `<pre><code class="language-go">x := 1</code></pre>`, text: "x := 1", ents: "pre 0 6 go"},
		{in: `<code>a &lt; b</code>`, text: "a < b", ents: "code 0 5"},
		{in: `<blockquote expandable>q</blockquote><blockquote>r</blockquote>`, text: "qr", ents: "expandable_blockquote 0 1|blockquote 1 1"},
		{in: `<b>a <i>b</i></b>`, text: "a b", ents: "bold 0 3|italic 2 1"},
		{in: "&lt;&gt;&amp;&quot;&#65;&#x42;", text: `<>&"AB`},
		{in: "😀<b>x</b>", text: "😀x", ents: "bold 2 1"},
		{in: "<b></b>x", text: "x"},
		{in: "  <b> x </b>  ", text: "   x   ", ents: "bold 2 3"}, // parseHTML does not trim; format does
		{in: "a > b", text: "a > b"},

		{in: "<div>x</div>", err: `Unsupported start tag "div" at byte offset 0`},
		{in: "1 < 2", err: `Unsupported start tag "" at byte offset 2`},
		{in: "<b>x", err: `Can't find end tag corresponding to start tag "b"`},
		{in: "<b>x</i>", err: `Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`},
		{in: "<b><i>x</b></i>", err: `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{in: "x</b>", err: "Unexpected end tag at byte offset 1"},
		{in: "<b", err: "Unclosed start tag at byte offset 0"},
		{in: "<b>x</b", err: "Unclosed end tag at byte offset 4"},
		{in: `<a href="x>y`, err: "Unclosed start tag at byte offset 0"},
		{in: "<span>x</span>", err: `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{in: "<b =x>y</b>", err: `Empty attribute name in the tag "b" at byte offset 0`},
		{in: "<a href>y</a>", err: `Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0`},
		{in: "A & B", err: `Character '&' at byte offset 2 must be escaped as "&amp;"`},
		{in: "&nbsp;", err: `Character '&' at byte offset 0`},
		{in: "&#xD800;", err: `Character '&' at byte offset 0`},
	} {
		text, ents, err := parseHTML(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseHTML(%q): error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseHTML(%q): %v", tc.in, err)
			continue
		}
		if text != tc.text || entString(ents) != tc.ents {
			t.Errorf("parseHTML(%q) = %q, %q; want %q, %q", tc.in, text, entString(ents), tc.text, tc.ents)
		}
	}
}

func entString(ents []entity) string {
	var parts []string
	for _, e := range ents {
		s := fmt.Sprintf("%s %d %d", e.Type, e.Offset, e.Length)
		for _, extra := range []string{e.URL, e.Language, e.CustomEmojiID} {
			if extra != "" {
				s += " " + extra
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "|")
}

func TestParseMarkdownV2(t *testing.T) {
	for _, tc := range []struct {
		in, text, ents, err string
	}{
		{in: "plain text", text: "plain text"},
		{in: `*bold* _it_ __under__ ~del~ ||sp||`, text: "bold it under del sp",
			ents: "bold 0 4|italic 5 2|underline 8 5|strikethrough 14 3|spoiler 18 2"},
		{in: "Selesai\\. 1\\+1\\=2\\!", text: "Selesai. 1+1=2!"},
		{in: "[situs](https://example.org/a\\)b)", text: "situs", ents: "text_link 0 5 https://example.org/a)b"},
		{in: "`a.b` ```go\nx.y\n```", text: "a.b x.y\n", ents: "code 0 3|pre 4 4 go"},
		{in: ">kutipan\n>dua\nbiasa", text: "kutipan\ndua\nbiasa", ents: "blockquote 0 11"},
		{in: "*a _b_*", text: "a b", ents: "bold 0 3|italic 2 1"},

		{in: "Selesai.", err: `Character '.' is reserved and must be escaped with the preceding '\'`},
		{in: "1-2", err: `Character '-' is reserved`},
		{in: "*bold", err: "Can't find end of the entity starting at byte offset 0"},
		{in: "a ]", err: `Character ']' is reserved`},
	} {
		text, ents, err := parseMarkdownV2(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseMarkdownV2(%q): error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseMarkdownV2(%q): %v", tc.in, err)
			continue
		}
		if text != tc.text || entString(ents) != tc.ents {
			t.Errorf("parseMarkdownV2(%q) = %q, %q; want %q, %q", tc.in, text, entString(ents), tc.text, tc.ents)
		}
	}
}

func TestFormatTrims(t *testing.T) {
	f, err := format("  <b> x </b>  ", "HTML")
	if err != nil || f.text != "x" || entString(f.entities) != "bold 0 1" {
		t.Errorf("format = %q %q %v", f.text, entString(f.entities), err)
	}
}

func TestBotCommandEntities(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/start", "bot_command 0 6"},
		{"/start abc", "bot_command 0 6"},
		{"/start@mutasi_bot x", "bot_command 0 17"},
		{"/start@ab", "bot_command 0 6"}, // a username needs 3+ characters
		{"try /help now", "bot_command 4 5"},
		{"é /help", "bot_command 2 5"}, // UTF-16 offsets
		{"😀 /help", "bot_command 3 5"},
		{"a/b", ""},
		{"/a/b", ""},
		{"//x", ""},
		{"/", ""},
		{"/" + strings.Repeat("x", 65), ""},
		{"/one /two", "bot_command 0 4|bot_command 5 4"},
		{"/cek_nip 1985", "bot_command 0 8"},
	} {
		if got := entString(botCommandEntities(tc.in)); got != tc.want {
			t.Errorf("botCommandEntities(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseMarkup(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{`{"inline_keyboard":[[{"text":"a","callback_data":"x","copy_text":{"text":""}}]]}`, ""},
		{`{"inline_keyboard":[[{"text":"a","copy_text":{"text":""}}]]}`, "BUTTON_COPY_TEXT_INVALID"},
		{`{"inline_keyboard":[[{"text":"a"}]]}`, "Text buttons are unallowed in the inline keyboard"},
		{`{"inline_keyboard":[[{"text":"a","url":"not a url"}]]}`, "is invalid"},
		{`{"inline_keyboard":[[{"text":"a","url":"example.org/x"}]]}`, ""},
		{`{"inline_keyboard":[[{"text":"a","callback_data":""}]]}`, "BUTTON_DATA_INVALID"},
		{`{"inline_keyboard":{}}`, "Array of Arrays"},
		{`{"keyboard":[[{"text":"a"}]]}`, ""},
		{`{"remove_keyboard":true}`, ""},
		{`[]`, "can't parse reply keyboard markup JSON object"},
	} {
		_, err := parseMarkup(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("parseMarkup(%s): %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.description, tc.err)):
			t.Errorf("parseMarkup(%s): %v, want %q", tc.in, err, tc.err)
		}
	}
}
