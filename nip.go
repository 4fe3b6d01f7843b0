package mutasi

import (
	"time"
)

// NIP is the 18-digit civil servant number:
//
//	YYYYMMDD  birth date
//	YYYYMM    start of CPNS (for PPPK: YYYY of appointment followed by "21")
//	G         gender: 1 male, 2 female
//	NNN       sequence
type NIP string

// NIPInfo is what a NIP says about its holder.
type NIPInfo struct {
	BirthDate time.Time
	// Start is the first day of the CPNS month; for a PPPK number (NI PPPK)
	// only the year is known and Start is 1 January of it.
	Start    time.Time
	PPPK     bool // the number has the NI PPPK form (month digits "21")
	Gender   string
	Sequence string
}

// ParseNIP checks the form of a NIP and decodes it. It reports every problem
// in words a personnel officer understands.
func ParseNIP(s string) (NIPInfo, error) {
	var info NIPInfo
	if len(s) != 18 {
		return info, Errorf(EINVALID, "NIP harus 18 digit, %q berisi %s karakter", clip(s, 40), FormatInt(len(s)))
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return info, Errorf(EINVALID, "NIP hanya boleh berisi angka, %q berisi %q", s, s[i:i+1])
		}
	}
	birth, err := time.Parse("20060102", s[0:8])
	if err != nil || birth.Year() < 1900 {
		return info, Errorf(EINVALID, "NIP %s: tanggal lahir %s-%s-%s tidak mungkin", s, s[0:4], s[4:6], s[6:8])
	}
	info.BirthDate = birth
	if s[12:14] == "21" {
		// NI PPPK: year of appointment, then the fixed digits 21.
		start, err := time.Parse("2006", s[8:12])
		if err != nil || start.Year() < 2019 {
			return info, Errorf(EINVALID, "NIP %s: tahun pengangkatan PPPK %s tidak mungkin", s, s[8:12])
		}
		info.Start, info.PPPK = start, true
	} else {
		start, err := time.Parse("200601", s[8:14])
		if err != nil || start.Year() < 1900 {
			return info, Errorf(EINVALID, "NIP %s: bulan CPNS %s-%s tidak mungkin", s, s[8:12], s[12:14])
		}
		info.Start = start
	}
	if !info.Start.After(info.BirthDate) {
		return info, Errorf(EINVALID, "NIP %s: mulai bekerja (%s) tidak setelah tanggal lahir (%s)", s, s[8:14], FormatDate(info.BirthDate))
	}
	switch s[14] {
	case '1':
		info.Gender = "L"
	case '2':
		info.Gender = "P"
	default:
		return info, Errorf(EINVALID, "NIP %s: digit jenis kelamin (ke-15) harus 1 atau 2, bukan %c", s, s[14])
	}
	info.Sequence = s[15:18]
	return info, nil
}

// Format groups a NIP as on official documents: 19900412 201503 2 001.
// A string that is not 18 characters is returned unchanged.
func (n NIP) Format() string {
	s := string(n)
	if len(s) != 18 {
		return s
	}
	return s[0:8] + " " + s[8:14] + " " + s[14:15] + " " + s[15:18]
}
