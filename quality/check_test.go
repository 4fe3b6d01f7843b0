package quality

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

var today = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func date(s string) time.Time {
	d, err := mutasi.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func loadPolicy(t testing.TB) *rules.Policy {
	t.Helper()
	p, err := rules.LoadDir("../policies")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// employee is a sound active employee; tests spoil one field at a time.
func employee(nip, nama, jabatan, lahir string) *mutasi.Employee {
	return &mutasi.Employee{NIP: nip, Nama: nama, TanggalLahir: date(lahir), JenisKelamin: "L",
		Status: mutasi.StatusPNS, Golongan: "III/a", JabatanID: jabatan, TMTJabatan: date("2020-01-01"),
		TMTCPNS: date("2010-01-01"), PendidikanJenjang: mutasi.PendidikanS1, PendidikanJurusan: "Ilmu Hukum",
		KinerjaTahunLalu: mutasi.KinerjaBaik, KinerjaDuaTahunLalu: mutasi.KinerjaBaik, Active: true}
}

func with(e *mutasi.Employee, change func(*mutasi.Employee)) *mutasi.Employee {
	change(e)
	return e
}

// fixture is a small pemda with one record on each side of every kind.
func fixture() *memDir {
	unit := func(id, induk string, active bool) *mutasi.Unit {
		return &mutasi.Unit{ID: id, Nama: "Unit " + id, IndukID: induk, Active: active}
	}
	pos := func(id, unit string, jenis mutasi.JenisJabatan, jenjang string, kebutuhan int, beban float64) *mutasi.Position {
		return &mutasi.Position{ID: id, UnitID: unit, Nama: "Jabatan " + id, Jenis: jenis, Jenjang: jenjang,
			Kebutuhan: kebutuhan, BebanKerjaJam: beban, Active: true}
	}
	d := &memDir{
		units: []*mutasi.Unit{
			unit("ROOT", "", true),
			unit("A", "ROOT", true),   // has positions
			unit("B", "ROOT", true),   // has a sub-unit, no position of its own
			unit("B1", "B", true),     // has positions
			unit("KOSONG", "A", true), // neither: hit
			unit("LAMA", "ROOT", false),
			unit("C", "LAMA", true), // parent inactive: hit, nearest active above is ROOT
			unit("HILANG", "LAMA", false),
		},
		positions: []*mutasi.Position{
			pos("A-PEL", "A", mutasi.JenisPelaksana, "", 2, 2500),
			pos("A-NOL", "A", mutasi.JenisPelaksana, "", 1, 0),                                   // beban 0: hit
			pos("A-TANPA", "A", mutasi.JenisPelaksana, "", 0, 1900),                              // kebutuhan 0: hit
			pos("A-PENUH", "A", mutasi.JenisPelaksana, "", 1, 1250),                              // 4 holders > 1 + 2: hit
			pos("B1-PAS", "B1", mutasi.JenisPelaksana, "", 1, 1250),                              // 3 holders = 1 + 2: no hit
			pos("B1-BANYAK", "B1", mutasi.JenisFungsional, mutasi.JenjangAhliPertama, 10, 12500), // 15 = 10 + 5: no hit
			pos("B1-JPT", "B1", mutasi.JenisJPT, "", 1, 1250),
			pos("B1-MADYA", "B1", mutasi.JenisFungsional, mutasi.JenjangAhliMadya, 1, 1250),
			pos("B1-UTAMA", "B1", mutasi.JenisFungsional, mutasi.JenjangAhliUtama, 1, 1250),
			pos("C-PEL", "C", mutasi.JenisPelaksana, "", 1, 1250),
			pos("A-LAMA", "A", mutasi.JenisPelaksana, "", 1, 1250),
		},
	}
	d.positions[len(d.positions)-1].Active = false
	e := func(e *mutasi.Employee) { d.employees = append(d.employees, e) }

	// tmt_jabatan
	e(with(employee("198001012005011001", "Tanpa Tmt", "A-PEL", "1980-01-01"), func(e *mutasi.Employee) { e.TMTJabatan = time.Time{} }))
	// ratings: due and missing; a newcomer's missing ones are not a gap
	e(with(employee("198001022005011002", "Kurang Satu", "A-PEL", "1980-01-02"), func(e *mutasi.Employee) { e.KinerjaDuaTahunLalu = "" }))
	e(with(employee("199001012026011001", "Baru Masuk", "A-TANPA", "1990-01-01"), func(e *mutasi.Employee) {
		e.TMTCPNS, e.TMTJabatan, e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu = date("2026-01-01"), date("2026-01-01"), "", ""
	}))
	e(with(employee("199001022025061001", "Masuk Tahun Lalu", "A-NOL", "1990-01-02"), func(e *mutasi.Employee) {
		e.TMTCPNS, e.TMTJabatan, e.KinerjaTahunLalu, e.KinerjaDuaTahunLalu = date("2025-06-01"), date("2025-06-01"), "", ""
	}))
	// majors
	e(with(employee("198001032005011003", "Tanpa Jurusan", "A-PENUH", "1980-01-03"), func(e *mutasi.Employee) { e.PendidikanJurusan = "" }))
	e(with(employee("198001042005011004", "Lulusan SD", "A-PENUH", "1980-01-04"), func(e *mutasi.Employee) {
		e.PendidikanJenjang, e.PendidikanJurusan = mutasi.PendidikanSD, ""
	}))
	e(with(employee("198001052005011005", "Singkat Jurusan", "A-PENUH", "1980-01-05"), func(e *mutasi.Employee) { e.PendidikanJurusan = "Tek. Informatika" }))
	e(with(employee("198001062005011006", "Salah Ketik", "A-PENUH", "1980-01-06"), func(e *mutasi.Employee) { e.PendidikanJurusan = "Akutansi" }))
	e(with(employee("198001072005011007", "Huruf Kecil", "B1-PAS", "1980-01-07"), func(e *mutasi.Employee) { e.PendidikanJurusan = "  teknik   INFORMATIKA " }))
	e(with(employee("198001082005011008", "Asing Sekali", "B1-PAS", "1980-01-08"), func(e *mutasi.Employee) { e.PendidikanJurusan = "Ilmu Kepolisian" }))
	// retirement age, by the current position: 58, 60 (JPT, ahli madya), 65 (ahli utama)
	e(employee("196803012000011001", "Tepat Pensiun", "B1-PAS", "1968-03-01"))     // 58 today: hit
	e(employee("196803022000011002", "Hampir Pensiun", "B1-BANYAK", "1968-03-02")) // 57 y 11 m: no hit
	e(employee("196701012000011003", "Pejabat Tinggi", "B1-JPT", "1967-01-01"))    // 59, BUP 60: no hit
	e(employee("196601012000011004", "Madya Lewat", "B1-MADYA", "1966-01-01"))     // 60: hit
	e(employee("196201012000011005", "Utama Aman", "B1-UTAMA", "1962-01-01"))      // 64, BUP 65: no hit
	// duplicates: same name key (titles, case, spaces aside) and birth date
	e(employee("198505052010012001", "Rina Kusumawati, A.Md.", "B1-BANYAK", "1985-05-05"))
	e(employee("198505052015032002", "rina  KUSUMAWATI", "C-PEL", "1985-05-05"))
	e(employee("198505062015032003", "Rina Kusumawati", "B1-BANYAK", "1985-05-06")) // one digit off the pair: near
	e(employee("197001012000011006", "H. Ahmad Fauzi", "B1-BANYAK", "1970-01-01"))
	e(employee("197001012001011007", "Ahmad Fauzi, S.H.", "B1-BANYAK", "1970-01-01"))
	e(employee("198012052005011008", "Budi Santoso", "B1-BANYAK", "1980-12-05"))
	e(employee("198005122005011009", "Budi Santoso, S.T.", "B1-BANYAK", "1980-05-12")) // day and month swapped: near
	e(employee("198005192005011010", "Budi Santoso", "B1-BANYAK", "1980-05-19"))       // one digit off 1980-05-12
	e(employee("199101012015011001", "Dian", "B1-BANYAK", "1991-01-01"))               // one word: a near date means nothing
	e(employee("199101022015011002", "Dian", "B1-BANYAK", "1991-01-02"))
	e(employee("197505052000011011", "Joko Susilo", "B1-BANYAK", "1975-05-05")) // same name, far dates: no hit
	e(employee("198808082010011012", "Joko Susilo", "B1-BANYAK", "1988-08-08"))
	// fill A-PENUH to 4 holders, B1-PAS to 3, B1-BANYAK to 15
	e(employee("198202022005011013", "Pengisi Satu", "A-PENUH", "1982-02-02"))
	for len(holders(d, "B1-BANYAK")) < 15 {
		n := len(d.employees)
		e(employee("1983030320050110"+string(rune('0'+n/10))+string(rune('0'+n%10)), "Pengisi "+string(rune('A'+n%26))+string(rune('A'+n/26))+" Banyak", "B1-BANYAK", "1983-03-03"))
		d.employees[n].TanggalLahir = date("1983-03-03").AddDate(0, 0, 40*n)
	}
	// inactive employees are not looked at, nor their aspirations
	e(with(employee("198001092005011014", "Sudah Keluar", "A-LAMA", "1980-01-09"), func(e *mutasi.Employee) {
		e.Active, e.TMTJabatan, e.PendidikanJurusan = false, time.Time{}, "Tek. Sipil"
	}))
	// in an inactive position: its unit is found by id
	e(with(employee("198001102005011015", "Di Jabatan Lama", "A-LAMA", "1980-01-10"), func(e *mutasi.Employee) { e.TMTJabatan = time.Time{} }))
	slices.SortFunc(d.employees, func(a, b *mutasi.Employee) int { return strings.Compare(a.NIP, b.NIP) })

	d.aspirations = []*mutasi.Aspiration{
		{NIP: "198001012005011001", Pilihan: []string{"A-PEL", "A-LAMA", "LAMA"}}, // 2 and 3 inactive
		{NIP: "198001022005011002", Pilihan: []string{"B1", "C-PEL"}},             // active (C-PEL's unit is active)
		{NIP: "198001092005011014", Pilihan: []string{"A-LAMA"}},                  // inactive employee
	}
	d.countHolders()
	return d
}

func holders(d *memDir, id string) []*mutasi.Employee {
	var out []*mutasi.Employee
	for _, e := range d.employees {
		if e.JabatanID == id && e.Active {
			out = append(out, e)
		}
	}
	return out
}

// hits lists a kind's records as "id column", sorted.
func hits(k *Kind) []string {
	var out []string
	for _, it := range k.Items {
		id := it.NIP
		if id == "" {
			id = it.JabatanID
		}
		if k.Table == mutasi.TableUnits {
			id = it.UnitID
		}
		out = append(out, id+" "+it.Column)
	}
	sort.Strings(out)
	return out
}

func TestEveryKindOnCraftedData(t *testing.T) {
	r, err := Check(context.Background(), fixture(), loadPolicy(t), today)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind string
		want []string
	}{
		{KindNoTMTJabatan, []string{"198001012005011001 tmt_jabatan", "198001102005011015 tmt_jabatan"}},
		{KindNoKinerja, []string{"198001022005011002 kinerja_dua_tahun_lalu", "199001022025061001 kinerja_tahun_lalu"}},
		{KindNoJurusan, []string{"198001032005011003 pendidikan_jurusan"}},
		{KindUnknownJurusan, []string{"198001052005011005 pendidikan_jurusan", "198001062005011006 pendidikan_jurusan",
			"198001082005011008 pendidikan_jurusan"}},
		{KindPastBUP, []string{"196601012000011004 tanggal_lahir", "196803012000011001 tanggal_lahir"}},
		{KindDuplicate, []string{"197001012000011006 tanggal_lahir", "197001012001011007 tanggal_lahir",
			"198505052010012001 tanggal_lahir", "198505052015032002 tanggal_lahir"}},
		{KindNearDuplicate, []string{"198005122005011009 tanggal_lahir", "198005192005011010 tanggal_lahir",
			"198012052005011008 tanggal_lahir", "198505062015032003 tanggal_lahir"}},
		{KindNoWorkload, []string{"A-NOL beban_kerja_jam"}},
		{KindNoKebutuhan, []string{"A-TANPA kebutuhan"}},
		{KindOverfilled, []string{"A-PENUH kebutuhan"}},
		{KindEmptyUnit, []string{"KOSONG unit_id"}},
		{KindInactiveParent, []string{"C induk_id"}},
		{KindInactiveChoice, []string{"198001012005011001 pilihan_2", "198001012005011001 pilihan_3"}},
	}
	if len(tests) != len(r.Kinds) {
		t.Errorf("report has %d kinds, test covers %d", len(r.Kinds), len(tests))
	}
	for _, tt := range tests {
		k := r.Kind(tt.kind)
		if k == nil {
			t.Errorf("no kind %s", tt.kind)
			continue
		}
		if got := hits(k); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.kind, got, tt.want)
		}
		if k.Count != len(k.Items) || k.Skipped != "" {
			t.Errorf("%s: count %d, %d items, skipped %q", tt.kind, k.Count, len(k.Items), k.Skipped)
		}
	}
	if got, want := r.Records, (Records{Units: 6, Positions: 10, Employees: len(fixture().employees) - 1, Aspirations: 2}); got != want {
		t.Errorf("records %+v, want %+v", got, want)
	}
}

