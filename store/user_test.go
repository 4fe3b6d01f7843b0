package store

import (
	"context"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestRedeemInvite(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	invites := []*mutasi.Invite{
		{Code: "ASN-0001-XYZ", Role: mutasi.RoleASN, NIP: fixtureEmployees[0].NIP, CreatedBy: 1, ExpiresAt: testNow.Add(48 * time.Hour)},
		{Code: "MGR-0001-XYZ", Role: mutasi.RoleManager, Nama: "Ir. Sari", UnitScope: []string{"U1", "U2"}, CreatedBy: 1, ExpiresAt: testNow.Add(48 * time.Hour)},
		{Code: "OLD-0001-XYZ", Role: mutasi.RolePolicy, Nama: "Dewi", CreatedBy: 1, ExpiresAt: testNow.Add(time.Hour)},
	}
	for _, inv := range invites {
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatalf("CreateInvite %s: %v", inv.Code, err)
		}
	}
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "ASN-0001-XYZ", Role: mutasi.RolePolicy, Nama: "X", ExpiresAt: testNow.Add(time.Hour)}); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Errorf("duplicate code: %v, want ECONFLICT", err)
	}
	clk.t = testNow.Add(2 * time.Hour) // OLD has expired

	tests := []struct {
		name     string
		code     string
		tg       int64
		want     *mutasi.User
		wantCode string
	}{
		{"asn", "ASN-0001-XYZ", 101, &mutasi.User{TelegramID: 101, Role: mutasi.RoleASN, NIP: fixtureEmployees[0].NIP,
			Nama: "Budi", CreatedAt: testNow.Add(2 * time.Hour), Active: true}, ""},
		{"used twice", "ASN-0001-XYZ", 102, nil, mutasi.ENOTFOUND},
		{"expired", "OLD-0001-XYZ", 103, nil, mutasi.ENOTFOUND},
		{"unknown", "NOPE-NOPE-NOPE", 104, nil, mutasi.ENOTFOUND},
		{"already registered", "MGR-0001-XYZ", 101, nil, mutasi.ECONFLICT},
		// The invite's name wins over the Telegram name.
		{"manager", "MGR-0001-XYZ", 105, &mutasi.User{TelegramID: 105, Role: mutasi.RoleManager, UnitScope: []string{"U1", "U2"},
			Nama: "Ir. Sari", CreatedAt: testNow.Add(2 * time.Hour), Active: true}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.RedeemInvite(ctx, tc.code, tc.tg, "Budi")
			if code := mutasi.ErrorCode(err); code != tc.wantCode {
				t.Fatalf("code %q (%v), want %q", code, err, tc.wantCode)
			}
			if tc.want == nil {
				return
			}
			stored, err := db.User(ctx, tc.tg)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(stored, tc.want) {
				t.Errorf("returned %+v, stored %+v, want %+v", got, stored, tc.want)
			}
		})
	}
	inv, err := db.Invite(ctx, "ASN-0001-XYZ")
	if err != nil {
		t.Fatal(err)
	}
	if inv.UsedBy != 101 || !inv.UsedAt.Equal(testNow.Add(2*time.Hour)) {
		t.Errorf("invite after use: UsedBy %d UsedAt %v", inv.UsedBy, inv.UsedAt)
	}
}

// TestRedeemInviteConcurrently checks that of many simultaneous redeemers
// exactly one gets the invite.
func TestRedeemInviteConcurrently(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "RACE-0001", Role: mutasi.RolePolicy, Nama: "X", ExpiresAt: testNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = db.RedeemInvite(ctx, "RACE-0001", int64(1000+i), "x")
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch mutasi.ErrorCode(err) {
		case "":
			ok++
		case mutasi.ENOTFOUND:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d redeemers succeeded, want exactly 1", ok)
	}
}

func TestSaveUser(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	tests := []struct {
		name     string
		u        mutasi.User
		wantCode string
	}{
		{"asn", mutasi.User{TelegramID: 1, Role: mutasi.RoleASN, NIP: fixtureEmployees[1].NIP, Nama: "A", Active: true}, ""},
		{"asn not an employee", mutasi.User{TelegramID: 2, Role: mutasi.RoleASN, NIP: employee(900, "").NIP}, mutasi.ENOTFOUND},
		{"manager of unknown unit", mutasi.User{TelegramID: 3, Role: mutasi.RoleManager, UnitScope: []string{"U1", "UX"}}, mutasi.ENOTFOUND},
		{"invalid role", mutasi.User{TelegramID: 4, Role: "boss"}, mutasi.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.u
			err := db.SaveUser(ctx, &u)
			if code := mutasi.ErrorCode(err); code != tc.wantCode {
				t.Fatalf("code %q (%v), want %q", code, err, tc.wantCode)
			}
			if err != nil {
				return
			}
			got, err := db.User(ctx, u.TelegramID)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.u
			want.CreatedAt = testNow
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("stored %+v, want %+v", *got, want)
			}
		})
	}
}

