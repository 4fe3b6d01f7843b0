package bot

import (
	"regexp"

	"github.com/mutasi/mutasi"
)

// startPayload is what Telegram lets a /start deep link carry.
var startPayload = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// start registers with an invitation code, or greets.
func (c *conv) start(code string) string {
	if code == "" {
		if c.user == nil {
			c.say(msgRegister)
			return "unregistered"
		}
		return c.help()
	}
	if c.user != nil && c.user.Active {
		c.say("Akun Telegram ini sudah terdaftar sebagai " + roleName[c.user.Role] + ". Kirim /bantuan untuk melihat perintah Anda.")
		return "already-registered"
	}
	if !startPayload.MatchString(code) {
		c.say(msgBadCode)
		return "bad-code"
	}
	u, err := c.b.cfg.Users.RedeemInvite(c.ctx, code, c.from, c.name)
	switch {
	case mutasi.ErrorCode(err) == mutasi.ENOTFOUND:
		c.say(msgBadCode)
		return "bad-code"
	case err != nil:
		return c.fail(err)
	}
	c.user = u
	if err := SetCommands(c.ctx, c.tg, c.chat, u.Role); err != nil {
		c.b.log.Warn("setMyCommands failed", "chat", c.chat, "err", redact(err))
	}
	c.say("✅ Pendaftaran berhasil. Selamat datang, " + esc(c.name) + ".")
	return c.help()
}
