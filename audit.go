package mutasi

import "time"

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
