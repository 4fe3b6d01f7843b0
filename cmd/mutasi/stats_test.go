package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestStatsShowsTreeAndGrades(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	out, _ := mustRun(t, env, exitOK, "stats")

	for _, want := range []string{
		"Pegawai    6 aktif: PNS 5, PPPK 1",
		"jam kerja efektif 1.250 jam/tahun",
		"Kelas unit: A 2 · B 1 · C 0 · D 0 · E 0 · tanpa beban kerja 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stats output lacks %q:\n%s", want, out)
		}
	}
	// BKPSDM.MUT: 4 holders, 1300 + 4062.5 + 1875 = 7237.5 h → EJ 1,45, A;
	// shown indented under its parent BKPSDM (1250 h, 1 holder → 1,00, B).
	rows := []struct{ re string }{
		{`(?m)^BKPSDM +Badan Kepegawaian.* 1 +1 +1 +1\.250 +1,00 +B$`},
		{`(?m)^  BKPSDM\.MUT +Bidang Mutasi.* 3 +4 +6 +7\.238 +1,45 +A$`},
		{`(?m)^  DINKES\.YANKES +Bidang Pelayanan Kesehatan.* 1 +1 +4 +5\.100 +4,08 +A$`},
		{`(?m)^SETDA +Sekretariat Daerah +0 +0 +0 +0 +0,00 +-$`},
	}
	for _, r := range rows {
		if !regexp.MustCompile(r.re).MatchString(out) {
			t.Errorf("stats output has no line matching %s:\n%s", r.re, out)
		}
	}
	if strings.Index(out, "BKPSDM.MUT") < strings.Index(out, "BKPSDM ") {
		t.Error("child unit printed before its parent")
	}
}

func TestStatsJSONAndEffectiveHours(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	out, _ := mustRun(t, env, exitOK, "stats", "--json", "--jam-efektif", "1200")
	var got struct {
		EffectiveHours float64        `json:"effective_hours"`
		Counts         map[string]int `json:"counts"`
		Units          []struct {
			UnitID  string   `json:"unit_id"`
			IndukID *string  `json:"induk_id"`
			EJ      *float64 `json:"ej"`
			Grade   string   `json:"grade"`
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stats --json is not JSON: %v\n%s", err, out)
	}
	if got.EffectiveHours != 1200 || got.Counts["employees"] != 6 {
		t.Errorf("effective_hours %v, employees %d", got.EffectiveHours, got.Counts["employees"])
	}
	found := false
	for _, u := range got.Units {
		if u.UnitID == "BKPSDM.MUT" {
			found = true
			// 7237.5 / (4 × 1200) = 1.508, published as 1.51
			if u.EJ == nil || *u.EJ != 1.51 || u.Grade != "A" || u.IndukID == nil || *u.IndukID != "BKPSDM" {
				t.Errorf("BKPSDM.MUT = %+v", u)
			}
		}
	}
	if !found {
		t.Error("BKPSDM.MUT missing from JSON")
	}
}

func TestStatsBadInput(t *testing.T) {
	env := newDB(t)
	_, errOut := mustRun(t, env, exitFailure, "stats")
	if !strings.Contains(errOut, "belum ada; buat dengan 'mutasi demo'") {
		t.Errorf("missing database: stderr %q", errOut)
	}
	_, errOut = mustRun(t, env, exitUsage, "stats", "--jam-efektif", "0")
	if !strings.Contains(errOut, "--jam-efektif harus bilangan positif") {
		t.Errorf("zero hours: stderr %q", errOut)
	}
}

func TestBackupCopiesAndNeverOverwrites(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	dest := filepath.Join(t.TempDir(), "cadangan.db")
	out, _ := mustRun(t, env, exitOK, "backup", dest)
	if !strings.Contains(out, "ditulis ke "+dest) {
		t.Errorf("backup output %q", out)
	}
	want, _ := mustRun(t, env, exitOK, "stats", "--json")
	got, _ := mustRun(t, map[string]string{"MUTASI_DB": dest}, exitOK, "stats", "--json")
	if got != want {
		t.Errorf("backup differs from the original:\n got %s\nwant %s", got, want)
	}
	_, errOut := mustRun(t, env, exitFailure, "backup", dest)
	if !strings.Contains(errOut, "sudah ada; cadangan tidak menimpa") {
		t.Errorf("second backup: stderr %q", errOut)
	}
	mustRun(t, env, exitUsage, "backup")
	_, errOut = mustRun(t, env, exitFailure, "backup", filepath.Join(t.TempDir(), "tidak-ada", "c.db"))
	if !strings.Contains(errOut, "tidak-ada tidak ada; buat dulu direktori itu") {
		t.Errorf("backup into a missing directory: stderr %q", errOut)
	}
}

// Without --jam-efektif, EJ uses the policy's jam_kerja_efektif, so that
// stats and the rules never disagree about a unit's load.
func TestStatsTakesEffectiveHoursFromThePolicy(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	env["MUTASI_POLICIES"] = policyCopy(t, "jam_kerja_efektif: 1250", "jam_kerja_efektif: 1200")
	out, _ := mustRun(t, env, exitOK, "stats")
	// BKPSDM.MUT: 7237.5 / (4 × 1200) = 1.51
	if !strings.Contains(out, "jam kerja efektif 1.200 jam/tahun") || !regexp.MustCompile(`(?m)^  BKPSDM\.MUT .* 1,51  A$`).MatchString(out) {
		t.Errorf("stats did not use the policy's 1200 hours:\n%s", out)
	}
	env["MUTASI_POLICIES"] = t.TempDir() // no policy: the regulation's default
	out, _ = mustRun(t, env, exitOK, "stats")
	if !strings.Contains(out, "jam kerja efektif 1.250 jam/tahun") {
		t.Errorf("stats without a policy:\n%s", out)
	}
}
