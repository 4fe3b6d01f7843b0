package bot

import (
	"fmt"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

// rekomendasi finds the position (by id or name) and shows its best
// candidates, each with a button to propose them.
func (c *conv) rekomendasi(arg string) string {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		hits, err := c.b.cfg.Service.ManagedVacancies(c.ctx, c.actor())
		if err != nil {
			return c.fail(err)
		}
		c.st.Flow = "rek_cari"
		if len(hits) == 0 {
			c.say("Tidak ada jabatan lowong di unit Anda. Untuk jabatan lain, ketik namanya.")
			return "ok"
		}
		var rows [][]button
		for _, h := range hits[:min(8, len(hits))] {
			label := fmt.Sprintf("%s — %s (lowong %d)", h.Position.Nama, h.Unit.Nama, h.Position.Vacancy())
			rows = append(rows, []button{{clip(label, 60), "rek:" + h.Position.ID}})
		}
		c.say(fmt.Sprintf("Jabatan lowong di unit Anda (%d). Pilih satu, atau ketik nama jabatan lain:", len(hits)), rows...)
		return "ok"
	}
	return c.search(arg, "rek", true)
}

// recommend shows the candidates for one position.
func (c *conv) recommend(pos string) string {
	r, err := c.b.cfg.Service.Recommend(c.ctx, c.actor(), pos, placement.RecommendOptions{Top: 5, NearMisses: 3, Date: c.b.cfg.Now()})
	if err != nil {
		return c.fail(err)
	}
	c.st.Flow = ""
	var row []button
	for i, cand := range r.Candidates {
		row = append(row, button{fmt.Sprintf("Usulkan %d", i+1), "usul:" + cand.Employee.NIP + ":" + pos})
	}
	var rows [][]button
	for len(row) > 0 { // three buttons a row fit a phone
		n := min(3, len(row))
		rows, row = append(rows, row[:n]), row[n:]
	}
	c.say(recommendationText(r), rows...)
	return "ok"
}

// propose makes a proposal from a recommendation, evaluated again now.
func (c *conv) propose(nip, pos string) string {
	p, notified, err := c.b.cfg.Service.Propose(c.ctx, c.actor(), nip, pos, c.b.cfg.Now())
	if err != nil {
		return c.fail(err)
	}
	c.wake()
	msg := fmt.Sprintf("✅ Usulan #%d dibuat: %s → %s (skor %s, kebijakan %s).", p.ID, esc(p.FromPosition), esc(p.ToPosition),
		mutasi.FormatDecimal(p.Score, 1), esc(p.PolicyVersion))
	if notified {
		msg += "\nPegawai sudah diberi tahu beserta alasannya dan cara menjawab. Jawabannya muncul di /usulan."
	} else {
		msg += "\nPegawai belum terdaftar di bot: sampaikan usulan ini kepadanya secara langsung."
	}
	c.say(msg)
	return "ok"
}
