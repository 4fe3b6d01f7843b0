package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
)

// cek answers "may I be moved?" for an ASN, or checks an employee by NIP
// for a manager or policy staff. With a position's name, an ASN searches
// for the position first.
func (c *conv) cek(arg string) string {
	if c.user.Role == mutasi.RoleASN {
		if arg != "" {
			return c.search(arg, "cek_ke", true)
		}
		res, err := c.b.cfg.Service.Check(c.ctx, c.actor(), c.user.NIP, "", c.b.cfg.Now())
		if err != nil {
			return c.fail(err)
		}
		c.say(decisionText(res), []button{{"Cek ke jabatan tertentu", "cek_cari"}, {"Isi aspirasi", "asp_mulai"}})
		return "ok"
	}
	nip, rest, _ := strings.Cut(strings.TrimSpace(arg), " ")
	if nip == "" {
		c.say("Kirim <code>/cek NIP</code>, atau <code>/cek NIP JABATAN_ID</code> untuk jabatan tertentu.")
		return "usage"
	}
	res, err := c.b.cfg.Service.Check(c.ctx, c.actor(), nip, strings.TrimSpace(rest), c.b.cfg.Now())
	if err != nil {
		return c.fail(err)
	}
	c.say(decisionText(res))
	return "ok"
}

// cekTo answers an ASN's "may I move to this position?".
func (c *conv) cekTo(pos string) string {
	res, err := c.b.cfg.Service.Check(c.ctx, c.actor(), c.user.NIP, pos, c.b.cfg.Now())
	if err != nil {
		return c.fail(err)
	}
	c.st.Flow = ""
	c.say(decisionText(res), []button{{"Cek jabatan lain", "cek_cari"}})
	return "ok"
}

// pageSize is how many positions one keyboard lists.
const pageSize = 5

// search finds positions by name and offers them on a keyboard, five a
// page; pressing one does verb with its id.
func (c *conv) search(query, verb string, vacantFirst bool) string {
	return c.searchPage(query, verb, vacantFirst, 0)
}

func (c *conv) searchPage(query, verb string, vacantFirst bool, page int) string {
	search := c.b.cfg.Service.SearchPositions
	if verb == "rek" { // candidates only for the positions one manages
		search = c.b.cfg.Service.SearchManagedPositions
	}
	hits, err := search(c.ctx, c.actor(), query, 50, vacantFirst)
	if err != nil {
		return c.fail(err)
	}
	if len(hits) == 0 {
		where := ""
		if verb == "rek" && c.user.Role == mutasi.RoleManager {
			where = " di unit Anda"
		}
		c.say(fmt.Sprintf("Tidak ada jabatan%s yang cocok dengan «%s». Coba kata lain, misalnya sebagian nama jabatannya.", where, esc(clip(query, 60))))
		return "not-found"
	}
	pages := (len(hits) + pageSize - 1) / pageSize
	page = min(max(page, 0), pages-1)
	var rows [][]button
	for _, h := range hits[page*pageSize : min(len(hits), (page+1)*pageSize)] {
		label := h.Position.Nama
		if h.Unit != nil {
			label += " — " + h.Unit.Nama
		}
		if v := h.Position.Vacancy(); v > 0 {
			label += fmt.Sprintf(" (lowong %d)", v)
		}
		rows = append(rows, []button{{clip(label, 60), verb + ":" + h.Position.ID}})
	}
	var nav []button
	flag := "0"
	if vacantFirst {
		flag = "1"
	}
	if page > 0 {
		nav = append(nav, button{"◀ Sebelumnya", "page:" + strconv.Itoa(page-1) + ":" + verb + ":" + flag + ":" + query})
	}
	if page < pages-1 {
		nav = append(nav, button{"Berikutnya ▶", "page:" + strconv.Itoa(page+1) + ":" + verb + ":" + flag + ":" + query})
	}
	if len(nav) > 0 {
		rows = append(rows, nav)
	}
	rows = append(rows, []button{{"Batal", "batal"}})
	c.say(fmt.Sprintf("Pilih jabatan (halaman %d dari %d, %d hasil):", page+1, pages, len(hits)), rows...)
	return "ok"
}

// page turns a search keyboard's page.
func (c *conv) page(arg string) string {
	parts := strings.SplitN(arg, ":", 4)
	if len(parts) != 4 {
		c.say(msgStale)
		return "stale"
	}
	n, _ := strconv.Atoi(parts[0])
	return c.searchPage(parts[3], parts[1], parts[2] == "1", n)
}

// clip shortens text shown on a button or echoed back.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
