package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mutasi/mutasi"
)

// Sender delivers one message to a Telegram user. The bot adapter
// implements it with go-telegram/bot's SendMessage (parse mode HTML). Its
// error says what to do next: a *RetryAfterError is a wait, an error
// wrapping ErrUndeliverable is final, any other error is transient.
type Sender interface {
	Send(ctx context.Context, n *mutasi.Notification) error
}

// RetryAfterError is Telegram's 429 Too Many Requests: the message may be
// sent again after After (retry_after).
type RetryAfterError struct{ After time.Duration }

func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("429 Too Many Requests: retry after %s", e.After)
}

// ErrUndeliverable marks a message that will never be delivered, however
// often it is tried: 403 (the user blocked the bot or is deactivated) or
// 400 "chat not found". A Sender wraps it (errors.Is); such a message is
// given up at once.
var ErrUndeliverable = errors.New("notify: undeliverable")
