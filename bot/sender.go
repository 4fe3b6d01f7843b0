package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/notify"
)

// Sender delivers outbox notifications through Telegram, classifying its
// failures as package notify needs: 429 is a wait, 403 (blocked or
// deactivated) and a refused message are final, the rest transient.
type Sender struct{ TG *tgbot.Bot }

// Send sends one notification as an HTML message.
func (s Sender) Send(ctx context.Context, n *mutasi.Notification) error {
	_, err := s.TG.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: n.TelegramID, Text: n.Text, ParseMode: models.ParseModeHTML})
	var tooMany *tgbot.TooManyRequestsError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooMany):
		return &notify.RetryAfterError{After: time.Duration(max(tooMany.RetryAfter, 1)) * time.Second}
	case errors.Is(err, tgbot.ErrorForbidden), errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound):
		// Blocked, deactivated, chat not found, or a message Telegram
		// will never take: retrying changes nothing.
		return fmt.Errorf("%w: %s", notify.ErrUndeliverable, redact(err))
	}
	return errors.New(redact(err))
}
