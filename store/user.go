package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
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

// Users returns the bot users the filter selects, ordered by Telegram id.
func (db *DB) Users(ctx context.Context, f mutasi.UserFilter) ([]*mutasi.User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return listUsers(ctx, tx, f)
}

func listUsers(ctx context.Context, tx *sql.Tx, f mutasi.UserFilter) ([]*mutasi.User, error) {
	var where []string
	var args []any
	if f.Role != "" {
		where, args = append(where, "role = ?"), append(args, string(f.Role))
	}
	if f.NIP != "" {
		where, args = append(where, "nip = ?"), append(args, f.NIP)
	}
	if f.ActiveOnly {
		where = append(where, "active = 1")
	}
	q := `SELECT ` + userColumns + ` FROM users`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY telegram_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*mutasi.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, u)
	}
	return list, rows.Err()
}

// UsersByRole returns the active users of a role, for announcements.
func (db *DB) UsersByRole(ctx context.Context, role mutasi.Role) ([]*mutasi.User, error) {
	return db.Users(ctx, mutasi.UserFilter{Role: role, ActiveOnly: true})
}

// UserByNIP returns the active user of an employee, to tell them about
// their proposals; ENOTFOUND when the employee has none. Should the
// employee have several accounts, the ASN one wins, then the newest.
func (db *DB) UserByNIP(ctx context.Context, nip string) (*mutasi.User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users
		WHERE nip = ? AND active = 1
		ORDER BY role = 'asn' DESC, created_at DESC, telegram_id DESC LIMIT 1`, nip))
	if notFound(err) {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s belum terdaftar di bot", nip)
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
	if err := audit(ctx, tx, &mutasi.AuditEntry{Actor: actorName(0), Action: "user.save",
		Subject: userSubject(u), Detail: userDetail(u)}, db.now()); err != nil {
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

// RevokeUser deactivates a user, so that the bot answers them no more, and
// audits it as done by the Telegram user by (0: the command line). It
// returns the user as now stored, and whether this call changed it: a
// user already inactive is left alone. An unknown id is ENOTFOUND.
func (db *DB) RevokeUser(ctx context.Context, telegramID, by int64) (*mutasi.User, bool, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	u, changed, err := revokeUser(ctx, tx, telegramID, by, db.now())
	if err != nil {
		return nil, false, err
	}
	return u, changed, tx.Commit()
}

func revokeUser(ctx context.Context, tx *sql.Tx, telegramID, by int64, now time.Time) (*mutasi.User, bool, error) {
	u, err := findUser(ctx, tx, telegramID)
	if err != nil {
		return nil, false, err
	}
	if !u.Active {
		return u, false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET active = 0 WHERE telegram_id = ?`, telegramID); err != nil {
		return nil, false, err
	}
	u.Active = false
	if err := audit(ctx, tx, &mutasi.AuditEntry{Actor: actorName(by), Action: "user.revoke",
		Subject: userSubject(u), Detail: userDetail(u)}, now); err != nil {
		return nil, false, err
	}
	return u, true, nil
}

// Revocation is what RevokeAccess did.
type Revocation struct {
	Users   []*mutasi.User // as now stored, in the order asked
	Changed []bool         // Changed[i]: Users[i] was active until now
	Invites int            // unused invites expired
}

// RevokeAccess takes away bot access in one transaction: it deactivates
// the users given by Telegram id and expires the unused invites of nip
// and of every one of those users' employees, so that a code handed out
// before cannot register anyone again. Either all of it happens or none:
// an unknown id is ENOTFOUND and changes nothing. by is the acting
// Telegram user (0: the command line).
func (db *DB) RevokeAccess(ctx context.Context, telegramIDs []int64, nip string, by int64) (Revocation, error) {
	var r Revocation
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return r, err
	}
	defer tx.Rollback()
	now := db.now()
	nips := []string{}
	if nip != "" {
		nips = append(nips, nip)
	}
	for _, id := range telegramIDs {
		u, changed, err := revokeUser(ctx, tx, id, by, now)
		if err != nil {
			return Revocation{}, err
		}
		r.Users, r.Changed = append(r.Users, u), append(r.Changed, changed)
		if u.NIP != "" && !slices.Contains(nips, u.NIP) {
			nips = append(nips, u.NIP)
		}
	}
	for _, n := range nips {
		k, err := revokeInvites(ctx, tx, n, by, now)
		if err != nil {
			return Revocation{}, err
		}
		r.Invites += k
	}
	if err := tx.Commit(); err != nil {
		return Revocation{}, err
	}
	return r, nil
}

// userSubject is what the audit log files a user's changes under: the
// employee when there is one, so that an employee's history is in one
// place, else the Telegram account.
func userSubject(u *mutasi.User) string {
	if u.NIP != "" {
		return u.NIP
	}
	return actorName(u.TelegramID)
}

func userDetail(u *mutasi.User) string {
	s := fmt.Sprintf("akun Telegram %d, peran %s", u.TelegramID, u.Role)
	if len(u.UnitScope) > 0 {
		s += ", unit " + strings.Join(u.UnitScope, ", ")
	}
	return s
}
