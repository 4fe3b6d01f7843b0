package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// webhookRecorder is a webhook endpoint that records what it receives.
type webhookRecorder struct {
	mu      sync.Mutex
	bodies  []string
	secrets []string
	types   []string
	fail    int // answer 500 to this many requests first
	got     chan struct{}
}

func (w *webhookRecorder) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.bodies = append(w.bodies, string(body))
	w.secrets = append(w.secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
	w.types = append(w.types, r.Header.Get("Content-Type"))
	if w.fail > 0 {
		w.fail--
		rw.WriteHeader(http.StatusInternalServerError)
	}
	select {
	case w.got <- struct{}{}:
	default:
	}
}

func (w *webhookRecorder) snapshot() (bodies, secrets, types []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.bodies...), append([]string(nil), w.secrets...), append([]string(nil), w.types...)
}

func TestWebhook(t *testing.T) {
	srv := newServer(t, WithWebhookRetry(5*time.Millisecond, 20*time.Millisecond))
	rec := &webhookRecorder{fail: 2, got: make(chan struct{}, 1)}
	hook := httptest.NewServer(rec) // listens on 127.0.0.1
	defer hook.Close()
	b, _ := newBot(t, srv)
	ctx := timeout(t)

	first := srv.SendText(alice, "before the webhook")
	ok, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hook.URL + "/tg", SecretToken: "s3cret-_token"})
	if !ok || err != nil {
		t.Fatalf("setWebhook: %v %v", ok, err)
	}
	if u, s := srv.Webhook(); u != hook.URL+"/tg" || s != "s3cret-_token" {
		t.Errorf("Webhook() = %q, %q", u, s)
	}
	// Meanwhile getUpdates answers 409 Conflict.
	status, a := callJSON(t, srv, "getUpdates", map[string]any{"timeout": 0})
	if status != 409 || a.OK || a.ErrorCode != 409 || !strings.Contains(a.Description, "webhook is active") {
		t.Errorf("getUpdates with a webhook: %d %+v", status, a)
	}
	second := srv.SendText(alice, "/help")

	eventually(t, "two deliveries", func() bool { return srv.Pending() == 0 })
	bodies, secrets, types := rec.snapshot()
	// Two failed attempts at the first update, then both in order.
	if len(bodies) != 4 {
		t.Fatalf("webhook got %d requests: %q", len(bodies), bodies)
	}
	var ids []int64
	for i, body := range bodies {
		var u models.Update
		if err := json.Unmarshal([]byte(body), &u); err != nil {
			t.Fatalf("webhook body %q: %v", body, err)
		}
		ids = append(ids, u.ID)
		if secrets[i] != "s3cret-_token" || types[i] != "application/json" {
			t.Errorf("request %d: secret %q, content type %q", i, secrets[i], types[i])
		}
		if i == 3 && (u.Message == nil || u.Message.Text != "/help" || len(u.Message.Entities) != 1) {
			t.Errorf("last update = %s", body)
		}
	}
	if ids[0] != first || ids[1] != first || ids[2] != first || ids[3] != second {
		t.Errorf("delivered ids %v, want %d three times then %d", ids, first, second)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hook.URL+"/tg" || info.LastErrorMessage == "" || info.PendingUpdateCount != 0 {
		t.Errorf("getWebhookInfo = %+v, %v", info, err)
	}

	// After deleteWebhook, updates wait for getUpdates again.
	if _, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil {
		t.Fatal(err)
	}
	third := srv.SendText(alice, "polling again")
	status, a = callJSON(t, srv, "getUpdates", map[string]any{"timeout": 1})
	var got []models.Update
	_ = json.Unmarshal(a.Result, &got)
	if status != 200 || len(got) != 1 || got[0].ID != third {
		t.Errorf("getUpdates after deleteWebhook: %d %s", status, a.Result)
	}
}

func TestCloseWithHungWebhook(t *testing.T) {
	srv, err := NewServer(testToken)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	reached := make(chan struct{}, 1)
	hook := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		reached <- struct{}{}
		<-release
	}))
	defer hook.Close()
	defer close(release)
	if status, a := callJSON(t, srv, "setWebhook", map[string]any{"url": hook.URL}); status != 200 {
		t.Fatalf("setWebhook: %+v", a)
	}
	srv.SendText(alice, "x")
	select {
	case <-reached:
	case <-timeout(t).Done():
		t.Fatal("the webhook got nothing")
	}
	start := time.Now()
	srv.Close()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %v with a delivery hanging", d)
	}
}

