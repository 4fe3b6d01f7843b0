package quality

import "github.com/mutasi/mutasi"

// Kind ids. They are stable: scripts read them from the JSON, and each is
// the name of its sheet in the workbook (at most 31 characters, letters
// and '-', as Excel allows).
const (
	KindNoTMTJabatan   = "pegawai-tanpa-tmt-jabatan"
	KindNoKinerja      = "pegawai-tanpa-kinerja"
	KindNoJurusan      = "pegawai-tanpa-jurusan"
	KindUnknownJurusan = "jurusan-tidak-dikenal"
	KindPastBUP        = "pegawai-melewati-bup"
	KindDuplicate      = "pegawai-ganda"
	KindNearDuplicate  = "nama-sama-tanggal-mirip"
	KindNoWorkload     = "jabatan-tanpa-beban-kerja"
	KindNoKebutuhan    = "jabatan-tanpa-kebutuhan"
	KindOverfilled     = "jabatan-kelebihan-pemangku"
	KindEmptyUnit      = "unit-tanpa-jabatan"
	KindInactiveParent = "unit-induk-nonaktif"
	KindInactiveChoice = "aspirasi-ke-nonaktif"
)

// kindDef is what a kind is, before it is checked.
type kindDef struct {
	id       string
	severity Severity
	table    string
	title    string
	why      string
}

// kindDefs lists every kind in report order: employees, positions, units,
// aspirations; within a table, the most severe first.
var kindDefs = []kindDef{
	{KindNoTMTJabatan, Tinggi, mutasi.TableEmployees, "Pegawai tanpa tmt_jabatan",
		"Masa jabatan tidak dapat dihitung: aturan masa jabatan gagal tertutup, sehingga pegawai tidak pernah memenuhi syarat mutasi dan tidak masuk prioritas rotasi."},
	{KindNoKinerja, Tinggi, mutasi.TableEmployees, "Pegawai tanpa penilaian kinerja",
		"Syarat kinerja dua tahun terakhir gagal tertutup: pegawai terhalang mutasi dan skor kinerjanya nol, padahal kinerjanya mungkin baik."},
	{KindNoJurusan, Tinggi, mutasi.TableEmployees, "Pegawai tanpa jurusan pendidikan",
		"Kesesuaian pendidikan tidak dapat dinilai: pegawai terhalang dari setiap jabatan yang meminta rumpun pendidikan."},
	{KindUnknownJurusan, Sedang, mutasi.TableEmployees, "Jurusan yang tidak dikenal daftar rumpun",
		"Jurusan yang tidak ada di daftar rumpun hanya cocok dengan jabatan yang menyebut namanya: pegawai terhalang dari jabatan yang sesuai dengan pendidikannya."},
	{KindPastBUP, Tinggi, mutasi.TableEmployees, "Pegawai aktif yang sudah mencapai BUP",
		"Pegawai yang sudah mencapai batas usia pensiun semestinya diberhentikan: selama tercatat aktif ia dihitung sebagai pemangku (EJ, formasi) dan dapat muncul sebagai calon."},
	{KindDuplicate, Tinggi, mutasi.TableEmployees, "Kemungkinan pegawai ganda (nama dan tanggal lahir sama)",
		"Kemungkinan satu orang tercatat dengan dua NIP: ia dihitung dua kali sebagai pemangku dan dapat diusulkan pindah dua kali."},
	{KindNearDuplicate, Rendah, mutasi.TableEmployees, "Nama sama, tanggal lahir beda satu ketikan",
		"Mungkin satu orang tercatat dua kali dengan tanggal lahir salah ketik (satu angka berbeda, atau tanggal dan bulan tertukar); bila memang dua orang, tidak ada yang perlu diubah."},
	{KindNoWorkload, Tinggi, mutasi.TablePositions, "Jabatan tanpa beban kerja (beban_kerja_jam 0)",
		"EJ jabatan menjadi 0: jabatan tampak kelebihan pegawai, pemangkunya dianggap bebas dipindahkan, dan jabatan ini tidak pernah tampak membutuhkan orang."},
	{KindNoKebutuhan, Sedang, mutasi.TablePositions, "Jabatan dengan kebutuhan 0",
		"Jabatan tanpa kebutuhan tidak pernah punya lowongan, dan setiap pemangkunya dihitung sebagai kelebihan."},
	{KindOverfilled, Sedang, mutasi.TablePositions, "Jabatan dengan pemangku jauh melebihi kebutuhan",
		"Pemangku jauh di atas kebutuhan ABK menandakan kebutuhan yang belum diperbarui atau pegawai yang tercatat di jabatan yang salah; lowongan dan EJ menjadi keliru."},
	{KindEmptyUnit, Rendah, mutasi.TableUnits, "Unit tanpa jabatan dan tanpa subunit",
		"Unit tanpa jabatan tidak dapat menerima atau memberi pegawai; mungkin jabatannya belum diimpor, atau unitnya sudah tidak dipakai."},
	{KindInactiveParent, Sedang, mutasi.TableUnits, "Unit berinduk unit nonaktif",
		"Pohon organisasi terputus: unit ini lepas dari kewenangan atasan yang semestinya, dan ekspornya tidak dapat diimpor ke basis data kosong."},
	{KindInactiveChoice, Sedang, mutasi.TableAspirations, "Aspirasi ke jabatan atau unit nonaktif",
		"Pilihan ke jabatan atau unit nonaktif tidak pernah dapat dipenuhi: pegawai kehilangan nilai aspirasinya tanpa tahu sebabnya."},
}

// newKinds makes the empty kinds of a report, in order, and an index by id.
func newKinds() ([]*Kind, map[string]*Kind) {
	list := make([]*Kind, len(kindDefs))
	byID := make(map[string]*Kind, len(kindDefs))
	for i, d := range kindDefs {
		k := &Kind{ID: d.id, Severity: d.severity, Title: d.title, Why: d.why, Table: d.table}
		list[i] = k
		byID[d.id] = k
	}
	return list, byID
}

func (k *Kind) add(it Item) {
	k.Items = append(k.Items, it)
	k.Count = len(k.Items)
}
