package demo

import "github.com/mutasi/mutasi"

// The catalog describes the fictional Kabupaten Sukamaju: its units, their
// structural posts, and the templates from which the functional and
// executive posts are made. Sizes are relative: the generator scales them
// to the number of employees asked for.

// PemdaName is the name of the generated regional government.
const PemdaName = "Pemerintah Kabupaten Sukamaju"

// unitSpec is one unit of the catalog.
type unitSpec struct {
	id, nama, induk string
	jpt             []string // JPT posts, head first
	adm             []string // administrator posts
	pgw             []string // pengawas posts
	// structRumpun is what the unit's JPT and administrator posts ask for;
	// empty accepts any major.
	structRumpun []string
	// weight is the unit's share of the functional and executive workforce.
	weight    float64
	templates []tmpl
	// noCommon leaves out the common executive posts (a puskesmas has its
	// own few).
	noCommon bool
}

// tmpl is a functional or executive post of a unit. A functional template
// yields one post per level; a template whose staff exceeds cap is split
// into several posts of the same name.
type tmpl struct {
	nama    string
	jenis   mutasi.JenisJabatan
	levels  []level // functional only
	pend    string  // minimum education; "" derives it from the level
	rumpun  []string
	golMin  string // executive posts only
	weight  float64
	cap     int
	forPPPK bool // PPPK are appointed to it (teachers, health workers, ...)
}

type level struct {
	jenjang string
	share   float64
}

var (
	lvAhli     = []level{{mutasi.JenjangAhliPertama, 0.45}, {mutasi.JenjangAhliMuda, 0.38}, {mutasi.JenjangAhliMadya, 0.17}}
	lvAhliLow  = []level{{mutasi.JenjangAhliPertama, 0.6}, {mutasi.JenjangAhliMuda, 0.4}}
	lvTerampil = []level{{mutasi.JenjangTerampil, 0.45}, {mutasi.JenjangMahir, 0.35}, {mutasi.JenjangPenyelia, 0.2}}
	lvMixed    = []level{{mutasi.JenjangTerampil, 0.3}, {mutasi.JenjangMahir, 0.15}, {mutasi.JenjangAhliPertama, 0.35}, {mutasi.JenjangAhliMuda, 0.2}}
	lvGuru     = []level{{mutasi.JenjangAhliPertama, 0.4}, {mutasi.JenjangAhliMuda, 0.42}, {mutasi.JenjangAhliMadya, 0.18}}
	lvDokter   = []level{{mutasi.JenjangAhliPertama, 0.45}, {mutasi.JenjangAhliMuda, 0.4}, {mutasi.JenjangAhliMadya, 0.15}}
	lvSpesial  = []level{{mutasi.JenjangAhliMuda, 0.55}, {mutasi.JenjangAhliMadya, 0.4}, {mutasi.JenjangAhliUtama, 0.05}}
	lvPolPP    = []level{{mutasi.JenjangTerampil, 0.5}, {mutasi.JenjangMahir, 0.25}, {mutasi.JenjangAhliPertama, 0.17}, {mutasi.JenjangAhliMuda, 0.08}}
)

func r(families ...string) []string { return families }

func fun(nama string, levels []level, weight float64, rumpun ...string) tmpl {
	return tmpl{nama: nama, jenis: mutasi.JenisFungsional, levels: levels, rumpun: rumpun, weight: weight, cap: 40}
}

func pel(nama, pend string, weight float64, rumpun ...string) tmpl {
	return tmpl{nama: nama, jenis: mutasi.JenisPelaksana, pend: pend, rumpun: rumpun, weight: weight, cap: 18}
}

// withCap, withPend, pppk adjust a template.
func (t tmpl) withCap(n int) tmpl     { t.cap = n; return t }
func (t tmpl) withPend(p string) tmpl { t.pend = p; return t }
func (t tmpl) withGol(g string) tmpl  { t.golMin = g; return t }
func (t tmpl) pppk() tmpl             { t.forPPPK = true; return t }

// commonTemplates are the executive posts every office has.
var commonTemplates = []tmpl{
	pel("Pengadministrasi Perkantoran", mutasi.PendidikanSMA, 4, famUmum, famAdministrasi).pppk(),
	pel("Operator Layanan Operasional", mutasi.PendidikanSMA, 3).pppk(),
	pel("Pengelola Layanan Operasional", mutasi.PendidikanD3, 2).withGol("II/c"),
	pel("Penata Layanan Operasional", mutasi.PendidikanS1, 3).withGol("III/a"),
	pel("Penata Laporan Keuangan", mutasi.PendidikanD3, 1.5, famAkuntansi, famEkonomi).withGol("II/c"),
	pel("Bendahara", mutasi.PendidikanD3, 0.4, famAkuntansi, famEkonomi, famAdministrasi).withCap(1),
	pel("Pengelola Kepegawaian", mutasi.PendidikanD3, 0.7, famAdministrasi, famHukum, famPsikologi),
	pel("Pengolah Data dan Informasi", mutasi.PendidikanD3, 1.2, famKomputer, famStatistika),
	pel("Pengemudi", mutasi.PendidikanSMA, 0.6).pppk(),
	pel("Pramu Bakti", mutasi.PendidikanSD, 0.5).withCap(10),
}

