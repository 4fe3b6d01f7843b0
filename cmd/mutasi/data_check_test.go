package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// mutuEnv is a database with a few doubtful records (testdata/mutu): an
// employee without tmt_jabatan, an abbreviated major, a position without
// workload, a unit without positions.
func mutuEnv(t *testing.T) (env map[string]string, importOut string) {
	t.Helper()
	env = newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	importOut, _ = mustRun(t, env, exitOK, "import", "all", filepath.Join("testdata", "mutu"))
	return env, importOut
}

// qualityDoc is the part of the JSON report the tests read.
type qualityDoc struct {
	Date    string
	Total   int
	Records map[string]int
	Kinds   []struct {
		ID, Severity string
		Count        int
		Skipped      string
		Items        []map[string]string
	}
}

func runQualityJSON(t *testing.T, env map[string]string, args ...string) qualityDoc {
	t.Helper()
	out, _ := mustRun(t, env, exitOK, append([]string{"data", "periksa", "--json", "--date", "2026-03-01"}, args...)...)
	var doc qualityDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return doc
}

func (d qualityDoc) counts() map[string]int {
	m := map[string]int{}
	for _, k := range d.Kinds {
		if k.Count > 0 {
			m[k.ID] = k.Count
		}
	}
	return m
}

func TestDataCheckAfterImport(t *testing.T) {
	env, importOut := mutuEnv(t)
	if want := "Pemeriksaan mutu data: 4 catatan perlu diperiksa (2 tinggi, 1 sedang, 1 rendah) — mutasi data periksa\n"; !strings.HasSuffix(importOut, want) {
		t.Errorf("import all ends:\n%s\nwant it to end with %q", importOut, want)
	}
	doc := runQualityJSON(t, env)
	want := map[string]int{"pegawai-tanpa-tmt-jabatan": 1, "jurusan-tidak-dikenal": 1, "jabatan-tanpa-beban-kerja": 1, "unit-tanpa-jabatan": 1}
	if got := doc.counts(); !mapsEqualInt(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
	if doc.Date != "2026-03-01" || doc.Total != 4 || doc.Records["employees"] != 4 || doc.Records["aspirations"] != 1 || len(doc.Kinds) != 13 {
		t.Errorf("date %s, total %d, records %v, %d kinds", doc.Date, doc.Total, doc.Records, len(doc.Kinds))
	}
	for _, k := range doc.Kinds {
		if k.ID == "jurusan-tidak-dikenal" {
			if it := k.Items[0]; it["nip"] != "199202022016042001" || it["value"] != "Tek. Informatika" || it["suggestion"] != "Teknik Informatika" || it["unit_id"] != "BKD" {
				t.Errorf("major item %v", it)
			}
		}
	}

	// --replace leaves a chosen position inactive: the store lists only
	// active rows, and the report finds the aspiration by its id.
	out, _ := mustRun(t, env, exitOK, "import", "positions", filepath.Join("testdata", "mutu-positions-baru.csv"), "--replace")
	if !strings.Contains(out, "Pemeriksaan mutu data: 5 catatan perlu diperiksa") {
		t.Errorf("import --replace says:\n%s", out)
	}
	doc = runQualityJSON(t, env)
	if got := doc.counts()["aspirasi-ke-nonaktif"]; got != 1 {
		t.Errorf("aspirasi-ke-nonaktif %d, want 1 (%v)", got, doc.counts())
	}

	// A dry run stores nothing, and says nothing about quality.
	out, _ = mustRun(t, env, exitOK, "import", "units", filepath.Join("testdata", "mutu", "units.csv"), "--dry-run")
	if strings.Contains(out, "mutu data") {
		t.Errorf("dry run of one table reports quality:\n%s", out)
	}
}

func mapsEqualInt(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestDataCheckText(t *testing.T) {
	env, _ := mutuEnv(t)
	out, _ := mustRun(t, env, exitOK, "data", "periksa", "--date", "2026-03-01")
	for _, want := range []string{
		"Pemeriksaan mutu data — tanggal penilaian 2026-03-01 · kebijakan mutasi-default ",
		"Diperiksa: 4 unit, 4 jabatan, 4 pegawai aktif, 1 aspirasi\n",
		"4 catatan perlu diperiksa (2 tinggi, 1 sedang, 1 rendah).\n",
		"Pegawai tanpa tmt_jabatan                                tinggi        1  pegawai-tanpa-tmt-jabatan\n",
		"Aspirasi ke jabatan atau unit nonaktif                   sedang        0  aspirasi-ke-nonaktif\n",
		"\nJurusan yang tidak dikenal daftar rumpun — sedang, 1 catatan\n  Mengapa penting: ",
		"  · 19920202 201604 2 001 Siti Aminah (BKD-PEL, BKD): pendidikan_jurusan \"Tek. Informatika\" — tidak ada di daftar rumpun; mungkin maksudnya Teknik Informatika\n",
		"  · BKD-NOL Pengelola Data (BKD): beban_kerja_jam \"0\" — beban kerja 0 jam, kebutuhan 1, pemangku 1\n",
		"  · ARSIP Bidang Arsip: unit_id \"ARSIP\" — tidak ada jabatan aktif dan tidak ada subunit aktif\n",
		"\nDaftar lengkap, satu lembar per jenis untuk dikirim ke unit: mutasi data periksa --out laporan-mutu-data.xlsx\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDataCheckXLSX(t *testing.T) {
	env, _ := mutuEnv(t)
	path := filepath.Join(t.TempDir(), "laporan.xlsx")
	_, errOut := mustRun(t, env, exitOK, "data", "periksa", "--date", "2026-03-01", "--out", path)
	if !strings.Contains(errOut, "Laporan lengkap (4 catatan) ditulis ke "+path) {
		t.Errorf("stderr: %s", errOut)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := []string{"ringkasan", "pegawai-tanpa-tmt-jabatan", "jurusan-tidak-dikenal", "jabatan-tanpa-beban-kerja", "unit-tanpa-jabatan"}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, err := x.GetRows("pegawai-tanpa-tmt-jabatan")
	if err != nil {
		t.Fatal(err)
	}
	wantRows := [][]string{
		{"nip", "nama", "unit_id", "jabatan_id", "kolom", "nilai", "saran", "keterangan"},
		{"199001012015031001", "'-Budi Santoso", "BKD", "BKD-PEL", "tmt_jabatan", "", "",
			"tmt_jabatan kosong: lama di jabatan sekarang tidak diketahui; tmt_cpns 2015-03-01"},
	}
	if !slices.EqualFunc(rows, wantRows, slices.Equal) {
		t.Errorf("rows %q, want %q", rows, wantRows)
	}
	rows, _ = x.GetRows("jabatan-tanpa-beban-kerja")
	if want := []string{"jabatan_id", "unit_id", "nama", "kolom", "nilai", "saran", "keterangan"}; !slices.Equal(rows[0], want) {
		t.Errorf("positions header %q", rows[0])
	}
}

func TestDataCheckOut(t *testing.T) {
	env, _ := mutuEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "laporan.xlsx")
	mustRun(t, env, exitOK, "data", "periksa", "--out", path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "folder.xlsx"), 0o755)
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"existing file", []string{"--out", path}, exitFailure, path + " sudah ada; pakai --force untuk menimpanya"},
		{"missing directory", []string{"--out", filepath.Join(dir, "tidak-ada", "x.xlsx")}, exitFailure,
			"direktori " + filepath.Join(dir, "tidak-ada") + " tidak ada; buat dulu direktori itu"},
		{"a directory", []string{"--out", filepath.Join(dir, "folder.xlsx")}, exitFailure, "adalah direktori; tulis ke sebuah berkas"},
		{"not a workbook", []string{"--out", filepath.Join(dir, "x.csv")}, exitUsage, "--out harus berkas .xlsx"},
		{"an argument", []string{"semua"}, exitUsage, "tidak menerima argumen"},
		{"bad date", []string{"--date", "2026-02-30"}, exitUsage, "Februari 2026 hanya 28 hari"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut := mustRun(t, env, tt.code, append([]string{"data", "periksa"}, tt.args...)...)
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
		})
	}
	if after, _ := os.ReadFile(path); !slices.Equal(after, before) {
		t.Error("refused --out changed the file")
	}
	mustRun(t, env, exitOK, "data", "periksa", "--out", path, "--force", "--date", "2026-03-01")
	if after, _ := os.ReadFile(path); slices.Equal(after, before) {
		t.Error("--force did not rewrite the file")
	}
}

func TestDataCheckWithoutPolicyOrDatabase(t *testing.T) {
	env, _ := mutuEnv(t)
	env["MUTASI_POLICIES"] = filepath.Join(t.TempDir(), "tidak-ada")
	out, errOut := mustRun(t, env, exitOK, "data", "periksa", "--date", "2026-03-01")
	if !strings.Contains(errOut, "Peringatan: kebijakan "+env["MUTASI_POLICIES"]+" tidak dapat dimuat, jadi jurusan dan BUP tidak diperiksa") {
		t.Errorf("stderr: %s", errOut)
	}
	for _, want := range []string{"3 catatan perlu diperiksa", "— Jurusan yang tidak dikenal daftar rumpun: tidak diperiksa, kebijakan tidak dapat dimuat."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, errOut = mustRun(t, newDB(t), exitFailure, "data", "periksa")
	if !strings.Contains(errOut, "belum ada; buat dengan 'mutasi demo'") {
		t.Errorf("missing database: %s", errOut)
	}
}
