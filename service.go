package mutasi

import (
	"context"
	"time"
)

// Directory reads the organisation: units, positions, employees and their
// aspirations. Positions come with Holders filled in. Inactive rows are
// returned only where asked for by id, so that history stays explainable.
type Directory interface {
	Unit(ctx context.Context, id string) (*Unit, error)
	Units(ctx context.Context) ([]*Unit, error)
	Position(ctx context.Context, id string) (*Position, error)
	Positions(ctx context.Context) ([]*Position, error)
	Employee(ctx context.Context, nip string) (*Employee, error)
	// EachEmployee streams the active employees in NIP order without
	// holding them all; fn's *Employee is reused between calls.
	EachEmployee(ctx context.Context, fn func(*Employee) error) error
	Aspiration(ctx context.Context, nip string) (*Aspiration, error)
	EachAspiration(ctx context.Context, fn func(*Aspiration) error) error
}

// Importer writes whole exchange files, all or nothing.
type Importer interface {
	ImportUnits(ctx context.Context, rows RowReader[Unit], opt ImportOptions) (ImportResult, error)
	ImportPositions(ctx context.Context, rows RowReader[Position], opt ImportOptions) (ImportResult, error)
	ImportEmployees(ctx context.Context, rows RowReader[Employee], opt ImportOptions) (ImportResult, error)
	ImportAspirations(ctx context.Context, rows RowReader[Aspiration], opt ImportOptions) (ImportResult, error)
}

// AspirationService records what employees ask for through the bot.
type AspirationService interface {
	SaveAspiration(ctx context.Context, a *Aspiration) error
	DeleteAspiration(ctx context.Context, nip string) error
}

// ProposalService keeps proposals and their workflow. Transition checks
// CanTransition and records who and when in the same transaction.
type ProposalService interface {
	CreateProposal(ctx context.Context, p *Proposal) error
	Proposal(ctx context.Context, id int64) (*Proposal, error)
	Proposals(ctx context.Context, filter ProposalFilter) ([]*Proposal, error)
	TransitionProposal(ctx context.Context, id int64, to ProposalStatus, by int64, note string) (*Proposal, error)
}

// ProposalFilter selects proposals; zero fields match everything.
type ProposalFilter struct {
	NIP       string
	Status    ProposalStatus
	Statuses  []ProposalStatus // any of these
	CreatedBy int64            // proposed by this Telegram user
	Limit     int
}

// ProposalChange is what one change of a proposal owes: the notifications
// to queue and the audit entry, built from the proposal as changed (its ID
// and new status set). Both are written in the change's own transaction,
// so that a crash can lose neither the change nor the news of it.
type ProposalChange func(p *Proposal) (notes []*Notification, entry *AuditEntry)

// ProposalFlow changes proposals together with what the change owes.
type ProposalFlow interface {
	CreateProposalFlow(ctx context.Context, p *Proposal, change ProposalChange) error
	TransitionProposalFlow(ctx context.Context, id int64, to ProposalStatus, by int64, note string, change ProposalChange) (*Proposal, error)
}

// UserService keeps bot users and their invites.
type UserService interface {
	User(ctx context.Context, telegramID int64) (*User, error)
	SaveUser(ctx context.Context, u *User) error
	CreateInvite(ctx context.Context, inv *Invite) error
	// RedeemInvite marks the invite used by telegramID and creates the user,
	// in one transaction; an unknown, used or expired code is ENOTFOUND.
	RedeemInvite(ctx context.Context, code string, telegramID int64, nama string) (*User, error)
}

// Outbox keeps outbound notifications until they are delivered.
type Outbox interface {
	Enqueue(ctx context.Context, n *Notification) error
	// Due returns up to limit pending notifications whose time has come.
	Due(ctx context.Context, now time.Time, limit int) ([]*Notification, error)
	MarkSent(ctx context.Context, id int64, at time.Time) error
	MarkFailed(ctx context.Context, id int64, errText string, retryAt time.Time, giveUp bool) error
}

// AuditLog appends audit entries.
type AuditLog interface {
	Audit(ctx context.Context, e *AuditEntry) error
}
