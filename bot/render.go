package bot

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
)

func esc(s string) string { return html.EscapeString(s) }

// maxMessage stays under Telegram's 4,096 characters with room for what
// a split adds.
const maxMessage = 4000

// split cuts a long answer at line ends into messages Telegram accepts. A
// line never holds an open tag across its end (every renderer here closes
// its tags on the line), so a cut between lines keeps the HTML valid.
func split(text string) []string {
	if utf8.RuneCountInString(text) <= maxMessage {
		return []string{text}
	}
	var out []string
	var cur strings.Builder
	n := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		l := utf8.RuneCountInString(line)
		if n+l > maxMessage && n > 0 {
			out = append(out, strings.TrimRight(cur.String(), "\n"))
			cur.Reset()
			n = 0
		}
		for l > maxMessage { // one endless line: cut it (plain text only)
			r := []rune(line)
			out = append(out, string(r[:maxMessage]))
			line = string(r[maxMessage:])
			l = len(r) - maxMessage
		}
		cur.WriteString(line)
		n += l
	}
	if n > 0 {
		out = append(out, strings.TrimRight(cur.String(), "\n"))
	}
	return out
}

func positionName(p *mutasi.Position, u *mutasi.Unit, fallbackID string) string {
	if p == nil {
		return esc(fallbackID) + " (tidak aktif)"
	}
	s := esc(p.Nama)
	if u != nil {
		s += " — " + esc(u.Nama)
	}
	return s
}

func person(e *mutasi.Employee) string {
	return fmt.Sprintf("%s (NIP %s)", esc(e.Nama), mutasi.NIP(e.NIP).Format())
}

// decisionText renders a check as an answer people accept: every rule with
// its reason (docs/architecture.md, "Answers people accept").
func decisionText(res *placement.CheckResult) string {
	d, e := res.Decision, res.Subject.Employee
	var b strings.Builder
	fmt.Fprintf(&b, "<b>Pemeriksaan syarat mutasi</b> — %s\n", person(e))
	fmt.Fprintf(&b, "Kebijakan: %s %s · %s\n", esc(res.Policy.Name), esc(d.PolicyVersion), mutasi.FormatDate(d.Date))
	fmt.Fprintf(&b, "Jabatan sekarang: %s\n", positionName(res.Subject.Current, res.Subject.Unit, e.JabatanID))
	if res.Target != nil {
		fmt.Fprintf(&b, "Jabatan tujuan: %s\n", positionName(res.Target.Position, res.Target.Unit, ""))
	}
	b.WriteString("\n")
	var blocking []string
	for _, r := range d.Rules {
		if !r.Applicable {
			continue
		}
		fmt.Fprintf(&b, "%s <b>%s</b> — %s\n", r.Mark(), esc(r.Rule.Title), esc(r.Message))
		if !r.Passed && r.Severity == rules.SeverityBlock {
			blocking = append(blocking, esc(r.Rule.Title))
		}
	}
	if len(d.ScoreParts) > 0 {
		fmt.Fprintf(&b, "\nSkor prioritas: %s dari 100\n", mutasi.FormatDecimal(d.Score, 1))
	}
	b.WriteString("\n")
	switch {
	case d.Eligible && res.Target != nil:
		fmt.Fprintf(&b, "<b>Kesimpulan</b>: memenuhi syarat untuk dimutasi ke %s.", esc(res.Target.Position.Nama))
	case d.Eligible:
		b.WriteString("<b>Kesimpulan</b>: memenuhi syarat untuk dimutasi.")
	default:
		fmt.Fprintf(&b, "<b>Kesimpulan</b>: belum memenuhi syarat — %s.", strings.Join(blocking, ", "))
	}
	return b.String()
}

// recommendationText renders the candidates and near misses; buttons to
// propose follow in the keyboard.
func recommendationText(r *placement.Recommendation) string {
	var b strings.Builder
	p := r.Position
	fmt.Fprintf(&b, "<b>Rekomendasi untuk %s</b>\n", positionName(p, r.Unit, p.ID))
	fmt.Fprintf(&b, "Kebutuhan %s, pemangku %s, lowongan %s · dinilai %s pegawai, %s memenuhi syarat\n",
		mutasi.FormatInt(p.Kebutuhan), mutasi.FormatInt(p.Holders), mutasi.FormatInt(max(p.Vacancy(), 0)),
		mutasi.FormatInt(r.Considered), mutasi.FormatInt(r.Eligible))
	if len(r.Candidates) == 0 {
		b.WriteString("\nBelum ada pegawai yang memenuhi syarat untuk jabatan ini.\n")
	}
	for i, c := range r.Candidates {
		fmt.Fprintf(&b, "\n<b>%d. %s</b> — skor %s\n", i+1, person(c.Employee), mutasi.FormatDecimal(c.Score, 1))
		fmt.Fprintf(&b, "sekarang: %s\n", positionName(c.From, c.FromUnit, c.Employee.JabatanID))
		for j, rs := range c.Reasons {
			if j == 4 {
				break
			}
			fmt.Fprintf(&b, "· %s\n", esc(rs.Text))
		}
	}
	if len(r.NearMisses) > 0 {
		b.WriteString("\n<b>Hampir memenuhi syarat</b>\n")
		for _, n := range r.NearMisses {
			msg := esc(n.Rule.Title)
			if n.Message != "" {
				msg += ": " + esc(n.Message)
			}
			fmt.Fprintf(&b, "· %s — skor %s — ❌ %s\n", person(n.Employee), mutasi.FormatDecimal(n.Score, 1), msg)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

var statusText = map[mutasi.ProposalStatus]string{
	mutasi.ProposalDraft:    "draf",
	mutasi.ProposalProposed: "menunggu jawaban pegawai",
	mutasi.ProposalAnswered: "pegawai mengerti; menunggu keputusan",
	mutasi.ProposalObjected: "pegawai keberatan; menunggu keputusan",
	mutasi.ProposalApproved: "disetujui",
	mutasi.ProposalRejected: "tidak disetujui",
}

func proposalLine(p *mutasi.Proposal, name string) string {
	s := fmt.Sprintf("<b>Usulan #%d</b> — %s\n%s → %s · skor %s\nstatus: %s", p.ID, esc(name),
		esc(p.FromPosition), esc(p.ToPosition), mutasi.FormatDecimal(p.Score, 1), statusText[p.Status])
	if p.Answer != "" {
		s += "\njawaban pegawai: «" + esc(p.Answer) + "»"
	}
	if p.DecisionNote != "" {
		s += "\ncatatan keputusan: «" + esc(p.DecisionNote) + "»"
	}
	return s
}

var tokenPattern = regexp.MustCompile(`bot[0-9]+:[A-Za-z0-9_-]+`)

// redact removes a bot token from an error before it is logged.
func redact(err error) string {
	if err == nil {
		return ""
	}
	return tokenPattern.ReplaceAllString(err.Error(), "bot***")
}
