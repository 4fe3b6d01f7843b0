package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"
)

// Bot handles updates. Create it with New, give Options() to the
// go-telegram client, and Drain it on shutdown.
type Bot struct {
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	queues  map[int64]chan *models.Update // per chat, while it has work
	limits  map[int64]*userLimit
	closed  bool
	running sync.WaitGroup // chat goroutines
}

type userLimit struct {
	lim    *rate.Limiter
	warned bool
	seen   time.Time
}

// New returns a Bot over cfg.
func New(cfg Config) *Bot {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PerUser <= 0 {
		cfg.PerUser = 1
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 5
	}
	return &Bot{cfg: cfg, log: cfg.Logger, queues: map[int64]chan *models.Update{}, limits: map[int64]*userLimit{}}
}

// Options are the go-telegram client options the bot needs: one worker
// that hands updates over synchronously, in order (the bot queues them
// per chat itself), and its own handler for everything.
func (b *Bot) Options() []tgbot.Option {
	// Replies to many chats go out at once: keep connections to the Bot
	// API open rather than dial one per message (the default transport
	// keeps two per host).
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	return []tgbot.Option{
		tgbot.WithHTTPClient(time.Minute, &http.Client{Timeout: time.Minute, Transport: transport}),
		tgbot.WithDefaultHandler(b.receive),
		tgbot.WithWorkers(1),
		tgbot.WithNotAsyncHandlers(),
		tgbot.WithErrorsHandler(func(err error) { b.log.Warn("telegram", "err", redact(err)) }),
	}
}

// receive queues an update for its chat; it never blocks on the chat's
// work, so one slow chat does not hold up the others.
func (b *Bot) receive(_ context.Context, tg *tgbot.Bot, u *models.Update) {
	chat := chatOf(u)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	q, ok := b.queues[chat]
	if !ok {
		q = make(chan *models.Update, 64)
		b.queues[chat] = q
		b.running.Add(1)
		go b.work(tg, chat, q)
	}
	select {
	case q <- u:
	default:
		// 64 updates waiting in one chat is a flood, not a person.
		b.log.Warn("chat queue full, update dropped", "chat", chat)
	}
}

// work handles one chat's updates in order and ends when the chat is idle.
func (b *Bot) work(tg *tgbot.Bot, chat int64, q chan *models.Update) {
	defer b.running.Done()
	for {
		select {
		case u := <-q:
			b.handle(tg, u)
		case <-time.After(2 * time.Second):
			b.mu.Lock()
			if len(q) == 0 {
				delete(b.queues, chat)
				b.mu.Unlock()
				return
			}
			b.mu.Unlock()
		}
	}
}

// Drain stops taking updates and waits for every queued one to be
// answered, or for ctx to end.
func (b *Bot) Drain(ctx context.Context) error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.running.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// handle answers one update behind a recover, the rate limit and a log
// line. Its context is not the client's: a shutdown lets it finish.
func (b *Bot) handle(tg *tgbot.Bot, u *models.Update) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := b.cfg.Now()
	c := b.newConv(ctx, tg, u)
	outcome := "ok"
	defer func() {
		if r := recover(); r != nil {
			outcome = "panic"
			b.log.Error("handler panicked", "chat", c.chat, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			c.say(msgInternal)
		}
		b.log.Info("update", "chat", c.chat, "command", c.command(), "duration", time.Since(start).Round(time.Microsecond).String(), "outcome", outcome)
	}()
	if c.chat == 0 {
		outcome = "ignored"
		return
	}
	if b.seen(ctx, c.chat, u.ID) {
		outcome = "duplicate"
		return
	}
	defer b.markHandled(ctx, c.chat, u.ID)
	if ok, warn := b.allow(c.from); !ok {
		outcome = "rate-limited"
		if warn {
			c.say(msgSlowDown)
		}
		return
	}
	outcome = c.run()
}

// allow applies the per-user limit; the first refusal of a burst gets a
// polite reply (warn), the rest are dropped quietly.
func (b *Bot) allow(user int64) (ok, warn bool) {
	now := b.cfg.Now()
	b.mu.Lock()
	l, found := b.limits[user]
	if !found {
		if len(b.limits) > 10000 {
			for id, x := range b.limits {
				if now.Sub(x.seen) > time.Minute {
					delete(b.limits, id)
				}
			}
		}
		l = &userLimit{lim: rate.NewLimiter(rate.Limit(b.cfg.PerUser), b.cfg.Burst)}
		b.limits[user] = l
	}
	l.seen = now
	ok = l.lim.AllowN(now, 1)
	warn = !ok && !l.warned
	l.warned = !ok
	b.mu.Unlock()
	return ok, warn
}

// chatOf is the private chat an update belongs to; 0 for updates the bot
// does not serve (channels, inline queries …).
func chatOf(u *models.Update) int64 {
	switch {
	case u == nil:
		return 0
	case u.Message != nil:
		if u.Message.Chat.Type != "" && u.Message.Chat.Type != models.ChatTypePrivate {
			return 0 // the bot serves people one to one, never a group
		}
		return u.Message.Chat.ID
	case u.CallbackQuery != nil:
		return u.CallbackQuery.From.ID
	}
	return 0
}
