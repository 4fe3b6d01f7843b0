package demo

// Families (rumpun) of policies/rumpun_pendidikan.yaml. The generator cannot
// read that file (nothing here reads configuration), so it keeps the majors
// it draws from in this table; a test checks every one of them against the
// reference file, family by family.
const (
	famKomputer      = "Komputer"
	famHukum         = "Hukum"
	famEkonomi       = "Ekonomi"
	famAkuntansi     = "Akuntansi"
	famAdministrasi  = "Administrasi"
	famPemerintahan  = "Pemerintahan"
	famKesehatan     = "Kesehatan"
	famGizi          = "Gizi"
	famKeperawatan   = "Keperawatan"
	famKebidanan     = "Kebidanan"
	famKedokteran    = "Kedokteran"
	famKedokteranGig = "Kedokteran Gigi"
	famFarmasi       = "Farmasi"
	famTeknikSipil   = "Teknik Sipil"
	famPlanologi     = "Arsitektur dan Planologi"
	famTeknikElektro = "Teknik Elektro"
	famTeknikMesin   = "Teknik Mesin"
	famLingkungan    = "Lingkungan"
	famPertanian     = "Pertanian"
	famPeternakan    = "Peternakan"
	famPerikanan     = "Perikanan"
	famKehutanan     = "Kehutanan"
	famStatistika    = "Statistika"
	famMIPA          = "MIPA"
	famSosial        = "Sosial"
	famPsikologi     = "Psikologi"
	famKomunikasi    = "Komunikasi"
	famPerpustakaan  = "Perpustakaan"
	famKearsipan     = "Kearsipan"
	famPendidikan    = "Pendidikan"
	famAgama         = "Agama"
	famBahasa        = "Bahasa dan Sastra"
	famPariwisata    = "Pariwisata dan Budaya"
	famOlahraga      = "Olahraga"
	famTransportasi  = "Transportasi"
	famGeodesi       = "Geodesi dan Geografi"
	famTambang       = "Pertambangan dan Energi"
	famUmum          = "Umum"
)

// family lists the majors the generator draws for one family: higher
// education (D1 and up) and secondary school (SMA/SMK/MA). A family without
// secondary majors sends a secondary-school graduate to Umum.
type family struct {
	name      string
	higher    []string
	secondary []string
	// weight is the family's share among majors of people in positions that
	// accept any major, and of the mismatched draws.
	weight float64
	// s1, s2 are the degree titles written after the name.
	s1, s2 string
}

