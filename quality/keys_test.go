package quality

import (
	"slices"
	"testing"
)

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rina Kusumawati, A.Md.", "rina kusumawati"},
		{"  rina   KUSUMAWATI ", "rina kusumawati"},
		{"dr. Aditya Sudrajat, M.Kes.", "aditya sudrajat"},
		{"H. Ahmad Fauzi", "ahmad fauzi"},
		{"Hj. Dra. Siti Aminah", "siti aminah"},
		{"Ahmad H. Fauzi", "ahmad h fauzi"}, // a title only counts in front
		{"Ni Luh Putu Ayu", "ni luh putu ayu"},
		{"Nur'aini", "nur'aini"},
		{"Dr.", "dr"}, // nothing but a title: kept, not emptied
		{"ÉLODIE Ñandú", "élodie ñandú"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := nameKey(tt.in); got != tt.want {
			t.Errorf("nameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateSlip(t *testing.T) {
	tests := []struct {
		a, b int32
		want bool
	}{
		{19800512, 19800513, true},  // one digit
		{19800512, 19810512, true},  // one digit of the year
		{19800512, 19801205, true},  // day and month swapped
		{19800512, 19800512, false}, // the same date is the strong signal
		{19800512, 19800521, false}, // two digits
		{19800101, 19800101, false},
		{19800505, 19800505, false},
		{19801231, 19791231, false}, // three digits
	}
	for _, tt := range tests {
		if got := dateSlip(tt.a, tt.b); got != tt.want {
			t.Errorf("dateSlip(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMajorSuggestions(t *testing.T) {
	ix := newMajorIndex(loadPolicy(t).Reference)
	tests := []struct {
		major string
		known bool
		want  []string
	}{
		{"Teknik Informatika", true, nil},
		{"  teknik   INFORMATIKA ", true, nil},
		{"Tek. Informatika", false, []string{"Teknik Informatika"}},
		{"TEK.INFORMATIKA", false, []string{"Teknik Informatika"}},
		{"Tehnik Sipil", false, []string{"Teknik Sipil"}},
		{"Adm. Negara", false, []string{"Administrasi Negara"}},
		{"Ilmu Adm. Negara", false, []string{"Ilmu Administrasi Negara"}},
		{"Sistim Informasi", false, []string{"Sistem Informasi"}},
		{"Akutansi", false, []string{"Akuntansi"}},
		{"Ilmu Hukm", false, []string{"Ilmu Hukum"}},
		{"Teknik Informatika dan Komputer Terapan", false, []string{"Teknik Informatika"}},
		{"Ilmu Sosial dan Ilmu Politik", false, []string{"Ilmu Politik"}},
		{"Ilmu Kepolisian", false, nil},
		{"Studi Pembangunan Wilayah Perbatasan", false, nil},
	}
	for _, tt := range tests {
		if got := ix.known(tt.major); got != tt.known {
			t.Errorf("known(%q) = %v, want %v", tt.major, got, tt.known)
			continue
		}
		if tt.known {
			continue
		}
		if got := ix.suggest(tt.major); !slices.Equal(got, tt.want) {
			t.Errorf("suggest(%q) = %q, want %q", tt.major, got, tt.want)
		}
	}
}

func TestSheetName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pegawai-tanpa-tmt-jabatan", "pegawai-tanpa-tmt-jabatan"},
		{"a/b:c*d?e[f]g\\h", "a-b-c-d-e-f-g-h"},
		{"'kutip'", "kutip"},
		{"nama lembar yang jauh lebih panjang dari tiga puluh satu", "nama lembar yang jauh lebih pan"},
		{"", "lembar"},
	}
	for _, tt := range tests {
		if got := SheetName(tt.in); got != tt.want {
			t.Errorf("SheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Every kind's id is already a valid sheet name: the workbook and the
	// JSON name a kind alike.
	for _, d := range kindDefs {
		if SheetName(d.id) != d.id {
			t.Errorf("kind id %q is not a valid sheet name (%q)", d.id, SheetName(d.id))
		}
	}
}
