package mutasi

import (
	"time"
	"unicode/utf8"
)

// AuditEntry records one act that changed something or decided something,
// so that a move can be explained long after: who, what, when, and under
// which policy.
type AuditEntry struct {
	ID            int64
	At            time.Time
	Actor         string // "tg:<id>" for a bot user, "cli" for the command line
	Action        string // e.g. import.employees, proposal.create, policy.reload
	Subject       string // what it acted on: a NIP, a proposal id, a file
	Detail        string
	PolicyVersion string
}

// Validate checks the entry: an audit record must say who did what.
func (e *AuditEntry) Validate() error {
	var p problems
	if e.Actor == "" {
		p.add("actor", "wajib diisi")
	}
	if e.Action == "" {
		p.add("action", "wajib diisi")
	}
	return p.err()
}

// NotificationStatus is the delivery state of an outbound message.
type NotificationStatus string

const (
	NotificationPending NotificationStatus = "pending"
	NotificationSent    NotificationStatus = "sent"
	NotificationFailed  NotificationStatus = "failed" // gave up after retries
)

// Notification is an outbound message kept in an outbox until Telegram has
// accepted it, so that a crash or a network failure loses nothing.
type Notification struct {
	ID            int64
	TelegramID    int64
	Text          string
	ProposalID    int64 // 0 if not about a proposal
	Status        NotificationStatus
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time
	SentAt        time.Time
}

// MaxNotificationText is Telegram's limit for one message, in characters.
const MaxNotificationText = 4096

// Validate checks the notification before it enters the outbox: a message
// that Telegram would refuse must be caught here, not retried forever.
func (n *Notification) Validate() error {
	var p problems
	if n.TelegramID == 0 {
		p.add("telegram_id", "wajib diisi")
	}
	switch l := utf8.RuneCountInString(n.Text); {
	case l == 0:
		p.add("text", "pesan kosong")
	case l > MaxNotificationText:
		p.add("text", "terlalu panjang untuk satu pesan Telegram (%s dari paling banyak %s huruf)", FormatInt(l), FormatInt(MaxNotificationText))
	}
	switch n.Status {
	case NotificationPending, NotificationSent, NotificationFailed, "":
	default:
		p.add("status", "%q tidak dikenal", string(n.Status))
	}
	if n.Attempts < 0 {
		p.add("attempts", "tidak boleh negatif")
	}
	return p.err()
}
