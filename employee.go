package mutasi

import (
	"time"
	"unicode/utf8"
)

// Status is the kind of civil servant.
type Status string

const (
	StatusPNS  Status = "PNS"
	StatusPPPK Status = "PPPK"
)

// Disciplinary sanctions (PP 94/2021).
const (
	HukumanRingan = "ringan"
	HukumanSedang = "sedang"
	HukumanBerat  = "berat"
)

// Employee is a civil servant (ASN) as the personnel system exports it.
type Employee struct {
	NIP                 string
	Nama                string
	TanggalLahir        time.Time
	JenisKelamin        string // L or P
	Status              Status
	Golongan            string
	JabatanID           string
	TMTJabatan          time.Time // may be zero: rules that need it fail closed
	TMTCPNS             time.Time // for PPPK: start of the PPPK appointment
	PendidikanJenjang   string
	PendidikanJurusan   string
	KinerjaTahunLalu    string // rating of last year, "" if unknown
	KinerjaDuaTahunLalu string // rating of the year before, "" if unknown
	KotakTalenta        int    // talent box 1–9, 0 if not assessed
	HukumanDisiplin     string // "", ringan, sedang, berat
	HukumanSelesai      time.Time
	TugasBelajar        bool
	Active              bool
}

// Validate checks the employee's fields and their consistency with the NIP.
// The store checks that the position exists.
func (e *Employee) Validate() error {
	var p problems
	info, nipErr := ParseNIP(e.NIP)
	if nipErr != nil {
		p.add("nip", "%s", ErrorMessage(nipErr))
	}
	if e.Nama == "" {
		p.add("nama", "wajib diisi")
	} else if utf8.RuneCountInString(e.Nama) > 200 {
		p.add("nama", "terlalu panjang (lebih dari 200 huruf)")
	}
	checkText(&p, "nama", e.Nama, false)
	checkText(&p, "pendidikan_jurusan", e.PendidikanJurusan, false)
	switch e.JenisKelamin {
	case "L", "P":
		if nipErr == nil && info.Gender != e.JenisKelamin {
			p.add("jenis_kelamin", "%s tidak sesuai dengan digit jenis kelamin NIP (%s)", e.JenisKelamin, info.Gender)
		}
	case "":
		p.add("jenis_kelamin", "wajib diisi (L atau P)")
	default:
		p.add("jenis_kelamin", "%q harus L atau P", e.JenisKelamin)
	}
	if e.TanggalLahir.IsZero() {
		p.add("tanggal_lahir", "wajib diisi")
	} else if nipErr == nil && !info.BirthDate.Equal(Day(e.TanggalLahir)) {
		p.add("tanggal_lahir", "%s tidak sesuai dengan NIP (%s)", FormatDate(e.TanggalLahir), FormatDate(info.BirthDate))
	}
	switch e.Status {
	case StatusPNS, StatusPPPK:
		if GolonganRank(e.Status, e.Golongan) == 0 {
			if e.Status == StatusPNS {
				p.add("golongan", "%q bukan golongan PNS (I/a … IV/e)", e.Golongan)
			} else {
				p.add("golongan", "%q bukan golongan PPPK (I … XVII)", e.Golongan)
			}
		}
		if nipErr == nil && info.PPPK && e.Status == StatusPNS {
			p.add("nip", "berbentuk NI PPPK (digit 13–14 = 21) padahal status PNS")
		}
	case "":
		p.add("status", "wajib diisi (PNS atau PPPK)")
	default:
		p.add("status", "%q harus PNS atau PPPK", string(e.Status))
	}
	checkID(&p, "jabatan_id", e.JabatanID)
	if e.TMTCPNS.IsZero() {
		p.add("tmt_cpns", "wajib diisi")
	} else {
		if nipErr == nil {
			y, m, _ := e.TMTCPNS.Date()
			if info.PPPK && y != info.Start.Year() {
				p.add("tmt_cpns", "tahun %d tidak sesuai dengan tahun pengangkatan di NIP (%d)", y, info.Start.Year())
			} else if !info.PPPK && (y != info.Start.Year() || m != info.Start.Month()) {
				p.add("tmt_cpns", "%s tidak sesuai dengan bulan CPNS di NIP (%s)", FormatDate(e.TMTCPNS), info.Start.Format("2006-01"))
			}
		}
		if !e.TanggalLahir.IsZero() && !e.TMTCPNS.After(e.TanggalLahir) {
			p.add("tmt_cpns", "tidak boleh sebelum tanggal lahir")
		}
	}
	if !e.TMTJabatan.IsZero() && !e.TMTCPNS.IsZero() && e.TMTJabatan.Before(e.TMTCPNS) {
		p.add("tmt_jabatan", "%s sebelum tmt_cpns %s", FormatDate(e.TMTJabatan), FormatDate(e.TMTCPNS))
	}
	switch {
	case e.PendidikanJenjang == "":
		p.add("pendidikan_jenjang", "wajib diisi")
	case EducationRank(e.PendidikanJenjang) == 0:
		p.add("pendidikan_jenjang", "%q tidak dikenal; pilihan: %s", e.PendidikanJenjang, joinList(EducationLevels()))
	}
	for _, k := range []struct{ field, value string }{
		{"kinerja_tahun_lalu", e.KinerjaTahunLalu},
		{"kinerja_dua_tahun_lalu", e.KinerjaDuaTahunLalu},
	} {
		if k.value != "" && KinerjaRank(k.value) == 0 {
			p.add(k.field, "%q tidak dikenal; pilihan: %s", k.value, joinList(KinerjaRatings()))
		}
	}
	if e.KotakTalenta < 0 || e.KotakTalenta > 9 {
		p.add("kotak_talenta", "harus 1 sampai 9 atau kosong, bukan %d", e.KotakTalenta)
	}
	switch e.HukumanDisiplin {
	case "":
		if !e.HukumanSelesai.IsZero() {
			p.add("hukuman_selesai", "diisi padahal hukuman_disiplin kosong")
		}
	case HukumanRingan, HukumanSedang, HukumanBerat:
		if e.HukumanSelesai.IsZero() {
			p.add("hukuman_selesai", "wajib diisi bila ada hukuman_disiplin")
		}
	default:
		p.add("hukuman_disiplin", "%q harus kosong, ringan, sedang, atau berat", e.HukumanDisiplin)
	}
	return p.err()
}
