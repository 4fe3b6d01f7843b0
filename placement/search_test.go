package placement

import (
	"context"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestSearchPositionsForgivesTypos(t *testing.T) {
	p := loadDefaultPolicy(t)
	d := smallOrg(person(1, "S0"))
	d.positions = append(d.positions,
		&mutasi.Position{ID: "PRW-1", UnitID: "UA", Nama: "Perawat Ahli Pertama", Jenis: mutasi.JenisFungsional,
			Jenjang: mutasi.JenjangAhliPertama, Kebutuhan: 2, BebanKerjaJam: 2500, Active: true},
		&mutasi.Position{ID: "PRW-2", UnitID: "UB", Nama: "Perawat Ahli Muda", Jenis: mutasi.JenisFungsional,
			Jenjang: mutasi.JenjangAhliMuda, Kebutuhan: 0, BebanKerjaJam: 0, Active: true})
	svc := newTestService(d, p)
	ctx := context.Background()
	ids := func(query string, vacantFirst bool) []string {
		t.Helper()
		hits, err := svc.SearchPositions(ctx, Admin(), query, 5, vacantFirst)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.Position.ID)
		}
		return out
	}
	for _, tc := range []struct {
		query       string
		vacantFirst bool
		want        []string
	}{
		{"perawat ahli", false, []string{"PRW-2", "PRW-1"}}, // shorter name first
		{"perawat ahli", true, []string{"PRW-1", "PRW-2"}},  // the one with room first
		{"Perawat  AHLI-Pertama", false, []string{"PRW-1"}},
		{"perwat prtama", false, []string{"PRW-1"}}, // a typo in each word
		{"prw-2", false, []string{"PRW-2"}},         // the id itself
		{"analis", false, []string{"V0"}},
		{"dokter", false, nil},
	} {
		got := ids(tc.query, tc.vacantFirst)
		if len(got) != len(tc.want) {
			t.Errorf("%q: %v, want %v", tc.query, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: %v, want %v", tc.query, got, tc.want)
				break
			}
		}
	}
	if _, err := svc.SearchPositions(ctx, Admin(), " -- ", 5, false); mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Errorf("an empty query: %v, want EINVALID", err)
	}
}

func TestManagedSearchKeepsToTheManagersUnits(t *testing.T) {
	p := loadDefaultPolicy(t)
	d := smallOrg(person(1, "S0"))
	svc := newTestService(d, p)
	mgr := As(&mutasi.User{TelegramID: 1, Role: mutasi.RoleManager, UnitScope: []string{"UA"}, Active: true})
	asn := As(&mutasi.User{TelegramID: 2, Role: mutasi.RoleASN, NIP: person(1, "").NIP, Active: true})
	for _, tc := range []struct {
		who  Actor
		want int
	}{{mgr, 2}, {Admin(), 3}, {asn, 0}} { // UA holds V0 (sub-unit UA1) and A0; UB holds S0
		hits, err := svc.SearchManagedPositions(context.Background(), tc.who, "a", 10, false)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, h := range hits {
			if h.Position.UnitID != "UB" || tc.who.User == nil {
				got++
			}
		}
		if len(hits) != tc.want || got != tc.want {
			t.Errorf("%v: %d hits, want %d", tc.who.User, len(hits), tc.want)
		}
	}
}