var families = []family{
	{famKomputer, []string{"Teknik Informatika", "Sistem Informasi", "Ilmu Komputer", "Teknologi Informasi", "Manajemen Informatika", "Komputerisasi Akuntansi", "Teknik Komputer", "Informatika"},
		[]string{"SMK Teknik Komputer dan Jaringan", "SMK Rekayasa Perangkat Lunak", "SMK Multimedia"}, 5, "S.Kom.", "M.Kom."},
	{famHukum, []string{"Ilmu Hukum", "Hukum", "Hukum Tata Negara", "Hukum Keluarga Islam", "Hukum Ekonomi Syariah"}, nil, 5, "S.H.", "M.H."},
	{famEkonomi, []string{"Manajemen", "Ilmu Ekonomi", "Ekonomi Pembangunan", "Manajemen Keuangan", "Manajemen Sumber Daya Manusia", "Ekonomi Syariah", "Manajemen Pemasaran"},
		[]string{"SMK Pemasaran", "SMK Bisnis Daring dan Pemasaran"}, 8, "S.E.", "M.M."},
	{famAkuntansi, []string{"Akuntansi", "Akuntansi Sektor Publik", "Perpajakan", "Akuntansi Perpajakan", "Keuangan Negara"},
		[]string{"SMK Akuntansi", "SMK Akuntansi dan Keuangan Lembaga", "SMK Perbankan"}, 6, "S.Ak.", "M.Ak."},
	{famAdministrasi, []string{"Ilmu Administrasi Negara", "Administrasi Publik", "Administrasi Negara", "Administrasi Bisnis", "Administrasi Perkantoran", "Manajemen Perkantoran", "Kebijakan Publik", "Sekretari"},
		[]string{"SMK Administrasi Perkantoran", "SMK Otomatisasi dan Tata Kelola Perkantoran", "SMK Manajemen Perkantoran dan Layanan Bisnis"}, 9, "S.AP.", "M.AP."},
	{famPemerintahan, []string{"Ilmu Pemerintahan", "Manajemen Pemerintahan", "Kepamongprajaan", "Ilmu Politik", "Politik Pemerintahan"}, nil, 4, "S.IP.", "M.Si."},
	{famKesehatan, []string{"Kesehatan Masyarakat", "Kesehatan Lingkungan", "Analis Kesehatan", "Teknologi Laboratorium Medis", "Rekam Medis dan Informasi Kesehatan", "Radiologi", "Fisioterapi", "Epidemiologi", "Promosi Kesehatan", "Administrasi Rumah Sakit", "Sanitasi"},
		nil, 6, "S.KM.", "M.Kes."},
	{famGizi, []string{"Gizi", "Ilmu Gizi", "Teknologi Pangan"}, nil, 1, "S.Gz.", "M.Gz."},
	{famKeperawatan, []string{"Keperawatan", "Ilmu Keperawatan", "Ners", "Keperawatan Gigi"}, []string{"SMK Keperawatan"}, 6, "S.Kep., Ners", "M.Kep."},
	{famKebidanan, []string{"Kebidanan", "Profesi Bidan", "Sarjana Terapan Kebidanan"}, nil, 4, "S.Tr.Keb.", "M.Keb."},
	{famKedokteran, []string{"Pendidikan Dokter", "Kedokteran", "Profesi Dokter"}, nil, 1.5, "", "M.Kes."},
	{famKedokteranGig, []string{"Pendidikan Dokter Gigi", "Kedokteran Gigi"}, nil, 0.4, "", "M.Kes."},
	{famFarmasi, []string{"Farmasi", "Profesi Apoteker", "Farmasi Klinik"}, []string{"SMK Farmasi", "Sekolah Menengah Farmasi"}, 1.2, "S.Farm.", "M.Farm."},
	{famTeknikSipil, []string{"Teknik Sipil", "Teknik Bangunan", "Teknik Sumber Daya Air", "Teknik Konstruksi Gedung", "Teknik Perancangan Jalan dan Jembatan"},
		[]string{"SMK Teknik Bangunan", "SMK Desain Pemodelan dan Informasi Bangunan"}, 4, "S.T.", "M.T."},
	{famPlanologi, []string{"Perencanaan Wilayah dan Kota", "Arsitektur", "Teknik Planologi", "Teknik Arsitektur"}, nil, 1.2, "S.T.", "M.T."},
	{famTeknikElektro, []string{"Teknik Elektro", "Teknik Listrik", "Teknik Elektronika", "Teknik Telekomunikasi"},
		[]string{"SMK Teknik Instalasi Tenaga Listrik", "SMK Teknik Audio Video"}, 1.5, "S.T.", "M.T."},
	{famTeknikMesin, []string{"Teknik Mesin", "Teknik Otomotif", "Teknik Industri", "Teknik Kimia"},
		[]string{"SMK Teknik Kendaraan Ringan", "SMK Teknik Sepeda Motor", "SMK Teknik Pemesinan"}, 1.5, "S.T.", "M.T."},
	{famLingkungan, []string{"Teknik Lingkungan", "Ilmu Lingkungan", "Manajemen Lingkungan"}, nil, 1, "S.T.", "M.Si."},
	{famPertanian, []string{"Agroteknologi", "Agribisnis", "Agronomi", "Agroekoteknologi", "Proteksi Tanaman", "Penyuluhan Pertanian", "Teknologi Hasil Pertanian", "Ilmu Tanah"},
		[]string{"SMK Pertanian", "SMK Agribisnis Tanaman Pangan dan Hortikultura"}, 3, "S.P.", "M.P."},
	{famPeternakan, []string{"Peternakan", "Ilmu Peternakan", "Kesehatan Hewan"}, []string{"SMK Agribisnis Ternak Ruminansia"}, 1, "S.Pt.", "M.Si."},
	{famPerikanan, []string{"Perikanan", "Budidaya Perairan", "Ilmu Kelautan", "Teknologi Hasil Perikanan"}, []string{"SMK Agribisnis Perikanan Air Tawar"}, 1, "S.Pi.", "M.Si."},
	{famKehutanan, []string{"Kehutanan", "Manajemen Hutan"}, []string{"SMK Kehutanan"}, 0.5, "S.Hut.", "M.Si."},
	{famStatistika, []string{"Statistika", "Statistik", "Matematika", "Komputasi Statistik"}, nil, 1, "S.Stat.", "M.Si."},
	{famMIPA, []string{"Kimia", "Fisika", "Biologi", "Mikrobiologi", "Geofisika"}, nil, 1, "S.Si.", "M.Si."},
	{famSosial, []string{"Kesejahteraan Sosial", "Sosiologi", "Pekerjaan Sosial", "Antropologi", "Pembangunan Sosial"}, nil, 2, "S.Sos.", "M.Si."},
	{famPsikologi, []string{"Psikologi", "Psikologi Industri dan Organisasi"}, nil, 1, "S.Psi.", "M.Psi."},
	{famKomunikasi, []string{"Ilmu Komunikasi", "Jurnalistik", "Hubungan Masyarakat", "Komunikasi dan Penyiaran Islam"}, nil, 1.5, "S.I.Kom.", "M.I.Kom."},
	{famPerpustakaan, []string{"Ilmu Perpustakaan", "Perpustakaan", "Ilmu Informasi dan Perpustakaan"}, nil, 0.5, "S.IP.", "M.Hum."},
	{famKearsipan, []string{"Kearsipan", "Manajemen Informasi dan Dokumen"}, nil, 0.4, "S.Tr.A.P.", "M.Si."},
	{famPendidikan, []string{"Pendidikan Guru Sekolah Dasar", "Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Bahasa Inggris", "Pendidikan Agama Islam",
		"Pendidikan Jasmani Kesehatan dan Rekreasi", "Pendidikan Biologi", "Pendidikan Fisika", "Pendidikan Kimia", "Pendidikan Ekonomi", "Pendidikan Sejarah", "Pendidikan Geografi",
		"Pendidikan Pancasila dan Kewarganegaraan", "Bimbingan dan Konseling", "Pendidikan Guru Pendidikan Anak Usia Dini", "Pendidikan Luar Sekolah", "Manajemen Pendidikan",
		"Pendidikan Seni Rupa", "Pendidikan Teknik Informatika", "Pendidikan Guru Madrasah Ibtidaiyah", "Pendidikan Agama Kristen", "Pendidikan Ilmu Pengetahuan Sosial"},
		nil, 14, "S.Pd.", "M.Pd."},
	{famAgama, []string{"Manajemen Dakwah", "Bimbingan dan Penyuluhan Islam", "Ilmu Al-Quran dan Tafsir", "Perbandingan Agama", "Teologi"}, nil, 1, "S.Ag.", "M.Ag."},
	{famBahasa, []string{"Sastra Indonesia", "Sastra Inggris", "Ilmu Sejarah", "Bahasa dan Sastra Inggris", "Filsafat"}, nil, 1, "S.S.", "M.Hum."},
	{famPariwisata, []string{"Pariwisata", "Manajemen Perhotelan", "Seni Tari", "Seni Musik", "Usaha Perjalanan Wisata"}, []string{"SMK Perhotelan", "SMK Kuliner", "SMK Tata Busana"}, 1, "S.Par.", "M.Par."},
	{famOlahraga, []string{"Ilmu Keolahragaan", "Kepelatihan Olahraga"}, nil, 0.5, "S.Or.", "M.Or."},
	{famTransportasi, []string{"Manajemen Transportasi", "Lalu Lintas dan Angkutan Jalan", "Transportasi Darat", "Pengujian Kendaraan Bermotor", "Logistik"}, []string{"SMK Nautika Kapal Niaga"}, 1, "S.Tr.", "M.T."},
	{famGeodesi, []string{"Teknik Geodesi", "Geografi", "Teknik Geomatika", "Sistem Informasi Geografis", "Pertanahan"}, []string{"SMK Teknik Geomatika"}, 1, "S.T.", "M.Sc."},
	{famTambang, []string{"Teknik Pertambangan", "Teknik Geologi", "Geologi", "Teknik Energi Terbarukan"}, []string{"SMK Geologi Pertambangan"}, 0.4, "S.T.", "M.T."},
	{famUmum, nil, []string{"SMA IPA", "SMA IPS", "SMA IPA", "SMA IPS", "SMA Bahasa", "MA IPA", "MA IPS", "SMA", "Paket C"}, 0, "", ""},
}

// unknownMajors are majors that policies/rumpun_pendidikan.yaml deliberately
// does not know: misspellings and rare programmes, as real exports contain.
// They exercise the "unknown major" path of the education rule.
var unknownMajors = []string{
	"Tehnik Sipil",
	"Sistim Informasi",
	"Akutansi",
	"Ilmu Sosial dan Ilmu Politik",
	"Ekonomi Manajemen",
	"Administrasi Negara dan Niaga",
	"Teknik Informatika dan Komputer Terapan",
	"Manajemen Kesehatan Terpadu",
	"Studi Pembangunan Wilayah Perbatasan",
	"Ilmu Kepolisian",
}

// Majors of the lowest levels: Umum has no major to speak of below SMA.
const (
	majorSD  = "SD"
	majorSMP = "SMP"
)

var familyIndex = func() map[string]int {
	m := make(map[string]int, len(families))
	for i, f := range families {
		m[f.name] = i
	}
	return m
}()
