package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/mutasi/mutasi/bot"
)

func serveCommand() *command {
	c := &command{
		name:    "serve",
		summary: "jalankan bot Telegram (long polling, atau webhook)",
		usage:   "[--api-url URL] [--webhook-url URL --listen ADDR --webhook-secret S] [--log-json]",
		help: `Menjalankan bot Telegram di atas layanan yang sama dengan perintah CLI:
pemeriksaan syarat, aspirasi, rekomendasi, rencana, usulan dan
persetujuannya. Token bot dibaca dari TELEGRAM_BOT_TOKEN (tidak pernah
ditulis ke log atau pesan galat).

Bawaan: long polling ke server Telegram. --api-url menunjuk server Bot API
lain (Local Bot API Server, atau emulator). Mode webhook: --webhook-url
(alamat publik https yang didaftarkan ke Telegram), --listen (alamat yang
didengar, mis. :8443) dan --webhook-secret (permintaan tanpa header
X-Telegram-Bot-Api-Secret-Token yang benar ditolak dengan 401).

Berkas aturan dipantau: perubahan yang lolos kompilasi dan uji langsung
berlaku; yang gagal tidak menggantikan aturan yang berlaku, dan staf
kebijakan diberi tahu di Telegram (dengan berkas:baris:kolom).

Pemberitahuan usulan dikirim dari antrean (outbox): paling banyak 30 pesan
per detik dan 1 per detik per percakapan; tidak ada yang hilang bila proses
berhenti. SIGINT/SIGTERM: pembaruan yang sedang diproses diselesaikan,
polling berhenti, pengiriman berhenti di antara dua pesan.

Contoh:
  TELEGRAM_BOT_TOKEN=123:abc mutasi serve
  TELEGRAM_BOT_TOKEN=123:abc mutasi serve --api-url http://127.0.0.1:8081
  TELEGRAM_BOT_TOKEN=123:abc mutasi serve --webhook-url https://mutasi.example.go.id/tg --listen :8443 --webhook-secret RAHASIA`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		apiURL := fs.String("api-url", "", "server Bot API (bawaan: Telegram)")
		hook := fs.String("webhook-url", "", "alamat webhook publik (https)")
		listen := fs.String("listen", "", "alamat yang didengar untuk webhook, mis. :8443")
		secret := fs.String("webhook-secret", "", "rahasia webhook (1–256 huruf A-Z a-z 0-9 _ -)")
		logJSON := fs.Bool("log-json", false, "log dalam JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usagef("argumen %q tidak dikenal", clipArg(pos[0]))
		}
		token := a.Getenv("TELEGRAM_BOT_TOKEN")
		if token == "" {
			return usagef("TELEGRAM_BOT_TOKEN belum diisi: token dari @BotFather (atau coba bot tanpa token dengan 'mutasi demo')")
		}
		if err := checkServeFlags(*apiURL, *hook, *listen, *secret); err != nil {
			return err
		}
		var h slog.Handler = slog.NewTextHandler(a.Stderr, nil)
		if *logJSON {
			h = slog.NewJSONHandler(a.Stderr, nil)
		}
		log := slog.New(h)
		rt, err := startBot(ctx, a, token, *apiURL, log)
		if err != nil {
			return err
		}
		return rt.serve(ctx, *hook, *listen, *secret)
	}
	return c
}

func checkServeFlags(apiURL, hook, listen, secret string) error {
	if apiURL != "" {
		if u, err := url.Parse(apiURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("--api-url %q bukan alamat http(s) yang sah", clipArg(apiURL))
		}
	}
	if hook == "" && listen == "" && secret == "" {
		return nil
	}
	if hook == "" || listen == "" || secret == "" {
		return usagef("mode webhook perlu --webhook-url, --listen dan --webhook-secret bersama-sama")
	}
	if u, err := url.Parse(hook); err != nil || u.Scheme != "https" || u.Host == "" {
		return usagef("--webhook-url harus alamat https publik (Telegram hanya mengirim ke https)")
	}
	if _, _, err := net.SplitHostPort(listen); err != nil {
		return usagef("--listen %q bukan alamat host:port (mis. :8443)", clipArg(listen))
	}
	if len(secret) > 256 || !startSecret.MatchString(secret) {
		return usagef("--webhook-secret hanya boleh 1–256 huruf A-Z a-z, angka, _ dan -")
	}
	return nil
}

// serve runs until ctx ends: updates by polling or webhook, the outbox,
// the policy watch; then a graceful stop.
func (rt *botRuntime) serve(ctx context.Context, hook, listen, secret string) error {
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	dispatched := make(chan error, 1)
	go func() { dispatched <- rt.dispatch.Run(runCtx) }()
	go rt.watchPolicy(runCtx)

	var srv *http.Server
	if hook != "" {
		if _, err := rt.tg.SetWebhook(runCtx, &tgbot.SetWebhookParams{URL: hook, SecretToken: secret}); err != nil {
			rt.stop(time.Second)
			return errors.New("setWebhook gagal: " + redact(err))
		}
		srv = &http.Server{Addr: listen, Handler: bot.Webhook(secret, rt.tg.WebhookHandler()), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				rt.log.Error("webhook server", "err", err)
				cancel()
			}
		}()
		rt.log.Info("serving", "mode", "webhook", "listen", listen)
		rt.tg.StartWebhook(runCtx)
	} else {
		if _, err := rt.tg.DeleteWebhook(runCtx, &tgbot.DeleteWebhookParams{}); err != nil {
			rt.log.Warn("deleteWebhook failed", "err", redact(err))
		}
		rt.log.Info("serving", "mode", "polling")
		rt.tg.Start(runCtx) // returns when runCtx ends
	}
	rt.log.Info("stopping: finishing updates in progress")
	if srv != nil {
		shut, done := context.WithTimeout(context.Background(), 10*time.Second)
		_ = srv.Shutdown(shut)
		done()
	}
	cancel()
	<-dispatched // stops between two messages
	rt.stop(20 * time.Second)
	rt.log.Info("stopped")
	return nil
}

func redact(err error) string { return tokenInURL.ReplaceAllString(err.Error(), "bot***") }

var (
	// startSecret is what Telegram accepts as a webhook secret token.
	startSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	// tokenInURL finds a bot token in a request URL quoted by an error.
	tokenInURL = regexp.MustCompile(`bot[0-9]+:[A-Za-z0-9_-]+`)
)
