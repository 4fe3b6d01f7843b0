package store

import (
	"context"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// RevokeAccess is all or nothing: an unknown account among those asked
// leaves every other account active and every invite usable; when all are
// known, the accounts and the invites of their employees go together.
func TestRevokeAccessIsAllOrNothing(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	saveUsers(t, db,
		mutasi.User{TelegramID: 77, Role: mutasi.RoleASN, NIP: nip, Nama: "A", Active: true},
		mutasi.User{TelegramID: 78, Role: mutasi.RolePolicy, NIP: nip, Nama: "A", Active: true})
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "code-open", Role: mutasi.RoleManager, NIP: nip,
		UnitScope: []string{"U1"}, ExpiresAt: testNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	unused := func() int {
		t.Helper()
		list, err := db.Invites(ctx, mutasi.InviteFilter{NIP: nip, Unused: true})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}

	if _, err := db.RevokeAccess(ctx, []int64{77, 404}, nip, 0); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Fatalf("with an unknown account: %v, want ENOTFOUND", err)
	}
	if u, err := db.User(ctx, 77); err != nil || !u.Active {
		t.Errorf("account 77 after a refused revocation: %+v %v, want still active", u, err)
	}
	if n := unused(); n != 1 {
		t.Errorf("%d unused invites after a refused revocation, want 1", n)
	}

	r, err := db.RevokeAccess(ctx, []int64{77, 78}, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Users) != 2 || !r.Changed[0] || !r.Changed[1] || r.Users[0].Active || r.Users[1].Active || r.Invites != 1 {
		t.Errorf("revocation %+v, want both accounts changed and inactive and the employee's invite expired", r)
	}
	if n := unused(); n != 0 {
		t.Errorf("%d unused invites after the revocation, want 0", n)
	}
	for _, id := range []int64{77, 78} {
		if u, err := db.User(ctx, id); err != nil || u.Active {
			t.Errorf("account %d: %+v %v, want inactive", id, u, err)
		}
	}
	// Again: nothing left to change.
	r, err = db.RevokeAccess(ctx, []int64{77}, nip, 0)
	if err != nil || r.Changed[0] || r.Invites != 0 {
		t.Errorf("second revocation: %+v %v, want nothing changed", r, err)
	}
}
