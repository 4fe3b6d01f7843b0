package bot

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

// Users finds and registers bot users (the store).
type Users interface {
	User(ctx context.Context, telegramID int64) (*mutasi.User, error)
	RedeemInvite(ctx context.Context, code string, telegramID int64, nama string) (*mutasi.User, error)
}

// States keeps each user's conversation state (the store).
type States interface {
	ChatState(ctx context.Context, telegramID int64) (string, error)
	SaveChatState(ctx context.Context, telegramID int64, state string) error
}

// Updates remembers the last update handled in each chat (the store), so
// that one Telegram hands out again after a restart is not answered twice.
type Updates interface {
	LastUpdate(ctx context.Context, chatID int64) (updateID int64, at time.Time, err error)
	MarkUpdate(ctx context.Context, chatID, updateID int64) error
}

// Policy is what policy staff manage from the chat: the rules in force
// and their reload.
type Policy interface {
	// Describe lists the policy in force (name, version, rules).
	Describe() string
	// Reload compiles and tests the rule files again; the old rules stay
	// in force unless the new ones compile and pass their tests. The text
	// says what happened (with file:line:column for errors).
	Reload(ctx context.Context) (text string, activated bool)
}

// Chart draws the workload chart of units as a PNG.
type Chart func(w io.Writer, rows []placement.UnitLoad, title string) error

// Config is what the bot needs.
type Config struct {
	Service *placement.Service
	Users   Users
	States  States
	Updates Updates // nil: every update is handled, also one seen before
	Policy  Policy
	Chart   Chart
	Logger  *slog.Logger
	Now     func() time.Time
	// Username is the bot's @username, for links; "" if unknown.
	Username string
	// PerUser limits how many updates one person may send (default 1 a
	// second, bursts of 5): more gets a polite request to wait.
	PerUser float64
	Burst   int
	// Wake is called after a change queued notifications, so that the
	// sender looks at the outbox now.
	Wake func()
}
