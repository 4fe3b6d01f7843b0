package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestDirectoryRoundTripsImportedValues(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()

	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var gotUnits []mutasi.Unit
	for _, u := range units {
		gotUnits = append(gotUnits, *u)
	}
	if !reflect.DeepEqual(gotUnits, fixtureUnits) {
		t.Errorf("Units = %+v, want %+v", gotUnits, fixtureUnits)
	}

	positions, err := db.Positions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	holders := map[string]int{"P1": 1, "P2": 2, "P3": 0}
	var gotPositions []mutasi.Position
	for _, p := range positions {
		gotPositions = append(gotPositions, *p)
	}
	var wantPositions []mutasi.Position
	for _, p := range fixturePositions {
		p.Holders = holders[p.ID]
		wantPositions = append(wantPositions, p)
	}
	if !reflect.DeepEqual(gotPositions, wantPositions) {
		t.Errorf("Positions =\n%+v\nwant\n%+v", gotPositions, wantPositions)
	}

	var gotEmployees []mutasi.Employee
	if err := db.EachEmployee(ctx, func(e *mutasi.Employee) error {
		gotEmployees = append(gotEmployees, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotEmployees, fixtureEmployees) {
		t.Errorf("EachEmployee =\n%+v\nwant\n%+v", gotEmployees, fixtureEmployees)
	}
}

func TestEmployeeOptionalFieldsRoundTrip(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	e := employee(7, "P3")
	e.JenisKelamin = "P"
	e.NIP = nipFor(e.TanggalLahir, e.TMTCPNS, "P", 7)
	e.TMTJabatan = time.Time{}
	e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu, e.KotakTalenta = "", "", 0
	e.HukumanDisiplin, e.HukumanSelesai = mutasi.HukumanSedang, date("2026-12-31")
	e.TugasBelajar = true
	if _, err := db.ImportEmployees(ctx, valuesOf(e), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Employee(ctx, e.NIP)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, e) {
		t.Errorf("Employee =\n%+v\nwant\n%+v", *got, e)
	}
}

func TestHoldersCountOnlyActiveEmployees(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	if _, err := db.ImportEmployees(ctx, valuesOf(fixtureEmployees[0], fixtureEmployees[1]), mutasi.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	p, err := db.Position(ctx, "P2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Holders, 1; got != want {
		t.Errorf("P2 holders = %d, want %d", got, want)
	}
}

func TestDirectoryNotFound(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
	}{
		{"unit", func() error { _, err := db.Unit(ctx, "X"); return err }},
		{"position", func() error { _, err := db.Position(ctx, "X"); return err }},
		{"employee", func() error { _, err := db.Employee(ctx, "199001012015031001"); return err }},
		{"aspiration", func() error { _, err := db.Aspiration(ctx, "199001012015031001"); return err }},
		{"proposal", func() error { _, err := db.Proposal(ctx, 42); return err }},
		{"user", func() error { _, err := db.User(ctx, 42); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mutasi.ErrorCode(tc.call()); got != mutasi.ENOTFOUND {
				t.Errorf("code %q, want %q", got, mutasi.ENOTFOUND)
			}
		})
	}
}

func TestSaveAndDeleteAspiration(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	tests := []struct {
		name     string
		a        mutasi.Aspiration
		wantCode string
		wantMsg  string
	}{
		{"valid", mutasi.Aspiration{NIP: nip, Pilihan: []string{"P3", "U2"}, Alasan: "ingin memimpin"}, "", ""},
		{"unknown choice", mutasi.Aspiration{NIP: nip, Pilihan: []string{"P3", "ZZ"}}, mutasi.EINVALID,
			"pilihan_2: ZZ bukan jabatan_id maupun unit_id yang aktif"},
		{"unknown employee", mutasi.Aspiration{NIP: employee(500, "").NIP, Pilihan: []string{"P3"}}, mutasi.ENOTFOUND, ""},
		{"invalid", mutasi.Aspiration{NIP: nip}, mutasi.EINVALID, "pilihan_1: wajib diisi (minimal satu pilihan)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			err := db.SaveAspiration(ctx, &a)
			if got := mutasi.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("code %q (%v), want %q", got, err, tc.wantCode)
			}
			if tc.wantMsg != "" && mutasi.ErrorMessage(err) != tc.wantMsg {
				t.Errorf("message %q, want %q", mutasi.ErrorMessage(err), tc.wantMsg)
			}
		})
	}
	got, err := db.Aspiration(ctx, nip)
	if err != nil {
		t.Fatal(err)
	}
	want := &mutasi.Aspiration{NIP: nip, Pilihan: []string{"P3", "U2"}, Alasan: "ingin memimpin", UpdatedAt: testNow}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored %+v, want %+v", got, want)
	}
	if err := db.DeleteAspiration(ctx, nip); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteAspiration(ctx, nip); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("second delete: %v, want ENOTFOUND", err)
	}
}

// An export of several tables reads them one after the other; a Snapshot
// must show all of them as they were when it began reading, whatever is
// imported meanwhile, or the export would not import back (an employee in
// a position the export does not list).
func TestSnapshotIsOneState(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		change func(db *DB) error
	}{
		{"position and its employee added", func(db *DB) error {
			if _, err := db.ImportPositions(ctx, valuesOf(mutasi.Position{ID: "P9", UnitID: "U1", Nama: "Baru",
				Jenis: mutasi.JenisPelaksana, Kebutuhan: 1, BebanKerjaJam: 100, Active: true}), mutasi.ImportOptions{}); err != nil {
				return err
			}
			_, err := db.ImportEmployees(ctx, valuesOf(employee(9, "P9")), mutasi.ImportOptions{})
			return err
		}},
		{"employees replaced", func(db *DB) error {
			_, err := db.ImportEmployees(ctx, valuesOf(fixtureEmployees[0]), mutasi.ImportOptions{Replace: true})
			return err
		}},
		{"aspiration added", func(db *DB) error {
			_, err := db.ImportAspirations(ctx, valuesOf(mutasi.Aspiration{NIP: fixtureEmployees[1].NIP, Pilihan: []string{"P1"}}), mutasi.ImportOptions{})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			seed(t, db)
			want := readSnapshot(t, db)
			snap, err := db.Snapshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer snap.Close()
			if _, err := snap.Units(ctx); err != nil { // the export's first read
				t.Fatal(err)
			}
			if err := tt.change(db); err != nil {
				t.Fatal(err)
			}
			if got := readSnapshot(t, snap); !reflect.DeepEqual(got, want) {
				t.Errorf("snapshot sees the change:\n got %+v\nwant %+v", got, want)
			}
			if got := readSnapshot(t, db); reflect.DeepEqual(got, want) {
				t.Errorf("the change did not happen; the test proves nothing")
			}
		})
	}
}
