package mutasi

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
	"time"
	"unicode/utf8"
)

// Role says what a bot user may do.
type Role string

const (
	RoleASN     Role = "asn"
	RoleManager Role = "manager"
	RolePolicy  Role = "policy"
)

// User is a person registered with the bot.
type User struct {
	TelegramID int64
	Role       Role
	NIP        string   // the employee the user is; required for asn
	UnitScope  []string // units a manager may see (their subtrees); empty for asn
	Nama       string
	CreatedAt  time.Time
	Active     bool
}

// Validate checks the user's fields.
func (u *User) Validate() error {
	var p problems
	if u.TelegramID <= 0 {
		p.add("telegram_id", "harus bilangan positif")
	}
	switch u.Role {
	case RoleASN:
		if _, err := ParseNIP(u.NIP); err != nil {
			p.add("nip", "%s", ErrorMessage(err))
		}
	case RoleManager:
		if len(u.UnitScope) == 0 {
			p.add("unit_scope", "pengelola wajib memiliki minimal satu unit")
		}
	case RolePolicy:
	default:
		p.add("role", "%q harus asn, manager, atau policy", string(u.Role))
	}
	for _, id := range u.UnitScope {
		if !validID(id) {
			p.add("unit_scope", "%q bukan kode unit yang sah", id)
		}
	}
	return p.err()
}

// InviteTTL is how long an invite stays usable unless staff say otherwise.
const InviteTTL = 7 * 24 * time.Hour

// Invite lets one person register with a given role: staff hand out a code,
// the person sends it to the bot, and it is used at most once.
//
// The code is a secret like a password: the store keeps only its SHA-256,
// so Code is set only on an invite being created (and shown once to whoever
// hands it out); invites read back from the store have an empty Code.
type Invite struct {
	Code      string
	Role      Role
	NIP       string // the employee invited; required for asn, optional otherwise
	Nama      string // the person invited; required when there is no NIP
	UnitScope []string
	CreatedBy int64 // Telegram id of the inviter, 0 for the command line
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedBy    int64
	UsedAt    time.Time
}

// Usable reports whether the invite can still be redeemed at now.
func (i *Invite) Usable(now time.Time) bool {
	return i.UsedAt.IsZero() && now.Before(i.ExpiresAt)
}

// Invite codes travel in a Telegram deep link (t.me/bot?start=CODE), whose
// payload Telegram limits to 64 characters of A–Z, a–z, 0–9, _ and -.
const (
	inviteCodeMin = 8
	inviteCodeMax = 64
)

// ValidInviteCode reports whether code has the form of an invite code:
// 8 to 64 characters of A–Z, a–z, 0–9, '_' and '-'.
func ValidInviteCode(code string) bool {
	if len(code) < inviteCodeMin || len(code) > inviteCodeMax {
		return false
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// inviteEncoding writes 20 random bytes as 32 lower-case letters and
// digits: no padding, nothing a phone keyboard or a link would mangle.
var inviteEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewInviteCode returns a fresh invite code: 160 random bits from
// crypto/rand, 32 characters that fit a Telegram /start payload.
func NewInviteCode() (string, error) {
	var b [20]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return inviteEncoding.EncodeToString(b[:]), nil
}

// Validate checks the invite's fields.
func (i *Invite) Validate() error {
	var p problems
	switch {
	case len(i.Code) < inviteCodeMin:
		p.add("code", "kode undangan terlalu pendek (minimal %d karakter)", inviteCodeMin)
	case len(i.Code) > inviteCodeMax:
		p.add("code", "kode undangan terlalu panjang (paling banyak %d karakter)", inviteCodeMax)
	case !ValidInviteCode(i.Code):
		p.add("code", "kode undangan hanya boleh berisi huruf, angka, '_' dan '-'")
	}
	u := User{TelegramID: 1, Role: i.Role, NIP: i.NIP, UnitScope: i.UnitScope}
	if err := u.Validate(); err != nil {
		p = append(p, err.(ValidationError)...)
	}
	if i.Role != RoleASN && i.NIP != "" {
		if _, err := ParseNIP(i.NIP); err != nil {
			p.add("nip", "%s", ErrorMessage(err))
		}
	}
	switch {
	case i.NIP == "" && strings.TrimSpace(i.Nama) == "" && i.Role != RoleASN:
		p.add("nama", "wajib diisi untuk undangan tanpa NIP")
	case utf8.RuneCountInString(i.Nama) > 200:
		p.add("nama", "terlalu panjang (lebih dari 200 huruf)")
	}
	checkText(&p, "nama", i.Nama, false)
	if i.ExpiresAt.IsZero() {
		p.add("expires_at", "wajib diisi")
	}
	return p.err()
}

// UserFilter selects bot users; zero fields match everything.
type UserFilter struct {
	Role       Role
	NIP        string
	ActiveOnly bool // leave out revoked users
}

// InviteFilter selects invites; zero fields match everything.
type InviteFilter struct {
	// Unused keeps only the invites that can still be redeemed: not used
	// and not expired by the store's clock.
	Unused bool
	NIP    string
}