var (
	healthStruct = r(famKesehatan, famKedokteran, famKeperawatan, famKebidanan, famFarmasi, famGizi)
	govStruct    = r(famPemerintahan, famAdministrasi, famHukum)
)

func kecamatan(id, nama string) unitSpec {
	return unitSpec{id: id, nama: "Kecamatan " + nama,
		adm: []string{"Camat " + nama, "Sekretaris Kecamatan"},
		pgw: []string{"Kepala Seksi Pemerintahan", "Kepala Seksi Ketenteraman dan Ketertiban Umum",
			"Kepala Seksi Pemberdayaan Masyarakat dan Desa", "Kepala Seksi Kesejahteraan Sosial", "Kepala Subbagian Umum dan Kepegawaian"},
		structRumpun: govStruct, weight: 1.6,
		templates: []tmpl{
			pel("Pengelola Layanan Kependudukan", mutasi.PendidikanSMA, 2, famUmum, famAdministrasi, famKomputer),
			pel("Analis Pemerintahan Desa", mutasi.PendidikanS1, 1.5, famPemerintahan, famAdministrasi, famHukum).withGol("III/a"),
		}}
}

func puskesmas(id, nama string) unitSpec {
	return unitSpec{id: id, nama: "UPTD Puskesmas " + nama, induk: "DINKES",
		pgw: []string{"Kepala UPTD Puskesmas " + nama, "Kepala Subbagian Tata Usaha"}, weight: 3.6, noCommon: true,
		templates: []tmpl{
			fun("Dokter", lvDokter, 5, famKedokteran).withPend(mutasi.PendidikanS1).pppk(),
			fun("Dokter Gigi", lvAhliLow, 1.5, famKedokteranGig).withPend(mutasi.PendidikanS1),
			fun("Perawat", []level{{mutasi.JenjangTerampil, 0.35}, {mutasi.JenjangMahir, 0.15}, {mutasi.JenjangAhliPertama, 0.35}, {mutasi.JenjangAhliMuda, 0.15}}, 30, famKeperawatan).pppk(),
			fun("Bidan", []level{{mutasi.JenjangTerampil, 0.4}, {mutasi.JenjangMahir, 0.2}, {mutasi.JenjangAhliPertama, 0.3}, {mutasi.JenjangAhliMuda, 0.1}}, 26, famKebidanan).pppk(),
			fun("Apoteker", lvAhliLow, 2, famFarmasi),
			fun("Asisten Apoteker", []level{{mutasi.JenjangTerampil, 0.6}, {mutasi.JenjangMahir, 0.4}}, 3, famFarmasi),
			fun("Pranata Laboratorium Kesehatan", lvMixed, 3, famKesehatan).pppk(),
			fun("Sanitarian", lvMixed, 3, famKesehatan),
			fun("Nutrisionis", lvMixed, 3, famGizi),
			fun("Perekam Medis", lvTerampil, 2, famKesehatan),
			pel("Pengadministrasi Perkantoran", mutasi.PendidikanSMA, 3, famUmum, famAdministrasi).pppk(),
			pel("Penata Laporan Keuangan", mutasi.PendidikanD3, 1, famAkuntansi, famEkonomi),
			pel("Pramu Bakti", mutasi.PendidikanSD, 1).withCap(10),
		}}
}

