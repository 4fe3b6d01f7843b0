package placement

import (
	"fmt"
	"html"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// The texts of notifications, in Telegram's HTML: every value from the
// database or from a person is escaped. A proposal's notice says why this
// person, why this posting, what happens next and how to answer: people
// accept a move they understand.

func esc(s string) string { return html.EscapeString(s) }

func positionText(p *mutasi.Position, u *mutasi.Unit) string {
	if p == nil {
		return "jabatan yang tidak lagi aktif"
	}
	s := "<b>" + esc(p.Nama) + "</b>"
	if u != nil {
		s += " (" + esc(u.Nama) + ")"
	}
	return s
}

// proposalNotice renders the notice to the employee once the proposal has
// its number.
func proposalNotice(e *mutasi.Employee, s rules.Subject, t *rules.Target, reasons []Reason) func(*mutasi.Proposal) string {
	return func(p *mutasi.Proposal) string {
		var b strings.Builder
		fmt.Fprintf(&b, "📋 <b>Usulan mutasi #%d untuk Anda</b>\n\n", p.ID)
		fmt.Fprintf(&b, "%s, Anda diusulkan pindah dari %s ke %s.\n\n", esc(e.Nama), positionText(s.Current, s.Unit), positionText(t.Position, t.Unit))
		b.WriteString("<b>Mengapa Anda</b>: Anda memenuhi seluruh syarat mutasi")
		for i, r := range reasons {
			if i == 4 {
				break
			}
			b.WriteString("; " + esc(r.Text))
		}
		b.WriteString(".\n")
		v := t.Position
		fmt.Fprintf(&b, "<b>Mengapa jabatan ini</b>: kebutuhan %s orang, terisi %s", mutasi.FormatInt(v.Kebutuhan), mutasi.FormatInt(v.Holders))
		if v.Vacancy() > 0 {
			fmt.Fprintf(&b, " (lowongan %s)", mutasi.FormatInt(v.Vacancy()))
		}
		b.WriteString(".\n\n")
		b.WriteString("<b>Langkah berikutnya</b>: ini baru usulan, belum keputusan. Setelah Anda menjawab, staf kebijakan BKPSDM menilai usulan ini dan Anda diberi tahu hasilnya.\n")
		b.WriteString("<b>Cara menjawab</b>: kirim /usulan, lalu pilih «Saya mengerti», atau «Ajukan keberatan» dengan alasan Anda. Keberatan Anda ikut dipertimbangkan.")
		return b.String()
	}
}

// answerNotice tells the proposer how the employee answered.
func answerNotice(p *mutasi.Proposal, e *mutasi.Employee, to string) string {
	if p.Status == mutasi.ProposalObjected {
		return fmt.Sprintf("✋ <b>Keberatan atas usulan #%d</b>\n%s (NIP %s) mengajukan keberatan atas usulan pindah ke %s:\n«%s»\n\nStaf kebijakan akan menilainya.",
			p.ID, esc(e.Nama), mutasi.NIP(e.NIP).Format(), esc(to), esc(p.Answer))
	}
	msg := fmt.Sprintf("✅ <b>Jawaban atas usulan #%d</b>\n%s (NIP %s) menyatakan mengerti usulan pindah ke %s.",
		p.ID, esc(e.Nama), mutasi.NIP(e.NIP).Format(), esc(to))
	if p.Answer != "" {
		msg += "\nCatatan: «" + esc(p.Answer) + "»"
	}
	return msg + "\n\nStaf kebijakan akan menilainya."
}

// decisionNotice tells the employee and the proposer the decision.
func decisionNotice(p *mutasi.Proposal, e *mutasi.Employee, to string, forEmployee bool) string {
	verdict := "disetujui"
	if p.Status == mutasi.ProposalRejected {
		verdict = "tidak disetujui"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "📌 <b>Usulan mutasi #%d %s</b>\n", p.ID, verdict)
	if forEmployee {
		fmt.Fprintf(&b, "Usulan Anda pindah ke %s %s oleh staf kebijakan.", esc(to), verdict)
	} else {
		fmt.Fprintf(&b, "Usulan pindah %s (NIP %s) ke %s %s.", esc(e.Nama), mutasi.NIP(e.NIP).Format(), esc(to), verdict)
	}
	if p.DecisionNote != "" {
		b.WriteString("\nCatatan: «" + esc(p.DecisionNote) + "»")
	}
	if forEmployee && p.Status == mutasi.ProposalApproved {
		b.WriteString("\n\nSurat keputusan mutasi akan diterbitkan BKPSDM; sampai itu Anda tetap di jabatan sekarang.")
	}
	return b.String()
}