// TestItemDetails checks what a unit is told about its rows: the value,
// the suggestion, the unit of an employee, and the other records.
func TestItemDetails(t *testing.T) {
	r, err := Check(context.Background(), fixture(), loadPolicy(t), today)
	if err != nil {
		t.Fatal(err)
	}
	item := func(kind, id, column string) Item {
		t.Helper()
		for _, it := range r.Kind(kind).Items {
			if (it.NIP == id || it.JabatanID == id || (it.NIP == "" && it.UnitID == id)) && it.Column == column {
				return it
			}
		}
		t.Fatalf("%s: no item %s %s", kind, id, column)
		return Item{}
	}
	tests := []struct {
		name                 string
		got                  Item
		value, suggest, unit string
		noteHas              []string
	}{
		{"abbreviated major", item(KindUnknownJurusan, "198001052005011005", "pendidikan_jurusan"),
			"Tek. Informatika", "Teknik Informatika", "A", []string{"mungkin maksudnya Teknik Informatika"}},
		{"misspelt major", item(KindUnknownJurusan, "198001062005011006", "pendidikan_jurusan"),
			"Akutansi", "Akuntansi", "A", nil},
		{"unknown major", item(KindUnknownJurusan, "198001082005011008", "pendidikan_jurusan"),
			"Ilmu Kepolisian", "", "B1", []string{"tidak mirip jurusan mana pun"}},
		{"past BUP", item(KindPastBUP, "196601012000011004", "tanggal_lahir"),
			"1966-01-01", "", "B1", []string{"usia 60 tahun 2 bulan", "BUP 60 tahun (fungsional ahli madya)"}},
		{"employee in an inactive position", item(KindNoTMTJabatan, "198001102005011015", "tmt_jabatan"),
			"", "", "A", nil},
		{"duplicate", item(KindDuplicate, "198505052015032002", "tanggal_lahir"),
			"1985-05-05", "", "C", []string{"NIP 198505052010012001 (Rina Kusumawati, A.Md., B1-BANYAK)"}},
		{"swapped day and month", item(KindNearDuplicate, "198012052005011008", "tanggal_lahir"),
			"1980-12-05", "", "B1", []string{"NIP 198005122005011009 (lahir 1980-05-12"}},
		{"ratings", item(KindNoKinerja, "198001022005011002", "kinerja_dua_tahun_lalu"),
			"", "", "A", []string{"penilaian kinerja 2024 kosong", "bertugas sejak 2010-01-01"}},
		{"kebutuhan 0", item(KindNoKebutuhan, "A-TANPA", "kebutuhan"),
			"0", "2", "A", nil},
		{"inactive parent", item(KindInactiveParent, "C", "induk_id"),
			"LAMA", "ROOT", "C", []string{"induk LAMA (Unit LAMA) sudah nonaktif"}},
		{"inactive position chosen", item(KindInactiveChoice, "198001012005011001", "pilihan_2"),
			"A-LAMA", "", "A", []string{"jabatan A-LAMA (Jabatan A-LAMA) sudah nonaktif"}},
		{"inactive unit chosen", item(KindInactiveChoice, "198001012005011001", "pilihan_3"),
			"LAMA", "", "A", []string{"unit LAMA (Unit LAMA) sudah nonaktif"}},
	}
	for _, tt := range tests {
		if tt.got.Value != tt.value || tt.got.Suggestion != tt.suggest || tt.got.UnitID != tt.unit {
			t.Errorf("%s: value %q suggestion %q unit %q, want %q %q %q", tt.name, tt.got.Value, tt.got.Suggestion, tt.got.UnitID, tt.value, tt.suggest, tt.unit)
		}
		for _, s := range tt.noteHas {
			if !strings.Contains(tt.got.Note, s) {
				t.Errorf("%s: note %q lacks %q", tt.name, tt.got.Note, s)
			}
		}
	}
}

