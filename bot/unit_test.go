package bot

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWebhookRefusesAWrongSecretBeforeReadingTheUpdate(t *testing.T) {
	reached := 0
	h := Webhook("rahasia-123", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached++ }))
	for _, tc := range []struct {
		method, secret string
		want           int
	}{
		{"POST", "", http.StatusUnauthorized},
		{"POST", "rahasia-12", http.StatusUnauthorized},
		{"POST", "rahasia-1234", http.StatusUnauthorized},
		{"POST", "RAHASIA-123", http.StatusUnauthorized},
		{"GET", "rahasia-123", http.StatusMethodNotAllowed},
		{"POST", "rahasia-123", http.StatusOK},
	} {
		req := httptest.NewRequest(tc.method, "/tg", strings.NewReader(`{"update_id":1}`))
		if tc.secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", tc.secret)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("%s with secret %q: %d, want %d", tc.method, tc.secret, rec.Code, tc.want)
		}
	}
	if reached != 1 {
		t.Errorf("the library saw %d requests, want only the one with the right secret", reached)
	}
	// No secret configured: nothing passes (a webhook without a secret is
	// open to anyone who finds the URL).
	open := Webhook("", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached++ }))
	rec := httptest.NewRecorder()
	open.ServeHTTP(rec, httptest.NewRequest("POST", "/tg", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("empty secret: %d, want 401", rec.Code)
	}
}

func TestSplitKeepsMessagesUnderTelegramsLimit(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("<b>baris</b> panjang yang berulang-ulang — ✅ " + strings.Repeat("é", 10) + "\n")
	}
	b.WriteString(strings.Repeat("x", 9000)) // one endless line
	parts := split(b.String())
	if len(parts) < 3 {
		t.Fatalf("%d parts", len(parts))
	}
	total := 0
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n > 4096 || n == 0 {
			t.Errorf("a part of %d characters", n)
		}
		if strings.Count(p, "<b>") != strings.Count(p, "</b>") {
			t.Errorf("a part cuts a tag: %q…", p[:40])
		}
		total += strings.Count(p, "baris")
	}
	if total != 400 {
		t.Errorf("%d lines arrived, want 400", total)
	}
	if got := split("pendek"); len(got) != 1 || got[0] != "pendek" {
		t.Errorf("a short message: %v", got)
	}
}

func TestSplitCommandStripsTheBotName(t *testing.T) {
	for _, tc := range []struct{ in, cmd, arg string }{
		{"/cek", "cek", ""},
		{"/cek@mutasi_bot", "cek", ""},
		{"/REKOMENDASI@mutasi_bot  perawat ahli ", "rekomendasi", "perawat ahli"},
		{"/start abc-DEF_1", "start", "abc-DEF_1"},
		{"/", "", ""},
	} {
		cmd, arg := splitCommand(tc.in)
		if cmd != tc.cmd || arg != tc.arg {
			t.Errorf("%q: %q %q, want %q %q", tc.in, cmd, arg, tc.cmd, tc.arg)
		}
	}
}

func TestButtonsMeanOnlyWhatTheStateRemembers(t *testing.T) {
	var st state
	n1 := st.remember([]string{"cek_ke:A", "batal"})
	if got := st.action(n1 + ":1"); got != "batal" {
		t.Errorf("remembered button: %q", got)
	}
	for _, data := range []string{n1 + ":2", n1 + ":-1", n1, "ffffffff:0", n1 + ":x", ""} {
		if got := st.action(data); got != "" {
			t.Errorf("%q means %q, want nothing", data, got)
		}
	}
	for i := 0; i < maxKeyboards; i++ {
		st.remember([]string{"x"})
	}
	if got := st.action(n1 + ":0"); got != "" {
		t.Errorf("a keyboard %d keyboards ago still works: %q", maxKeyboards, got)
	}
	round := decodeState(st.encode())
	if len(round.Keys) != maxKeyboards {
		t.Errorf("state round trip keeps %d keyboards", len(round.Keys))
	}
	if decodeState("{rusak").Flow != "" {
		t.Error("a damaged state is not a fresh one")
	}
}
