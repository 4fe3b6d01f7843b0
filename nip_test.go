package mutasi

import (
	"strings"
	"testing"
	"time"
)

func TestParseNIP(t *testing.T) {
	tests := []struct {
		nip     string
		wantErr string // substring; "" means valid
		birth   string
		start   string
		gender  string
		pppk    bool
	}{
		{nip: "199004122015032001", birth: "1990-04-12", start: "2015-03-01", gender: "P"},
		{nip: "198001012005011003", birth: "1980-01-01", start: "2005-01-01", gender: "L"},
		{nip: "199203152022212003", birth: "1992-03-15", start: "2022-01-01", gender: "P", pppk: true},
		{nip: "19900412201503200", wantErr: "harus 18 digit"},
		{nip: "1990041220150320011", wantErr: "harus 18 digit"},
		{nip: "19900412201503200A", wantErr: "hanya boleh berisi angka"},
		{nip: strings.Repeat("9", 5000), wantErr: `NIP harus 18 digit, "` + strings.Repeat("9", 40) + `…" berisi 5.000 karakter`},
		{nip: "199002302015032001", wantErr: "tanggal lahir 1990-02-30 tidak mungkin"},
		{nip: "199013012015032001", wantErr: "tanggal lahir 1990-13-01 tidak mungkin"},
		{nip: "199004122015132001", wantErr: "bulan CPNS 2015-13 tidak mungkin"},
		{nip: "199004122015002001", wantErr: "bulan CPNS 2015-00 tidak mungkin"},
		{nip: "199004122015033001", wantErr: "digit jenis kelamin"},
		{nip: "199004121985032001", wantErr: "tidak setelah tanggal lahir"},
		{nip: "199004122010212001", wantErr: "tahun pengangkatan PPPK 2010"},
	}
	for _, tt := range tests {
		t.Run(tt.nip, func(t *testing.T) {
			info, err := ParseNIP(tt.nip)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(ErrorMessage(err), tt.wantErr) {
					t.Fatalf("ParseNIP(%q) error = %v, want containing %q", tt.nip, err, tt.wantErr)
				}
				if ErrorCode(err) != EINVALID {
					t.Errorf("code = %q, want %q", ErrorCode(err), EINVALID)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNIP(%q) unexpected error: %v", tt.nip, err)
			}
			if got := FormatDate(info.BirthDate); got != tt.birth {
				t.Errorf("birth = %s, want %s", got, tt.birth)
			}
			if got := FormatDate(info.Start); got != tt.start {
				t.Errorf("start = %s, want %s", got, tt.start)
			}
			if info.Gender != tt.gender || info.PPPK != tt.pppk {
				t.Errorf("gender, pppk = %s, %v; want %s, %v", info.Gender, info.PPPK, tt.gender, tt.pppk)
			}
		})
	}
}

func TestNIPFormat(t *testing.T) {
	if got, want := NIP("199004122015032001").Format(), "19900412 201503 2 001"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got := NIP("123").Format(); got != "123" {
		t.Errorf("short NIP Format = %q, want unchanged", got)
	}
}

func TestMonthsAndYearsBetween(t *testing.T) {
	d := func(s string) time.Time {
		t.Helper()
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		a, b          string
		months, years int
	}{
		{"2020-01-31", "2020-02-29", 0, 0},
		{"2020-01-15", "2020-02-15", 1, 0},
		{"2019-03-01", "2026-02-28", 83, 6},
		{"2019-03-01", "2026-03-01", 84, 7},
		{"2026-03-01", "2019-03-01", -84, -7},
	}
	for _, tt := range tests {
		if got := MonthsBetween(d(tt.a), d(tt.b)); got != tt.months {
			t.Errorf("MonthsBetween(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.months)
		}
		if got := YearsBetween(d(tt.a), d(tt.b)); got != tt.years {
			t.Errorf("YearsBetween(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.years)
		}
	}
}

func TestParseDateStrict(t *testing.T) {
	for _, s := range []string{"12/04/1990", "1990-4-12", "1990-04-12T00:00:00Z", "", "1990-02-30"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted a bad date", s)
		}
	}
	if got, err := ParseDate("1990-04-12"); err != nil || FormatDate(got) != "1990-04-12" {
		t.Errorf("ParseDate round trip = %v, %v", got, err)
	}
}
