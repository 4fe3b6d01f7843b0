-- Initial schema of mutasi.
--
-- Dates are TEXT 'YYYY-MM-DD' ('' when unknown); timestamps are TEXT in
-- UTC with fixed-width nanoseconds ('2006-01-02T15:04:05.000000000Z'), so
-- that they sort as text; '' when unset. Units, positions and employees are
-- never deleted, only made inactive: proposals and history refer to them.

-- +goose Up
CREATE TABLE units (
	unit_id  TEXT PRIMARY KEY,
	nama     TEXT NOT NULL CHECK (nama <> ''),
	-- A unit may name a parent that comes later in the same import file.
	induk_id TEXT REFERENCES units (unit_id) DEFERRABLE INITIALLY DEFERRED,
	active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	CHECK (induk_id IS NULL OR induk_id <> unit_id)
) STRICT;
CREATE INDEX units_induk_id ON units (induk_id);

CREATE TABLE positions (
	jabatan_id        TEXT PRIMARY KEY,
	unit_id           TEXT NOT NULL REFERENCES units (unit_id),
	nama              TEXT NOT NULL CHECK (nama <> ''),
	jenis_jabatan     TEXT NOT NULL CHECK (jenis_jabatan IN ('jpt', 'administrator', 'pengawas', 'pelaksana', 'fungsional')),
	jenjang           TEXT NOT NULL DEFAULT '',
	kebutuhan         INTEGER NOT NULL CHECK (kebutuhan >= 0),
	beban_kerja_jam   REAL NOT NULL CHECK (beban_kerja_jam >= 0),
	pendidikan_min    TEXT NOT NULL DEFAULT '',
	-- JSON array of strings, '[]' for none: round-trips any element exactly.
	rumpun_pendidikan TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rumpun_pendidikan)),
	golongan_min      TEXT NOT NULL DEFAULT '',
	active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX positions_unit_id ON positions (unit_id);

CREATE TABLE employees (
	nip                    TEXT PRIMARY KEY CHECK (length(nip) = 18),
	nama                   TEXT NOT NULL CHECK (nama <> ''),
	tanggal_lahir          TEXT NOT NULL CHECK (date(tanggal_lahir) = tanggal_lahir),
	jenis_kelamin          TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
	status                 TEXT NOT NULL CHECK (status IN ('PNS', 'PPPK')),
	golongan               TEXT NOT NULL,
	jabatan_id             TEXT NOT NULL REFERENCES positions (jabatan_id),
	tmt_jabatan            TEXT NOT NULL DEFAULT '' CHECK (tmt_jabatan = '' OR date(tmt_jabatan) = tmt_jabatan),
	tmt_cpns               TEXT NOT NULL CHECK (date(tmt_cpns) = tmt_cpns),
	pendidikan_jenjang     TEXT NOT NULL,
	pendidikan_jurusan     TEXT NOT NULL DEFAULT '',
	kinerja_tahun_lalu     TEXT NOT NULL DEFAULT '',
	kinerja_dua_tahun_lalu TEXT NOT NULL DEFAULT '',
	kotak_talenta          INTEGER NOT NULL DEFAULT 0 CHECK (kotak_talenta BETWEEN 0 AND 9),
	hukuman_disiplin       TEXT NOT NULL DEFAULT '' CHECK (hukuman_disiplin IN ('', 'ringan', 'sedang', 'berat')),
	hukuman_selesai        TEXT NOT NULL DEFAULT '' CHECK (hukuman_selesai = '' OR date(hukuman_selesai) = hukuman_selesai),
	tugas_belajar          INTEGER NOT NULL DEFAULT 0 CHECK (tugas_belajar IN (0, 1)),
	active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
-- Holders of a position are counted over active employees.
CREATE INDEX employees_jabatan_active ON employees (jabatan_id, active);

CREATE TABLE aspirations (
	nip        TEXT PRIMARY KEY REFERENCES employees (nip),
	alasan     TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL
) STRICT;

-- One row per choice, in order (rank 1 = best). A choice names either a
-- position or a unit, never both, so that each is a real foreign key.
CREATE TABLE aspiration_choices (
	nip        TEXT NOT NULL REFERENCES aspirations (nip) ON DELETE CASCADE,
	rank       INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
	jabatan_id TEXT REFERENCES positions (jabatan_id),
	unit_id    TEXT REFERENCES units (unit_id),
	PRIMARY KEY (nip, rank),
	CHECK ((jabatan_id IS NULL) <> (unit_id IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX aspiration_choices_jabatan ON aspiration_choices (jabatan_id) WHERE jabatan_id IS NOT NULL;
CREATE INDEX aspiration_choices_unit ON aspiration_choices (unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE proposals (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	nip            TEXT NOT NULL REFERENCES employees (nip),
	from_position  TEXT NOT NULL REFERENCES positions (jabatan_id),
	to_position    TEXT NOT NULL REFERENCES positions (jabatan_id),
	status         TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'answered', 'objected', 'approved', 'rejected')),
	reason         TEXT NOT NULL DEFAULT '',
	score          REAL NOT NULL DEFAULT 0,
	policy_version TEXT NOT NULL DEFAULT '',
	created_by     INTEGER NOT NULL DEFAULT 0,
	created_at     TEXT NOT NULL,
	proposed_at    TEXT NOT NULL DEFAULT '',
	answered_at    TEXT NOT NULL DEFAULT '',
	answer         TEXT NOT NULL DEFAULT '',
	decided_at     TEXT NOT NULL DEFAULT '',
	decided_by     INTEGER NOT NULL DEFAULT 0,
	decision_note  TEXT NOT NULL DEFAULT '',
	CHECK (from_position <> to_position)
) STRICT;
CREATE INDEX proposals_nip ON proposals (nip);
CREATE INDEX proposals_status ON proposals (status);
CREATE INDEX proposals_to_position ON proposals (to_position);

CREATE TABLE users (
	telegram_id INTEGER PRIMARY KEY CHECK (telegram_id > 0),
	role        TEXT NOT NULL CHECK (role IN ('asn', 'manager', 'policy')),
	nip         TEXT REFERENCES employees (nip),
	-- JSON array of unit ids, '[]' for none.
	unit_scope  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unit_scope)),
	nama        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX users_nip ON users (nip) WHERE nip IS NOT NULL;

CREATE TABLE invites (
	code       TEXT PRIMARY KEY,
	role       TEXT NOT NULL CHECK (role IN ('asn', 'manager', 'policy')),
	nip        TEXT REFERENCES employees (nip),
	unit_scope TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unit_scope)),
	created_by INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	used_by    INTEGER NOT NULL DEFAULT 0,
	used_at    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE audit_log (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	at             TEXT NOT NULL,
	actor          TEXT NOT NULL,
	action         TEXT NOT NULL,
	subject        TEXT NOT NULL DEFAULT '',
	detail         TEXT NOT NULL DEFAULT '',
	policy_version TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_subject ON audit_log (subject, id);

CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	telegram_id     INTEGER NOT NULL,
	text            TEXT NOT NULL,
	proposal_id     INTEGER REFERENCES proposals (id),
	status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TEXT NOT NULL,
	last_error      TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	sent_at         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);

-- +goose Down
DROP TABLE outbox;
DROP TABLE audit_log;
DROP TABLE invites;
DROP TABLE users;
DROP TABLE proposals;
DROP TABLE aspiration_choices;
DROP TABLE aspirations;
DROP TABLE employees;
DROP TABLE positions;
DROP TABLE units;