func catalog() []unitSpec {
	return []unitSpec{
		{id: "SETDA", nama: "Sekretariat Daerah",
			jpt:          []string{"Sekretaris Daerah", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan", "Asisten Administrasi Umum"},
			structRumpun: nil, weight: 1},
		{id: "SETDA-PEM", nama: "Bagian Tata Pemerintahan", induk: "SETDA",
			adm: []string{"Kepala Bagian Tata Pemerintahan"}, pgw: []string{"Kepala Subbagian Administrasi Pemerintahan", "Kepala Subbagian Otonomi Daerah dan Kerja Sama"},
			structRumpun: govStruct, weight: 1,
			templates: []tmpl{fun("Analis Kebijakan", lvAhli, 2, famPemerintahan, famAdministrasi, famHukum)}},
		{id: "SETDA-HUK", nama: "Bagian Hukum", induk: "SETDA",
			adm: []string{"Kepala Bagian Hukum"}, pgw: []string{"Kepala Subbagian Peraturan Perundang-undangan", "Kepala Subbagian Bantuan Hukum"},
			structRumpun: r(famHukum), weight: 1.1,
			templates: []tmpl{fun("Perancang Peraturan Perundang-undangan", lvAhli, 3, famHukum), fun("Analis Hukum", lvAhli, 3, famHukum)}},
		{id: "SETDA-ORG", nama: "Bagian Organisasi", induk: "SETDA",
			adm: []string{"Kepala Bagian Organisasi"}, pgw: []string{"Kepala Subbagian Kelembagaan dan Analisis Jabatan", "Kepala Subbagian Reformasi Birokrasi"},
			structRumpun: r(famAdministrasi, famPemerintahan, famPsikologi), weight: 0.8,
			templates: []tmpl{fun("Analis Kebijakan", lvAhli, 2, famAdministrasi, famPemerintahan, famPsikologi)}},
		{id: "SETDA-EKO", nama: "Bagian Perekonomian dan Sumber Daya Alam", induk: "SETDA",
			adm: []string{"Kepala Bagian Perekonomian dan Sumber Daya Alam"}, pgw: []string{"Kepala Subbagian Perekonomian", "Kepala Subbagian Sumber Daya Alam"},
			structRumpun: r(famEkonomi, famPertanian, famAdministrasi), weight: 0.8},
		{id: "SETDA-PBJ", nama: "Bagian Pengadaan Barang dan Jasa", induk: "SETDA",
			adm: []string{"Kepala Bagian Pengadaan Barang dan Jasa"}, pgw: []string{"Kepala Subbagian Pengelolaan Layanan Pengadaan"},
			weight:    1,
			templates: []tmpl{fun("Pengelola Pengadaan Barang/Jasa", lvAhli, 4, famTeknikSipil, famEkonomi, famAkuntansi, famAdministrasi, famKomputer)}},
		{id: "SETDA-PROKOPIM", nama: "Bagian Protokol dan Komunikasi Pimpinan", induk: "SETDA",
			adm: []string{"Kepala Bagian Protokol dan Komunikasi Pimpinan"}, pgw: []string{"Kepala Subbagian Protokol"},
			structRumpun: r(famKomunikasi, famAdministrasi, famPemerintahan), weight: 1,
			templates: []tmpl{fun("Pranata Hubungan Masyarakat", lvMixed, 3, famKomunikasi)}},
		{id: "SETDA-UMUM", nama: "Bagian Umum", induk: "SETDA",
			adm: []string{"Kepala Bagian Umum"}, pgw: []string{"Kepala Subbagian Tata Usaha Pimpinan", "Kepala Subbagian Rumah Tangga"},
			weight:    1.8,
			templates: []tmpl{fun("Arsiparis", lvMixed, 2, famKearsipan, famAdministrasi)}},
		{id: "SETDA-KESRA", nama: "Bagian Kesejahteraan Rakyat", induk: "SETDA",
			adm: []string{"Kepala Bagian Kesejahteraan Rakyat"}, pgw: []string{"Kepala Subbagian Bina Mental dan Spiritual"},
			structRumpun: r(famAgama, famSosial, famPemerintahan), weight: 0.7,
			templates: []tmpl{pel("Pengelola Kesejahteraan Rakyat", mutasi.PendidikanS1, 2, famAgama, famSosial)}},
		{id: "SETWAN", nama: "Sekretariat DPRD",
			jpt: []string{"Sekretaris DPRD"},
			adm: []string{"Kepala Bagian Umum dan Keuangan", "Kepala Bagian Persidangan dan Perundang-undangan", "Kepala Bagian Fasilitasi Penganggaran dan Pengawasan"},
			pgw: []string{"Kepala Subbagian Tata Usaha dan Kepegawaian"}, structRumpun: govStruct, weight: 2.2,
			templates: []tmpl{fun("Analis Hukum", lvAhliLow, 2, famHukum), fun("Pranata Hubungan Masyarakat", lvMixed, 1.5, famKomunikasi)}},
		{id: "INSPEKTORAT", nama: "Inspektorat Daerah",
			jpt: []string{"Inspektur"},
			adm: []string{"Sekretaris Inspektorat", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III", "Inspektur Pembantu Khusus"},
			pgw: []string{"Kepala Subbagian Umum dan Keuangan"}, structRumpun: r(famAkuntansi, famEkonomi, famHukum, famAdministrasi, famPemerintahan), weight: 2.5,
			templates: []tmpl{
				fun("Auditor", []level{{mutasi.JenjangTerampil, 0.15}, {mutasi.JenjangAhliPertama, 0.4}, {mutasi.JenjangAhliMuda, 0.3}, {mutasi.JenjangAhliMadya, 0.15}}, 8, famAkuntansi, famEkonomi, famHukum, famTeknikSipil, famAdministrasi),
				fun("Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", lvAhli, 5, famPemerintahan, famAdministrasi, famHukum, famEkonomi, famAkuntansi),
			}},
		{id: "DISDIK", nama: "Dinas Pendidikan",
			jpt:          []string{"Kepala Dinas Pendidikan"},
			adm:          []string{"Sekretaris Dinas Pendidikan", "Kepala Bidang Pembinaan Sekolah Dasar", "Kepala Bidang Pembinaan Sekolah Menengah Pertama", "Kepala Bidang PAUD dan Pendidikan Nonformal", "Kepala Bidang Ketenagaan"},
			pgw:          []string{"Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan dan Aset"},
			structRumpun: r(famPendidikan, famAdministrasi), weight: 32,
			templates: []tmpl{
				fun("Guru", lvGuru, 100, famPendidikan).withCap(80).pppk(),
				fun("Pengawas Sekolah", []level{{mutasi.JenjangAhliMuda, 0.5}, {mutasi.JenjangAhliMadya, 0.5}}, 2.5, famPendidikan),
				fun("Penilik", lvAhli, 1, famPendidikan),
				fun("Pamong Belajar", lvAhliLow, 0.8, famPendidikan),
				pel("Pengelola Layanan Operasional Sekolah", mutasi.PendidikanSMA, 5).withCap(40).pppk(),
				pel("Pengelola Data Pendidikan", mutasi.PendidikanD3, 1.5, famKomputer, famStatistika, famPendidikan),
			}},
		{id: "DINKES", nama: "Dinas Kesehatan",
			jpt: []string{"Kepala Dinas Kesehatan"},
			adm: []string{"Sekretaris Dinas Kesehatan", "Kepala Bidang Kesehatan Masyarakat", "Kepala Bidang Pencegahan dan Pengendalian Penyakit", "Kepala Bidang Pelayanan Kesehatan", "Kepala Bidang Sumber Daya Kesehatan"},
			pgw: []string{"Kepala Subbagian Umum dan Kepegawaian"}, structRumpun: healthStruct, weight: 3.5,
			templates: []tmpl{
				fun("Epidemiolog Kesehatan", lvAhli, 2, famKesehatan),
				fun("Administrator Kesehatan", lvAhli, 3, famKesehatan, famAdministrasi),
				fun("Tenaga Promosi Kesehatan dan Ilmu Perilaku", lvAhliLow, 1.5, famKesehatan, famKomunikasi),
				fun("Sanitarian", lvMixed, 1.5, famKesehatan, famLingkungan),
				fun("Nutrisionis", lvMixed, 1, famGizi),
				fun("Apoteker", lvAhli, 1, famFarmasi),
			}},
		puskesmas("PKM-01", "Sukamaju"),
		puskesmas("PKM-02", "Mekarsari"),
		puskesmas("PKM-03", "Cibeureum"),
		puskesmas("PKM-04", "Tanjung Harapan"),
		{id: "RSUD", nama: "Rumah Sakit Umum Daerah Sukamaju",
			jpt:          []string{"Direktur Rumah Sakit Umum Daerah"},
			adm:          []string{"Wakil Direktur Pelayanan", "Wakil Direktur Umum dan Keuangan", "Kepala Bidang Pelayanan Medik", "Kepala Bidang Keperawatan", "Kepala Bidang Penunjang"},
			pgw:          []string{"Kepala Seksi Pelayanan Medik", "Kepala Seksi Keperawatan", "Kepala Subbagian Kepegawaian", "Kepala Subbagian Keuangan"},
			structRumpun: healthStruct, weight: 11,
			templates: []tmpl{
				fun("Dokter", lvDokter, 6, famKedokteran).withPend(mutasi.PendidikanS1).pppk(),
				fun("Dokter Spesialis", lvSpesial, 4, famKedokteran).withPend(mutasi.PendidikanS2),
				fun("Dokter Gigi", lvAhliLow, 0.8, famKedokteranGig).withPend(mutasi.PendidikanS1),
				fun("Perawat", []level{{mutasi.JenjangTerampil, 0.3}, {mutasi.JenjangMahir, 0.2}, {mutasi.JenjangPenyelia, 0.05}, {mutasi.JenjangAhliPertama, 0.3}, {mutasi.JenjangAhliMuda, 0.15}}, 45, famKeperawatan).withCap(60).pppk(),
				fun("Bidan", lvMixed, 8, famKebidanan).pppk(),
				fun("Apoteker", lvAhliLow, 2, famFarmasi),
				fun("Asisten Apoteker", lvTerampil, 3, famFarmasi),
				fun("Pranata Laboratorium Kesehatan", lvMixed, 3, famKesehatan),
				fun("Radiografer", lvMixed, 2, famKesehatan),
				fun("Fisioterapis", lvMixed, 1.2, famKesehatan),
				fun("Perekam Medis", lvTerampil, 2.5, famKesehatan),
				fun("Nutrisionis", lvMixed, 1.2, famGizi),
				fun("Administrator Kesehatan", lvAhliLow, 1.5, famKesehatan, famAdministrasi),
			}},
		{id: "PUPR", nama: "Dinas Pekerjaan Umum dan Penataan Ruang",
			jpt: []string{"Kepala Dinas Pekerjaan Umum dan Penataan Ruang"},
			adm: []string{"Sekretaris Dinas PUPR", "Kepala Bidang Bina Marga", "Kepala Bidang Sumber Daya Air", "Kepala Bidang Cipta Karya", "Kepala Bidang Penataan Ruang"},
			pgw: []string{"Kepala Subbagian Umum dan Kepegawaian"}, structRumpun: r(famTeknikSipil, famPlanologi), weight: 4.5,
			templates: []tmpl{
				fun("Teknik Jalan dan Jembatan", lvMixed, 4, famTeknikSipil),
				fun("Teknik Pengairan", lvMixed, 3, famTeknikSipil),
				fun("Penata Ruang", lvAhli, 1.5, famPlanologi, famGeodesi),
				fun("Teknik Penyehatan Lingkungan", lvMixed, 1.2, famLingkungan, famTeknikSipil),
				pel("Pengelola Sarana dan Prasarana", mutasi.PendidikanSMA, 3, famTeknikSipil, famTeknikMesin, famUmum),
			}},
		{id: "DUKCAPIL", nama: "Dinas Kependudukan dan Pencatatan Sipil",
			jpt:          []string{"Kepala Dinas Kependudukan dan Pencatatan Sipil"},
			adm:          []string{"Sekretaris Dinas Dukcapil", "Kepala Bidang Pelayanan Pendaftaran Penduduk", "Kepala Bidang Pelayanan Pencatatan Sipil", "Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan"},
			structRumpun: govStruct, weight: 2.4,
			templates: []tmpl{
				fun("Administrator Database Kependudukan", lvMixed, 2, famKomputer, famStatistika, famAdministrasi),
				pel("Pengelola Data Kependudukan", mutasi.PendidikanSMA, 4, famUmum, famAdministrasi, famKomputer).pppk(),
			}},
		{id: "DINSOS", nama: "Dinas Sosial",
			jpt: []string{"Kepala Dinas Sosial"}, adm: []string{"Sekretaris Dinas Sosial", "Kepala Bidang Rehabilitasi Sosial", "Kepala Bidang Perlindungan dan Jaminan Sosial"},
			structRumpun: r(famSosial, famAdministrasi, famPemerintahan), weight: 1.6,
			templates: []tmpl{fun("Pekerja Sosial", lvMixed, 3, famSosial, famPsikologi), fun("Penyuluh Sosial", lvAhliLow, 1.5, famSosial, famKomunikasi)}},
		{id: "DISHUB", nama: "Dinas Perhubungan",
			jpt: []string{"Kepala Dinas Perhubungan"}, adm: []string{"Sekretaris Dinas Perhubungan", "Kepala Bidang Lalu Lintas", "Kepala Bidang Angkutan"},
			pgw: []string{"Kepala UPTD Pengujian Kendaraan Bermotor"}, structRumpun: r(famTransportasi, famTeknikSipil, famAdministrasi), weight: 2,
			templates: []tmpl{
				fun("Penguji Kendaraan Bermotor", lvMixed, 2, famTransportasi, famTeknikMesin),
				pel("Petugas Pengatur Lalu Lintas", mutasi.PendidikanSMA, 4, famUmum, famTransportasi).withCap(30),
			}},
		{id: "DISKOMINFO", nama: "Dinas Komunikasi, Informatika, Statistik dan Persandian",
			jpt: []string{"Kepala Dinas Komunikasi dan Informatika"}, adm: []string{"Sekretaris Dinas Kominfo", "Kepala Bidang Aplikasi Informatika", "Kepala Bidang Informasi dan Komunikasi Publik", "Kepala Bidang Statistik dan Persandian"},
			structRumpun: r(famKomputer, famKomunikasi, famStatistika), weight: 1.6,
			templates: []tmpl{
				fun("Pranata Komputer", lvMixed, 4, famKomputer),
				fun("Pranata Hubungan Masyarakat", lvMixed, 2, famKomunikasi),
				fun("Statistisi", lvAhliLow, 1.2, famStatistika),
				fun("Sandiman", lvMixed, 1, famKomputer, famMIPA, famStatistika),
			}},
		{id: "DLH", nama: "Dinas Lingkungan Hidup",
			jpt: []string{"Kepala Dinas Lingkungan Hidup"}, adm: []string{"Sekretaris Dinas Lingkungan Hidup", "Kepala Bidang Pengelolaan Sampah", "Kepala Bidang Penataan dan Penaatan Lingkungan"},
			structRumpun: r(famLingkungan, famMIPA, famTeknikSipil, famKesehatan), weight: 2.6,
			templates: []tmpl{
				fun("Pengendali Dampak Lingkungan", lvAhli, 2, famLingkungan, famMIPA),
				fun("Pengawas Lingkungan Hidup", lvAhliLow, 1, famLingkungan, famHukum),
				pel("Petugas Pengelola Persampahan", mutasi.PendidikanSMP, 6).withCap(30).pppk(),
			}},
		{id: "DISTAN", nama: "Dinas Pertanian dan Ketahanan Pangan",
			jpt: []string{"Kepala Dinas Pertanian dan Ketahanan Pangan"}, adm: []string{"Sekretaris Dinas Pertanian", "Kepala Bidang Tanaman Pangan dan Hortikultura", "Kepala Bidang Peternakan dan Kesehatan Hewan", "Kepala Bidang Ketahanan Pangan", "Kepala Bidang Penyuluhan"},
			structRumpun: r(famPertanian, famPeternakan, famKedokteran), weight: 4.2,
			templates: []tmpl{
				fun("Penyuluh Pertanian", lvMixed, 10, famPertanian, famPeternakan).withCap(50).pppk(),
				fun("Pengawas Benih Tanaman", lvMixed, 1, famPertanian),
				fun("Medik Veteriner", lvAhliLow, 0.8, "Kedokteran Hewan"),
				fun("Paramedik Veteriner", lvTerampil, 1, famPeternakan),
				fun("Analis Ketahanan Pangan", lvAhliLow, 1, famPertanian, famGizi),
			}},
		{id: "DKP", nama: "Dinas Perikanan",
			jpt: []string{"Kepala Dinas Perikanan"}, adm: []string{"Sekretaris Dinas Perikanan", "Kepala Bidang Perikanan Budidaya", "Kepala Bidang Perikanan Tangkap"},
			structRumpun: r(famPerikanan, famPertanian), weight: 1.4,
			templates: []tmpl{fun("Penyuluh Perikanan", lvMixed, 3, famPerikanan), fun("Pengelola Produksi Perikanan Tangkap", lvAhliLow, 1, famPerikanan)}},
		{id: "DPMPTSP", nama: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
			jpt: []string{"Kepala Dinas Penanaman Modal dan PTSP"}, adm: []string{"Sekretaris DPMPTSP", "Kepala Bidang Pelayanan Perizinan", "Kepala Bidang Penanaman Modal"},
			structRumpun: r(famAdministrasi, famHukum, famEkonomi), weight: 1.3,
			templates: []tmpl{fun("Analis Kebijakan", lvAhliLow, 1, famAdministrasi, famHukum, famEkonomi), pel("Pengelola Perizinan", mutasi.PendidikanD3, 3, famAdministrasi, famHukum, famEkonomi)}},
		{id: "DISNAKER", nama: "Dinas Tenaga Kerja",
			jpt: []string{"Kepala Dinas Tenaga Kerja"}, adm: []string{"Sekretaris Dinas Tenaga Kerja", "Kepala Bidang Pelatihan dan Penempatan Tenaga Kerja", "Kepala Bidang Hubungan Industrial"},
			structRumpun: r(famHukum, famEkonomi, famAdministrasi, famPsikologi), weight: 1.1,
			templates: []tmpl{
				fun("Pengantar Kerja", lvAhliLow, 1, famPsikologi, famHukum, famEkonomi, famAdministrasi),
				fun("Mediator Hubungan Industrial", lvAhliLow, 1, famHukum),
				fun("Instruktur", lvMixed, 1.5, famTeknikMesin, famTeknikElektro, famKomputer),
			}},
		{id: "DPMD", nama: "Dinas Pemberdayaan Masyarakat dan Desa",
			jpt: []string{"Kepala Dinas Pemberdayaan Masyarakat dan Desa"}, adm: []string{"Sekretaris DPMD", "Kepala Bidang Pemerintahan Desa", "Kepala Bidang Pemberdayaan Masyarakat"},
			structRumpun: govStruct, weight: 1.2,
			templates: []tmpl{fun("Penggerak Swadaya Masyarakat", lvMixed, 2, famSosial, famPemerintahan, famPertanian)}},
		{id: "DP3AP2KB", nama: "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB",
			jpt: []string{"Kepala Dinas P3AP2KB"}, adm: []string{"Sekretaris Dinas P3AP2KB", "Kepala Bidang Pengendalian Penduduk dan KB", "Kepala Bidang Perlindungan Perempuan dan Anak"},
			structRumpun: r(famSosial, famKesehatan, famPsikologi, famAdministrasi), weight: 2,
			templates: []tmpl{fun("Penyuluh Keluarga Berencana", lvMixed, 4, famKesehatan, famSosial, famKebidanan, famPsikologi).pppk()}},
		{id: "DISPARBUD", nama: "Dinas Pariwisata dan Kebudayaan",
			jpt: []string{"Kepala Dinas Pariwisata dan Kebudayaan"}, adm: []string{"Sekretaris Dinas Pariwisata", "Kepala Bidang Destinasi Pariwisata", "Kepala Bidang Kebudayaan"},
			structRumpun: r(famPariwisata, famBahasa, famEkonomi), weight: 1.1,
			templates: []tmpl{fun("Adyatama Kepariwisataan dan Ekonomi Kreatif", lvAhliLow, 1.5, famPariwisata), fun("Pamong Budaya", lvAhliLow, 1, famPariwisata, famBahasa)}},
		{id: "DISPERINDAG", nama: "Dinas Perdagangan dan Perindustrian",
			jpt: []string{"Kepala Dinas Perdagangan dan Perindustrian"}, adm: []string{"Sekretaris Disperindag", "Kepala Bidang Perdagangan", "Kepala Bidang Perindustrian"},
			pgw: []string{"Kepala UPTD Metrologi Legal", "Kepala UPTD Pasar"}, structRumpun: r(famEkonomi, famTeknikMesin, famAdministrasi), weight: 1.4,
			templates: []tmpl{
				fun("Penera", lvMixed, 1, famMIPA, famTeknikMesin, famTeknikElektro),
				fun("Pengawas Perdagangan", lvAhliLow, 1, famEkonomi, famHukum),
				pel("Petugas Retribusi Pasar", mutasi.PendidikanSMA, 3, famUmum, famEkonomi, famAkuntansi).withCap(25),
			}},
		{id: "SATPOLPP", nama: "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
			jpt: []string{"Kepala Satuan Polisi Pamong Praja"}, adm: []string{"Sekretaris Satpol PP", "Kepala Bidang Penegakan Peraturan Daerah", "Kepala Bidang Pemadam Kebakaran"},
			structRumpun: r(famPemerintahan, famHukum, famAdministrasi), weight: 3.4,
			templates: []tmpl{
				fun("Polisi Pamong Praja", lvPolPP, 10, famUmum, famHukum, famPemerintahan).withPend(mutasi.PendidikanSMA).withCap(50),
				fun("Pemadam Kebakaran", lvTerampil, 5, famUmum, famTeknikMesin, famTeknikElektro).withPend(mutasi.PendidikanSMA).withCap(40).pppk(),
			}},
		{id: "DISPERPUSIP", nama: "Dinas Perpustakaan dan Kearsipan",
			jpt: []string{"Kepala Dinas Perpustakaan dan Kearsipan"}, adm: []string{"Sekretaris Dinas Perpustakaan dan Kearsipan", "Kepala Bidang Perpustakaan", "Kepala Bidang Kearsipan"},
			structRumpun: r(famPerpustakaan, famKearsipan, famAdministrasi), weight: 1.2,
			templates: []tmpl{fun("Pustakawan", lvMixed, 2, famPerpustakaan), fun("Arsiparis", lvMixed, 2, famKearsipan, famAdministrasi)}},
		{id: "BKPSDM", nama: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
			jpt: []string{"Kepala BKPSDM"}, adm: []string{"Sekretaris BKPSDM", "Kepala Bidang Mutasi dan Promosi", "Kepala Bidang Pengembangan Kompetensi", "Kepala Bidang Penilaian Kinerja dan Penghargaan"},
			structRumpun: r(famAdministrasi, famPsikologi, famHukum, famPemerintahan), weight: 1.6,
			templates: []tmpl{
				fun("Analis Sumber Daya Manusia Aparatur", lvAhli, 4, famAdministrasi, famPsikologi, famHukum, famPemerintahan),
				fun("Asesor Sumber Daya Manusia Aparatur", lvAhliLow, 0.8, famPsikologi),
				fun("Pranata Sumber Daya Manusia Aparatur", lvTerampil, 2, famAdministrasi, famKomputer),
			}},
		{id: "BAPPEDA", nama: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
			jpt: []string{"Kepala Bappeda"}, adm: []string{"Sekretaris Bappeda", "Kepala Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "Kepala Bidang Perekonomian dan Sumber Daya Alam", "Kepala Bidang Infrastruktur dan Kewilayahan", "Kepala Bidang Riset dan Inovasi"},
			structRumpun: r(famEkonomi, famPlanologi, famStatistika, famAdministrasi, famTeknikSipil), weight: 1.6,
			templates: []tmpl{
				fun("Perencana", lvAhli, 5, famEkonomi, famPlanologi, famStatistika, famAdministrasi, famTeknikSipil),
				fun("Statistisi", lvAhliLow, 0.8, famStatistika),
				fun("Peneliti", lvAhliLow, 0.6, famMIPA, famEkonomi, famSosial, famPertanian),
			}},
		{id: "BPKAD", nama: "Badan Pengelolaan Keuangan dan Aset Daerah",
			jpt: []string{"Kepala BPKAD"}, adm: []string{"Sekretaris BPKAD", "Kepala Bidang Anggaran", "Kepala Bidang Perbendaharaan", "Kepala Bidang Akuntansi", "Kepala Bidang Aset"},
			structRumpun: r(famAkuntansi, famEkonomi), weight: 2.2,
			templates: []tmpl{
				fun("Analis Keuangan Pusat dan Daerah", lvAhli, 4, famAkuntansi, famEkonomi),
				pel("Pengelola Barang Milik Daerah", mutasi.PendidikanD3, 2, famAkuntansi, famEkonomi, famAdministrasi),
				pel("Verifikator Keuangan", mutasi.PendidikanS1, 2, famAkuntansi).withGol("III/a"),
			}},
		{id: "BAPENDA", nama: "Badan Pendapatan Daerah",
			jpt: []string{"Kepala Bapenda"}, adm: []string{"Sekretaris Bapenda", "Kepala Bidang Pajak Daerah", "Kepala Bidang Retribusi dan Pendapatan Lain"},
			structRumpun: r(famAkuntansi, famEkonomi, famAdministrasi), weight: 2,
			templates: []tmpl{
				fun("Penilai Pajak Bumi dan Bangunan", lvAhliLow, 1, famTeknikSipil, famAkuntansi, famGeodesi),
				pel("Pengelola Pajak Daerah", mutasi.PendidikanD3, 4, famAkuntansi, famEkonomi, famAdministrasi),
				pel("Petugas Penagihan", mutasi.PendidikanSMA, 2, famUmum, famEkonomi, famAkuntansi),
			}},
		{id: "BPBD", nama: "Badan Penanggulangan Bencana Daerah",
			jpt: []string{"Kepala Pelaksana BPBD"}, adm: []string{"Sekretaris BPBD", "Kepala Bidang Pencegahan dan Kesiapsiagaan", "Kepala Bidang Kedaruratan dan Logistik"},
			structRumpun: r(famGeodesi, famLingkungan, famTeknikSipil, famPemerintahan), weight: 1.5,
			templates: []tmpl{
				fun("Analis Kebencanaan", lvAhliLow, 1, famGeodesi, famLingkungan, famTeknikSipil, famMIPA),
				pel("Petugas Tim Reaksi Cepat", mutasi.PendidikanSMA, 4, famUmum).withCap(30),
			}},
		{id: "KESBANGPOL", nama: "Badan Kesatuan Bangsa dan Politik",
			jpt: []string{"Kepala Badan Kesbangpol"}, adm: []string{"Sekretaris Kesbangpol", "Kepala Bidang Politik Dalam Negeri"},
			structRumpun: govStruct, weight: 0.8,
			templates: []tmpl{fun("Analis Kebijakan", lvAhliLow, 1, famPemerintahan, famSosial, famHukum)}},
		kecamatan("KEC-01", "Sukamaju"),
		kecamatan("KEC-02", "Mekarsari"),
		kecamatan("KEC-03", "Cibeureum"),
		kecamatan("KEC-04", "Tanjung Harapan"),
		kecamatan("KEC-05", "Sumberjaya"),
	}
}
