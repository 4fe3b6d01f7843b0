package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
	"github.com/mutasi/mutasi/store"
)

// serveEnv is a small demo with one invitation, and a fake Bot API.
func serveEnv(t *testing.T) (map[string]string, *telegramtest.Server, string) {
	t.Helper()
	env := demoEnvN(t, 200)
	const token = "777:serve-test"
	env["TELEGRAM_BOT_TOKEN"] = token
	srv, err := telegramtest.NewServer(token)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	db, err := store.Open(context.Background(), env["MUTASI_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var nip string
	db.EachEmployee(context.Background(), func(e *mutasi.Employee) error {
		if nip == "" && e.Status == mutasi.StatusPNS {
			nip = e.NIP
		}
		return nil
	})
	code, _ := mutasi.NewInviteCode()
	if err := db.CreateInvite(context.Background(), &mutasi.Invite{Code: code, Role: mutasi.RoleASN, NIP: nip,
		ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return env, srv, code
}

// runServe runs `mutasi serve` until stop is called; it returns the exit
// status and the log.
func runServe(t *testing.T, env map[string]string, args ...string) (stop func() (int, string)) {
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), &bytes.Buffer{}, logs,
			func(k string) string { return env[k] })
	}()
	return func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, logs.String()
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop within 30 s of SIGTERM")
			return 0, ""
		}
	}
}

func TestServePollsALocalBotAPIServerAndStopsGracefully(t *testing.T) {
	env, srv, code := serveEnv(t)
	stop := runServe(t, env, "--api-url", srv.URL)
	user := telegramtest.User{ID: 4242, FirstName: "Sari"}
	srv.SendText(user, "/start "+code)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	msgs, err := srv.WaitMessages(ctx, user.ID, 2)
	if err != nil {
		t.Fatalf("no answer to /start: %v", err)
	}
	if !strings.Contains(msgs[0].Text, "Pendaftaran berhasil") {
		t.Errorf("registration answer %q", msgs[0].Text)
	}
	exit, logs := stop()
	if exit != exitOK {
		t.Errorf("serve exited %d\n%s", exit, logs)
	}
	for _, want := range []string{"mode=polling", "command=/start", "outcome=ok", "stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, "serve-test") {
		t.Errorf("the token is in the logs:\n%s", logs)
	}
}

func TestServeWebhookRefusesAWrongSecret(t *testing.T) {
	env, srv, code := serveEnv(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	stop := runServe(t, env, "--api-url", srv.URL, "--webhook-url", "https://mutasi.example.go.id/tg",
		"--listen", addr, "--webhook-secret", "Rahasia_1")
	defer stop()
	post := func(secret, body string) int {
		req, _ := http.NewRequest("POST", "http://"+addr+"/", strings.NewReader(body))
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		for i := 0; i < 100; i++ { // the listener starts with the command
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				resp.Body.Close()
				return resp.StatusCode
			}
			time.Sleep(50 * time.Millisecond)
			req, _ = http.NewRequest("POST", "http://"+addr+"/", strings.NewReader(body))
			if secret != "" {
				req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
			}
		}
		t.Fatal("the webhook listener never came up")
		return 0
	}
	update := fmt.Sprintf(`{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5151,"type":"private"},"from":{"id":5151,"is_bot":false,"first_name":"Ani"},"text":"/start %s","entities":[{"type":"bot_command","offset":0,"length":6}]}}`, code)
	if got := post("salah", update); got != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d, want 401", got)
	}
	if got := post("", update); got != http.StatusUnauthorized {
		t.Errorf("no secret: %d, want 401", got)
	}
	if url, secret := srv.Webhook(); url != "https://mutasi.example.go.id/tg" || secret != "Rahasia_1" {
		t.Errorf("setWebhook got %q %q", url, secret)
	}
	srv.AddUser(telegramtest.User{ID: 5151, FirstName: "Ani"})
	if got := post("Rahasia_1", update); got != http.StatusOK {
		t.Fatalf("right secret: %d", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	msgs, err := srv.WaitMessages(ctx, 5151, 1)
	if err != nil || !strings.Contains(msgs[0].Text, "Pendaftaran berhasil") {
		t.Fatalf("the update with the right secret was not answered: %v %v", msgs, err)
	}
}

func TestServeBadCalls(t *testing.T) {
	env := newDB(t)
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{env, nil, "TELEGRAM_BOT_TOKEN belum diisi"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": "1:x"}, []string{"--webhook-url", "https://a/b"}, "bersama-sama"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": "1:x"}, []string{"--webhook-url", "http://a/b", "--listen", ":1", "--webhook-secret", "s"}, "https"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": "1:x"}, []string{"--webhook-url", "https://a/b", "--listen", ":1", "--webhook-secret", "a b"}, "--webhook-secret"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": "1:x"}, []string{"--api-url", "ftp://x"}, "--api-url"},
	} {
		code, _, errOut := runCLI(t, tc.env, append([]string{"serve"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("serve %v: exit %d, %q; want usage with %q", tc.args, code, errOut, tc.want)
		}
	}
}

// A reload while serving that fails keeps the rules and tells policy staff
// in the chat, with file:line:column.
func TestServeTellsPolicyStaffOfARefusedReload(t *testing.T) {
	env, srv, _ := serveEnv(t)
	dir := policyCopy(t, "", "")
	env["MUTASI_POLICIES"] = dir
	db, err := store.Open(context.Background(), env["MUTASI_DB"])
	if err != nil {
		t.Fatal(err)
	}
	staff := telegramtest.User{ID: 6161, FirstName: "Staf"}
	if err := db.SaveUser(context.Background(), &mutasi.User{TelegramID: staff.ID, Role: mutasi.RolePolicy, Nama: "Staf", Active: true}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	srv.AddUser(staff)
	stop := runServe(t, env, "--api-url", srv.URL)
	defer stop()
	// Let the watch start, then break a rule.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for srv.Calls("getUpdates") == 0 && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	path := filepath.Join(dir, "mutasi.yaml")
	b, _ := os.ReadFile(path)
	broken := strings.Replace(string(b), "require: employee.masa_jabatan_bulan >= params.masa_jabatan_min_tahun * 12",
		"require: employee.masa_jabatan_bulann >= 24", 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	msgs, err := srv.WaitMessages(ctx, staff.ID, 1)
	if err != nil {
		t.Fatalf("policy staff were not told of the refused reload: %v", err)
	}
	if !strings.Contains(msgs[0].Text, "mutasi.yaml:") || !strings.Contains(msgs[0].Text, "masa_jabatan_bulann") {
		t.Errorf("the announcement %q lacks file:line:column and the problem", msgs[0].Text)
	}
}
