package mutasi

import "time"

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

// Invite lets one person register with a given role: staff hand out a code,
// the person sends it to the bot, and it is used at most once.
type Invite struct {
	Code      string
	Role      Role
	NIP       string
	UnitScope []string
	CreatedBy int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedBy    int64
	UsedAt    time.Time
}

// Usable reports whether the invite can still be redeemed at now.
func (i *Invite) Usable(now time.Time) bool {
	return i.UsedAt.IsZero() && now.Before(i.ExpiresAt)
}

// Validate checks the invite's fields.
func (i *Invite) Validate() error {
	var p problems
	if len(i.Code) < 8 {
		p.add("code", "kode undangan terlalu pendek")
	}
	u := User{TelegramID: 1, Role: i.Role, NIP: i.NIP, UnitScope: i.UnitScope}
	if err := u.Validate(); err != nil {
		p = append(p, err.(ValidationError)...)
	}
	if i.ExpiresAt.IsZero() {
		p.add("expires_at", "wajib diisi")
	}
	return p.err()
}
