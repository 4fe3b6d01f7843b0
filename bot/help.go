package bot

import (
	"context"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/mutasi/mutasi"
)

// command is a menu entry.
type command struct{ name, description string }

// commandsFor is each role's menu, as registered with setMyCommands for
// the user's chat.
func commandsFor(role mutasi.Role) []command {
	switch role {
	case mutasi.RoleASN:
		return []command{
			{"cek", "Bolehkah saya dimutasi? (dengan semua alasannya)"},
			{"aspirasi", "Isi, ubah, atau tarik aspirasi penempatan"},
			{"usulan", "Usulan mutasi untuk saya, dan jawabannya"},
			{"bantuan", "Cara memakai layanan ini"},
		}
	case mutasi.RoleManager:
		return []command{
			{"rekomendasi", "Calon terbaik untuk jabatan lowong"},
			{"beban", "Grafik beban kerja unit saya"},
			{"rencana", "Rencana mutasi untuk unit saya"},
			{"usulan", "Usulan yang saya buat, dan jawabannya"},
			{"cek", "Periksa syarat mutasi pegawai unit saya (NIP)"},
			{"bantuan", "Cara memakai layanan ini"},
		}
	case mutasi.RolePolicy:
		return []command{
			{"aturan", "Kebijakan yang berlaku dan aturannya"},
			{"muat_ulang", "Muat ulang berkas aturan"},
			{"usulan", "Usulan yang menunggu keputusan"},
			{"rekomendasi", "Calon terbaik untuk jabatan lowong"},
			{"beban", "Grafik beban kerja seluruh unit"},
			{"rencana", "Rencana mutasi terakhir"},
			{"cek", "Periksa syarat mutasi pegawai (NIP)"},
			{"bantuan", "Cara memakai layanan ini"},
		}
	}
	return []command{{"start", "Daftar dengan kode undangan"}, {"bantuan", "Cara memakai layanan ini"}}
}

var roleName = map[mutasi.Role]string{
	mutasi.RoleASN:     "ASN",
	mutasi.RoleManager: "pengelola unit",
	mutasi.RolePolicy:  "staf kebijakan",
}

func (c *conv) help() string {
	var b strings.Builder
	b.WriteString("<b>Layanan mutasi ASN</b> — Anda terdaftar sebagai " + roleName[c.user.Role] + ".\n\n")
	for _, cmd := range commandsFor(c.user.Role) {
		b.WriteString("/" + cmd.name + " — " + esc(cmd.description) + "\n")
	}
	switch c.user.Role {
	case mutasi.RoleASN:
		b.WriteString("\nSetiap jawaban menyebut aturan yang dipakai dan nilai yang menentukannya. Usulan mutasi untuk Anda selalu bisa dijawab dengan keberatan.")
	case mutasi.RoleManager:
		b.WriteString("\nContoh: <code>/rekomendasi analis kebijakan</code>. Anda melihat calon dari seluruh pemda untuk jabatan di unit Anda, dan data lengkap pegawai unit Anda sendiri.")
	default:
		b.WriteString("\nAturan yang gagal dimuat ulang tidak pernah menggantikan aturan yang berlaku.")
	}
	c.say(b.String())
	return "ok"
}

// SetCommands registers a role's menu for one chat, and the menu of
// people not yet registered as the default.
func SetCommands(ctx context.Context, tg *tgbot.Bot, chat int64, role mutasi.Role) error {
	var cmds []models.BotCommand
	for _, c := range commandsFor(role) {
		cmds = append(cmds, models.BotCommand{Command: c.name, Description: c.description})
	}
	params := &tgbot.SetMyCommandsParams{Commands: cmds, Scope: &models.BotCommandScopeDefault{}}
	if chat != 0 {
		params.Scope = &models.BotCommandScopeChat{ChatID: chat}
	}
	_, err := tg.SetMyCommands(ctx, params)
	return err
}
