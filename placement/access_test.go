package placement

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestAccessIsCheckedInTheService(t *testing.T) {
	p := loadDefaultPolicy(t)
	inA, inB := person(1, "A0"), person(2, "S0")
	inB.TMTJabatan = testDay.AddDate(0, -21, 0) // a near miss, by masa jabatan
	d := smallOrg(inA, inB, person(3, "S0"))
	svc := newTestService(d, p)
	ctx := context.Background()
	asnA := As(&mutasi.User{TelegramID: 10, Role: mutasi.RoleASN, NIP: inA.NIP, Active: true})
	managerA := As(&mutasi.User{TelegramID: 11, Role: mutasi.RoleManager, UnitScope: []string{"UA"}, Active: true})
	managerB := As(&mutasi.User{TelegramID: 12, Role: mutasi.RoleManager, UnitScope: []string{"UB"}, Active: true})
	policy := As(&mutasi.User{TelegramID: 13, Role: mutasi.RolePolicy, Active: true})
	gone := As(&mutasi.User{TelegramID: 14, Role: mutasi.RolePolicy, Active: false})

	code := func(err error) string { return mutasi.ErrorCode(err) }
	check := func(a Actor, nip string) string {
		_, err := svc.Check(ctx, a, nip, "", testDay)
		return code(err)
	}
	recommend := func(a Actor, pos string) string {
		_, err := svc.Recommend(ctx, a, pos, RecommendOptions{})
		return code(err)
	}
	for _, tc := range []struct {
		name, got, want string
	}{
		{"ASN checks themself", check(asnA, inA.NIP), ""},
		{"ASN checks someone else", check(asnA, inB.NIP), mutasi.EUNAUTHORIZED},
		{"manager checks own unit", check(managerA, inA.NIP), ""},
		{"manager checks another unit", check(managerA, inB.NIP), mutasi.EUNAUTHORIZED},
		{"policy staff check anyone", check(policy, inB.NIP), ""},
		{"deactivated user", check(gone, inA.NIP), mutasi.EUNAUTHORIZED},
		{"ASN asks for recommendations", recommend(asnA, "V0"), mutasi.EUNAUTHORIZED},
		{"manager of UA for V0 in sub-unit UA1", recommend(managerA, "V0"), ""},
		{"manager of UB for V0", recommend(managerB, "V0"), mutasi.EUNAUTHORIZED},
		{"policy staff for V0", recommend(policy, "V0"), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: code %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	// A manager sees candidates from every unit, but the message of a near
	// miss (a person's record) only for their own units' employees.
	r, err := svc.Recommend(ctx, managerA, "V0", RecommendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Candidates) == 0 {
		t.Fatal("manager A sees no candidate from unit B")
	}
	for _, nm := range r.NearMisses {
		if nm.Employee.NIP == inB.NIP && nm.Message != "" {
			t.Errorf("manager A reads the near-miss message of unit B's %s: %q", inB.NIP, nm.Message)
		}
	}
	if _, err := svc.Plan(ctx, managerA, PlanOptions{}); code(err) != mutasi.EUNAUTHORIZED {
		t.Errorf("a manager computes a global plan: %v", err)
	}
	hits, err := svc.SearchEmployees(ctx, managerA, "pegawai", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].NIP != inA.NIP {
		t.Errorf("manager A finds %d employees by name, want only their own unit's", len(hits))
	}
	hits, _ = svc.SearchEmployees(ctx, asnA, inB.NIP, 10)
	if len(hits) != 0 {
		t.Errorf("an ASN finds someone else by NIP")
	}
}

func TestUnknownIDsSuggestTheNearest(t *testing.T) {
	p := loadDefaultPolicy(t)
	svc := newTestService(smallOrg(person(1, "S0")), p)
	ctx := context.Background()
	_, err := svc.Recommend(ctx, Admin(), "VO", RecommendOptions{})
	if mutasi.ErrorCode(err) != mutasi.ENOTFOUND || mutasi.ErrorMessage(err) != "jabatan VO tidak ada atau tidak aktif; maksudnya V0?" {
		t.Errorf("typo'd position: %v", err)
	}
	_, err = svc.RecommendForUnit(ctx, Admin(), "UC", RecommendOptions{})
	if mutasi.ErrorMessage(err) != "unit UC tidak ada atau tidak aktif; maksudnya UA?" {
		t.Errorf("typo'd unit: %v", err)
	}
	_, err = svc.Check(ctx, Admin(), person(1, "").NIP, "S9", testDay)
	if mutasi.ErrorMessage(err) != "jabatan tujuan S9 tidak ada atau tidak aktif; maksudnya S0?" {
		t.Errorf("typo'd target: %v", err)
	}
}

// The bot answers /cek from the organisation it keeps; a command reads the
// rows. Same decision, same refusals.
func TestResidentCheckIsTheDirectorysCheck(t *testing.T) {
	p := loadDefaultPolicy(t)
	inA, inB := person(1, "A0"), person(2, "S0")
	d := smallOrg(inA, inB, person(3, "S0"))
	once := newTestService(d, p)
	resident := New(Config{Directory: &fixedDir{memDir: d}, Policy: once.cfg.Policy, Now: once.cfg.Now, Workers: 2, Resident: true})
	managerA := As(&mutasi.User{TelegramID: 11, Role: mutasi.RoleManager, UnitScope: []string{"UA"}, Active: true})
	ctx := context.Background()
	for _, tc := range []struct {
		a       Actor
		nip, to string
	}{
		{Admin(), inA.NIP, ""}, {Admin(), inB.NIP, "V0"}, {managerA, inA.NIP, "V0"}, {managerA, inB.NIP, ""},
		{Admin(), inA.NIP, "NOPE"}, {Admin(), "199001012015031999", ""},
	} {
		x, errX := once.Check(ctx, tc.a, tc.nip, tc.to, testDay)
		y, errY := resident.Check(ctx, tc.a, tc.nip, tc.to, testDay)
		if mutasi.ErrorMessage(errX) != mutasi.ErrorMessage(errY) {
			t.Errorf("%s → %q: errors %v / %v", tc.nip, tc.to, errX, errY)
			continue
		}
		if errX == nil {
			jx, _ := x.Decision.MarshalJSON()
			jy, _ := y.Decision.MarshalJSON()
			if string(jx) != string(jy) {
				t.Errorf("%s → %q: decisions differ:\n%s\n%s", tc.nip, tc.to, jx, jy)
			}
		}
	}
}
