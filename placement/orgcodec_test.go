package placement

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

func TestOrgSnapshotRoundTripsEveryField(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		d := randomOrg(r, 30, 6)
		// Fields the random organisations leave empty.
		d.employees[0].HukumanDisiplin = mutasi.HukumanRingan
		d.employees[0].HukumanSelesai = testDay.AddDate(0, 2, 0)
		d.employees[0].TugasBelajar = true
		d.employees[0].TMTJabatan = time.Time{}
		d.positions[0].GolonganMin = "III/a"
		d.positions[0].PendidikanMin = mutasi.PendidikanS1
		d.positions[0].Jenjang = mutasi.JenjangAhliMuda
		for _, a := range d.aspirations {
			a.UpdatedAt = time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
		}
		// An inactive employee with an aspiration: neither path keeps it.
		gone := person(900, "S0")
		gone.Active = false
		d.employees = append(d.employees, gone)
		d.aspirations[gone.NIP] = &mutasi.Aspiration{NIP: gone.NIP, Pilihan: []string{"V0"}}
		want, err := loadOrg(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		data := encodeOrg(want)
		got, err := decodeOrg(data)
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		type tables struct {
			Units       map[string]*mutasi.Unit
			Positions   map[string]*mutasi.Position
			Aspirations map[string]*mutasi.Aspiration
			Employees   []*mutasi.Employee
			Subjects    []rules.Subject
			Holds       []*mutasi.Position
			PosIDs      []string
			UnitIDs     []string
			Children    map[string][]string
		}
		view := func(o *Org) tables {
			return tables{o.Units, o.Positions, o.Aspirations, o.Employees, o.subjects(), o.holding(),
				o.posIDs, o.unitIDs, o.children}
		}
		if g, w := view(got), view(want); !reflect.DeepEqual(g, w) {
			t.Fatalf("instance %d: the organisation does not survive its snapshot:\ngot  %+v\nwant %+v", i, g, w)
		}
		// Any truncation is refused, never half-read.
		for _, n := range []int{0, 1, len(data) / 2, len(data) - 1} {
			if _, err := decodeOrg(data[:n]); err == nil {
				t.Fatalf("instance %d: a snapshot cut at %d of %d bytes was accepted", i, n, len(data))
			}
		}
	}
}

func FuzzDecodeOrg(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	o, _ := loadOrg(context.Background(), randomOrg(r, 5, 2))
	f.Add(encodeOrg(o))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := decodeOrg(data)
		if err == nil && org == nil {
			t.Fatal("no error and no organisation")
		}
	})
}
