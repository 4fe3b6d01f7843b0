package bot

import (
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
)

// usulan lists the proposals that concern the user, each with the buttons
// their role may press.
func (c *conv) usulan() string {
	list, err := c.b.cfg.Service.ProposalsFor(c.ctx, c.actor(), 10)
	if err != nil {
		return c.fail(err)
	}
	if len(list) == 0 {
		switch c.user.Role {
		case mutasi.RoleASN:
			c.say("Belum ada usulan mutasi untuk Anda.")
		case mutasi.RoleManager:
			c.say("Anda belum membuat usulan. Gunakan /rekomendasi atau /rencana.")
		default:
			c.say("Tidak ada usulan yang menunggu keputusan.")
		}
		return "ok"
	}
	for _, p := range list {
		name := p.NIP
		if e, err := c.b.cfg.Service.Organisation(c.ctx); err == nil {
			if x := e.Employee(p.NIP); x != nil {
				name = x.Nama
			}
		}
		id := strconv.FormatInt(p.ID, 10)
		var rows [][]button
		switch {
		case c.user.Role == mutasi.RoleASN && p.Status == mutasi.ProposalProposed:
			rows = append(rows, []button{{"Saya mengerti", "mengerti:" + id}, {"Ajukan keberatan", "keberatan:" + id}})
		case c.user.Role == mutasi.RolePolicy && (p.Status == mutasi.ProposalAnswered || p.Status == mutasi.ProposalObjected):
			rows = append(rows, []button{{"Setujui", "setuju:" + id}, {"Tolak", "tolak:" + id}})
		case c.user.Role == mutasi.RolePolicy && p.Status == mutasi.ProposalProposed:
			rows = append(rows, []button{{"Tolak", "tolak:" + id}})
		}
		text := proposalLine(p, name)
		if c.user.Role == mutasi.RoleASN && p.Reason != "" {
			text += "\nalasan: " + esc(p.Reason)
		}
		c.say(text, rows...)
	}
	return "ok"
}

// answer records an ASN's "understood".
func (c *conv) answer(id string, understood bool) string {
	n, _ := strconv.ParseInt(id, 10, 64)
	p, err := c.b.cfg.Service.AnswerProposal(c.ctx, c.actor(), n, understood, "")
	if err != nil {
		return c.fail(err)
	}
	c.wake()
	c.say("Terima kasih. Jawaban Anda atas usulan #" + strconv.FormatInt(p.ID, 10) + " sudah dicatat dan disampaikan kepada pengusul.")
	return "ok"
}

// objection records an ASN's objection with its reason.
func (c *conv) objection(reason string) string {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		c.say("Alasan keberatan tidak boleh kosong. Tuliskan alasan Anda.")
		return "empty"
	}
	id := c.st.Ref
	c.st.Flow, c.st.Ref = "", 0
	p, err := c.b.cfg.Service.AnswerProposal(c.ctx, c.actor(), id, false, reason)
	if err != nil {
		return c.fail(err)
	}
	c.wake()
	c.say("Keberatan Anda atas usulan #" + strconv.FormatInt(p.ID, 10) + " sudah dicatat. Staf kebijakan akan menilainya dan Anda akan diberi tahu hasilnya.")
	return "ok"
}

// decide approves, or rejects with a reason (policy staff).
func (c *conv) decide(id string, approve bool, note string) string {
	n, _ := strconv.ParseInt(id, 10, 64)
	c.st.Flow, c.st.Ref = "", 0
	p, err := c.b.cfg.Service.DecideProposal(c.ctx, c.actor(), n, approve, note)
	if err != nil {
		return c.fail(err)
	}
	c.wake()
	verdict := "disetujui"
	if !approve {
		verdict = "ditolak"
	}
	c.say("Usulan #" + strconv.FormatInt(p.ID, 10) + " " + verdict + ". Pegawai dan pengusul diberi tahu.")
	return "ok"
}
