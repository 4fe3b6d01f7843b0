package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/store"
)

func TestUnregisteredPeopleLearnHowToRegisterAndNothingElse(t *testing.T) {
	h := newHarness(t)
	stranger := telegramtest.User{ID: 999, FirstName: "Orang"}
	for _, text := range []string{"/cek", "/rekomendasi perawat", "halo", "/start"} {
		got := h.say(stranger, text, 1)
		if len(got) != 1 || !strings.Contains(got[0].Text, "Anda belum terdaftar") {
			t.Fatalf("%q from a stranger: %s", text, dumpChat(got))
		}
	}
}

func TestRegistrationByInvitation(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	org, _ := h.svc.Organisation(ctx)
	var nips []string
	for _, e := range org.Employees {
		if e.NIP != h.asnNIP && e.Status == mutasi.StatusPNS {
			nips = append(nips, e.NIP)
		}
		if len(nips) == 2 {
			break
		}
	}
	invite := func(db interface {
		CreateInvite(context.Context, *mutasi.Invite) error
	}, code, nip string, expires time.Time) {
		t.Helper()
		if err := db.CreateInvite(ctx, &mutasi.Invite{Code: code, Role: mutasi.RoleASN, NIP: nip, ExpiresAt: expires}); err != nil {
			t.Fatal(err)
		}
	}
	invite(h.db, "kodebaik123", nips[0], testDay.Add(7*24*time.Hour))
	// An invite made two days ago for one day has expired today.
	earlier, err := store.Open(ctx, h.path, store.WithClock(func() time.Time { return testDay.Add(-48 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	invite(earlier, "kodelama123", nips[1], testDay.Add(-time.Hour))
	earlier.Close()
	newcomer := telegramtest.User{ID: 700, FirstName: "Budi"}
	other := telegramtest.User{ID: 701, FirstName: "Ani"}
	contains(t, h.say(newcomer, "/start kodelama123", 1), "kedaluwarsa")
	contains(t, h.say(newcomer, "/start kode-tak-ada", 1), "tidak dikenal")
	contains(t, h.say(newcomer, "/start "+strings.Repeat("x", 70), 1), "tidak dikenal")
	got := h.say(newcomer, "/start kodebaik123", 2)
	contains(t, got, "Pendaftaran berhasil", "/cek", "/aspirasi")
	if cmds := h.srv.Commands()["chat:700"]; len(cmds) == 0 || cmds[0].Command != "cek" {
		t.Errorf("the ASN's menu was not set for their chat: %v", h.srv.Commands())
	}
	contains(t, h.say(other, "/start kodebaik123", 1), "sudah dipakai")
	// Registered, the ASN's /cek answers with their own decision.
	contains(t, h.say(newcomer, "/cek@mutasi_bot", 1), "Pemeriksaan syarat mutasi", "Kesimpulan")
}

func TestASNChecksThemselfAndAPositionAsTheCLIWould(t *testing.T) {
	h := newHarness(t)
	got := h.say(h.asn, "/cek", 1)
	res, err := h.svc.Check(context.Background(), placement.Admin(), h.asnNIP, "", testDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Decision.Rules {
		if r.Applicable && !strings.Contains(got[0].Text, esc(r.Message)) {
			t.Errorf("/cek lacks rule %s's message %q", r.Rule.ID, r.Message)
		}
	}
	contains(t, got, "Kesimpulan</b>: memenuhi syarat untuk dimutasi.")
	if len(got[0].Keyboard) == 0 {
		t.Fatal("/cek offers no buttons")
	}
	contains(t, h.press(h.asn, "Cek ke jabatan tertentu", 1), "Ketik nama jabatan")
	org, _ := h.svc.Organisation(context.Background())
	name := org.Positions[h.target].Nama
	choices := h.say(h.asn, name, 1)
	if len(choices[0].Keyboard) == 0 {
		t.Fatalf("searching %q offered nothing: %s", name, dumpChat(choices))
	}
	for _, row := range choices[0].Keyboard {
		for _, b := range row {
			if len(b.CallbackData) > 64 {
				t.Errorf("callback data %q is over 64 bytes", b.CallbackData)
			}
		}
	}
	// Press the button of the target itself.
	var label string
	for _, row := range choices[0].Keyboard {
		if strings.HasPrefix(row[0].Text, name) && strings.Contains(row[0].Text, org.Units[h.unit].Nama[:5]) {
			label = row[0].Text
		}
	}
	if label == "" {
		label = choices[0].Keyboard[0][0].Text
	}
	contains(t, h.press(h.asn, label, 1), "Jabatan tujuan", "Kesimpulan")
}

func TestAspirationSurvivesARestartMidConversation(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.say(h.asn, "/aspirasi", 1)
	// Withdraw any aspiration the demo gave, to start from none.
	if asp, _ := h.svc.MyAspiration(ctx, placement.As(&mutasi.User{TelegramID: 501, Role: mutasi.RoleASN, NIP: h.asnNIP, Active: true})); asp != nil {
		h.press(h.asn, "Tarik aspirasi", 1)
		h.say(h.asn, "/aspirasi", 1)
	}
	org, _ := h.svc.Organisation(ctx)
	choices := h.say(h.asn, org.Positions[h.target].Nama, 1)
	h.press(h.asn, choices[0].Keyboard[0][0].Text, 1)
	contains(t, h.press(h.asn, "Cukup", 1), "Tuliskan alasan")
	// The bot restarts while the ASN is writing the reason.
	h.stop()
	h.start()
	got := h.say(h.asn, "dekat dengan <keluarga> & orang tua", 1)
	contains(t, got, "Periksa aspirasi Anda", "dekat dengan &lt;keluarga&gt; &amp; orang tua")
	contains(t, h.press(h.asn, "Simpan", 1), "Aspirasi Anda disimpan")
	asp, err := h.db.Aspiration(ctx, h.asnNIP)
	if err != nil || len(asp.Pilihan) != 1 || asp.Alasan != "dekat dengan <keluarga> & orang tua" {
		t.Fatalf("stored aspiration %+v, %v", asp, err)
	}
}

func TestProposalRoundTripTellsEveryoneConcerned(t *testing.T) {
	h := newHarness(t)
	for _, u := range []telegramtest.User{h.asn, h.manager, h.staff} {
		h.say(u, "/bantuan", 1) // each opens their chat with the bot
	}
	org, _ := h.svc.Organisation(context.Background())
	pos := org.Positions[h.target]
	choices := h.say(h.manager, "/rekomendasi "+pos.Nama, 1)
	var label string
	for _, row := range choices[0].Keyboard {
		if strings.HasPrefix(row[0].Text, pos.Nama) {
			label = row[0].Text
			break
		}
	}
	if label == "" {
		t.Fatalf("no %s among %s", pos.Nama, dumpChat(choices))
	}
	rec := h.press(h.manager, label, 1)
	contains(t, rec, "Rekomendasi untuk")
	// The ASN is this vacancy's best candidate (see pickPeople).
	contains(t, h.press(h.manager, "Usulkan 1", 1), "Usulan #1 dibuat", "Pegawai sudah diberi tahu")
	props, _ := h.db.Proposals(context.Background(), mutasi.ProposalFilter{})
	if len(props) != 1 || props[0].CreatedBy != 502 || props[0].Status != mutasi.ProposalProposed || props[0].NIP != h.asnNIP {
		t.Fatalf("proposals %+v", props)
	}
	// The ASN is told, with why and how to object, through the outbox.
	notice := h.await(h.asn, 2)[1]
	for _, want := range []string{"Usulan mutasi #1 untuk Anda", "Mengapa Anda", "Langkah berikutnya", "Ajukan keberatan"} {
		if !strings.Contains(notice.Text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, notice.Text)
		}
	}
	list := h.say(h.asn, "/usulan", 1)
	contains(t, list, "Usulan #1", "menunggu jawaban pegawai")
	contains(t, h.press(h.asn, "Ajukan keberatan", 1), "Tuliskan alasan keberatan")
	contains(t, h.say(h.asn, "Saya merawat orang tua di sini", 1), "Keberatan Anda atas usulan #1 sudah dicatat")
	objection := h.await(h.manager, 5)
	contains(t, objection[len(objection)-1:], "Keberatan atas usulan #1", "Saya merawat orang tua di sini")
	// Policy staff decide; both are told.
	h.say(h.staff, "/usulan", 1)
	contains(t, h.press(h.staff, "Tolak", 1), "alasan penolakan")
	contains(t, h.say(h.staff, "Formasi dialihkan", 1), "Usulan #1 ditolak")
	contains(t, h.await(h.asn, 6)[5:], "tidak disetujui", "Formasi dialihkan")
	contains(t, h.await(h.manager, 6)[5:], "tidak disetujui")
	entries, _ := h.db.AuditEntries(context.Background(), h.asnNIP, 10)
	if len(entries) < 3 {
		t.Errorf("audit has %d entries for the proposal, want create, objected, rejected", len(entries))
	}
}

func TestRolesAreEnforcedInTheChat(t *testing.T) {
	h := newHarness(t)
	contains(t, h.say(h.asn, "/rekomendasi perawat", 1), "bukan untuk peran Anda")
	contains(t, h.say(h.asn, "/muat_ulang", 1), "bukan untuk peran Anda")
	// A manager may not check someone outside their units.
	org, _ := h.svc.Organisation(context.Background())
	var outsider string
	for _, e := range org.Employees {
		if p := org.Positions[e.JabatanID]; p != nil && p.UnitID != h.unit && !strings.HasPrefix(p.UnitID, h.unit) {
			outsider = e.NIP
			break
		}
	}
	contains(t, h.say(h.manager, "/cek "+outsider, 1), "bukan pegawai unit Anda")
	contains(t, h.say(h.staff, "/muat_ulang", 1), "kebijakan.yaml:3:7")
}

func TestAnyInputGetsASaneAnswer(t *testing.T) {
	h := newHarness(t)
	inputs := []string{"", " ", "/", "//", "/cek@", "/CEK", "ḩàłō 🙂", strings.Repeat("a", 4096), "<b>tebal</b>",
		"/rekomendasi " + strings.Repeat("z", 500), "/start " + strings.Repeat("A", 64), "\x00\x01"}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		got := h.say(h.asn, in, 1)
		for _, m := range got {
			if m.Text == "" || strings.Contains(m.Text, "panic") || strings.Contains(m.Text, "goroutine") {
				t.Errorf("%q got %q", in, m.Text)
			}
		}
	}
	// Forged, stale and foreign buttons.
	for _, data := range []string{"x", "0:0", "deadbeef:0", "::::", strings.Repeat("9", 64), "%00"} {
		before := len(h.srv.Messages(h.asn.ID))
		h.srv.PressButton(h.asn, 1, data)
		contains(t, h.await(h.asn, before+1)[before:], "Tombol ini sudah tidak berlaku")
	}
	// The manager's keyboard pressed by the ASN means nothing to the ASN.
	got := h.say(h.manager, "/rekomendasi pramu", 1)
	if len(got[0].Keyboard) > 0 {
		before := len(h.srv.Messages(h.asn.ID))
		h.srv.PressButton(h.asn, got[0].ID, got[0].Keyboard[0][0].CallbackData)
		contains(t, h.await(h.asn, before+1)[before:], "Tombol ini sudah tidak berlaku")
	}
}

func TestOneChatsMessagesAreAnsweredInOrder(t *testing.T) {
	h := newHarness(t)
	before := len(h.srv.Messages(h.staff.ID))
	for i := 0; i < 15; i++ {
		h.srv.SendText(h.staff, fmt.Sprintf("/rekomendasi qqzx%02d", i))
	}
	got := h.await(h.staff, before+15)[before:]
	for i, m := range got {
		if want := fmt.Sprintf("qqzx%02d", i); !strings.Contains(m.Text, want) {
			t.Fatalf("reply %d answers another message: %q", i, m.Text)
		}
	}
}
