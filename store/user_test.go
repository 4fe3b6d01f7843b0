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
		{Code: "MGR-0001-XYZ", Role: mutasi.RoleManager, UnitScope: []string{"U1", "U2"}, CreatedBy: 1, ExpiresAt: testNow.Add(48 * time.Hour)},
		{Code: "OLD-0001-XYZ", Role: mutasi.RolePolicy, CreatedBy: 1, ExpiresAt: testNow.Add(time.Hour)},
	}
	for _, inv := range invites {
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatalf("CreateInvite %s: %v", inv.Code, err)
		}
	}
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "ASN-0001-XYZ", Role: mutasi.RolePolicy, ExpiresAt: testNow.Add(time.Hour)}); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
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
		{"manager", "MGR-0001-XYZ", 105, &mutasi.User{TelegramID: 105, Role: mutasi.RoleManager, UnitScope: []string{"U1", "U2"},
			Nama: "Budi", CreatedAt: testNow.Add(2 * time.Hour), Active: true}, ""},
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
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "RACE-0001", Role: mutasi.RolePolicy, ExpiresAt: testNow.Add(time.Hour)}); err != nil {
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
