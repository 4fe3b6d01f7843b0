-- Transfer plans, the decision behind each proposal, and a counter of
-- changes to the organisation data.

-- +goose Up
CREATE TABLE plans (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	created_at     TEXT NOT NULL,
	created_by     INTEGER NOT NULL DEFAULT 0,
	eval_date      TEXT NOT NULL,
	policy_version TEXT NOT NULL,
	objective      REAL NOT NULL,
	moves          INTEGER NOT NULL CHECK (moves >= 0),
	-- The whole report as the placement service wrote it (JSON).
	body           TEXT NOT NULL CHECK (json_valid(body))
) STRICT;

-- The decision (JSON) that justified a proposal when it was made, and the
-- plan it came from (0: none).
ALTER TABLE proposals ADD COLUMN justification TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 0;

-- One row; every write of units, positions, employees or aspirations
-- raises it in the same transaction, so that a long-running process (the
-- bot) knows when its in-memory copy is stale, whoever wrote.
CREATE TABLE data_generation (
	only       INTEGER PRIMARY KEY CHECK (only = 1),
	generation INTEGER NOT NULL
) STRICT;
INSERT INTO data_generation (only, generation) VALUES (1, 1);

-- The organisation as the placement service reads it, encoded once per
-- data generation: reading 100,000 employees row by row takes about half
-- a second, one blob a few milliseconds. A snapshot of an older
-- generation is never read.
CREATE TABLE org_snapshot (
	only       INTEGER PRIMARY KEY CHECK (only = 1),
	generation INTEGER NOT NULL,
	format     INTEGER NOT NULL,
	data       BLOB NOT NULL
) STRICT;

-- Where each bot user is in a conversation (which question the bot asked,
-- the choices on the keyboard it showed): kept here, not in memory, so a
-- restart in the middle of /aspirasi continues where the user was.
CREATE TABLE chat_state (
	telegram_id INTEGER PRIMARY KEY,
	state       TEXT NOT NULL CHECK (json_valid(state)),
	updated_at  TEXT NOT NULL
) STRICT;

-- Invite codes are stored as their SHA-256 (hex), like passwords: the
-- plain code exists only in what the inviter is shown. A code stored in
-- plain text before cannot be found by its hash, so it is replaced by a
-- random value of the same form (no plain code stays behind) and, if still
-- unused, expired: it could not be redeemed any more anyway.
UPDATE invites SET code = lower(hex(randomblob(32))),
	expires_at = CASE WHEN used_at = '' THEN created_at ELSE expires_at END;
-- Who is invited, for invites without a NIP (a manager, policy staff).
ALTER TABLE invites ADD COLUMN nama TEXT NOT NULL DEFAULT '';
-- An employee's invites: revoked with the user, replaced by a new invite.
CREATE INDEX invites_nip ON invites (nip, role) WHERE nip IS NOT NULL;

-- +goose Down
DROP INDEX invites_nip;
ALTER TABLE invites DROP COLUMN nama;
DROP TABLE chat_state;
DROP TABLE org_snapshot;
DROP TABLE data_generation;
ALTER TABLE proposals DROP COLUMN plan_id;
ALTER TABLE proposals DROP COLUMN justification;
DROP TABLE plans;
