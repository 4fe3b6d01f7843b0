package rules

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

// User-facing text of this package, in one place (Bahasa Indonesia).
const (
	msgYAMLSyntax          = "penulisan YAML salah: %s"
	msgYAMLUnclosedBracket = "tanda %s dibuka di sini tetapi tidak ditutup dengan %s; tutup sebelum baris berikutnya, dan pisahkan unsurnya dengan koma"
	msgYAMLNoValue         = "nilai tidak ditemukan: ada tanda kurung atau petik yang belum ditutup?"
	msgYAMLIndentList      = "indentasi salah: baris ini tidak sejajar dengan daftar yang dimulai di baris %d; isi satu unsur ditulis sejajar, dan unsur baru diawali \"- \""
	msgYAMLIndentKey       = "indentasi salah: di blok yang dimulai di baris %d, baris ini harus berupa kunci (nama: nilai) dengan jumlah spasi awal yang sama"
	msgYAMLColon           = "titik dua (\": \") tidak boleh di sini: bila titik dua bagian dari teks, apit seluruh nilai dengan petik (\"...\"); bila ini kunci baru, periksa indentasinya"
	msgYAMLTab             = "karakter tab di awal baris; YAML hanya menerima spasi untuk indentasi"
	msgYAMLBadStart        = "nilai tidak boleh diawali %q; apit nilai itu dengan petik (\"...\")"
	msgYAMLUnclosedQuote   = "petik %s yang dibuka di sini tidak ditutup"
	msgYAMLEndOfFile       = "berkas berakhir di tengah nilai (petik atau tanda kurung yang belum ditutup?)"
	msgYAMLEscape          = "%s di dalam petik dua tidak dikenal; tulis \\\\ untuk garis miring terbalik, atau apit nilai dengan petik satu ('...')"
	msgYAMLDash            = "\"- \" (unsur daftar) tidak boleh di sini, sesudah kunci pada baris yang sama; tulis unsur daftar di baris berikutnya dengan indentasi, atau apit teks dengan petik"
	msgYAMLAnchor          = "*%s merujuk ke &%s yang tidak ada; tulis nilainya langsung, atau apit dengan petik bila * bagian dari teks"
	msgYAMLControl         = "karakter kendali %s tidak boleh ada di berkas YAML; hapus karakter itu"
	msgYAMLNotUTF8         = "byte yang bukan UTF-8; simpan ulang berkas sebagai UTF-8"
	msgMustBeList          = "%s harus berupa daftar (baris-baris yang diawali \"- \")"
	msgMustBeText          = "harus berupa teks atau angka tunggal"
	msgUnknownKey          = "kolom %q tidak dikenal; yang dikenal: %s"
	msgUnknownKeySuggest   = "kolom %q tidak dikenal; mungkin maksudnya %q?"
	msgRefNotMapping       = "berkas rumpun pendidikan harus berisi version dan rumpun"
	msgRefFamilyNotMapping = "setiap rumpun harus berisi nama, keterangan, dan jurusan"
	msgRefFamilyNoName     = "rumpun tanpa nama"
	msgRefDupFamily        = "rumpun %q tercantum dua kali (sudah ada sebagai %q)"
	msgRefEmptyMajor       = "nama jurusan kosong"
	msgRefDupMajor         = "jurusan %q tercantum dua kali: sudah masuk rumpun %q di baris %d; satu jurusan hanya boleh masuk satu rumpun"

	msgPolicyNotMapping   = "berkas kebijakan harus berisi name, version, effective, params, rules, scoring"
	msgHeaderTwice        = "%s sudah dideklarasikan di %s; name, version, effective dan description ditulis di satu berkas saja"
	msgParamsNotMapping   = "params harus berisi pasangan nama: nilai"
	msgBadParamName       = "nama param %q tidak sah: pakai huruf kecil, angka dan garis bawah (contoh: masa_jabatan_min_tahun)"
	msgBadParamValue      = "nilai param %q harus angka, teks, ya/tidak (true/false) atau daftar teks"
	msgDupParam           = "param %q sudah dideklarasikan di %s baris %d"
	msgExprNotText        = "%s harus berupa satu ekspresi (teks)"
	msgRuleNotMapping     = "setiap aturan harus berisi id, title, require, severity, message dan basis"
	msgRuleNoID           = "aturan tanpa id"
	msgBadRuleID          = "id aturan %q tidak sah: pakai huruf kecil, angka dan tanda minus (contoh: masa-jabatan-minimal)"
	msgRuleNoRequire      = "aturan %s tidak punya require (syarat yang harus dipenuhi)"
	msgRuleNoTitle        = "aturan %s tidak punya title (judul)"
	msgRuleNoMessage      = "aturan %s tidak punya message (pesan penjelasan)"
	msgRuleNoBasis        = "aturan %s tidak punya basis (dasar hukum, misalnya \"PP 11/2017 Pasal 190\")"
	msgRuleNoSeverity     = "aturan %s tidak punya severity (block, warn atau info)"
	msgBadSeverity        = "severity %q tidak dikenal; pilihan: block, warn, info"
	msgBadSeveritySuggest = "severity %q tidak dikenal; mungkin maksudnya %q? (pilihan: block, warn, info)"
	msgDupRule            = "id aturan %q sudah dipakai di %s baris %d"
	msgTooManyRules       = "terlalu banyak aturan: %s (paling banyak %s)"
	msgTermNotMapping     = "setiap unsur scoring harus berisi id, title, weight dan value"
	msgTermNoID           = "unsur scoring tanpa id"
	msgTermNoValue        = "unsur scoring %s tidak punya value (ekspresi nilai 0 sampai 1)"
	msgTermNoWeight       = "unsur scoring %s tidak punya weight (bobot)"
	msgBadWeight          = "bobot %q bukan angka"
	msgNegativeWeight     = "bobot %s negatif; bobot harus 0 atau lebih (bobot negatif membalik urutan kandidat tanpa terlihat di putusan)"
	msgDupTerm            = "id unsur scoring %q sudah dipakai di %s baris %d"
	msgNoHeader           = "kebijakan belum menyebut name, version dan effective (tanggal berlaku)"
	msgNoName             = "kebijakan tidak punya name"
	msgNoVersion          = "kebijakan tidak punya version"
	msgNoEffective        = "kebijakan tidak punya effective (tanggal mulai berlaku, YYYY-MM-DD)"
	msgNoPolicyFiles      = "tidak ada berkas kebijakan (*.yaml) di %s"

	msgReloadActivated   = "kebijakan %s dipakai (%s)"
	msgReloadRefused     = "DITOLAK, tetap memakai %s: %v"
	msgReloadSame        = "kebijakan tidak berubah, tetap memakai %s (%s)"
	msgReloadSameFailing = "kebijakan tidak berubah, tetap memakai %s, tetapi %v"
	msgTestsPassed       = "uji kebijakan: %s kasus lulus"
	msgNoTestCases       = "tanpa uji kebijakan"
	msgTestsFailed       = "uji kebijakan gagal: %s dari %s kasus tidak lulus"
	msgTestFileBroken    = "berkas uji kebijakan (*_test.yaml) rusak (%d kesalahan); perbaiki berkas uji itu"

	msgExprTooLong     = "%s terlalu panjang (%s karakter, paling banyak %s); pecah menjadi beberapa aturan"
	msgExprEmpty       = "%s kosong"
	msgExprInvalid     = "%s tidak dapat dipahami: %s"
	msgExprNotBool     = "%s harus menghasilkan benar/salah, bukan %s"
	msgExprNotNumber   = "%s harus menghasilkan angka, bukan %s"
	msgUnknownField    = "%s tidak punya data %q"
	msgUnknownParam    = "param %q tidak dideklarasikan di params"
	msgUnknownFunction = "fungsi %q tidak dikenal"
	msgUnknownName     = "nama %q tidak dikenal (yang ada: employee, current, target, aspiration, params, today)"
	msgDidYouMean      = "; mungkin maksudnya %q?"
	msgTemplateOpen    = "tanda {{ di pesan tidak ditutup dengan }}"

	msgMissingFact   = "data belum lengkap: %s kosong — tidak dapat dinilai, dianggap tidak terpenuhi"
	msgMissingParam  = "tidak dapat dinilai: %s"
	msgNoTargetRun   = "tidak dapat dinilai: tidak ada jabatan tujuan"
	msgRuntimeError  = "tidak dapat dinilai: %s"
	msgNotApplicable = "tidak berlaku"

	msgLintUnusedParam = "param %q tidak dipakai oleh aturan atau scoring mana pun"
	msgLintZeroWeight  = "bobot %s nol: unsur ini tidak berpengaruh"
	msgLintNoWeight    = "jumlah bobot scoring nol: semua calon mendapat skor yang sama"
	msgLintDominant    = "bobot %s (%g) lebih dari separuh jumlah bobot (%g): unsur lain hampir tidak berpengaruh"
	msgLintNoReference = "berkas %s tidak ada: jurusan hanya cocok bila namanya disebut persis"
	msgLintFallback    = "ekspresi %s dijalankan lewat jalur lambat (%s); tetap benar, tetapi lebih lambat"

	msgReloadFailed = "kebijakan baru tidak dipakai; kebijakan lama tetap berlaku"
)

