package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const policiesDir = "../../policies"

// fixtureEnv is a database with the valid fixtures and the default policy.
func fixtureEnv(t *testing.T) map[string]string {
	t.Helper()
	env := newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	importFixtures(t, env)
	return env
}

func TestCheckExplainsEveryRule(t *testing.T) {
	env := fixtureEnv(t)
	out, _ := mustRun(t, env, exitOK, "check", "199511032019032002", "--to", "YANKES-DOKTER", "--date", "2026-03-01")
	for _, want := range []string{
		"Pemeriksaan syarat mutasi — Nur Aini (NIP 19951103 201903 2 002)\n",
		"Tanggal penilaian: 2026-03-01\n",
		"Jabatan tujuan:   Dokter Ahli Pertama (YANKES-DOKTER) — Bidang Pelayanan Kesehatan\n",
		"✅ Masa jabatan minimal — 7 tahun di jabatan sekarang (minimal 2 tahun)\n",
		"❌ Kinerja dua tahun terakhir — tahun lalu Baik, dua tahun lalu Butuh Perbaikan",
		"❌ Golongan minimal — golongan II/c; jabatan tujuan meminta minimal III/b\n",
		"✅ Formasi tersedia — kebutuhan 4, pemangku 1: lowongan 3\n",
		"Skor prioritas: 52,5 dari 100",
		"Kesimpulan: belum memenuhi syarat — 4 syarat tidak terpenuhi: Kinerja dua tahun terakhir, Kesesuaian pendidikan, Golongan minimal, Beban jabatan asal.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// Every one of the 12 rules is accounted for: shown, or named as not
	// judged without a target.
	general, _ := mustRun(t, env, exitOK, "check", "19900412 201503 2 001", "--date", "2026-03-01")
	if !strings.Contains(general, "Tidak dinilai tanpa jabatan tujuan: Batas usia pensiun, Kesesuaian pendidikan, Golongan minimal, Tingkat jabatan, Formasi tersedia\n") {
		t.Errorf("general check does not name the rules it did not judge:\n%s", general)
	}
	if got := strings.Count(general, "\n✅ ") + strings.Count(general, "\n❌ ") + strings.Count(general, "\nℹ️ ") + strings.Count(general, "\n⚠️ "); got != 7 {
		t.Errorf("general check shows %d rule lines, want 7:\n%s", got, general)
	}
}

// The JSON of check is a contract (docs/json.md, "mutasi check --json").
func TestCheckJSONMatchesDesign(t *testing.T) {
	env := fixtureEnv(t)
	out, _ := mustRun(t, env, exitOK, "check", "199004122015032001", "--date", "2026-03-01", "--json")
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"nip", "target", "eligible", "policy_version", "score", "rules"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("check --json lacks %q", key)
		}
	}
	if string(doc["target"]) != "null" || string(doc["nip"]) != `"199004122015032001"` || string(doc["eligible"]) != "false" {
		t.Errorf("target %s, nip %s, eligible %s", doc["target"], doc["nip"], doc["eligible"])
	}
	var version string
	json.Unmarshal(doc["policy_version"], &version)
	if !strings.HasPrefix(version, "2026.1+") || len(version) != len("2026.1+")+12 {
		t.Errorf("policy_version = %q, want declared version + content hash", version)
	}
	var rules []struct {
		ID       string `json:"id"`
		Passed   *bool  `json:"passed"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal(doc["rules"], &rules); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		if r.Passed == nil || !slices.Contains([]string{"block", "warn", "info"}, r.Severity) || r.Message == "" {
			t.Errorf("rule %+v lacks passed, a valid severity or a message", r)
		}
	}
	want := []string{"masa-jabatan-minimal", "masa-jabatan-maksimal", "kinerja-dua-tahun", "bebas-hukuman-disiplin",
		"tidak-tugas-belajar", "batas-usia-pensiun", "kesesuaian-pendidikan", "golongan-minimal",
		"tingkat-jabatan", "formasi-tersedia", "beban-unit-asal", "status-pns"}
	slices.Sort(ids)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("rule ids %v, want %v", ids, want)
	}

	withTarget, _ := mustRun(t, env, exitOK, "check", "199004122015032001", "--to", "YANKES-DOKTER", "--date", "2026-03-01", "--json")
	if !strings.Contains(withTarget, `"target": "YANKES-DOKTER"`) {
		t.Errorf("check --to --json does not name the target:\n%s", withTarget)
	}
}

// The date makes an answer reproducible: the same question on two dates
// can differ, and on one date never does.
func TestCheckDateIsReproducible(t *testing.T) {
	env := fixtureEnv(t)
	// Agus Salim took his post on 2019-07-01: under 2 years in mid-2020.
	early, _ := mustRun(t, env, exitOK, "check", "197803152005011003", "--date", "2020-06-30", "--json")
	late, _ := mustRun(t, env, exitOK, "check", "197803152005011003", "--date", "2026-03-01", "--json")
	again, _ := mustRun(t, env, exitOK, "check", "197803152005011003", "--date", "2026-03-01", "--json")
	if late != again {
		t.Error("the same check on the same date gave different answers")
	}
	passed := func(doc, id string) bool {
		var d struct {
			Rules []struct {
				ID     string `json:"id"`
				Passed bool   `json:"passed"`
			} `json:"rules"`
		}
		json.Unmarshal([]byte(doc), &d)
		for _, r := range d.Rules {
			if r.ID == id {
				return r.Passed
			}
		}
		t.Fatalf("rule %s missing", id)
		return false
	}
	if passed(early, "masa-jabatan-minimal") || !passed(late, "masa-jabatan-minimal") {
		t.Errorf("masa-jabatan-minimal: 2020-06-30 passed=%v, 2026-03-01 passed=%v; want false, true",
			passed(early, "masa-jabatan-minimal"), passed(late, "masa-jabatan-minimal"))
	}
}

func TestCheckBadInput(t *testing.T) {
	env := fixtureEnv(t)
	broken := t.TempDir()
	for _, f := range []string{"mutasi.yaml", "rumpun_pendidikan.yaml"} {
		b, err := os.ReadFile(filepath.Join(policiesDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "mutasi.yaml" {
			b = []byte(strings.Replace(string(b), "employee.masa_jabatan_bulan >=", "employee.masa_jabatn_bulan >=", 1))
		}
		os.WriteFile(filepath.Join(broken, f), b, 0o644)
	}
	brokenEnv := map[string]string{"MUTASI_DB": env["MUTASI_DB"], "MUTASI_POLICIES": broken}

	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"no NIP", env, []string{"check"}, exitUsage, "perlu NIP pegawai"},
		{"bad date", env, []string{"check", "199004122015032001", "--date", "01-03-2026"}, exitUsage, `--date: "01-03-2026" bukan tanggal berformat YYYY-MM-DD`},
		{"short NIP", env, []string{"check", "1990041220150320"}, exitFailure, "NIP harus 18 digit"},
		{"unknown NIP", env, []string{"check", "199101012015031001"}, exitFailure, "pegawai dengan NIP 19910101 201503 1 001 tidak ada di basis data"},
		{"target typo", env, []string{"check", "199004122015032001", "--to", "YANKES-DOKTR"}, exitFailure, "jabatan tujuan YANKES-DOKTR tidak ada atau tidak aktif; maksudnya YANKES-DOKTER?"},
		{"broken policy", brokenEnv, []string{"check", "199004122015032001"}, exitFailure, "mutasi.yaml:"},
		{"text with a newline", env, []string{"check", "1990\n04122015032001"}, exitFailure, "NIP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut := mustRun(t, tt.env, tt.code, tt.args...)
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want containing %q", errOut, tt.want)
			}
		})
	}
	// The broken policy names the misspelt field and suggests the right one.
	_, errOut := mustRun(t, brokenEnv, exitFailure, "check", "199004122015032001")
	if !strings.Contains(errOut, "masa_jabatan_bulan") {
		t.Errorf("broken policy error gives no suggestion: %q", errOut)
	}
}