// TestWithoutPolicy: the kinds that need the policy are skipped, and say
// why; the others are checked as ever.
func TestWithoutPolicy(t *testing.T) {
	noRef, err := rules.LoadDir("testdata/tanpa-rumpun")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		policy      *rules.Policy
		skipped     map[string]string
		wantVersion bool
	}{
		{"no policy", nil, map[string]string{KindPastBUP: "kebijakan tidak dapat dimuat", KindUnknownJurusan: "kebijakan tidak dapat dimuat"}, false},
		{"no reference, no BUP params", noRef, map[string]string{KindPastBUP: "tidak menetapkan param bup_umum",
			KindUnknownJurusan: "tidak memiliki daftar rumpun"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Check(context.Background(), fixture(), tt.policy, today)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range r.Kinds {
				want, skip := tt.skipped[k.ID]
				switch {
				case skip && (!strings.Contains(k.Skipped, want) || k.Count != 0):
					t.Errorf("%s: skipped %q, count %d; want skipped with %q", k.ID, k.Skipped, k.Count, want)
				case !skip && (k.Skipped != "" || k.Count == 0):
					t.Errorf("%s: skipped %q, count %d; want it checked", k.ID, k.Skipped, k.Count)
				}
			}
			if (r.PolicyVersion != "") != tt.wantVersion {
				t.Errorf("policy version %q", r.PolicyVersion)
			}
		})
	}
}

// tallied is the fixture with a tally, as the store gives one.
type tallied struct {
	*memDir
	inactive int
}

func (d tallied) Tally(context.Context) (int, int, int, error) { return d.inactive, 0, 7, nil }

// TestTallySkipsAspirationsOnlyWhenNothingIsInactive.
func TestTally(t *testing.T) {
	for _, tt := range []struct {
		inactive, wantChoices, wantAspirations int
	}{{0, 0, 7}, {1, 2, 2}} {
		r, err := Check(context.Background(), tallied{fixture(), tt.inactive}, loadPolicy(t), today)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Kind(KindInactiveChoice).Count; got != tt.wantChoices || r.Records.Aspirations != tt.wantAspirations {
			t.Errorf("tally of %d inactive: %d inactive choices, %d aspirations; want %d, %d",
				tt.inactive, got, r.Records.Aspirations, tt.wantChoices, tt.wantAspirations)
		}
	}
}