func formatMsg(format string, args ...any) string { return fmt.Sprintf(format, args...) }

var exprErrorRewrites = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`^invalid operation: (\S+) \(mismatched types (\S+) and (\S+)\)`), "operasi $1 tidak bisa dipakai antara $2 dan $3"},
	{regexp.MustCompile(`^compilation failed: expression exceeds maximum allowed nodes`), "ekspresi terlalu besar (lebih dari " + mutasi.FormatInt(MaxExprNodes) + " unsur); pecah menjadi beberapa aturan"},
	{regexp.MustCompile(`^unexpected token (.*)`), "tanda tidak terduga: $1"},
	{regexp.MustCompile(`^unknown name (.*)`), "nama tidak dikenal: $1"},
	{regexp.MustCompile(`^not enough arguments to call (\S+)`), "argumen fungsi $1 kurang"},
	{regexp.MustCompile(`^too many arguments to call (\S+)`), "argumen fungsi $1 terlalu banyak"},
	{regexp.MustCompile(`^cannot use (\S+) as argument \(type (\S+)\) to call (\S+)`), "fungsi $3 menerima $2, bukan $1"},
	{regexp.MustCompile(`^no matching overload for (\S+)`), "argumen fungsi $1 tidak sesuai"},
	{regexp.MustCompile(`^literal not terminated`), "tanda kutip tidak ditutup"},
}

