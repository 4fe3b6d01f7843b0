package bot

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
	"github.com/mutasi/mutasi/chart"
	"github.com/mutasi/mutasi/demo"
	"github.com/mutasi/mutasi/notify"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
	"github.com/mutasi/mutasi/store"
)

var testDay = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

const testToken = "424242:test-token"

// harness is the real bot, its store and service, the go-telegram client
// and the outbox dispatcher, talking to a fake Bot API on 127.0.0.1.
type harness struct {
	t      testing.TB
	srv    *telegramtest.Server
	db     *store.DB
	svc    *placement.Service
	bot    *Bot
	tg     *tgbot.Bot
	policy *rules.Policy
	cancel context.CancelFunc
	wg     sync.WaitGroup
	path   string

	asn, manager, staff telegramtest.User
	asnNIP, target      string // an employee who may be moved, a vacancy they qualify for
	unit                string // the vacancy's unit, the manager's
}

// newHarness makes a demo pemda of n employees, registers an ASN, the
// head of a unit with a vacancy the ASN qualifies for, and policy staff.
func newHarness(t *testing.T) *harness { return newHarnessN(t, 400) }

func newHarnessN(t testing.TB, employees int) *harness {
	t.Helper()
	h := &harness{t: t, path: filepath.Join(t.TempDir(), "bot.db")}
	ctx := context.Background()
	db, err := store.Open(ctx, h.path, store.WithClock(func() time.Time { return testDay }))
	if err != nil {
		t.Fatal(err)
	}
	pd, err := demo.New(demo.Config{Seed: 1, Employees: employees, Today: testDay})
	if err != nil {
		t.Fatal(err)
	}
	must := func(_ mutasi.ImportResult, err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.ImportUnits(ctx, pd.Units(), mutasi.ImportOptions{File: "units"}))
	must(db.ImportPositions(ctx, pd.Positions(), mutasi.ImportOptions{File: "positions"}))
	must(db.ImportEmployees(ctx, pd.Employees(), mutasi.ImportOptions{File: "employees"}))
	must(db.ImportAspirations(ctx, pd.Aspirations(), mutasi.ImportOptions{File: "aspirations"}))
	db.Close()
	h.policy, err = rules.LoadDir("../policies")
	if err != nil {
		t.Fatal(err)
	}
	h.start()
	h.pickPeople()
	return h
}

// start (or restart) the bot over the same database.
func (h *harness) start() {
	t := h.t
	ctx := context.Background()
	var err error
	h.db, err = store.Open(ctx, h.path, store.WithClock(func() time.Time { return testDay }))
	if err != nil {
		t.Fatal(err)
	}
	if h.srv == nil {
		if h.srv, err = telegramtest.NewServer(testToken); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(h.srv.Close)
	}
	now := func() time.Time { return testDay }
	p := h.policy
	h.svc = placement.New(placement.Config{Directory: h.db, Policy: func() *rules.Policy { return p }, Plans: h.db,
		Proposals: h.db, Users: h.db, Aspirations: h.db, Audit: h.db, Outbox: h.db, Now: now, Resident: true})
	var disp *notify.Dispatcher
	h.bot = New(Config{Service: h.svc, Users: h.db, States: h.db, Updates: h.db, Policy: fakePolicy{}, Now: now,
		Logger: slog.New(slog.NewTextHandler(testLog(), nil)), PerUser: 50, Burst: 50,
		Chart: func(w io.Writer, rows []placement.UnitLoad, title string) error {
			units := make([]chart.UnitLoad, len(rows))
			for i, r := range rows {
				units[i] = chart.UnitLoad{ID: r.UnitID, Nama: r.Nama, Before: r.Before, After: r.After}
			}
			return chart.Workload(w, units, chart.Options{Title: title})
		},
		Wake: func() {
			if disp != nil {
				disp.Wake()
			}
		}})
	h.tg, err = tgbot.New(testToken, append(h.bot.Options(), tgbot.WithServerURL(h.srv.URL))...)
	if err != nil {
		t.Fatal(err)
	}
	disp = notify.New(h.db, Sender{TG: h.tg}, notify.Options{Now: time.Now, Poll: 50 * time.Millisecond,
		OnGiveUp: func(ctx context.Context, n *mutasi.Notification, cause error) {
			_ = h.svc.Undelivered(ctx, n, "diblokir")
		}})
	runCtx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	h.wg.Add(2)
	go func() { defer h.wg.Done(); h.tg.Start(runCtx) }()
	go func() { defer h.wg.Done(); _ = disp.Run(runCtx) }()
	t.Cleanup(h.stop)
}

