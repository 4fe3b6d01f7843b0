package store

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestBackup(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	dest := filepath.Join(t.TempDir(), "cadangan.db")
	if err := db.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	copyDB, err := Open(ctx, dest)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer copyDB.Close()
	if got, want := dump(t, copyDB), dump(t, db); got != want {
		t.Errorf("backup content differs:\n%s\nwant\n%s", got, want)
	}
	if err := db.Backup(ctx, dest); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Errorf("backup over an existing file: %v, want ECONFLICT", err)
	}
}

func TestStats(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	pppk := employee(20, "P3")
	pppk.Status, pppk.Golongan = mutasi.StatusPPPK, "IX"
	pppk.TMTCPNS, pppk.TMTJabatan = date("2022-02-01"), date("2022-02-01")
	pppk.NIP = pppk.TanggalLahir.Format("20060102") + "2022" + "21" + "1" + "020"
	if _, err := db.ImportEmployees(ctx, valuesOf(fixtureEmployees[0], fixtureEmployees[1], pppk), mutasi.ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	p := &mutasi.Proposal{NIP: fixtureEmployees[0].NIP, FromPosition: "P1", ToPosition: "P2"}
	if err := db.CreateProposal(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAspiration(ctx, &mutasi.Aspiration{NIP: pppk.NIP, Pilihan: []string{"U1"}}); err != nil {
		t.Fatal(err)
	}
	c, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Units: 2, Positions: 3, Employees: 3, EmployeesInactive: 1, PNS: 2, PPPK: 1, Aspirations: 1,
		Proposals: map[mutasi.ProposalStatus]int{mutasi.ProposalDraft: 1}}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("Counts = %+v, want %+v", c, want)
	}

	w, err := db.UnitWorkloads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantW := []UnitWorkload{
		{UnitID: "U1", Nama: "Sekretariat Daerah", Positions: 1, Holders: 1, Kebutuhan: 2, BebanKerjaJam: 2500},
		{UnitID: "U2", Nama: "Bagian Umum", IndukID: "U1", Positions: 2, Holders: 2, Kebutuhan: 4, BebanKerjaJam: 3125.5},
	}
	if !slices.Equal(w, wantW) {
		t.Errorf("UnitWorkloads = %+v, want %+v", w, wantW)
	}
}