// TestWebhookWithClient runs go-telegram/bot in webhook mode behind the fake.
func TestWebhookWithClient(t *testing.T) {
	srv := newServer(t)
	b, _ := newBot(t, srv, bot.WithWebhookSecretToken("tok"))
	b.RegisterHandler(bot.HandlerTypeMessageText, "", bot.MatchTypePrefix, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "echo " + u.Message.Text})
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); b.StartWebhook(ctx) }()
	defer func() { cancel(); <-done }()
	hook := httptest.NewServer(b.WebhookHandler())
	defer hook.Close()
	if _, err := b.SetWebhook(timeout(t), &bot.SetWebhookParams{URL: hook.URL, SecretToken: "tok"}); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"a", "b", "c"} {
		srv.SendText(alice, text)
	}
	msgs, err := srv.WaitMessages(timeout(t), alice.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range msgs {
		texts = append(texts, m.Text)
	}
	// The handlers run concurrently: the order of the replies is not guaranteed.
	joined := strings.Join(texts, ",")
	for _, want := range []string{"echo a", "echo b", "echo c"} {
		if !strings.Contains(joined, want) {
			t.Errorf("replies %q lack %q", texts, want)
		}
	}
}

func TestLongPollReturnsOnClose(t *testing.T) {
	t.Run("raw", func(t *testing.T) {
		srv, err := NewServer(testToken)
		if err != nil {
			t.Fatal(err)
		}
		type answer struct {
			status int
			a      apiAnswer
			err    error
		}
		polled := make(chan answer, 1)
		go func() {
			status, a, err := tryCallJSON(srv, "getUpdates", map[string]any{"timeout": 50})
			polled <- answer{status, a, err}
		}()
		eventually(t, "the long poll", func() bool { return srv.Calls("getUpdates") == 1 })
		start := time.Now()
		srv.Close()
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("Close took %v", d)
		}
		select {
		case got := <-polled:
			if got.err != nil || got.status != 200 || string(got.a.Result) != "[]" {
				t.Errorf("the long poll ended by Close: %d %+v %v", got.status, got.a, got.err)
			}
		case <-time.After(3 * time.Second):
			t.Fatal("the long poll did not return on Close")
		}
		if _, err := srv.WaitMessages(context.Background(), 1, 1); !errors.Is(err, ErrClosed) {
			t.Errorf("WaitMessages after Close: %v", err)
		}
		events, _ := srv.Subscribe(1)
		if _, open := <-events; open {
			t.Error("Subscribe after Close gave an open channel")
		}
	})
	t.Run("client", func(t *testing.T) {
		srv, err := NewServer(testToken)
		if err != nil {
			t.Fatal(err)
		}
		b, log := newBot(t, srv)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		botDone := make(chan struct{})
		go func() { defer close(botDone); b.Start(ctx) }()
		eventually(t, "the client's long poll", func() bool { return srv.Calls("getUpdates") == 1 })
		srv.Close()
		// The poll returned at once: the client's next one finds the port closed.
		eventually(t, "the client's next poll to fail", func() bool { return len(log.all()) > 0 })
		cancel()
		select {
		case <-botDone:
		case <-time.After(10 * time.Second):
			t.Fatal("the client did not stop")
		}
	})
}

func TestGetUpdatesOffsetsAndConflict(t *testing.T) {
	srv := newServer(t)
	ids := []int64{srv.SendText(alice, "1"), srv.SendText(alice, "2"), srv.SendText(alice, "3")}
	if ids[0] != 1 || ids[1] != 2 || ids[2] != 3 {
		t.Errorf("update ids %v, want 1 2 3", ids)
	}
	get := func(params map[string]any) []models.Update {
		t.Helper()
		status, a := callJSON(t, srv, "getUpdates", params)
		if status != 200 {
			t.Fatalf("getUpdates: %d %+v", status, a)
		}
		var us []models.Update
		if err := json.Unmarshal(a.Result, &us); err != nil {
			t.Fatal(err)
		}
		return us
	}
	if us := get(map[string]any{"limit": 2}); len(us) != 2 || us[0].ID != 1 || us[1].Message.ID != 2 {
		t.Errorf("limit 2: %+v", us)
	}
	if us := get(map[string]any{"offset": 2}); len(us) != 2 || us[0].ID != 2 {
		t.Errorf("offset 2: %+v", us)
	}
	if srv.Pending() != 2 {
		t.Errorf("Pending after confirming update 1 = %d", srv.Pending())
	}
	if us := get(map[string]any{"offset": -1}); len(us) != 1 || us[0].ID != 3 {
		t.Errorf("offset -1: %+v", us)
	}
	if us := get(map[string]any{"offset": 4}); len(us) != 0 || srv.Pending() != 0 {
		t.Errorf("offset 4: %+v, pending %d", us, srv.Pending())
	}

	// A second long poll ends the first with 409, as Telegram does.
	first := make(chan apiAnswer, 1)
	go func() {
		_, a, _ := tryCallJSON(srv, "getUpdates", map[string]any{"offset": 4, "timeout": 30})
		first <- a
	}()
	eventually(t, "the first poll", func() bool { return srv.Calls("getUpdates") == 5 })
	second := make(chan apiAnswer, 1)
	go func() {
		_, a, _ := tryCallJSON(srv, "getUpdates", map[string]any{"offset": 4, "timeout": 30})
		second <- a
	}()
	select {
	case a := <-first:
		if a.ErrorCode != 409 || !strings.Contains(a.Description, "terminated by other getUpdates request") {
			t.Errorf("the first poll: %+v", a)
		}
	case <-timeout(t).Done():
		t.Fatal("the first poll was not ended")
	}
	// The second poll gets the next update as soon as it comes.
	id := srv.SendText(alice, "4")
	select {
	case a := <-second:
		var us []models.Update
		_ = json.Unmarshal(a.Result, &us)
		if len(us) != 1 || us[0].ID != id {
			t.Errorf("the second poll: %+v", a)
		}
	case <-timeout(t).Done():
		t.Fatal("the second poll did not return the update")
	}
}