// stop shuts the bot down as serve does; safe to call twice.
func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.wg.Wait()
	ctx, done := context.WithTimeout(context.Background(), 10*time.Second)
	defer done()
	if err := h.bot.Drain(ctx); err != nil {
		h.t.Errorf("drain: %v", err)
	}
	h.db.Close()
	h.cancel = nil
}

// pickPeople finds an employee who may be moved and a vacancy they qualify
// for, and registers the three users.
func (h *harness) pickPeople() {
	t := h.t
	ctx := context.Background()
	org, err := h.svc.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The ASN is the best candidate of a vacancy, so that a manager who
	// asks for it proposes them first.
	for _, v := range org.Vacancies() {
		r, err := h.svc.Recommend(ctx, placement.Admin(), v.ID, placement.RecommendOptions{Top: 1, Date: testDay})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Candidates) > 0 {
			h.asnNIP, h.target, h.unit = r.Candidates[0].Employee.NIP, v.ID, v.UnitID
			break
		}
	}
	if h.asnNIP == "" {
		t.Fatal("the demo has no vacancy with a candidate")
	}
	h.asn = telegramtest.User{ID: 501, FirstName: "Rina"}
	h.manager = telegramtest.User{ID: 502, FirstName: "Kepala"}
	h.staff = telegramtest.User{ID: 503, FirstName: "Staf"}
	for _, u := range []*mutasi.User{
		{TelegramID: 501, Role: mutasi.RoleASN, NIP: h.asnNIP, Nama: "Rina", Active: true},
		{TelegramID: 502, Role: mutasi.RoleManager, UnitScope: []string{h.unit}, Nama: "Kepala", Active: true},
		{TelegramID: 503, Role: mutasi.RolePolicy, Nama: "Staf", Active: true},
	} {
		if err := h.db.SaveUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
}

// say sends text as a user and returns the bot's replies to it: it waits
// for at least want new messages in that chat.
func (h *harness) say(u telegramtest.User, text string, want int) []telegramtest.Message {
	h.t.Helper()
	before := len(h.srv.Messages(u.ID))
	h.srv.SendText(u, text)
	return h.await(u, before+want)[before:]
}

// press presses button label of the chat's last keyboard carrying it.
func (h *harness) press(u telegramtest.User, label string, want int) []telegramtest.Message {
	h.t.Helper()
	msgs := h.srv.Messages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].Keyboard {
			for _, b := range row {
				if b.Text == label || strings.HasPrefix(b.Text, label) {
					before := len(msgs)
					h.srv.PressButton(u, msgs[i].ID, b.CallbackData)
					return h.await(u, before+want)[before:]
				}
			}
		}
	}
	h.t.Fatalf("no button %q in chat %d", label, u.ID)
	return nil
}

func (h *harness) await(u telegramtest.User, n int) []telegramtest.Message {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msgs, err := h.srv.WaitMessages(ctx, u.ID, n)
	if err != nil {
		h.t.Fatalf("chat %d: waited for %d messages, have %d: %v\n%s", u.ID, n, len(h.srv.Messages(u.ID)), err, dumpChat(h.srv.Messages(u.ID)))
	}
	return msgs
}

func dumpChat(msgs []telegramtest.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString("--- " + m.Text + "\n")
	}
	return b.String()
}

func contains(t testing.TB, msgs []telegramtest.Message, want ...string) {
	t.Helper()
	all := dumpChat(msgs)
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("replies lack %q:\n%s", w, all)
		}
	}
}

type fakePolicy struct{}

func (fakePolicy) Describe() string { return "Kebijakan uji" }
func (fakePolicy) Reload(context.Context) (string, bool) {
	return "<pre>kebijakan.yaml:3:7: galat uji</pre>", false
}

// testLog is where the bot logs in tests: nowhere, unless BOT_TEST_LOG=1.
func testLog() io.Writer {
	if os.Getenv("BOT_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}
