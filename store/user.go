package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/mutasi/mutasi"
)

const userColumns = `telegram_id, role, coalesce(nip, ''), unit_scope, nama, created_at, active`

func scanUser(s scanner) (*mutasi.User, error) {
	var u mutasi.User
	var scope, created string
	if err := s.Scan(&u.TelegramID, &u.Role, &u.NIP, &scope, &u.Nama, &created, &u.Active); err != nil {
		return nil, err
	}
	var err error
	if u.UnitScope, err = decodeList(scope); err != nil {
		return nil, err
	}
	if u.CreatedAt, err = parseTS(created); err != nil {
		return nil, err
	}
	return &u, nil
}

// User returns the bot user with the given Telegram id.
func (db *DB) User(ctx context.Context, telegramID int64) (*mutasi.User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findUser(ctx, tx, telegramID)
}

func findUser(ctx context.Context, tx *sql.Tx, telegramID int64) (*mutasi.User, error) {
	u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE telegram_id = ?`, telegramID))
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pengguna tidak terdaftar")
	}
	return u, err
}

// SaveUser validates and stores a user, creating or replacing it; a new
// user gets CreatedAt. The NIP must be a stored employee and every unit of
// the scope a stored unit.
func (db *DB) SaveUser(ctx context.Context, u *mutasi.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := saveUser(ctx, tx, u, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func saveUser(ctx context.Context, tx *sql.Tx, u *mutasi.User, now time.Time) error {
	if err := checkUserRefs(ctx, tx, u.NIP, u.UnitScope); err != nil {
		return err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = now
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO users (telegram_id, role, nip, unit_scope, nama, created_at, active)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (telegram_id) DO UPDATE SET role = excluded.role, nip = excluded.nip,
			unit_scope = excluded.unit_scope, nama = excluded.nama, active = excluded.active`,
		u.TelegramID, string(u.Role), nullString(u.NIP), encodeList(u.UnitScope), u.Nama,
		formatTS(u.CreatedAt), boolInt(u.Active))
	return err
}

// checkUserRefs checks that a user's or invite's NIP and units exist, so
// that the caller gets a message instead of a foreign key failure.
func checkUserRefs(ctx context.Context, tx *sql.Tx, nip string, scope []string) error {
	if nip != "" {
		if _, err := findEmployee(ctx, tx, nip); err != nil {
			return err
		}
	}
	for _, id := range scope {
		if _, err := findUnit(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// CreateInvite validates and stores a new invite, stamping CreatedAt; a
// code already in use is ECONFLICT.
func (db *DB) CreateInvite(ctx context.Context, inv *mutasi.Invite) error {
	if err := inv.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createInvite(ctx, tx, inv, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func createInvite(ctx context.Context, tx *sql.Tx, inv *mutasi.Invite, now time.Time) error {
	if err := checkUserRefs(ctx, tx, inv.NIP, inv.UnitScope); err != nil {
		return err
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM invites WHERE code = ?)`, inv.Code).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return mutasi.Errorf(mutasi.ECONFLICT, "kode undangan sudah dipakai untuk undangan lain")
	}
	inv.CreatedAt = now
	_, err := tx.ExecContext(ctx, `INSERT INTO invites (code, role, nip, unit_scope, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		inv.Code, string(inv.Role), nullString(inv.NIP), encodeList(inv.UnitScope), inv.CreatedBy,
		formatTS(inv.CreatedAt), formatTS(inv.ExpiresAt))
	return err
}

// Invite returns the invite with the given code, used or not.
func (db *DB) Invite(ctx context.Context, code string) (*mutasi.Invite, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findInvite(ctx, tx, code)
}

func findInvite(ctx context.Context, tx *sql.Tx, code string) (*mutasi.Invite, error) {
	var inv mutasi.Invite
	var scope, created, expires, used string
	err := tx.QueryRowContext(ctx, `SELECT code, role, coalesce(nip, ''), unit_scope, created_by, created_at,
			expires_at, used_by, used_at
		FROM invites WHERE code = ?`, code).
		Scan(&inv.Code, &inv.Role, &inv.NIP, &scope, &inv.CreatedBy, &created, &expires, &inv.UsedBy, &used)
	if notFound(err) {
		return nil, errInviteUnusable
	} else if err != nil {
		return nil, err
	}
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

// errInviteUnusable is the one answer for an unknown, used or expired
// code, so that a guesser learns nothing about which codes exist.
var errInviteUnusable = mutasi.Errorf(mutasi.ENOTFOUND, "kode undangan tidak dikenal, sudah dipakai, atau kedaluwarsa")

// RedeemInvite uses an invite for telegramID and creates the user it
// describes, in one transaction. An unknown, used or expired code is
// ENOTFOUND; a Telegram account that is already registered is ECONFLICT.
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
	inv, err := findInvite(ctx, tx, code)
	if err != nil {
		return nil, err
	}
	if !inv.Usable(now) {
		return nil, errInviteUnusable
	}
	if _, err := findUser(ctx, tx, telegramID); err == nil {
		return nil, mutasi.Errorf(mutasi.ECONFLICT, "akun Telegram ini sudah terdaftar")
	} else if mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		return nil, err
	}
	// used_at = '' makes the update itself refuse a second use.
	res, err := tx.ExecContext(ctx, `UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_at = ''`,
		telegramID, formatTS(now), code)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n != 1 {
		return nil, errInviteUnusable
	}
	u := &mutasi.User{TelegramID: telegramID, Role: inv.Role, NIP: inv.NIP, UnitScope: inv.UnitScope,
		Nama: nama, Active: true}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := saveUser(ctx, tx, u, now); err != nil {
		return nil, err
	}
	return u, nil
}
