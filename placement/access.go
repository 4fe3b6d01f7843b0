package placement

import (
	"fmt"

	"github.com/mutasi/mutasi"
)

// Actor is who asks. The zero Actor is an administrator (the CLI, run by
// BKPSDM staff on the server); the bot passes the registered user.
//
// What each may see:
//   - an ASN: their own record and decisions only;
//   - a manager: the positions of their units and sub-units, and for those
//     positions the candidates from the whole organisation (name, current
//     position, score and reasons: what a transfer decision needs), but the
//     full record of an employee (a check, a near miss's message) only
//     within their units;
//   - policy staff and administrators: everything.
type Actor struct {
	User *mutasi.User
}

// Admin is the administrator actor of the CLI.
func Admin() Actor { return Actor{} }

// As returns the actor for a registered user.
func As(u *mutasi.User) Actor { return Actor{User: u} }

// TelegramID is the actor's Telegram id, 0 for the CLI.
func (a Actor) TelegramID() int64 {
	if a.User == nil {
		return 0
	}
	return a.User.TelegramID
}

// Name is how the audit log names the actor.
func (a Actor) Name() string {
	if a.User == nil {
		return "cli"
	}
	return fmt.Sprintf("tg:%d", a.User.TelegramID)
}

func (a Actor) role() mutasi.Role {
	if a.User == nil {
		return mutasi.RolePolicy
	}
	return a.User.Role
}

// everything reports whether the actor sees the whole organisation.
func (a Actor) everything() bool {
	return a.User == nil || (a.User.Active && a.User.Role == mutasi.RolePolicy)
}

func denied(format string, args ...any) error {
	return mutasi.Errorf(mutasi.EUNAUTHORIZED, format, args...)
}

func (a Actor) active() error {
	if a.User != nil && !a.User.Active {
		return denied("akun Anda tidak aktif; hubungi BKPSDM")
	}
	return nil
}

// managedUnits returns the units a manager works on (their scope with
// sub-units); nil means every unit.
func (a Actor) managedUnits(o *Org) map[string]bool {
	if a.everything() {
		return nil
	}
	if a.User.Role != mutasi.RoleManager {
		return map[string]bool{}
	}
	return o.Subtree(a.User.UnitScope...)
}

// mayReadEmployee says whether the actor may see the employee's full
// record and decisions.
func (a Actor) mayReadEmployee(o *Org, e *mutasi.Employee) error {
	if err := a.active(); err != nil {
		return err
	}
	switch {
	case a.everything():
		return nil
	case a.User.Role == mutasi.RoleASN:
		if a.User.NIP == e.NIP {
			return nil
		}
		return denied("Anda hanya dapat melihat data Anda sendiri")
	case a.User.Role == mutasi.RoleManager:
		if p := o.Positions[e.JabatanID]; p != nil && a.managedUnits(o)[p.UnitID] {
			return nil
		}
		return denied("pegawai ini bukan pegawai unit Anda; data lengkap hanya dapat dilihat untuk pegawai di unit Anda")
	}
	return denied("peran %q tidak dikenal", a.User.Role)
}

// mayManagePosition says whether the actor may ask for candidates for the
// position and propose moves into it.
func (a Actor) mayManagePosition(o *Org, p *mutasi.Position) error {
	return a.mayManageIn(o, p.UnitID, "jabatan %s (%s) bukan jabatan di unit Anda", p.Nama, p.ID)
}

// mayManageUnit says whether the actor may work on the unit.
func (a Actor) mayManageUnit(o *Org, u *mutasi.Unit) error {
	return a.mayManageIn(o, u.ID, "unit %s (%s) bukan unit Anda", u.Nama, u.ID)
}

// mayManageIn lets policy staff and administrators work anywhere and a
// manager within their units; outside them the refusal says what.
func (a Actor) mayManageIn(o *Org, unitID, refusal string, args ...any) error {
	if err := a.active(); err != nil {
		return err
	}
	switch {
	case a.everything():
		return nil
	case a.User.Role == mutasi.RoleManager:
		if a.managedUnits(o)[unitID] {
			return nil
		}
		return denied(refusal, args...)
	}
	return denied("rekomendasi dan usulan mutasi hanya untuk pengelola unit dan staf kebijakan")
}

// mayPlan says whether the actor may compute a global plan.
func (a Actor) mayPlan() error {
	if err := a.active(); err != nil {
		return err
	}
	if a.everything() {
		return nil
	}
	return denied("rencana mutasi menyeluruh hanya dapat dibuat oleh staf kebijakan")
}
