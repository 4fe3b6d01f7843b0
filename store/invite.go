package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

// hashInviteCode is the form in which an invite code is stored and looked
// up. A code is 160 random bits (mutasi.NewInviteCode), so a plain SHA-256
// is enough: there is nothing to guess that a salt or a slow hash would
// protect, and the lookup stays one index probe.
func hashInviteCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// inviteSubject is what the audit log files an invite under: the
// employee, or for an invite without one a prefix of its hash (which
// says nothing about the code).
func inviteSubject(nip, hash string) string {
	if nip != "" {
		return nip
	}
	return "undangan:" + hash[:12]
}

// CreateInvite validates and stores a new invite, stamping CreatedAt. Only
// the code's hash is stored. A code already in use is ECONFLICT, and so is
// an invite for an employee who is inactive or already registered with the
// role; a new invite for an employee and role replaces (expires) their
// unused ones. The creation is audited as done by inv.CreatedBy.
func (db *DB) CreateInvite(ctx context.Context, inv *mutasi.Invite) error {
	return db.CreateInvites(ctx, []*mutasi.Invite{inv})
}

// CreateInvites stores many invites as CreateInvite does, all or nothing,
// in one transaction; an error names the invite (its place in the list,
// from 1, and its NIP). The same employee twice for one role is refused.
func (db *DB) CreateInvites(ctx context.Context, invites []*mutasi.Invite) error {
	if len(invites) == 0 {
		return nil
	}
	now := db.now()
	b := &inviteBatch{invites: invites, now: now}
	if err := b.validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := b.store(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, inv := range invites {
		inv.CreatedAt = now
	}
	return nil
}

// inviteBatch stores invites with a handful of statements over the whole
// batch instead of several per invite: the invites go into a temporary
// table, hundreds to an insert, and the checks, the replacement of older
// invites, the insert and the audit entries are each one statement over
// that table. Inviting every employee of a pemda of 100,000 so takes about
// two seconds instead of ten.
type inviteBatch struct {
	invites []*mutasi.Invite
	now     time.Time
	hashes  []string
}

// where names the i-th invite in an error about it; a batch of one needs
// no name.
func (b *inviteBatch) where(i int) string {
	if len(b.invites) == 1 {
		return ""
	}
	s := fmt.Sprintf("undangan ke-%d", i+1)
	if nip := b.invites[i].NIP; nip != "" {
		s += " (NIP " + nip + ")"
	}
	return s + ": "
}

// validate checks each invite on its own and the batch for repeats.
func (b *inviteBatch) validate() error {
	seen := make(map[string]int, len(b.invites))
	codes := make(map[string]int, len(b.invites))
	b.hashes = make([]string, len(b.invites))
	for i, inv := range b.invites {
		if err := inv.Validate(); err != nil {
			return wrapInviteErr(b.where(i), err)
		}
		if !inv.ExpiresAt.After(b.now) {
			return wrapInviteErr(b.where(i), mutasi.ValidationError{{Field: "expires_at", Problem: "sudah lewat"}})
		}
		if inv.NIP != "" {
			key := inv.NIP + "\x00" + string(inv.Role)
			if j, dup := seen[key]; dup {
				return mutasi.Errorf(mutasi.EINVALID, "%spegawai yang sama sudah diundang sebagai %s di undangan ke-%d",
					b.where(i), inv.Role, j+1)
			}
			seen[key] = i
		}
		b.hashes[i] = hashInviteCode(inv.Code)
		if j, dup := codes[b.hashes[i]]; dup {
			return mutasi.Errorf(mutasi.EINVALID, "%skode undangan sama dengan undangan ke-%d", b.where(i), j+1)
		}
		codes[b.hashes[i]] = i
	}
	return nil
}

func (b *inviteBatch) store(ctx context.Context, tx *sql.Tx) error {
	if err := b.checkUnits(ctx, tx); err != nil {
		return err
	}
	// The table lives on the transaction's connection; dropped below, or
	// with the rollback of a refused batch.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE invite_batch (
		k INTEGER PRIMARY KEY, code TEXT, role TEXT, nip TEXT, nama TEXT, scope TEXT,
		created_by INTEGER, expires_at TEXT, actor TEXT, subject TEXT, detail TEXT)`); err != nil {
		return err
	}
	if err := b.fill(ctx, tx); err != nil {
		return err
	}
	if err := b.checkRefusals(ctx, tx); err != nil {
		return err
	}
	now := formatTS(b.now)
	// The employee's unused invites for the role expire now: each new
	// invite's audit entry says how many it replaces.
	if _, err := tx.ExecContext(ctx, `UPDATE invite_batch
		SET detail = detail || ', menggantikan ' || r.n || ' undangan yang belum dipakai'
		FROM (SELECT b.k, count(*) AS n FROM invite_batch b
			JOIN invites i ON i.nip = b.nip AND i.role = b.role
			WHERE i.used_at = '' AND i.expires_at > ?1 GROUP BY b.k) AS r
		WHERE invite_batch.k = r.k`, now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE invites SET expires_at = ?1 WHERE rowid IN (
		SELECT i.rowid FROM invite_batch b JOIN invites i ON i.nip = b.nip AND i.role = b.role
		WHERE i.used_at = '' AND i.expires_at > ?1)`, now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO invites (code, role, nip, nama, unit_scope, created_by, created_at, expires_at)
		SELECT code, role, nip, nama, scope, created_by, ?1, expires_at FROM invite_batch ORDER BY k`, now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, subject, detail)
		SELECT ?1, actor, 'invite.create', subject, detail FROM invite_batch ORDER BY k`, now); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DROP TABLE temp.invite_batch`)
	return err
}

// checkUnits refuses a scope naming a unit that is unknown or inactive;
// each unit is read once, however many invites name it.
func (b *inviteBatch) checkUnits(ctx context.Context, tx *sql.Tx) error {
	checked := map[string]error{}
	for i, inv := range b.invites {
		for _, id := range inv.UnitScope {
			err, done := checked[id]
			if !done {
				var u *mutasi.Unit
				if u, err = findUnit(ctx, tx, id); err == nil && !u.Active {
					err = mutasi.Errorf(mutasi.ECONFLICT, "unit %s (%s) sudah nonaktif", u.ID, u.Nama)
				}
				checked[id] = err
			}
			if err != nil {
				return wrapInviteErr(b.where(i), err)
			}
		}
	}
	return nil
}

// fillChunk is how many invites one insert into the temporary table
// carries: one statement per invite would cost as much as all the rest.
const fillChunk = 500

// fill puts the batch into the temporary table, with each invite's audit
// entry as far as it is known before the replacement.
func (b *inviteBatch) fill(ctx context.Context, tx *sql.Tx) error {
	const cols = 11
	insert := func(n int) string {
		return `INSERT INTO invite_batch (k, code, role, nip, nama, scope, created_by, expires_at, actor, subject, detail) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", n), ", ")
	}
	var full *sql.Stmt
	if len(b.invites) >= fillChunk {
		var err error
		if full, err = tx.PrepareContext(ctx, insert(fillChunk)); err != nil {
			return err
		}
		defer full.Close()
	}
	args := make([]any, 0, cols*fillChunk)
	var detail strings.Builder
	for start := 0; start < len(b.invites); start += fillChunk {
		chunk := b.invites[start:min(start+fillChunk, len(b.invites))]
		args = args[:0]
		for j, inv := range chunk {
			i := start + j
			expires := formatTS(inv.ExpiresAt)
			detail.Reset()
			fmt.Fprintf(&detail, "peran %s, berlaku sampai %s", inv.Role, expires)
			if inv.Nama != "" {
				detail.WriteString(", untuk " + inv.Nama)
			}
			if len(inv.UnitScope) > 0 {
				detail.WriteString(", unit " + strings.Join(inv.UnitScope, ", "))
			}
			args = append(args, i, b.hashes[i], string(inv.Role), nullString(inv.NIP), inv.Nama,
				encodeList(inv.UnitScope), inv.CreatedBy, expires, actorName(inv.CreatedBy),
				inviteSubject(inv.NIP, b.hashes[i]), detail.String())
		}
		var err error
		if len(chunk) == fillChunk {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, insert(len(chunk)), args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkRefusals finds the first invite of the batch for an employee who is
// unknown, inactive or already registered with the role, or whose code is
// taken, and says what is wrong with it.
func (b *inviteBatch) checkRefusals(ctx context.Context, tx *sql.Tx) error {
	var i int
	var nip, nama string
	var known, active bool
	var tg int64
	err := tx.QueryRowContext(ctx, `SELECT b.k, b.nip, coalesce(e.nama, ''), e.nip IS NOT NULL, coalesce(e.active, 0),
			coalesce((SELECT min(telegram_id) FROM users WHERE nip = b.nip AND role = b.role AND active = 1), 0) AS tg
		FROM invite_batch b LEFT JOIN employees e ON e.nip = b.nip
		WHERE b.nip IS NOT NULL AND (e.nip IS NULL OR e.active = 0 OR tg <> 0)
		ORDER BY b.k LIMIT 1`).Scan(&i, &nip, &nama, &known, &active, &tg)
	switch {
	case err == nil:
		who := fmt.Sprintf("%s (NIP %s)", nama, mutasi.NIP(nip).Format())
		switch {
		case !known:
			err = mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s tidak ditemukan", nip)
		case !active:
			err = mutasi.Errorf(mutasi.ECONFLICT, "%s tidak aktif; undangan hanya untuk pegawai aktif", who)
		default:
			err = mutasi.Errorf(mutasi.ECONFLICT, "%s sudah terdaftar sebagai %s (akun Telegram %d)", who, b.invites[i].Role, tg)
		}
		return wrapInviteErr(b.where(i), err)
	case !notFound(err):
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT b.k FROM invite_batch b JOIN invites i ON i.code = b.code
		ORDER BY b.k LIMIT 1`).Scan(&i)
	switch {
	case err == nil:
		return wrapInviteErr(b.where(i), mutasi.Errorf(mutasi.ECONFLICT, "kode undangan sudah dipakai untuk undangan lain"))
	case !notFound(err):
		return err
	}
	return nil
}

// wrapInviteErr puts the invite's place in front of a domain error's
// message, keeping its code; other errors are wrapped as they are.
func wrapInviteErr(prefix string, err error) error {
	if prefix == "" {
		return err
	}
	code := mutasi.ErrorCode(err)
	if code == mutasi.EINTERNAL {
		return fmt.Errorf("%s%w", prefix, err)
	}
	return mutasi.Errorf(code, "%s%s", prefix, mutasi.ErrorMessage(err))
}

const inviteColumns = `role, coalesce(nip, ''), nama, unit_scope, created_by, created_at, expires_at, used_by, used_at`

func scanInvite(s scanner) (*mutasi.Invite, error) {
	var inv mutasi.Invite
	var scope, created, expires, used string
	if err := s.Scan(&inv.Role, &inv.NIP, &inv.Nama, &scope, &inv.CreatedBy, &created, &expires, &inv.UsedBy, &used); err != nil {
		return nil, err
	}
	var err error
	if inv.UnitScope, err = decodeList(scope); err != nil {
		return nil, err
	}
	for _, ts := range []struct {
		dst *time.Time
		src string
	}{{&inv.CreatedAt, created}, {&inv.ExpiresAt, expires}, {&inv.UsedAt, used}} {
		if *ts.dst, err = parseTS(ts.src); err != nil {
			return nil, err
		}
	}
	return &inv, nil
}

// Invite returns the invite with the given code, used or not; its Code is
// empty, since only the hash is stored.
func (db *DB) Invite(ctx context.Context, code string) (*mutasi.Invite, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findInvite(ctx, tx, hashInviteCode(code))
}

func findInvite(ctx context.Context, tx *sql.Tx, hash string) (*mutasi.Invite, error) {
	inv, err := scanInvite(tx.QueryRowContext(ctx, `SELECT `+inviteColumns+` FROM invites WHERE code = ?`, hash))
	if notFound(err) {
		return nil, errInviteUnusable
	}
	return inv, err
}

// Invites returns the invites the filter selects, oldest first, without
// their codes.
func (db *DB) Invites(ctx context.Context, f mutasi.InviteFilter) ([]*mutasi.Invite, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var where []string
	var args []any
	if f.Unused {
		where, args = append(where, "used_at = '' AND expires_at > ?"), append(args, formatTS(db.now()))
	}
	if f.NIP != "" {
		where, args = append(where, "nip = ?"), append(args, f.NIP)
	}
	q := `SELECT ` + inviteColumns + ` FROM invites`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY created_at, rowid`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.Invite
	for rows.Next() {
		inv, err := scanInvite(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, inv)
	}
	return list, rows.Err()
}

// RevokeInvites expires the unused invites of an employee, so that a code
// handed out before can no longer register anyone; it returns how many
// were expired and audits it as done by the Telegram user by (0: the
// command line).
func (db *DB) RevokeInvites(ctx context.Context, nip string, by int64) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n, err := revokeInvites(ctx, tx, nip, by, db.now())
	if err != nil || n == 0 {
		return 0, err
	}
	return n, tx.Commit()
}

func revokeInvites(ctx context.Context, tx *sql.Tx, nip string, by int64, now time.Time) (int, error) {
	res, err := tx.ExecContext(ctx, `UPDATE invites SET expires_at = ?1 WHERE nip = ?2 AND used_at = '' AND expires_at > ?1`,
		formatTS(now), nip)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, err
	}
	if err := audit(ctx, tx, &mutasi.AuditEntry{Actor: actorName(by), Action: "invite.revoke", Subject: nip,
		Detail: fmt.Sprintf("%d undangan yang belum dipakai dibatalkan", n)}, now); err != nil {
		return 0, err
	}
	return int(n), nil
}

// errInviteUnusable is the one answer for an unknown, used or expired
// code, so that a guesser learns nothing about which codes exist.
var errInviteUnusable = mutasi.Errorf(mutasi.ENOTFOUND, "kode undangan tidak dikenal, sudah dipakai, atau kedaluwarsa")

// RedeemInvite uses an invite for telegramID and creates the user it
// describes, in one transaction. An unknown, used or expired code is
// ENOTFOUND; a Telegram account that is registered and active, or an
// employee already registered with the role on another account, is
// ECONFLICT. A revoked account may register again with a new invite. The
// user is named as the invite names them, else nama (their Telegram name).
func (db *DB) RedeemInvite(ctx context.Context, code string, telegramID int64, nama string) (*mutasi.User, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	u, err := redeemInvite(ctx, tx, code, telegramID, nama, db.now())
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return u, nil
}

func redeemInvite(ctx context.Context, tx *sql.Tx, code string, telegramID int64, nama string, now time.Time) (*mutasi.User, error) {
	hash := hashInviteCode(code)
	inv, err := findInvite(ctx, tx, hash)
	if err != nil {
		return nil, err
	}
	if !inv.Usable(now) {
		return nil, errInviteUnusable
	}
	if prev, err := findUser(ctx, tx, telegramID); err == nil && prev.Active {
		return nil, mutasi.Errorf(mutasi.ECONFLICT, "akun Telegram ini sudah terdaftar")
	} else if err != nil && mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		return nil, err
	}
	if inv.NIP != "" {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT telegram_id FROM users
			WHERE nip = ? AND role = ? AND active = 1 AND telegram_id <> ? LIMIT 1`,
			inv.NIP, string(inv.Role), telegramID).Scan(&other)
		if err == nil {
			return nil, mutasi.Errorf(mutasi.ECONFLICT,
				"pegawai ini sudah terdaftar dengan akun Telegram lain; minta pengelola mencabut akun itu dulu")
		} else if !notFound(err) {
			return nil, err
		}
	}
	// used_at = '' makes the update itself refuse a second use.
	res, err := tx.ExecContext(ctx, `UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_at = ''`,
		telegramID, formatTS(now), hash)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n != 1 {
		return nil, errInviteUnusable
	}
	if inv.Nama != "" {
		nama = inv.Nama
	}
	u := &mutasi.User{TelegramID: telegramID, Role: inv.Role, NIP: inv.NIP, UnitScope: inv.UnitScope,
		Nama: nama, CreatedAt: now, Active: true}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := checkUserRefs(ctx, tx, u.NIP, u.UnitScope); err != nil {
		return nil, err
	}
	// A revoked account registering again starts anew: its role, scope and
	// date are the new invite's.
	if _, err := tx.ExecContext(ctx, `INSERT INTO users (telegram_id, role, nip, unit_scope, nama, created_at, active)
		VALUES (?, ?, ?, ?, ?, ?, 1)
		ON CONFLICT (telegram_id) DO UPDATE SET role = excluded.role, nip = excluded.nip,
			unit_scope = excluded.unit_scope, nama = excluded.nama, created_at = excluded.created_at, active = 1`,
		u.TelegramID, string(u.Role), nullString(u.NIP), encodeList(u.UnitScope), u.Nama, formatTS(u.CreatedAt)); err != nil {
		return nil, err
	}
	if err := audit(ctx, tx, &mutasi.AuditEntry{Actor: actorName(telegramID), Action: "invite.redeem",
		Subject: inviteSubject(inv.NIP, hash), Detail: userDetail(u)}, now); err != nil {
		return nil, err
	}
	return u, nil
}