func TestAllowedUpdates(t *testing.T) {
	srv := newServer(t)
	status, _ := callJSON(t, srv, "getUpdates", map[string]any{"allowed_updates": []string{"callback_query"}})
	if status != 200 {
		t.Fatal(status)
	}
	srv.SendText(alice, "dropped: not allowed")
	id := srv.PressButton(alice, 1, "x")
	_, a := callJSON(t, srv, "getUpdates", map[string]any{})
	var us []models.Update
	_ = json.Unmarshal(a.Result, &us)
	if len(us) != 1 || us[0].ID != id || us[0].CallbackQuery == nil || us[0].CallbackQuery.Message.Type != models.MaybeInaccessibleMessageTypeInaccessibleMessage {
		t.Errorf("updates = %s", a.Result)
	}
}

func TestRequestEncodings(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	base := srv.URL + "/bot" + srv.Token() + "/"

	// JSON with reply_markup as an object.
	status, a := callJSON(t, srv, "sendMessage", map[string]any{
		"chat_id": alice.ID, "text": "json",
		"reply_markup": map[string]any{"inline_keyboard": [][]map[string]any{{{"text": "A", "callback_data": "a"}}}},
	})
	if status != 200 || !a.OK {
		t.Fatalf("JSON: %d %+v", status, a)
	}
	// x-www-form-urlencoded with reply_markup as a JSON string; method names are case-insensitive.
	status, a = post(t, base+"SENDMESSAGE", "application/x-www-form-urlencoded",
		`chat_id=501&text=form&reply_markup=%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22B%22%2C%22url%22%3A%22https%3A%2F%2Fexample.org%22%7D%5D%5D%7D`)
	if status != 200 || !a.OK {
		t.Fatalf("form: %d %+v", status, a)
	}
	// The query string.
	resp, err := http.Get(base + "sendMessage?chat_id=501&text=query")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET with a query: %d", resp.StatusCode)
	}
	msgs := srv.Messages(alice.ID)
	if len(msgs) != 3 || msgs[0].Keyboard[0][0].CallbackData != "a" || msgs[1].Keyboard[0][0].URL != "https://example.org" || msgs[2].Text != "query" {
		t.Errorf("messages = %+v", msgs)
	}
	if msgs[0].ID != 1 || msgs[1].ID != 2 || msgs[2].ID != 3 {
		t.Errorf("ids %d %d %d", msgs[0].ID, msgs[1].ID, msgs[2].ID)
	}

	for _, tc := range []struct {
		url    string
		status int
		desc   string
	}{
		{srv.URL + "/bot999:other/getMe", 401, "Unauthorized"},
		{srv.URL + "/getMe", 401, "Unauthorized"},
		{base + "noSuchMethod", 404, "Not Found"},
		{base + "test/getMe", 404, "Not Found"},
	} {
		status, a := post(t, tc.url, "application/json", "{}")
		if status != tc.status || a.OK || a.ErrorCode != tc.status || a.Description != tc.desc {
			t.Errorf("%s: %d %+v", tc.url, status, a)
		}
	}
	status, a = post(t, base+"sendMessage", "application/json", `{"chat_id":`)
	if status != 400 || a.OK {
		t.Errorf("malformed JSON: %d %+v", status, a)
	}
}

func TestUnconfirmHandsConfirmedUpdatesOutAgain(t *testing.T) {
	srv := newServer(t)
	first := srv.SendText(alice, "satu")
	second := srv.SendText(alice, "dua")
	ids := func(offset int64) []int64 {
		t.Helper()
		_, a := callJSON(t, srv, "getUpdates", map[string]any{"offset": offset, "timeout": 0})
		var ups []struct {
			ID int64 `json:"update_id"`
		}
		if err := json.Unmarshal(a.Result, &ups); err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, u := range ups {
			out = append(out, u.ID)
		}
		return out
	}
	if got := ids(second + 1); len(got) != 0 || srv.Pending() != 0 {
		t.Fatalf("after confirming both: %v, %d pending", got, srv.Pending())
	}
	if n := srv.Unconfirm(1); n != 1 {
		t.Fatalf("Unconfirm(1) put back %d", n)
	}
	if got := ids(0); len(got) != 1 || got[0] != second {
		t.Errorf("handed out again %v, want [%d]", got, second)
	}
	if n := srv.Unconfirm(5); n != 1 {
		t.Errorf("Unconfirm(5) with one confirmed update left put back %d", n)
	}
	if got := ids(0); len(got) != 2 || got[0] != first || got[1] != second {
		t.Errorf("after the second Unconfirm: %v, want [%d %d]", got, first, second)
	}
}
