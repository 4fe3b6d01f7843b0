package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
)

// maxPlanMoves is how many moves of a plan one answer lists.
const maxPlanMoves = 10

// rencana shows the latest plan's moves for the user's units, each with a
// button to propose it.
func (c *conv) rencana() string {
	list, err := c.b.cfg.Service.Plans(c.ctx, c.actor(), 1)
	if err != nil {
		return c.fail(err)
	}
	if len(list) == 0 {
		c.say("Belum ada rencana mutasi. Staf kebijakan membuatnya dengan <code>mutasi plan</code>.")
		return "ok"
	}
	plan, _, err := c.b.cfg.Service.LoadPlan(c.ctx, c.actor(), list[0].ID)
	if err != nil {
		return c.fail(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<b>Rencana mutasi #%d</b> — %s, kebijakan %s\n", plan.ID, esc(plan.Date), esc(plan.PolicyVersion))
	if len(plan.Moves) == 0 {
		b.WriteString("Tidak ada pindah yang menyangkut unit Anda.")
		c.say(b.String())
		return "ok"
	}
	fmt.Fprintf(&b, "%s pindah menyangkut unit Anda", mutasi.FormatInt(len(plan.Moves)))
	if len(plan.Moves) > maxPlanMoves {
		fmt.Fprintf(&b, " (ditampilkan %d teratas)", maxPlanMoves)
	}
	b.WriteString(":\n")
	var rows [][]button
	for _, m := range plan.Moves[:min(maxPlanMoves, len(plan.Moves))] {
		fmt.Fprintf(&b, "\n<b>%d.</b> %s (NIP %s) — skor %s\n%s → %s\n", m.N, esc(m.Nama), mutasi.NIP(m.NIP).Format(),
			mutasi.FormatDecimal(m.Score, 1), esc(m.FromNama), esc(m.ToNama))
		rows = append(rows, []button{{fmt.Sprintf("Usulkan pindah %d", m.N),
			"usul_rencana:" + strconv.FormatInt(plan.ID, 10) + ":" + strconv.Itoa(m.N)}})
	}
	c.say(strings.TrimRight(b.String(), "\n"), rows...)
	return "ok"
}

// proposeFromPlan turns one move of a plan into a proposal.
func (c *conv) proposeFromPlan(planID, n string) string {
	id, _ := strconv.ParseInt(planID, 10, 64)
	move, _ := strconv.Atoi(n)
	out, err := c.b.cfg.Service.ProposeFromPlan(c.ctx, c.actor(), id, move)
	if err != nil {
		return c.fail(err)
	}
	o := out[0]
	if o.Err != nil {
		return c.fail(o.Err)
	}
	c.wake()
	msg := fmt.Sprintf("✅ Usulan #%d dibuat dari rencana #%d: %s → %s.", o.Proposal.ID, id, esc(o.Move.FromNama), esc(o.Move.ToNama))
	if !o.Notified {
		msg += "\nPegawai belum terdaftar di bot: sampaikan usulan ini kepadanya secara langsung."
	}
	c.say(msg)
	return "ok"
}
