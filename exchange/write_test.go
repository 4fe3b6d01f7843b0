package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// export writes tables of d in format f to a file in dir and returns its path.
func export(t *testing.T, d mutasi.Directory, dir string, f Format, tables ...string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, d, f, tables...); err != nil {
		t.Fatalf("Write %s %v: %v", f, tables, err)
	}
	path := filepath.Join(dir, strings.Join(tables, "-")+"."+string(f))
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// readBack reads table from path (CSV or XLSX) into a directory.
func readBack(t *testing.T, path, table string) *memDirectory {
	t.Helper()
	var d memDirectory
	var err error
	switch table {
	case mutasi.TableUnits:
		var rows []mutasi.Row[mutasi.Unit]
		rows, err = collect(Units(path))
		d.units = values(t, rows)
	case mutasi.TablePositions:
		var rows []mutasi.Row[mutasi.Position]
		rows, err = collect(Positions(path))
		d.positions = values(t, rows)
	case mutasi.TableEmployees:
		var rows []mutasi.Row[mutasi.Employee]
		rows, err = collect(Employees(path))
		d.employees = values(t, rows)
	case mutasi.TableAspirations:
		var rows []mutasi.Row[mutasi.Aspiration]
		rows, err = collect(Aspirations(path))
		d.aspirations = values(t, rows)
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return &d
}

// readJSON decodes JSON objects of cells and reads them back through the
// same decoding as a file.
func readJSON(t *testing.T, objects []map[string]string, table string) *memDirectory {
	t.Helper()
	names := Columns(table)
	src := &sliceSource{rows: [][]string{names}}
	for _, o := range objects {
		if len(o) != len(names) {
			t.Errorf("object has %d keys, want %d: %v", len(o), len(names), o)
		}
		row := make([]string, len(names))
		for i, n := range names {
			row[i] = o[n]
		}
		src.rows = append(src.rows, row)
	}
	var d memDirectory
	var err error
	switch table {
	case mutasi.TableUnits:
		err = readRows(src, "json", unitTable, func(r mutasi.Row[mutasi.Unit]) error {
			d.units = append(d.units, values(t, []mutasi.Row[mutasi.Unit]{r})...)
			return nil
		})
	case mutasi.TablePositions:
		err = readRows(src, "json", positionTable, func(r mutasi.Row[mutasi.Position]) error {
			d.positions = append(d.positions, values(t, []mutasi.Row[mutasi.Position]{r})...)
			return nil
		})
	case mutasi.TableEmployees:
		err = readRows(src, "json", employeeTable, func(r mutasi.Row[mutasi.Employee]) error {
			d.employees = append(d.employees, values(t, []mutasi.Row[mutasi.Employee]{r})...)
			return nil
		})
	case mutasi.TableAspirations:
		err = readRows(src, "json", aspirationTable, func(r mutasi.Row[mutasi.Aspiration]) error {
			d.aspirations = append(d.aspirations, values(t, []mutasi.Row[mutasi.Aspiration]{r})...)
			return nil
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// sameTable compares one table of two directories.
func sameTable(t *testing.T, table string, got, want *memDirectory) {
	t.Helper()
	var g, w any
	switch table {
	case mutasi.TableUnits:
		g, w = got.units, want.units
	case mutasi.TablePositions:
		g, w = got.positions, want.positions
	case mutasi.TableEmployees:
		g, w = got.employees, want.employees
	case mutasi.TableAspirations:
		g, w = got.aspirations, want.aspirations
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s after round trip\n got %s\nwant %s", table, dump(g), dump(w))
	}
}

func dump(v any) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

func TestRoundTripEachTable(t *testing.T) {
	src := sampleDirectory()
	dir := t.TempDir()
	for _, table := range mutasi.Tables() {
		for _, f := range []Format{CSV, XLSX, JSON} {
			t.Run(table+"/"+string(f), func(t *testing.T) {
				path := export(t, src, dir, f, table)
				var got *memDirectory
				if f == JSON {
					data, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					var objects []map[string]string
					if err := json.Unmarshal(data, &objects); err != nil {
						t.Fatalf("output is not an array of string objects: %v\n%s", err, data)
					}
					got = readJSON(t, objects, table)
				} else {
					got = readBack(t, path, table)
				}
				sameTable(t, table, got, src)
			})
		}
	}
}

func TestRoundTripAllTables(t *testing.T) {
	src := sampleDirectory()
	dir := t.TempDir()
	all := mutasi.Tables()
	t.Run("xlsx", func(t *testing.T) {
		path := export(t, src, dir, XLSX, all...)
		tables, err := WorkbookTables(path)
		if err != nil || !reflect.DeepEqual(tables, all) {
			t.Fatalf("sheets = %v, %v; want %v", tables, err, all)
		}
		for _, table := range all {
			sameTable(t, table, readBack(t, path, table), src)
		}
	})
	t.Run("json", func(t *testing.T) {
		data, err := os.ReadFile(export(t, src, dir, JSON, all...))
		if err != nil {
			t.Fatal(err)
		}
		var byTable map[string][]map[string]string
		if err := json.Unmarshal(data, &byTable); err != nil {
			t.Fatalf("output is not an object of tables: %v\n%s", err, data)
		}
		if len(byTable) != len(all) {
			t.Errorf("tables = %d, want %d", len(byTable), len(all))
		}
		for _, table := range all {
			sameTable(t, table, readJSON(t, byTable[table], table), src)
		}
	})
}

// The exact text of exports: column order, dates, lists, empty talent box,
// ya/tidak, quoting.
func TestWriteGolden(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		tables []string
		want   string
	}{
		{"employees csv", CSV, []string{"employees"}, "" +
			"nip,nama,tanggal_lahir,jenis_kelamin,status,golongan,jabatan_id,tmt_jabatan,tmt_cpns,pendidikan_jenjang,pendidikan_jurusan,kinerja_tahun_lalu,kinerja_dua_tahun_lalu,kotak_talenta,hukuman_disiplin,hukuman_selesai,tugas_belajar\n" +
			"199004122015032001,Rina Marlina,1990-04-12,P,PNS,III/b,J-002,2021-01-04,2015-03-01,S1,Psikologi,Baik,Sangat Baik,8,,,tidak\n" +
			"198501012010011002,\"Budi \"\"Ucok\"\" Santoso,\nS.E.\",1985-01-01,L,PNS,III/c,J-003,,2010-01-01,S1,Manajemen,,,,ringan,2026-06-30,ya\n" +
			"199512312022212003,Siti Ñurhaliza,1995-12-31,L,PPPK,IX,J-003,2022-03-01,2022-03-01,D3,,,,,,,tidak\n"},
		{"positions csv", CSV, []string{"positions"}, "" +
			"jabatan_id,unit_id,nama,jenis_jabatan,jenjang,kebutuhan,beban_kerja_jam,pendidikan_min,rumpun_pendidikan,golongan_min\n" +
			"J-001,BKPSDM,Kepala Badan,jpt,,1,1250,S2,Ilmu Administrasi;Manajemen,IV/c\n" +
			"J-002,BKPSDM.MUT,Analis SDM Aparatur Ahli Muda,fungsional,ahli_muda,3,4062.75,S1,,\n" +
			"J-003,007,Pengadministrasi Umum,pelaksana,,0,0.125,,Administrasi Perkantoran,\n"},
		{"units json", JSON, []string{"units"}, "[\n" +
			`{"unit_id":"BKPSDM","nama":"Badan Kepegawaian dan Pengembangan SDM","induk_id":""},` + "\n" +
			`{"unit_id":"BKPSDM.MUT","nama":"Bidang Mutasi, \"Promosi\" \u0026 Karier","induk_id":"BKPSDM"},` + "\n" +
			`{"unit_id":"007","nama":"=SUM(A1) kecamatan","induk_id":"BKPSDM"}` + "\n]\n"},
		{"aspirations csv", CSV, []string{"aspirations"}, "" +
			"nip,pilihan_1,pilihan_2,pilihan_3,alasan\n" +
			"199004122015032001,J-001,BKPSDM.MUT,007,Dekat rumah; ingin berkembang\n" +
			"198501012010011002,J-002,,,\n" +
			"199512312022212003,,J-002,,'=1+1\n"}, // neutralised: see formula.go
		{"empty tables json", JSON, []string{"units", "aspirations"}, "{\n\"units\": [],\n\"aspirations\": []\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDirectory()
			if strings.HasPrefix(tt.name, "empty") {
				d = &memDirectory{}
			}
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, d, tt.format, tt.tables...); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("output\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	for _, f := range []Format{CSV, XLSX, JSON} {
		tables := []string{"employees"}
		if f != CSV {
			tables = mutasi.Tables()
		}
		var a, b bytes.Buffer
		if err := Write(context.Background(), &a, sampleDirectory(), f, tables...); err != nil {
			t.Fatal(err)
		}
		if err := Write(context.Background(), &b, sampleDirectory(), f, tables...); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same data differ", f)
		}
	}
}

func TestWriteRejects(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		tables []string
		want   string
	}{
		{"csv of two tables", CSV, []string{"units", "positions"}, "CSV memuat satu tabel saja"},
		{"unknown table", JSON, []string{"pegawai"}, `tabel "pegawai" tidak dikenal`},
		{"unknown format", Format("ods"), []string{"units"}, `format "ods" tidak dikenal`},
		{"no table", CSV, nil, "tidak ada tabel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(context.Background(), &bytes.Buffer{}, sampleDirectory(), tt.format, tt.tables...)
			if mutasi.ErrorCode(err) != mutasi.EINVALID || !strings.Contains(mutasi.ErrorMessage(err), tt.want) {
				t.Errorf("error = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

// Workload hours that need more than the 15 significant digits a workbook
// number is written with must still come back exactly from XLSX.
func TestRoundTripFloatPrecision(t *testing.T) {
	tests := []struct {
		name string
		hour float64
	}{
		{"sum of tenths", 0.30000000000000004}, // 0.1+0.2 in float64
		{"17 digits", 123456789.12345679},
		{"large integral", 12345678901234567},
		{"tiny", 1e-7},
		{"huge", 1e21},
		{"plain", 4062.75},
		{"15 digits", 1234567890.12345},
	}
	for _, tt := range tests {
		for _, f := range []Format{CSV, XLSX} {
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				src := &memDirectory{
					units: []*mutasi.Unit{{ID: "U1", Nama: "Unit", Active: true}},
					positions: []*mutasi.Position{{ID: "P1", UnitID: "U1", Nama: "Jabatan", Jenis: mutasi.JenisPelaksana,
						Kebutuhan: 1, BebanKerjaJam: tt.hour, Active: true}},
				}
				got := readBack(t, export(t, src, t.TempDir(), f, mutasi.TablePositions), mutasi.TablePositions)
				if len(got.positions) != 1 || got.positions[0].BebanKerjaJam != tt.hour {
					t.Errorf("beban_kerja_jam: got %v, want %v", dump(got.positions), tt.hour)
				}
			})
		}
	}
}
