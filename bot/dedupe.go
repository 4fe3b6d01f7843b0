package bot

import (
	"context"
	"time"
)

// redeliveryWindow is how long Telegram keeps an update it has not been
// told was received. A mark older than that cannot meet a redelivery, and
// must not be trusted: after a week without updates Telegram may start
// its update ids again from a lower number.
const redeliveryWindow = 24 * time.Hour

// seen reports whether the update was handled before in this chat.
// Telegram hands updates out again when the bot stopped (or died) before
// its next getUpdates confirmed them; a chat's updates are handled one at
// a time and in id order, so the last id handled is enough to tell. A
// store that cannot answer lets the update through: answering twice is
// better than not at all.
func (b *Bot) seen(ctx context.Context, chat, updateID int64) bool {
	if b.cfg.Updates == nil || updateID <= 0 {
		return false
	}
	last, at, err := b.cfg.Updates.LastUpdate(ctx, chat)
	if err != nil {
		b.log.Warn("last update of chat", "chat", chat, "err", err)
		return false
	}
	return updateID <= last && b.cfg.Now().Sub(at) < redeliveryWindow
}

// markHandled records the update as handled in its chat.
func (b *Bot) markHandled(ctx context.Context, chat, updateID int64) {
	if b.cfg.Updates == nil || updateID <= 0 {
		return
	}
	if err := b.cfg.Updates.MarkUpdate(context.WithoutCancel(ctx), chat, updateID); err != nil {
		b.log.Warn("mark update handled", "chat", chat, "update", updateID, "err", err)
	}
}
