package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
	"github.com/mutasi/mutasi/placement"
)

// proposeASN makes the manager propose the ASN for the target, as the
// Usulkan button does, and returns the proposal.
func (h *harness) proposeASN() *mutasi.Proposal {
	h.t.Helper()
	mgr := placement.As(&mutasi.User{TelegramID: h.manager.ID, Role: mutasi.RoleManager, UnitScope: []string{h.unit}, Active: true})
	p, notified, err := h.svc.Propose(context.Background(), mgr, h.asnNIP, h.target, testDay)
	if err != nil || !notified {
		h.t.Fatalf("propose: %v (notified %v)", err, notified)
	}
	h.bot.cfg.Wake()
	return p
}

func TestOutboxWaitsOutA429AndRetriesA5xx(t *testing.T) {
	h := newHarness(t)
	h.say(h.asn, "/bantuan", 1)
	h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Status: 429, Description: "Too Many Requests: retry after 1", RetryAfter: 1})
	h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Status: 502, Description: "Bad Gateway"})
	h.proposeASN()
	notice := h.await(h.asn, 2)[1]
	if !strings.Contains(notice.Text, "Usulan mutasi #1 untuk Anda") {
		t.Fatalf("the notice after a 429 and a 502: %q", notice.Text)
	}
	// Delivered once: nothing more arrives.
	if n := len(h.srv.Messages(h.asn.ID)); n != 2 {
		t.Errorf("%d messages in the ASN's chat, want the help and one notice", n)
	}
}

func TestOutboxGivesUpOnABlockedUserAndTellsTheProposer(t *testing.T) {
	h := newHarness(t)
	h.say(h.asn, "/bantuan", 1)
	h.say(h.manager, "/bantuan", 1)
	h.srv.Block(h.asn.ID)
	p := h.proposeASN()
	told := h.await(h.manager, 2)[1]
	if !strings.Contains(told.Text, "tidak dapat dikirim") || !strings.Contains(told.Text, "#1") {
		t.Fatalf("the proposer was told %q", told.Text)
	}
	n, err := h.db.Notification(context.Background(), 1)
	if err != nil || n.Status != mutasi.NotificationFailed || n.ProposalID != p.ID || n.Attempts != 1 {
		t.Errorf("the notice to the blocked ASN (failed at once, never retried): %+v, %v", n, err)
	}
}

func TestPendingNotificationsAreSentAfterARestart(t *testing.T) {
	h := newHarness(t)
	h.say(h.asn, "/bantuan", 1)
	h.stop()
	// While the bot is down, a proposal is made from the CLI: the notice
	// waits in the outbox.
	h.start()
	h.proposeASN()
	notice := h.await(h.asn, 2)[1]
	if !strings.Contains(notice.Text, "Usulan mutasi #1") {
		t.Fatalf("after a restart: %q", notice.Text)
	}
}

// Telegram hands an update out again when the bot stopped before its next
// getUpdates confirmed it; the bot answers it once all the same.
func TestAnUpdateHandedOutAgainAfterARestartIsAnsweredOnce(t *testing.T) {
	h := newHarness(t)
	h.say(h.asn, "/bantuan", 1)
	h.stop()
	if h.srv.Pending() == 0 && h.srv.Unconfirm(1) != 1 {
		t.Fatal("the /bantuan update could not be handed out again")
	}
	h.start()
	// The chat's updates are answered in order: by the time /aspirasi is
	// answered, a second answer to /bantuan would be there too.
	got := h.say(h.asn, "/aspirasi", 1)
	if msgs := h.srv.Messages(h.asn.ID); len(msgs) != 2 {
		t.Fatalf("%d messages in the chat, want the help once and the answer to /aspirasi:\n%s", len(msgs), dumpChat(msgs))
	}
	if strings.Contains(got[0].Text, "/cek — Bolehkah") {
		t.Errorf("the help came again: %q", got[0].Text)
	}
}

func TestAPanicInAHandlerIsAnsweredAndTheBotGoesOn(t *testing.T) {
	h := newHarness(t)
	h.bot.cfg.Policy = panicky{}
	got := h.say(h.staff, "/aturan", 1)
	if !strings.Contains(got[0].Text, "terjadi kesalahan di pihak kami") {
		t.Fatalf("a panic was answered %q", got[0].Text)
	}
	contains(t, h.say(h.staff, "/bantuan", 1), "staf kebijakan")
}

type panicky struct{ fakePolicy }

func (panicky) Describe() string { panic("boom") }
