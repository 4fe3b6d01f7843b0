package mutasi

import "testing"

func TestTingkatJabatan(t *testing.T) {
	for _, tc := range []struct {
		jenis   JenisJabatan
		jenjang string
		want    int
	}{
		{JenisPelaksana, "", 1},
		{JenisFungsional, JenjangTerampil, 2},
		{JenisFungsional, JenjangMahir, 2},
		{JenisFungsional, JenjangPenyelia, 3},
		{JenisFungsional, JenjangAhliPertama, 3},
		{JenisFungsional, JenjangAhliMuda, 4},
		{JenisPengawas, "", 4},
		{JenisFungsional, JenjangAhliMadya, 5},
		{JenisAdministrator, "", 5},
		{JenisFungsional, JenjangAhliUtama, 6},
		{JenisJPT, "", 6},
		{JenisFungsional, "", 0},
		{"lain", "", 0},
	} {
		if got := TingkatJabatan(tc.jenis, tc.jenjang); got != tc.want {
			t.Errorf("TingkatJabatan(%s, %q) = %d, want %d", tc.jenis, tc.jenjang, got, tc.want)
		}
	}
}
