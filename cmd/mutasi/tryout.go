package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
	"github.com/mutasi/mutasi/store"
)

// The try-out chat: the real bot, its handlers and the outbox run against
// a Bot API emulator inside this process (127.0.0.1), and the terminal is
// the phone. No Telegram token is needed.

// persona is a pre-registered demo user the terminal can act as.
type persona struct {
	key  string // asn, manager, policy
	user telegramtest.User
	nip  string
	desc string
}

const tryoutToken = "100001:mutasi-demo"

// registerPersonas makes the demo's three users: an ASN who may be moved,
// the head of the unit of a vacancy they qualify for, and policy staff.
func registerPersonas(ctx context.Context, db *store.DB, nip, unitID string) ([]persona, error) {
	e, err := db.Employee(ctx, nip)
	if err != nil {
		return nil, err
	}
	u, err := db.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	ps := []persona{
		{key: "asn", user: telegramtest.User{ID: 1001, FirstName: e.Nama}, nip: e.NIP,
			desc: fmt.Sprintf("ASN %s (NIP %s)", e.Nama, mutasi.NIP(e.NIP).Format())},
		{key: "manager", user: telegramtest.User{ID: 1002, FirstName: "Kepala " + u.Nama},
			desc: "pengelola unit " + u.Nama},
		{key: "policy", user: telegramtest.User{ID: 1003, FirstName: "Staf Kebijakan BKPSDM"},
			desc: "staf kebijakan BKPSDM"},
	}
	users := []*mutasi.User{
		{TelegramID: 1001, Role: mutasi.RoleASN, NIP: e.NIP, Nama: e.Nama, Active: true},
		{TelegramID: 1002, Role: mutasi.RoleManager, UnitScope: []string{u.ID}, Nama: ps[1].user.FirstName, Active: true},
		{TelegramID: 1003, Role: mutasi.RolePolicy, Nama: ps[2].user.FirstName, Active: true},
	}
	for _, usr := range users {
		if err := db.SaveUser(ctx, usr); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// tryout runs the chat until the input ends. interactive draws a prompt.
func tryout(ctx context.Context, a *app, in *bufio.Reader, personas []persona, interactive bool) error {
	srv, err := telegramtest.NewServer(tryoutToken, telegramtest.WithBotUser(100001, "mutasi_demo_bot"))
	if err != nil {
		return err
	}
	defer srv.Close()
	logOut := io.Discard
	if path := a.Getenv("MUTASI_TRYOUT_LOG"); path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			logOut = f
		}
	}
	rt, err := startBot(ctx, a, tryoutToken, srv.URL, slog.New(slog.NewTextHandler(logOut, nil)))
	if err != nil {
		return err
	}
	runCtx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); rt.tg.Start(runCtx) }()
	go func() { defer wg.Done(); _ = rt.dispatch.Run(runCtx) }()
	defer func() {
		cancel()
		wg.Wait()
		rt.stop(10 * time.Second)
	}()

	ph := &phone{w: a.Stdout, srv: srv, personas: personas, cur: 0, keys: map[int64]keyed{}, events: make(chan shown, 256)}
	for _, p := range personas {
		events, stop := srv.Subscribe(p.user.ID)
		defer stop()
		go ph.listen(p, events)
	}
	fmt.Fprintf(a.Stdout, "\n── Coba bot di terminal ──\nAnda sekarang: %s.\n", personas[0].desc)
	fmt.Fprintln(a.Stdout, "Ketik perintah seperti di Telegram (mulai dengan /bantuan), angka untuk menekan tombol,")
	fmt.Fprintln(a.Stdout, "/sebagai asn | manager | policy | NIP untuk berganti orang, dan /keluar (atau Ctrl-D) untuk selesai.")
	for {
		if interactive {
			fmt.Fprintf(a.Stdout, "%s> ", personas[ph.cur].key)
		}
		line, err := in.ReadString('\n')
		line = strings.TrimSpace(line)
		if line != "" {
			if !interactive {
				fmt.Fprintf(a.Stdout, "%s> %s\n", personas[ph.cur].key, line)
			}
			if line == "/keluar" {
				return nil
			}
			ph.input(line)
		}
		if err != nil { // end of input: a scripted session is over
			if interactive {
				fmt.Fprintln(a.Stdout)
			}
			return nil
		}
	}
}

