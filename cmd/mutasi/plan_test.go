package main

import (
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/store"
)

const demoDate = "2026-03-01"

// demoEnvN is a small demo pemda (deterministic) with the default policy.
func demoEnvN(t *testing.T, employees int) map[string]string {
	t.Helper()
	env := newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	mustRun(t, env, exitOK, "demo", "--employees", itoa(employees), "--date", demoDate)
	return env
}

func itoa(n int) string { return strings.TrimSpace(mutasi.FormatInt(n)) }

// serviceFor opens the same service the CLI uses, for comparing answers.
func serviceFor(t *testing.T, env map[string]string) (*placement.Service, *store.DB) {
	t.Helper()
	a := &app{DB: env["MUTASI_DB"], Policies: env["MUTASI_POLICIES"], Now: time.Now}
	svc, db, err := openService(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return svc, db
}

type planDoc struct {
	ID            int64   `json:"id"`
	PolicyVersion string  `json:"policy_version"`
	Objective     float64 `json:"objective"`
	Moves         []struct {
		N            int     `json:"n"`
		NIP          string  `json:"nip"`
		FromPosition string  `json:"from_position"`
		ToPosition   string  `json:"to_position"`
		Score        float64 `json:"score"`
		Reasons      []any   `json:"reasons"`
		Decision     struct {
			Eligible bool `json:"eligible"`
		} `json:"decision"`
	} `json:"moves"`
	Units []struct {
		UnitID   string   `json:"unit_id"`
		EJBefore *float64 `json:"ej_before"`
		EJAfter  *float64 `json:"ej_after"`
	} `json:"units"`
	Unfilled []struct {
		Position string `json:"position"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	} `json:"unfilled"`
}

func TestPlanRecommendAndProposeOnTheDemo(t *testing.T) {
	env := demoEnvN(t, 600)
	out, _ := mustRun(t, env, exitOK, "plan", "--date", demoDate, "--json")
	var plan planDoc
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("plan --json is not JSON: %v\n%s", err, out)
	}
	if plan.ID != 1 || len(plan.Moves) == 0 || len(plan.Units) == 0 || plan.PolicyVersion == "" {
		t.Fatalf("plan: id %d, %d moves, %d units, policy %q", plan.ID, len(plan.Moves), len(plan.Units), plan.PolicyVersion)
	}
	var sum float64
	for _, m := range plan.Moves {
		sum += m.Score
		if !m.Decision.Eligible || len(m.Reasons) == 0 {
			t.Errorf("move %d lacks its eligible decision or reasons", m.N)
		}
	}
	if d := sum - plan.Objective; d > 1e-6 || d < -1e-6 {
		t.Errorf("objective %v is not the sum of the move scores %v", plan.Objective, sum)
	}
	for _, u := range plan.Unfilled {
		if u.Message == "" {
			t.Errorf("unfilled %s has no reason", u.Position)
		}
	}

	// The text report, as a manager reads it.
	text, _ := mustRun(t, env, exitOK, "plan", "show", "1")
	for _, want := range []string{"Rencana mutasi #1 — tanggal penilaian 2026-03-01", "Sebaran EJ antarunit: simpangan baku",
		"Pindah (skor tertinggi dulu)", "  1. ", "alasan: ", "Beban unit (EJ sebelum → sesudah)"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan show lacks %q", want)
		}
	}
	list, _ := mustRun(t, env, exitOK, "plan", "list")
	if !strings.Contains(list, plan.PolicyVersion) || !strings.Contains(list, itoa(len(plan.Moves))) {
		t.Errorf("plan list:\n%s", list)
	}

	// recommend for the first move's target lists that move's employee
	// among the candidates, and says the same as the service.
	first := plan.Moves[0]
	out, _ = mustRun(t, env, exitOK, "recommend", first.ToPosition, "--date", demoDate, "--top", "50", "--json")
	var rec recommendationJSON
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	svc, _ := serviceFor(t, env)
	day, _ := mutasi.ParseDate(demoDate)
	direct, err := svc.Recommend(context.Background(), placement.Admin(), first.ToPosition, placement.RecommendOptions{Top: 50, Date: day})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(toRecommendationJSON(direct))
	got, _ := json.Marshal(rec)
	if string(got) != string(want) {
		t.Errorf("CLI and service disagree:\nCLI     %s\nservice %s", got, want)
	}
	found := false
	for _, c := range rec.Candidates {
		found = found || c.NIP == first.NIP
	}
	if !found {
		t.Errorf("the plan moves %s to %s, but recommend does not list them", first.NIP, first.ToPosition)
	}

	// Proposals from the plan keep the decision and the plan.
	out, _ = mustRun(t, env, exitOK, "plan", "propose", "1", "--move", "1")
	if !strings.Contains(out, "✓ pindah 1: usulan 1") {
		t.Errorf("propose: %s", out)
	}
	_, errOut := mustRun(t, env, exitFailure, "plan", "propose", "1", "--move", "1")
	if !strings.Contains(errOut, "pindah tidak dijadikan usulan") {
		t.Errorf("proposing the same move twice: %s", errOut)
	}
	props, err := svc.Proposals(context.Background(), placement.Admin(), first.NIP)
	if err != nil || len(props) != 1 || props[0].PlanID != 1 || !strings.Contains(props[0].Justification, `"eligible":true`) ||
		props[0].Status != mutasi.ProposalProposed {
		t.Fatalf("proposal from the plan: %+v, %v", props, err)
	}

	// Export: CSV with one row per move, XLSX with its three sheets.
	dir := t.TempDir()
	mustRun(t, env, exitOK, "plan", "export", "1", "--out", filepath.Join(dir, "rencana.csv"))
	csvText, _ := os.ReadFile(filepath.Join(dir, "rencana.csv"))
	if lines := strings.Count(string(csvText), "\n"); lines != len(plan.Moves)+1 {
		t.Errorf("CSV has %d lines, want %d moves + header", lines, len(plan.Moves))
	}
	mustRun(t, env, exitOK, "plan", "export", "1", "--out", filepath.Join(dir, "rencana.xlsx"))
	_, errOut = mustRun(t, env, exitFailure, "plan", "export", "1", "--out", filepath.Join(dir, "rencana.xlsx"))
	if !strings.Contains(errOut, "sudah ada; pakai --force") {
		t.Errorf("export over an existing file: %s", errOut)
	}

	// The chart of the plan is a PNG a phone can show.
	png1 := filepath.Join(dir, "beban.png")
	mustRun(t, env, exitOK, "chart", "workload", "--plan", "1", "--out", png1)
	f, err := os.Open(png1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil || img.Bounds().Dx() != 1080 {
		t.Fatalf("chart: %v, bounds %v", err, img.Bounds())
	}
}

func TestPlanProposeRefusesAnotherPolicyVersion(t *testing.T) {
	env := demoEnvN(t, 300)
	mustRun(t, env, exitOK, "plan", "--date", demoDate)
	// The same rules under a new version string.
	dir := policyCopy(t, `version: "2026.1"`, `version: "2026.2"`)
	env["MUTASI_POLICIES"] = dir
	_, errOut := mustRun(t, env, exitFailure, "plan", "propose", "1")
	if !strings.Contains(errOut, "rencana 1 dibuat dengan kebijakan mutasi-default 2026.1") ||
		!strings.Contains(errOut, "yang berlaku sekarang mutasi-default 2026.2") {
		t.Errorf("propose under another policy: %s", errOut)
	}
}

func TestPlanAndRecommendBadInput(t *testing.T) {
	env := demoEnvN(t, 200)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"recommend", "SETDA-XX-999"}, exitFailure, "jabatan SETDA-XX-999 tidak ada atau tidak aktif"},
		{[]string{"recommend", "--unit", "DINKESS"}, exitFailure, "unit DINKESS tidak ada atau tidak aktif; maksudnya DINKES?"},
		{[]string{"recommend"}, exitUsage, "perlu satu JABATAN_ID"},
		{[]string{"recommend", "A", "--unit", "B"}, exitUsage, "tidak keduanya"},
		{[]string{"plan", "show", "99"}, exitFailure, "rencana 99 tidak ada"},
		{[]string{"plan", "show", "satu"}, exitUsage, `"satu" bukan nomor rencana`},
		{[]string{"plan", "propose", "99"}, exitFailure, "rencana 99 tidak ada"},
		{[]string{"plan", "--out", filepath.Join(dir, "tidak-ada", "r.xlsx")}, exitFailure, "tidak-ada tidak ada"},
		{[]string{"plan", "--out", filepath.Join(dir, "r.pdf")}, exitUsage, "akhiran harus .csv atau .xlsx"},
		{[]string{"chart", "workload", "--out", filepath.Join(dir, "tidak-ada", "b.png")}, exitFailure, "tidak-ada tidak ada"},
		{[]string{"chart", "workload", "--out", filepath.Join(dir, "b.jpg")}, exitUsage, "akhiran harus .png"},
		{[]string{"chart", "workload", "--out", filepath.Join(dir, "b.png"), "--plan", "7"}, exitFailure, "rencana 7 tidak ada"},
	} {
		code, _, errOut := runCLI(t, env, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("mutasi %s: exit %d, stderr %q; want exit %d with %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.want)
		}
	}
}

// One answer, one code path: check --json is the service's decision.
func TestCheckIsTheServiceDecision(t *testing.T) {
	env := demoEnvN(t, 300)
	svc, _ := serviceFor(t, env)
	day, _ := mutasi.ParseDate(demoDate)
	org, err := svc.Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	vac := org.Vacancies()
	for i, e := range org.Employees[:40] {
		to := vac[i%len(vac)].ID
		out, _ := mustRun(t, env, exitOK, "check", e.NIP, "--to", to, "--date", demoDate, "--json")
		res, err := svc.Check(context.Background(), placement.Admin(), e.NIP, to, day)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(res.Decision)
		var got, wantDoc any
		json.Unmarshal([]byte(out), &got)
		json.Unmarshal(want, &wantDoc)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(wantDoc)
		if string(g) != string(w) {
			t.Fatalf("check %s --to %s: CLI %s\nservice %s", e.NIP, to, g, w)
		}
	}
}
