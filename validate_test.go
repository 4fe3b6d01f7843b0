package mutasi

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func date(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func validEmployee(t *testing.T) Employee {
	return Employee{
		NIP: "199004122015032001", Nama: "Rina Marlina",
		TanggalLahir: date(t, "1990-04-12"), JenisKelamin: "P", Status: StatusPNS,
		Golongan: "III/b", JabatanID: "DINKES-PEL-001",
		TMTJabatan: date(t, "2021-01-01"), TMTCPNS: date(t, "2015-03-01"),
		PendidikanJenjang: "S1", PendidikanJurusan: "Kesehatan Masyarakat",
		KinerjaTahunLalu: "Baik", KinerjaDuaTahunLalu: "Sangat Baik", KotakTalenta: 8,
	}
}

// fieldsOf returns "field: problem" lines of a ValidationError.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var v ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %v is not a ValidationError", err)
	}
	var out []string
	for _, fe := range v {
		out = append(out, fe.String())
	}
	return out
}

func TestEmployeeValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(e *Employee)
		want   []string // exact field: problem lines, in order
	}{
		{"valid", func(e *Employee) {}, nil},
		{"valid PPPK", func(e *Employee) {
			e.NIP, e.Status, e.Golongan = "199004122022212001", StatusPPPK, "IX"
			e.TMTCPNS, e.TMTJabatan = date(t, "2022-04-01"), date(t, "2022-04-01")
		}, nil},
		{"wrong length", func(e *Employee) { e.NIP = "1990041220150320" },
			[]string{`nip: NIP harus 18 digit, "1990041220150320" berisi 16 karakter`}},
		{"gender mismatch", func(e *Employee) { e.JenisKelamin = "L" },
			[]string{"jenis_kelamin: L tidak sesuai dengan digit jenis kelamin NIP (P)"}},
		{"birth mismatch", func(e *Employee) { e.TanggalLahir = date(t, "1990-04-13") },
			[]string{"tanggal_lahir: 1990-04-13 tidak sesuai dengan NIP (1990-04-12)"}},
		{"cpns mismatch", func(e *Employee) { e.TMTCPNS = date(t, "2015-04-01") },
			[]string{"tmt_cpns: 2015-04-01 tidak sesuai dengan bulan CPNS di NIP (2015-03)"}},
		{"golongan PPPK on PNS", func(e *Employee) { e.Golongan = "IX" },
			[]string{`golongan: "IX" bukan golongan PNS (I/a … IV/e)`}},
		{"golongan PNS on PPPK", func(e *Employee) { e.Status = StatusPPPK },
			[]string{`golongan: "III/b" bukan golongan PPPK (I … XVII)`}},
		{"bad rating", func(e *Employee) { e.KinerjaTahunLalu = "Cukup" },
			[]string{`kinerja_tahun_lalu: "Cukup" tidak dikenal; pilihan: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang`}},
		{"talent box", func(e *Employee) { e.KotakTalenta = 10 },
			[]string{"kotak_talenta: harus 1 sampai 9 atau kosong, bukan 10"}},
		{"sanction without end", func(e *Employee) { e.HukumanDisiplin = "sedang" },
			[]string{"hukuman_selesai: wajib diisi bila ada hukuman_disiplin"}},
		{"unknown sanction", func(e *Employee) { e.HukumanDisiplin = "berat sekali"; e.HukumanSelesai = date(t, "2027-01-01") },
			[]string{`hukuman_disiplin: "berat sekali" harus kosong, ringan, sedang, atau berat`}},
		{"tmt_jabatan before cpns", func(e *Employee) { e.TMTJabatan = date(t, "2014-01-01") },
			[]string{"tmt_jabatan: 2014-01-01 sebelum tmt_cpns 2015-03-01"}},
		{"empty tmt_jabatan allowed", func(e *Employee) { e.TMTJabatan = time.Time{} }, nil},
		{"several at once", func(e *Employee) { e.Nama = ""; e.Status = "Honorer"; e.PendidikanJenjang = "S4" },
			[]string{
				"nama: wajib diisi",
				`status: "Honorer" harus PNS atau PPPK`,
				`pendidikan_jenjang: "S4" tidak dikenal; pilihan: SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3`,
			}},
		{"PNS with PPPK number", func(e *Employee) {
			e.NIP = "199004122022212001"
			e.TMTCPNS, e.TMTJabatan = date(t, "2022-04-01"), date(t, "2022-04-01")
		}, []string{"nip: berbentuk NI PPPK (digit 13–14 = 21) padahal status PNS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEmployee(t)
			tt.modify(&e)
			got := fieldsOf(t, e.Validate())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPositionValidate(t *testing.T) {
	valid := Position{ID: "DINKES-FUN-001", UnitID: "DINKES", Nama: "Epidemiolog Ahli Muda",
		Jenis: JenisFungsional, Jenjang: JenjangAhliMuda, Kebutuhan: 2, BebanKerjaJam: 2500,
		PendidikanMin: "S1", RumpunPendidikan: []string{"Kesehatan"}, GolonganMin: "III/c"}
	tests := []struct {
		name   string
		modify func(p *Position)
		want   []string
	}{
		{"valid", func(p *Position) {}, nil},
		{"negative kebutuhan", func(p *Position) { p.Kebutuhan = -1 }, []string{"kebutuhan: tidak boleh negatif (-1)"}},
		{"jenjang on structural", func(p *Position) { p.Jenis = JenisPengawas },
			[]string{"jenjang: hanya diisi untuk jabatan fungsional, bukan pengawas"}},
		{"missing jenjang", func(p *Position) { p.Jenjang = "" },
			[]string{"jenjang: wajib diisi untuk jabatan fungsional (salah satu dari terampil, mahir, penyelia, ahli_pertama, ahli_muda, ahli_madya, ahli_utama)"}},
		{"bad kind", func(p *Position) { p.Jenis = "staf" },
			[]string{`jenis_jabatan: "staf" tidak dikenal; pilihan: jpt, administrator, pengawas, pelaksana, fungsional`}},
		{"bad id", func(p *Position) { p.ID = "A B" },
			[]string{`jabatan_id: "A B" bukan kode yang sah (hanya huruf, angka, '-', '_', '.', '/'; paling panjang 64)`}},
		{"empty family", func(p *Position) { p.RumpunPendidikan = []string{"Kesehatan", ""} },
			[]string{"rumpun_pendidikan: berisi unsur kosong (periksa tanda ';')"}},
		{"golongan_min PPPK", func(p *Position) { p.GolonganMin = "IX" },
			[]string{`golongan_min: "IX" bukan golongan PNS (I/a … IV/e)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid
			tt.modify(&p)
			got := fieldsOf(t, p.Validate())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestUnitAspirationUserValidate(t *testing.T) {
	tests := []struct {
		name string
		v    interface{ Validate() error }
		want []string
	}{
		{"unit valid", &Unit{ID: "DINKES", Nama: "Dinas Kesehatan", IndukID: "SETDA"}, nil},
		{"unit name with a control character", &Unit{ID: "U", Nama: "Dinas\x0bKesehatan"},
			[]string{"nama: berisi karakter kendali tak terlihat (kode 11); ketik ulang isinya"}},
		{"aspiration reason over several lines", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"A"}, Alasan: "Dekat rumah.\r\nMerawat orang tua.\tTerima kasih"}, nil},
		{"aspiration reason with a bell", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"A"}, Alasan: "x\ay"},
			[]string{"alasan: berisi karakter kendali tak terlihat (kode 7); ketik ulang isinya"}},
		{"position name with a line break", &Position{ID: "P", UnitID: "U", Nama: "Analis\nKebijakan", Jenis: JenisPelaksana},
			[]string{"nama: berisi karakter kendali tak terlihat (kode 10); ketik ulang isinya"}},
		{"unit own parent", &Unit{ID: "DINKES", Nama: "Dinas Kesehatan", IndukID: "DINKES"},
			[]string{"induk_id: unit DINKES tidak boleh menjadi induk dirinya sendiri"}},
		{"aspiration valid", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"DINKES", "BAPPEDA-PEL-001"}}, nil},
		{"aspiration none", &Aspiration{NIP: "199004122015032001"}, []string{"pilihan_1: wajib diisi (minimal satu pilihan)"}},
		{"aspiration repeat", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"DINKES", "DINKES"}},
			[]string{"pilihan_2: DINKES sudah dipilih sebelumnya"}},
		{"aspiration gap", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"DINKES", "", "X"}},
			[]string{"pilihan_2: kosong padahal pilihan sesudahnya diisi"}},
		{"aspiration too long", &Aspiration{NIP: "199004122015032001", Pilihan: []string{"A"}, Alasan: strings.Repeat("a", 501)},
			[]string{"alasan: terlalu panjang (paling banyak 500 huruf)"}},
		{"asn user needs NIP", &User{TelegramID: 5, Role: RoleASN}, []string{`nip: NIP harus 18 digit, "" berisi 0 karakter`}},
		{"manager needs scope", &User{TelegramID: 5, Role: RoleManager}, []string{"unit_scope: pengelola wajib memiliki minimal satu unit"}},
		{"bad role", &User{TelegramID: 5, Role: "admin"}, []string{`role: "admin" harus asn, manager, atau policy`}},
		{"proposal objection needs reason", &Proposal{NIP: "199004122015032001", FromPosition: "A", ToPosition: "B", Status: ProposalObjected},
			[]string{"answer: keberatan wajib disertai alasan"}},
		{"audit entry needs actor and action", &AuditEntry{}, []string{"actor: wajib diisi", "action: wajib diisi"}},
		{"audit entry valid", &AuditEntry{Actor: "cli", Action: "import.units"}, nil},
		{"notification valid", &Notification{TelegramID: -100123, Text: "Usulan mutasi"}, nil},
		{"notification empty", &Notification{TelegramID: 7}, []string{"text: pesan kosong"}},
		{"notification too long", &Notification{TelegramID: 7, Text: strings.Repeat("é", 4097)},
			[]string{"text: terlalu panjang untuk satu pesan Telegram (4.097 dari paling banyak 4.096 huruf)"}},
		{"notification without chat", &Notification{Text: "x", Status: "queued"},
			[]string{"telegram_id: wajib diisi", `status: "queued" tidak dikenal`}},
		{"proposal same position", &Proposal{NIP: "199004122015032001", FromPosition: "A", ToPosition: "A", Status: ProposalDraft},
			[]string{"to_position: sama dengan jabatan asal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fieldsOf(t, tt.v.Validate())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestImportErrorCapsAndCounts(t *testing.T) {
	ie := &ImportError{File: "employees.csv"}
	if ie.Err() != nil {
		t.Fatal("empty ImportError must be nil error")
	}
	// Each row a problem of its own kind (another column), so that none is
	// grouped and only the cap keeps the list short.
	for i := 0; i < MaxReportedRowErrors+5; i++ {
		ie.Add(RowError{File: "employees.csv", Row: i + 2, Column: fmt.Sprintf("kolom%d", i), Problem: "salah"})
	}
	msg := ie.Err().Error()
	if !strings.HasPrefix(msg, "employees.csv:2: kolom0: salah\n") {
		t.Errorf("message starts %q", msg[:40])
	}
	if !strings.Contains(msg, "… dan 5 kesalahan lain") || !strings.Contains(msg, "105 kesalahan, tidak ada data yang diubah") {
		t.Errorf("message lacks the count of the rest: %q", msg[len(msg)-120:])
	}
	if len(ie.Errors) != MaxReportedRowErrors {
		t.Errorf("kept %d errors, want %d", len(ie.Errors), MaxReportedRowErrors)
	}
	if ErrorCode(ie) != EINVALID {
		t.Errorf("code = %s", ErrorCode(ie))
	}
}
