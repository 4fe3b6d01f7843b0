package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// roleNames are the roles as the bot names them to people.
var roleNames = map[mutasi.Role]string{
	mutasi.RoleASN:     "ASN",
	mutasi.RoleManager: "pengelola unit",
	mutasi.RolePolicy:  "staf kebijakan",
}

// parseRole reads --role.
func parseRole(s string) (mutasi.Role, error) {
	switch r := mutasi.Role(strings.ToLower(strings.TrimSpace(s))); r {
	case mutasi.RoleASN, mutasi.RoleManager, mutasi.RolePolicy:
		return r, nil
	case "":
		return "", usagef("--role wajib diisi: asn, manager, atau policy")
	}
	return "", usagef("--role %q tidak dikenal; pilihan: asn, manager, policy", clipArg(s))
}

// botUsernameEnv names the bot in the links the CLI prints.
const botUsernameEnv = "TELEGRAM_BOT_USERNAME"

// botPlaceholder stands for the bot's username in a link when it is not
// known; people replace it by hand.
const botPlaceholder = "<nama_bot>"

// telegramUsername is the form Telegram gives usernames: 5 to 32 letters,
// digits and underscores.
var telegramUsername = regexp.MustCompile(`^[A-Za-z0-9_]{5,32}$`)

// botUsername is the bot's username from --bot or the environment, without
// a leading @, or "" when neither names it.
func botUsername(a *app, flagValue string) (string, error) {
	name, from := flagValue, "--bot"
	if name == "" {
		name, from = a.Getenv(botUsernameEnv), botUsernameEnv
	}
	name = strings.TrimPrefix(strings.TrimSpace(name), "@")
	name = strings.TrimPrefix(name, "https://t.me/")
	if name == "" {
		return "", nil
	}
	if !telegramUsername.MatchString(name) {
		return "", usagef("%s %q bukan nama pengguna Telegram (5–32 huruf, angka, atau _; mis. mutasi_sukamaju_bot)", from, clipArg(name))
	}
	return name, nil
}

// inviteLink is the deep link that opens the bot with the code: Telegram
// sends it to the bot as "/start CODE".
func inviteLink(bot, code string) string {
	if bot == "" {
		bot = botPlaceholder
	}
	return "https://t.me/" + bot + "?start=" + code
}

// botHint tells how to name the bot when links carry the placeholder.
func botHint(bot string) string {
	if bot != "" {
		return ""
	}
	return fmt.Sprintf("Nama bot belum diketahui: ganti %s dengan nama pengguna bot, atau sebutkan dengan --bot NAMA_BOT atau variabel lingkungan %s.",
		botPlaceholder, botUsernameEnv)
}

// formatStamp is how the CLI shows an instant: local time to the minute.
func formatStamp(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// stringList is a repeatable flag (--unit A --unit B); a value may also
// list several, separated by commas.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// normalNIP strips the spaces of a NIP pasted in its grouped form and
// checks it, as a calling mistake when it is malformed.
func normalNIP(s string) (string, error) {
	nip := strings.ReplaceAll(s, " ", "")
	if _, err := mutasi.ParseNIP(nip); err != nil {
		return "", usagef("%q bukan NIP yang sah: %s", clipArg(s), mutasi.ErrorMessage(err))
	}
	return nip, nil
}

// activeUnits checks that every id names an active unit, suggesting the
// nearest id for a typo, and returns the units without repeats.
func activeUnits(ctx context.Context, db *store.DB, ids []string) ([]*mutasi.Unit, error) {
	units, err := db.Units(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*mutasi.Unit, len(units))
	all := make([]string, len(units))
	for i, u := range units {
		byID[u.ID], all[i] = u, u.ID
	}
	var out []*mutasi.Unit
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if u := byID[id]; u != nil {
			out = append(out, u)
			continue
		}
		if u, err := db.Unit(ctx, id); err == nil {
			return nil, mutasi.Errorf(mutasi.ECONFLICT, "unit %s (%s) sudah nonaktif", u.ID, u.Nama)
		} else if mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
			return nil, err
		}
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "unit %s tidak ada%s", clipArg(id), nearestID(id, all))
	}
	return out, nil
}

// nearestID names the closest of ids to a mistyped one ("; maksudnya
// X?"), or "" when none is close.
func nearestID(id string, ids []string) string {
	if len(id) > 64 {
		return ""
	}
	best, bestDist := "", 4
	upper := strings.ToUpper(id)
	for _, c := range ids {
		if d := mutasi.EditDistance(upper, strings.ToUpper(c)); d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; maksudnya %s?", best)
}

// unitNames lists units as "ID (Nama)".
func unitNames(units []*mutasi.Unit) string {
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = fmt.Sprintf("%s (%s)", u.ID, u.Nama)
	}
	return strings.Join(parts, ", ")
}
