package exchange

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/xuri/excelize/v2"
)

// formulaDirectory holds text that a spreadsheet would run as a formula
// (OWASP "CSV Injection"), text that already starts with the quote that
// neutralises it, and negative numbers, which are numbers, not text.
func formulaDirectory() *memDirectory {
	return &memDirectory{
		units: []*mutasi.Unit{
			{ID: "U1", Nama: "=HYPERLINK(\"http://x\",\"klik\")", Active: true},
			{ID: "U2", Nama: "-Bagian Umum", IndukID: "U1", Active: true},
			{ID: "U3", Nama: "+62 Kecamatan", IndukID: "U1", Active: true},
			{ID: "U4", Nama: "@SUM(1)", IndukID: "U1", Active: true},
			{ID: "U5", Nama: "'=tetap dengan petik", IndukID: "U1", Active: true},
			{ID: "U6", Nama: "''-dua petik", IndukID: "U1", Active: true},
			{ID: "U7", Nama: "'biasa dengan petik", IndukID: "U1", Active: true},
			{ID: "U8", Nama: "Biasa - dengan = di tengah", IndukID: "U1", Active: true},
		},
		positions: []*mutasi.Position{
			{ID: "P1", UnitID: "U1", Nama: "-Jabatan", Jenis: mutasi.JenisPelaksana, Kebutuhan: -1,
				BebanKerjaJam: -12.5, RumpunPendidikan: []string{"=Hukum", "Manajemen"}, Active: true},
		},
		employees: []*mutasi.Employee{
			{NIP: "199004122015032001", Nama: "=cmd|' /C calc'!A0", Status: mutasi.StatusPNS, KotakTalenta: -3, Active: true},
		},
		aspirations: []*mutasi.Aspiration{
			{NIP: "199004122015032001", Pilihan: []string{"U1"}, Alasan: "\tdi awal ada tab"},
			{NIP: "198501012010011002", Pilihan: []string{"U2"}, Alasan: "\r=cr di awal"},
		},
	}
}

// Export prefixes every text cell that a spreadsheet would run with a
// single quote, in CSV and XLSX alike; numbers stay numbers.
func TestWriteNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, formulaDirectory(), CSV, mutasi.TableUnits); err != nil {
		t.Fatal(err)
	}
	wantUnits := "unit_id,nama,induk_id\n" +
		"U1,\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",\n" +
		"U2,'-Bagian Umum,U1\n" +
		"U3,'+62 Kecamatan,U1\n" +
		"U4,'@SUM(1),U1\n" +
		"U5,''=tetap dengan petik,U1\n" +
		"U6,'''-dua petik,U1\n" +
		"U7,'biasa dengan petik,U1\n" +
		"U8,Biasa - dengan = di tengah,U1\n"
	if got := buf.String(); got != wantUnits {
		t.Errorf("units CSV\n got %q\nwant %q", got, wantUnits)
	}
	buf.Reset()
	if err := Write(context.Background(), &buf, formulaDirectory(), CSV, mutasi.TablePositions); err != nil {
		t.Fatal(err)
	}
	if want := "P1,U1,'-Jabatan,pelaksana,,-1,-12.5,,'=Hukum;Manajemen,\n"; !strings.HasSuffix(buf.String(), want) {
		t.Errorf("positions CSV %q, want ending %q", buf.String(), want)
	}
	buf.Reset()
	if err := Write(context.Background(), &buf, formulaDirectory(), CSV, mutasi.TableAspirations); err != nil {
		t.Fatal(err)
	}
	if want := "199004122015032001,U1,,,'\tdi awal ada tab\n198501012010011002,U2,,,\"'\r=cr di awal\"\n"; !strings.HasSuffix(buf.String(), want) {
		t.Errorf("aspirations CSV %q, want ending %q", buf.String(), want)
	}

	buf.Reset()
	if err := Write(context.Background(), &buf, formulaDirectory(), XLSX, mutasi.Tables()...); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		sheet, cell, want string
		number            bool
	}{
		{"units", "B2", "'=HYPERLINK(\"http://x\",\"klik\")", false},
		{"units", "B3", "'-Bagian Umum", false},
		{"units", "B9", "Biasa - dengan = di tengah", false},
		{"positions", "C2", "'-Jabatan", false},
		{"positions", "F2", "-1", true},
		{"positions", "G2", "-12.5", true},
		{"positions", "I2", "'=Hukum;Manajemen", false},
		{"employees", "B2", "'=cmd|' /C calc'!A0", false},
		{"employees", "N2", "-3", true},
		{"aspirations", "E2", "'\tdi awal ada tab", false},
	} {
		got, err := f.GetCellValue(tc.sheet, tc.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		typ, _ := f.GetCellType(tc.sheet, tc.cell)
		number := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset // a streamed number has no type
		if got != tc.want || number != tc.number {
			t.Errorf("%s!%s = %q (type %v), want %q (number %v)", tc.sheet, tc.cell, got, typ, tc.want, tc.number)
		}
	}
}

// What export neutralised reads back without the quote, so that export →
// import → export is byte for byte the same.
func TestRoundTripNeutralisedFormulas(t *testing.T) {
	src := formulaDirectory()
	dir := t.TempDir()
	for _, table := range mutasi.Tables() {
		for _, f := range []Format{CSV, XLSX} {
			t.Run(table+"/"+string(f), func(t *testing.T) {
				sameTable(t, table, readBack(t, export(t, src, dir, f, table), table), src)
			})
		}
	}
}
