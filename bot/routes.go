package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
)

func itoa(i int) string { return strconv.Itoa(i) }

// dispatch answers a command; what a role may not do is said, not hidden.
func (c *conv) dispatch(cmd, arg string) string {
	role := c.user.Role
	switch cmd {
	case "bantuan", "help":
		return c.help()
	case "cek":
		return c.cek(arg)
	case "usulan", "setujui", "tolak":
		return c.usulan()
	case "aspirasi":
		if role == mutasi.RoleASN {
			return c.aspirasi()
		}
	case "rekomendasi":
		if role != mutasi.RoleASN {
			return c.rekomendasi(arg)
		}
	case "beban":
		if role != mutasi.RoleASN {
			return c.beban()
		}
	case "rencana":
		if role != mutasi.RoleASN {
			return c.rencana()
		}
	case "aturan":
		if role == mutasi.RolePolicy {
			return c.aturan()
		}
	case "muat_ulang":
		if role == mutasi.RolePolicy {
			return c.muatUlang()
		}
	default:
		c.say(msgUnknownCmd)
		return "unknown-command"
	}
	c.say("Perintah itu bukan untuk peran Anda. Kirim /bantuan untuk melihat perintah Anda.")
	return "refused"
}

// press answers a button, by the action remembered for it.
func (c *conv) press(action string) string {
	verb, arg, _ := strings.Cut(action, ":")
	switch verb {
	case "cek_cari":
		c.st.Flow = "cek_cari"
		c.say("Ketik nama jabatan yang ingin Anda periksa, misalnya <i>analis kebijakan</i>.")
		return "ok"
	case "cek_ke":
		return c.cekTo(arg)
	case "page":
		return c.page(arg)
	case "asp_mulai":
		c.st.Picks, c.st.Flow = nil, "asp_cari"
		c.say("Ketik nama jabatan atau unit yang Anda inginkan (pilihan ke-1 dari paling banyak 3).")
		return "ok"
	case "asp_pilih":
		return c.aspirasiPick(arg)
	case "asp_lagi":
		c.st.Flow = "asp_cari"
		c.say(fmt.Sprintf("Ketik nama jabatan atau unit untuk pilihan ke-%d.", len(c.st.Picks)+1))
		return "ok"
	case "asp_cukup":
		return c.aspirasiAskReason()
	case "asp_simpan":
		return c.aspirasiSave()
	case "asp_tarik":
		return c.aspirasiWithdraw()
	case "batal":
		c.st.Flow, c.st.Picks, c.st.Ref, c.st.Note = "", nil, 0, ""
		c.say("Dibatalkan.")
		return "ok"
	case "mengerti":
		return c.answer(arg, true)
	case "keberatan":
		id, _ := strconv.ParseInt(arg, 10, 64)
		c.st.Flow, c.st.Ref = "keberatan", id
		c.say("Tuliskan alasan keberatan Anda dalam satu pesan. Alasan ini dibaca staf kebijakan.")
		return "ok"
	case "rek":
		return c.recommend(arg)
	case "usul":
		nip, pos, _ := strings.Cut(arg, ":")
		return c.propose(nip, pos)
	case "usul_rencana":
		planID, n, _ := strings.Cut(arg, ":")
		return c.proposeFromPlan(planID, n)
	case "setuju":
		return c.decide(arg, true, "")
	case "tolak":
		id, _ := strconv.ParseInt(arg, 10, 64)
		c.st.Flow, c.st.Ref = "tolak", id
		c.say("Tuliskan alasan penolakan dalam satu pesan. Alasan ini disampaikan kepada pegawai dan pengusul.")
		return "ok"
	}
	c.say(msgStale)
	return "stale"
}

// reply answers plain text: the answer to the question the bot asked, or
// a pointer to the commands.
func (c *conv) reply(text string) string {
	switch c.st.Flow {
	case "cek_cari":
		return c.search(text, "cek_ke", true)
	case "rek_cari":
		return c.search(text, "rek", true)
	case "asp_cari":
		return c.search(text, "asp_pilih", false)
	case "asp_alasan":
		return c.aspirasiReason(text)
	case "keberatan":
		return c.objection(text)
	case "tolak":
		return c.decide(strconv.FormatInt(c.st.Ref, 10), false, text)
	}
	c.say("Silakan pilih perintah dari menu, atau kirim /bantuan.")
	return "no-flow"
}
