package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxChoices is how many postings an aspiration names (docs/data-format.md:
// up to 3).
const maxChoices = 3

// aspirasi shows the ASN's aspiration with buttons to change or withdraw
// it, or starts one.
func (c *conv) aspirasi() string {
	asp, err := c.b.cfg.Service.MyAspiration(c.ctx, c.actor())
	if err != nil {
		return c.fail(err)
	}
	if asp == nil {
		c.st.Picks, c.st.Note, c.st.Flow = nil, "", "asp_cari"
		c.say("Anda belum mengisi aspirasi. Ketik nama jabatan atau unit yang Anda inginkan (pilihan ke-1 dari paling banyak 3).")
		return "ok"
	}
	var b strings.Builder
	b.WriteString("<b>Aspirasi Anda</b>\n")
	for i, id := range asp.Pilihan {
		fmt.Fprintf(&b, "%d. %s\n", i+1, c.choiceName(id))
	}
	if asp.Alasan != "" {
		b.WriteString("Alasan: «" + esc(asp.Alasan) + "»\n")
	}
	c.say(b.String(), []button{{"Ubah aspirasi", "asp_mulai"}, {"Tarik aspirasi", "asp_tarik"}})
	return "ok"
}

// choiceName names a chosen position or unit.
func (c *conv) choiceName(id string) string {
	org, err := c.b.cfg.Service.Organisation(c.ctx)
	if err == nil {
		if p := org.Positions[id]; p != nil {
			return positionName(p, org.Units[p.UnitID], id)
		}
		if u := org.Units[id]; u != nil {
			return "unit " + esc(u.Nama)
		}
	}
	return esc(id) + " (tidak aktif)"
}

func (c *conv) aspirasiPick(id string) string {
	if c.st.Flow != "asp_cari" && len(c.st.Picks) == 0 {
		c.say(msgStale)
		return "stale"
	}
	if !slices.Contains(c.st.Picks, id) && len(c.st.Picks) < maxChoices {
		c.st.Picks = append(c.st.Picks, id)
	}
	c.st.Flow = ""
	var b strings.Builder
	b.WriteString("Pilihan Anda sejauh ini:\n")
	for i, p := range c.st.Picks {
		fmt.Fprintf(&b, "%d. %s\n", i+1, c.choiceName(p))
	}
	if len(c.st.Picks) >= maxChoices {
		return c.aspirasiAskReason()
	}
	c.say(b.String(), []button{{"Tambah pilihan", "asp_lagi"}, {"Cukup", "asp_cukup"}}, []button{{"Batal", "batal"}})
	return "ok"
}

func (c *conv) aspirasiAskReason() string {
	if len(c.st.Picks) == 0 {
		c.say(msgStale)
		return "stale"
	}
	c.st.Flow = "asp_alasan"
	c.say("Tuliskan alasan Anda dalam satu pesan (misalnya dekat dengan keluarga, sesuai keahlian).")
	return "ok"
}

func (c *conv) aspirasiReason(text string) string {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > 1000 {
		c.say("Alasan itu terlalu panjang (paling banyak 1.000 huruf). Silakan persingkat.")
		return "too-long"
	}
	c.st.Note, c.st.Flow = text, ""
	var b strings.Builder
	b.WriteString("<b>Periksa aspirasi Anda</b>\n")
	for i, p := range c.st.Picks {
		fmt.Fprintf(&b, "%d. %s\n", i+1, c.choiceName(p))
	}
	b.WriteString("Alasan: «" + esc(text) + "»")
	c.say(b.String(), []button{{"Simpan", "asp_simpan"}, {"Batal", "batal"}})
	return "ok"
}

func (c *conv) aspirasiSave() string {
	if len(c.st.Picks) == 0 {
		c.say(msgStale)
		return "stale"
	}
	if _, err := c.b.cfg.Service.SaveAspiration(c.ctx, c.actor(), c.st.Picks, c.st.Note); err != nil {
		return c.fail(err)
	}
	c.st.Picks, c.st.Note, c.st.Flow = nil, "", ""
	c.say("✅ Aspirasi Anda disimpan. Aspirasi ikut menentukan skor Anda untuk jabatan yang Anda pilih. Kirim /aspirasi untuk melihat atau mengubahnya.")
	return "ok"
}

func (c *conv) aspirasiWithdraw() string {
	if err := c.b.cfg.Service.WithdrawAspiration(c.ctx, c.actor()); err != nil {
		return c.fail(err)
	}
	c.say("Aspirasi Anda sudah ditarik.")
	return "ok"
}
