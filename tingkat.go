package mutasi

// TingkatJabatan is the level of a position, for telling a transfer
// between equals (or upward, as a pelaksana appointed to a functional post
// is) from a demotion: pelaksana 1; functional terampil and mahir 2,
// penyelia and ahli pertama 3, ahli muda 4, ahli madya 5, ahli utama 6;
// pengawas 4, administrator 5 and JPT 6, as PermenPAN-RB 17/2021 equates
// structural posts with functional levels (pengawas = ahli muda,
// administrator = ahli madya). 0 for an unknown kind or level.
func TingkatJabatan(jenis JenisJabatan, jenjang string) int {
	switch jenis {
	case JenisPelaksana:
		return 1
	case JenisPengawas:
		return 4
	case JenisAdministrator:
		return 5
	case JenisJPT:
		return 6
	case JenisFungsional:
		switch jenjang {
		case JenjangTerampil, JenjangMahir:
			return 2
		case JenjangPenyelia, JenjangAhliPertama:
			return 3
		case JenjangAhliMuda:
			return 4
		case JenjangAhliMadya:
			return 5
		case JenjangAhliUtama:
			return 6
		}
	}
	return 0
}
