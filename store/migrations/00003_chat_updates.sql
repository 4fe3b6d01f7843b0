-- The last Telegram update the bot handled in each chat. Telegram hands
-- an update out again when the bot stopped (or died) before it confirmed
-- it with the next getUpdates; the bot looks here and answers each update
-- once. One row per chat, so nothing needs pruning.

-- +goose Up
CREATE TABLE chat_updates (
	chat_id    INTEGER PRIMARY KEY,
	update_id  INTEGER NOT NULL,
	handled_at TEXT NOT NULL
) STRICT;

-- +goose Down
DROP TABLE chat_updates;