// phone prints what the bot sends, as a phone would show it.
type phone struct {
	mu       sync.Mutex
	w        io.Writer
	srv      *telegramtest.Server
	personas []persona
	cur      int
	keys     map[int64]keyed // the last keyboard of each chat
	events   chan shown
	seen     int
}

type keyed struct {
	messageID int
	buttons   []telegramtest.Button
}

type shown struct{}

var sebagai = regexp.MustCompile(`^/sebagai(?:@\S+)?\s+(\S+)$`)

func (ph *phone) input(line string) {
	if m := sebagai.FindStringSubmatch(line); m != nil {
		ph.switchTo(m[1])
		return
	}
	ph.mu.Lock()
	p := ph.personas[ph.cur]
	k := ph.keys[p.user.ID]
	ph.mu.Unlock()
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(k.buttons) {
		ph.srv.PressButton(p.user, k.messageID, k.buttons[n-1].CallbackData)
	} else {
		ph.srv.SendText(p.user, line)
	}
	ph.settle()
}

func (ph *phone) switchTo(who string) {
	who = strings.ReplaceAll(who, " ", "")
	for i, p := range ph.personas {
		if strings.EqualFold(p.key, who) || (p.nip != "" && p.nip == who) {
			ph.mu.Lock()
			ph.cur = i
			ph.mu.Unlock()
			fmt.Fprintf(ph.w, "(Anda sekarang: %s)\n", p.desc)
			return
		}
	}
	fmt.Fprintln(ph.w, "(Tidak ada orang seperti itu di demo: pilih asn, manager, policy, atau NIP ASN demo.)")
}

// settle waits until the bot has answered: the first message, then a
// short quiet.
func (ph *phone) settle() {
	first := time.After(10 * time.Second)
	select {
	case <-ph.events:
	case <-first:
		return
	}
	for {
		select {
		case <-ph.events:
		case <-time.After(400 * time.Millisecond):
			return
		}
	}
}

func (ph *phone) listen(p persona, events <-chan telegramtest.Event) {
	for ev := range events {
		ph.show(p, ev)
		select {
		case ph.events <- shown{}:
		default:
		}
	}
}

func (ph *phone) show(p persona, ev telegramtest.Event) {
	ph.mu.Lock()
	defer ph.mu.Unlock()
	m := ev.Message
	if ev.Kind == "send" || (ev.Kind == "edit" && len(m.Keyboard) > 0) {
		// Numbers press the buttons of the newest message: a message
		// without buttons leaves nothing to press.
		var flat []telegramtest.Button
		for _, row := range m.Keyboard {
			flat = append(flat, row...)
		}
		ph.keys[p.user.ID] = keyed{messageID: m.ID, buttons: flat}
	}
	if ev.Kind != "send" && ev.Kind != "edit" {
		return
	}
	head := "┌ bot"
	if ph.personas[ph.cur].user.ID != p.user.ID {
		head = "┌ bot → " + p.desc
	}
	fmt.Fprintln(ph.w, head)
	if m.IsPhoto() {
		ph.seen++
		path := filepath.Join(os.TempDir(), fmt.Sprintf("mutasi-demo-%d.png", ph.seen))
		if err := os.WriteFile(path, m.Photo, 0o644); err == nil {
			fmt.Fprintf(ph.w, "│ [gambar: %s]\n", path)
		}
	}
	text := m.PlainText
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintln(ph.w, "│ "+line)
	}
	n := 0
	for _, row := range m.Keyboard {
		var cells []string
		for _, b := range row {
			n++
			cells = append(cells, fmt.Sprintf("[%d] %s", n, b.Text))
		}
		fmt.Fprintln(ph.w, "│ "+strings.Join(cells, "   "))
	}
	fmt.Fprintln(ph.w, "└")
}