// saveUsers stores users directly, for tests of the queries.
func saveUsers(t *testing.T, db *DB, users ...mutasi.User) {
	t.Helper()
	for _, u := range users {
		if err := db.SaveUser(context.Background(), &u); err != nil {
			t.Fatalf("SaveUser %d: %v", u.TelegramID, err)
		}
	}
}

func telegramIDs(users []*mutasi.User) []int64 {
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.TelegramID)
	}
	return ids
}

func TestUsersFilter(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip0, nip1 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP
	saveUsers(t, db,
		mutasi.User{TelegramID: 30, Role: mutasi.RoleASN, NIP: nip0, Active: true},
		mutasi.User{TelegramID: 10, Role: mutasi.RoleASN, NIP: nip1, Active: false},
		mutasi.User{TelegramID: 20, Role: mutasi.RoleManager, UnitScope: []string{"U2"}, Active: true},
		mutasi.User{TelegramID: 40, Role: mutasi.RolePolicy, Active: true},
	)
	tests := []struct {
		name   string
		filter mutasi.UserFilter
		want   []int64
	}{
		{"all", mutasi.UserFilter{}, []int64{10, 20, 30, 40}},
		{"active", mutasi.UserFilter{ActiveOnly: true}, []int64{20, 30, 40}},
		{"asn", mutasi.UserFilter{Role: mutasi.RoleASN}, []int64{10, 30}},
		{"active asn", mutasi.UserFilter{Role: mutasi.RoleASN, ActiveOnly: true}, []int64{30}},
		{"by nip", mutasi.UserFilter{NIP: nip1}, []int64{10}},
		{"none", mutasi.UserFilter{Role: mutasi.RoleManager, NIP: nip0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, err := db.Users(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := telegramIDs(list); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	byRole, err := db.UsersByRole(ctx, mutasi.RoleASN)
	if err != nil {
		t.Fatal(err)
	}
	if got := telegramIDs(byRole); !reflect.DeepEqual(got, []int64{30}) {
		t.Errorf("UsersByRole(asn) = %v, want only the active one [30]", got)
	}
}

func TestUserByNIP(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	nip0, nip1, nip2 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP, fixtureEmployees[2].NIP
	saveUsers(t, db, mutasi.User{TelegramID: 7, Role: mutasi.RoleASN, NIP: nip0, Active: true})
	clk.t = testNow.Add(time.Hour)
	saveUsers(t, db,
		// The same employee also manages a unit from another account,
		// registered later: the ASN account is still theirs.
		mutasi.User{TelegramID: 8, Role: mutasi.RoleManager, NIP: nip0, UnitScope: []string{"U1"}, Active: true},
		mutasi.User{TelegramID: 9, Role: mutasi.RoleASN, NIP: nip1, Active: false},
		mutasi.User{TelegramID: 11, Role: mutasi.RoleManager, NIP: nip2, UnitScope: []string{"U1"}, Active: true},
	)
	tests := []struct {
		nip      string
		want     int64
		wantCode string
	}{
		{nip0, 7, ""},
		{nip1, 0, mutasi.ENOTFOUND}, // only a revoked account
		{nip2, 11, ""},
		{employee(900, "").NIP, 0, mutasi.ENOTFOUND},
	}
	for _, tc := range tests {
		u, err := db.UserByNIP(ctx, tc.nip)
		if code := mutasi.ErrorCode(err); code != tc.wantCode {
			t.Errorf("UserByNIP(%s): code %q (%v), want %q", tc.nip, code, err, tc.wantCode)
			continue
		}
		if err == nil && u.TelegramID != tc.want {
			t.Errorf("UserByNIP(%s) = %d, want %d", tc.nip, u.TelegramID, tc.want)
		}
	}
}

func TestRevokeUser(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	saveUsers(t, db, mutasi.User{TelegramID: 77, Role: mutasi.RoleASN, NIP: nip, Nama: "A", Active: true})

	u, changed, err := db.RevokeUser(ctx, 77, 5)
	if err != nil || !changed || u.Active {
		t.Fatalf("first revoke: user %+v changed %v err %v; want inactive, changed", u, changed, err)
	}
	stored, err := db.User(ctx, 77)
	if err != nil || stored.Active {
		t.Fatalf("stored after revoke: %+v %v", stored, err)
	}
	// Again: nothing to do, nothing audited.
	if _, changed, err := db.RevokeUser(ctx, 77, 5); err != nil || changed {
		t.Errorf("second revoke: changed %v err %v, want unchanged", changed, err)
	}
	if _, _, err := db.RevokeUser(ctx, 404, 0); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("unknown user: %v, want ENOTFOUND", err)
	}
	entries, err := db.AuditEntries(ctx, nip, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Actor+" "+e.Action+" "+e.Detail)
	}
	want := []string{
		"cli user.save akun Telegram 77, peran asn",
		"tg:5 user.revoke akun Telegram 77, peran asn",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit of %s:\n got %q\nwant %q", nip, got, want)
	}
}
