package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decimal formats v with the given number of decimals and a decimal comma,
// as Indonesian usage writes numbers (1,23).
func decimal(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:] // no "-0,00" for a tiny negative
	}
	return strings.Replace(s, ".", ",", 1)
}

// valueLabel is the text at the end of a bar.
func valueLabel(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "tanpa pemangku"
	case math.IsNaN(v), math.IsInf(v, -1):
		return "tanpa data"
	}
	return decimal(v, 2)
}

// cleanName folds any run of white space (new lines, tabs) into one space,
// so a name is always drawn on one line.
func cleanName(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// abbreviations shorten the names of Indonesian regional government units
// the way their own documents do. They are tried in order, each only while
// the name is still too wide: well-known acronyms of whole names first, then
// common words.
var abbreviations = []struct{ long, short string }{
	{"Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida"},
	{"Badan Perencanaan Pembangunan Daerah", "Bappeda"},
	{"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"},
	{"Badan Kepegawaian dan Pengembangan SDM", "BKPSDM"},
	{"Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"},
	{"Badan Penanggulangan Bencana Daerah", "BPBD"},
	{"Badan Kesatuan Bangsa dan Politik", "Kesbangpol"},
	{"Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Satpol PP & Damkar"},
	{"Satuan Polisi Pamong Praja", "Satpol PP"},
	{"Rumah Sakit Umum Daerah", "RSUD"},
	{"Dewan Perwakilan Rakyat Daerah", "DPRD"},
	{"Sekretariat Daerah", "Setda"},
	{"UPTD Puskesmas ", "Puskesmas "},
	{"Perumahan Rakyat dan Kawasan Permukiman", "Perkim"},
	{"Dinas Pendidikan dan Kebudayaan", "Disdikbud"},
	{"Unit Pelaksana Teknis Daerah", "UPTD"},
	{"Pusat Kesehatan Masyarakat", "Puskesmas"},
	{"Pekerjaan Umum dan Penataan Ruang", "PUPR"},
	{"Kependudukan dan Pencatatan Sipil", "Dukcapil"},
	{"Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "PMPTSP"},
	{"Pelayanan Terpadu Satu Pintu", "PTSP"},
	{"Komunikasi, Informatika, Statistik dan Persandian", "Kominfo, Statistik & Sandi"},
	{"Komunikasi dan Informatika", "Kominfo"},
	{"Pemberdayaan Perempuan dan Perlindungan Anak", "PPPA"},
	{"Pemberdayaan Masyarakat dan Desa", "PMD"},
	{"Koperasi, Usaha Kecil dan Menengah", "Koperasi & UKM"},
	{"Usaha Mikro, Kecil dan Menengah", "UMKM"},
	{"Sumber Daya Manusia", "SDM"},
	{"Sumber Daya Alam", "SDA"},
	{"Keluarga Berencana", "KB"},
	{"Kecamatan ", "Kec. "},
	{"Kelurahan ", "Kel. "},
	{"Kabupaten ", "Kab. "},
	{"Sekretariat ", "Sekret. "},
	{"Pemberdayaan ", "Pemb. "},
	{"Pengembangan ", "Pengemb. "},
	{"Perlindungan ", "Perlind. "},
	{"Pengendalian ", "Pengend. "},
	{"Pemerintahan", "Pemerint."},
	{"Kesejahteraan", "Kesejaht."},
	{" dan ", " & "},
}

// shortName fits name into width (as measured by measure) so that it stays
// recognisable: known abbreviations first, then cutting whole words off
// the end ("…"), and only a single overlong word is cut inside.
func shortName(name string, fits func(string) bool) string {
	name = cleanName(name)
	if fits(name) {
		return name
	}
	for _, a := range abbreviations {
		if strings.Contains(name, a.long) {
			name = strings.ReplaceAll(name, a.long, a.short)
			if fits(name) {
				return name
			}
		}
	}
	return cutEnd(name, fits)
}

// cutEnd keeps as many leading words as fit, followed by "…".
func cutEnd(name string, fits func(string) bool) string {
	words := strings.Fields(name)
	for k := len(words) - 1; k >= 1; k-- {
		s := strings.TrimRight(strings.Join(words[:k], " "), " ,;:-–&") + "…"
		if fits(s) {
			return s
		}
	}
	return cutRunes(name, fits)
}

// cutMiddle keeps leading and trailing words with "…" between, as many
// characters as fit, the last word always: it tells apart names that
// differ only at their end ("UPTD Puskesmas Sukamaju" and "UPTD Puskesmas
// Sukamulya" become "UPTD … Sukamaju" and "UPTD … Sukamulya").
func cutMiddle(name string, fits func(string) bool) string {
	words := strings.Fields(name)
	best, kept := "", -1
	for j := 1; j < len(words)-1; j++ {
		for k := j + 1; k < len(words); k++ {
			s := strings.Join(words[:j], " ") + " … " + strings.Join(words[k:], " ")
			if n := utf8.RuneCountInString(s); n > kept && fits(s) {
				best, kept = s, n
			}
		}
	}
	if best == "" {
		return cutRunes(name, fits)
	}
	return best
}

// cutRunes keeps as many leading characters as fit, followed by "…".
func cutRunes(name string, fits func(string) bool) string {
	n := utf8.RuneCountInString(name)
	r := []rune(name)
	for k := n - 1; k >= 1; k-- {
		s := strings.TrimRight(string(r[:k]), " ") + "…"
		if fits(s) {
			return s
		}
	}
	return "…"
}

// unitLabels shortens every unit's name to fit, and where two different
// names would end up alike, cuts them in the middle instead so that each
// keeps what sets it apart.
func unitLabels(units []UnitLoad, fits func(string) bool) []string {
	labels := make([]string, len(units))
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = cleanName(u.Nama)
		if names[i] == "" {
			names[i] = cleanName(u.ID)
		}
		if names[i] == "" {
			names[i] = "(tanpa nama)"
		}
		labels[i] = shortName(names[i], fits)
	}
	first := map[string]int{}
	clash := make([]bool, len(units))
	for i, l := range labels {
		if j, ok := first[l]; ok {
			if names[j] != names[i] {
				clash[i], clash[j] = true, true
			}
			continue
		}
		first[l] = i
	}
	for i := range labels {
		if clash[i] {
			labels[i] = cutMiddle(abbreviated(names[i]), fits)
		}
	}
	return labels
}

// abbreviated applies every abbreviation.
func abbreviated(name string) string {
	for _, a := range abbreviations {
		name = strings.ReplaceAll(name, a.long, a.short)
	}
	return name
}
