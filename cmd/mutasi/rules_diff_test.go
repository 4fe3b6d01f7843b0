package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policyCopy copies the default policy (rules, reference, tests) into a new directory, applying
// textual replacements (old, new, old, new, ...) to mutasi.yaml.
func policyCopy(t *testing.T, replacements ...string) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(policiesDir, "*.yaml"))
	if err != nil || len(files) < 3 {
		t.Fatalf("policy files %v, %v", files, err)
	}
	for _, path := range files {
		f := filepath.Base(path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == "mutasi.yaml" {
			for i := 0; i+1 < len(replacements); i += 2 {
				if !strings.Contains(s, replacements[i]) {
					t.Fatalf("policy has no %q", replacements[i])
				}
				s = strings.Replace(s, replacements[i], replacements[i+1], 1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// demoEnv is a database with a small demo pemda and the default policy.
func demoEnv(t *testing.T) map[string]string {
	t.Helper()
	env := newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	mustRun(t, env, exitOK, "demo", "--employees", "400", "--seed", "5", "--date", "2026-03-01")
	return env
}

func TestRulesDiffReportsVerdictChangesAndCauses(t *testing.T) {
	env := demoEnv(t)
	stricter := policyCopy(t, "masa_jabatan_min_tahun: 2", "masa_jabatan_min_tahun: 3",
		"message: \"tidak sedang menjalani hukuman disiplin\"", "message: \"bebas dari hukuman disiplin\"")
	out, _ := mustRun(t, env, exitOK, "rules", "diff", policiesDir, stricter, "--date", "2026-03-01")
	for _, want := range []string{
		"Tanggal penilaian 2026-03-01 · 400 pegawai aktif · ",
		"  parameter masa_jabatan_min_tahun: 2 → 3\n",
		"  aturan diubah: bebas-hukuman-disiplin (message)\n",
		"menjadi memenuhi syarat: 0\n",
		"    masa-jabatan-minimal (Masa jabatan minimal): kini menolak ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff output lacks %q:\n%s", want, out)
		}
	}

	js, _ := mustRun(t, env, exitOK, "rules", "diff", policiesDir, stricter, "--date", "2026-03-01", "--json")
	var doc struct {
		Date    string `json:"date"`
		General struct {
			Total  int `json:"total"`
			Lost   int `json:"became_ineligible"`
			Causes []struct {
				Rule          string `json:"rule"`
				NewlyBlocking int    `json:"newly_blocking"`
			} `json:"causes"`
			Samples []struct {
				NIP string `json:"nip"`
			} `json:"became_ineligible_sample"`
		} `json:"general"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("diff --json: %v\n%s", err, js)
	}
	g := doc.General
	if doc.Date != "2026-03-01" || g.Total != 400 || g.Lost == 0 || len(g.Causes) != 1 ||
		g.Causes[0].Rule != "masa-jabatan-minimal" || g.Causes[0].NewlyBlocking != g.Lost || len(g.Samples) != min(10, g.Lost) {
		t.Errorf("diff JSON = %+v", doc)
	}
}

func TestRulesDiffOfIdenticalPolicies(t *testing.T) {
	env := fixtureEnv(t)
	out, _ := mustRun(t, env, exitOK, "rules", "diff", policiesDir, policyCopy(t), "--date", "2026-03-01")
	for _, want := range []string{"tidak ada: isi berkas sama persis", "menjadi tidak memenuhi syarat: 0 · menjadi memenuhi syarat: 0", "Kandidat teratas berganti pada 0 dari 2 lowongan."} {
		if !strings.Contains(out, want) {
			t.Errorf("identical diff lacks %q:\n%s", want, out)
		}
	}
}

func TestRulesDiffBadInput(t *testing.T) {
	env := fixtureEnv(t)
	broken := policyCopy(t, "severity: block", "severity: blok")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"rules", "diff", policiesDir}, exitUsage, "perlu dua direktori kebijakan"},
		{[]string{"rules", "diff", policiesDir, broken}, exitFailure, "kebijakan baru (" + broken + "): kebijakan tidak dapat dipakai (1 kesalahan)"},
		{[]string{"rules", "diff", policiesDir, filepath.Join(t.TempDir(), "tidak-ada")}, exitFailure, "kebijakan baru"},
		{[]string{"rules", "diff", policiesDir, policiesDir, "--samples", "-1"}, exitUsage, "--samples"},
		{[]string{"rules", "diff", policiesDir, policiesDir, "--samples", "0"}, exitUsage, "--samples harus antara 1 dan 1.000, bukan 0"},
	}
	for _, tt := range tests {
		_, errOut := mustRun(t, env, tt.code, tt.args...)
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("mutasi %s: stderr %q, want containing %q", strings.Join(tt.args, " "), errOut, tt.want)
		}
	}
	_, errOut := mustRun(t, env, exitFailure, "rules", "diff", policiesDir, broken)
	if !strings.Contains(errOut, "mutasi.yaml:") || !strings.Contains(errOut, "blok") {
		t.Errorf("broken policy error does not point at the file and value: %q", errOut)
	}
}
