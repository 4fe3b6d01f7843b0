package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot"
	"github.com/mutasi/mutasi/chart"
	"github.com/mutasi/mutasi/notify"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
	"github.com/mutasi/mutasi/store"
)

// botRuntime is the bot wired to the product: the same placement service
// the CLI uses (resident: it keeps the organisation between questions),
// the policy engine that reloads, and the outbox dispatcher.
type botRuntime struct {
	db       *store.DB
	engine   *rules.Engine
	svc      *placement.Service
	bot      *bot.Bot
	tg       *tgbot.Bot
	dispatch *notify.Dispatcher
	log      *slog.Logger
}

// startBot wires everything; apiURL "" is Telegram's own server.
func startBot(ctx context.Context, a *app, token, apiURL string, log *slog.Logger) (*botRuntime, error) {
	engine, err := rules.NewEngine(a.Policies)
	if err != nil {
		return nil, policyError(err)
	}
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return nil, err
	}
	rt := &botRuntime{db: db, engine: engine, log: log}
	rt.svc = placement.New(placement.Config{
		Directory: db, Policy: engine.Policy, Plans: db, Proposals: db, Users: db,
		Aspirations: db, Audit: db, Outbox: db, Now: a.Now, Resident: true,
	})
	rt.bot = bot.New(bot.Config{
		Service: rt.svc, Users: db, States: db, Updates: db, Policy: policyAdmin{engine}, Logger: log, Now: a.Now,
		Chart: func(w io.Writer, rows []placement.UnitLoad, title string) error {
			units := make([]chart.UnitLoad, len(rows))
			for i, r := range rows {
				units[i] = chart.UnitLoad{ID: r.UnitID, Nama: r.Nama, Before: r.Before, After: r.After}
			}
			return chart.Workload(w, units, chart.Options{Title: title})
		},
		Wake: func() {
			if rt.dispatch != nil {
				rt.dispatch.Wake()
			}
		},
	})
	opts := rt.bot.Options()
	if apiURL != "" {
		opts = append(opts, tgbot.WithServerURL(strings.TrimRight(apiURL, "/")))
	}
	rt.tg, err = tgbot.New(token, opts...)
	if err != nil {
		db.Close()
		// The client's error may quote the request URL, which holds the token.
		return nil, mutasi.Errorf(mutasi.EINVALID, "tidak dapat tersambung ke Bot API%s: %s", apiHost(apiURL), redactToken(err.Error(), token))
	}
	rt.dispatch = notify.New(db, bot.Sender{TG: rt.tg}, notify.Options{Now: a.Now, Logger: log,
		OnGiveUp: func(ctx context.Context, n *mutasi.Notification, cause error) {
			if err := rt.svc.Undelivered(ctx, n, "bot diblokir atau akun tidak aktif"); err != nil {
				log.Warn("telling the proposer failed", "notification", n.ID, "err", err)
			}
		}})
	if err := bot.SetCommands(ctx, rt.tg, 0, ""); err != nil {
		log.Warn("setMyCommands failed", "err", redactToken(err.Error(), token))
	}
	return rt, nil
}

// watchPolicy reloads the policy when its files change and tells policy
// staff of every outcome; a refused reload keeps the last good policy.
func (rt *botRuntime) watchPolicy(ctx context.Context) {
	err := rt.engine.Watch(ctx, rules.WatchOptions{OnOutcome: func(o rules.ReloadOutcome) {
		rt.log.Info("policy reload", "activated", o.Activated, "refused", o.Refused(), "version", o.Policy.VersionID())
		text := "🔄 <b>Muat ulang aturan</b>\n<pre>" + html.EscapeString(o.String()) + "</pre>"
		if err := rt.svc.Announce(ctx, mutasi.RolePolicy, clipRunes(text, 4000)); err != nil {
			rt.log.Warn("announcing the reload failed", "err", err)
		}
		rt.dispatch.Wake()
	}})
	if err != nil && ctx.Err() == nil {
		rt.log.Warn("policy watch stopped", "err", err)
	}
}

// stop drains the bot (every received update answered), then closes the
// database; the caller has already stopped polling and the dispatcher.
func (rt *botRuntime) stop(timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := rt.bot.Drain(ctx); err != nil {
		rt.log.Warn("updates still running at shutdown", "err", err)
	}
	rt.db.Close()
}

// policyAdmin is what policy staff see and do from the chat.
type policyAdmin struct{ engine *rules.Engine }

func (p policyAdmin) Describe() string {
	pol := p.engine.Policy()
	var b strings.Builder
	fmt.Fprintf(&b, "<b>Kebijakan %s</b> %s, berlaku %s\n", html.EscapeString(pol.Name), html.EscapeString(pol.VersionID()), mutasi.FormatDate(pol.Effective))
	fmt.Fprintf(&b, "%d aturan:\n", len(pol.Rules))
	for _, r := range pol.Rules {
		fmt.Fprintf(&b, "· <b>%s</b> (%s, %s)\n", html.EscapeString(r.Title), html.EscapeString(r.ID), r.Severity)
	}
	fmt.Fprintf(&b, "Skor: %d unsur. Muat ulang dengan /muat_ulang.", len(pol.Terms))
	return b.String()
}

func (p policyAdmin) Reload(context.Context) (string, bool) {
	o := p.engine.Refresh(nil)
	text := "<pre>" + html.EscapeString(o.String()) + "</pre>"
	return clipRunes(text, 4000), !o.Refused()
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		cut := string(r[:n-20])
		if strings.Contains(cut, "<pre>") && !strings.Contains(cut, "</pre>") {
			cut += "…</pre>"
		}
		return cut
	}
	return s
}

func apiHost(apiURL string) string {
	if apiURL == "" {
		return ""
	}
	return " di " + apiURL
}

// redactToken removes the token from a message before anyone sees it.
func redactToken(msg, token string) string {
	if token == "" {
		return msg
	}
	return strings.ReplaceAll(msg, token, "***")
}