// translateExprError rewrites expr's English messages that policy staff
// meet most into Indonesian, naming types in their words.
func translateExprError(msg string) string {
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	for _, r := range exprErrorRewrites {
		if r.re.MatchString(msg) {
			msg = r.re.ReplaceAllString(msg, r.with)
			break
		}
	}
	return typeWords.Replace(msg)
}

var typeWords = strings.NewReplacer(
	"time.Time", "tanggal", "time.Duration", "lama waktu", "float64", "angka", "int", "bilangan bulat",
	"string", "teks", "bool", "benar/salah", "[]teks", "daftar teks",
	"rules.EmployeeFacts", "employee", "*rules.PositionFacts", "target", "rules.PositionFacts", "jabatan",
)

func typeName(t reflect.Type) string {
	if t == nil {
		return "nilai tak tentu"
	}
	if t == reflect.TypeOf(time.Time{}) {
		return "tanggal"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "benar/salah"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "bilangan bulat"
	case reflect.Float64:
		return "angka"
	case reflect.String:
		return "teks"
	case reflect.Slice:
		return "daftar"
	case reflect.Interface:
		return "nilai tak tentu"
	}
	return typeWords.Replace(t.String())
}

// Policy test files.
const (
	msgTestNotMapping     = "berkas uji harus berisi today, defaults dan cases"
	msgTestCaseNotMapping = "setiap kasus uji harus berisi name, data pegawai/jabatan, dan expect"
	msgTestNoToday        = "kasus uji tanpa tanggal (today)"
	msgTestExpect         = "expect harus berisi eligible, failing dan/atau message_contains"
	msgTestBool           = "%s harus true atau false"
	msgTestSection        = "data %s harus berupa pasangan kolom: nilai"
	msgTestNumber         = "%q bukan angka"
)
