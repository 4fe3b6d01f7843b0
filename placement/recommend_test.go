package placement

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// smallOrg: a vacancy in unit UA (V0, any major, 2 places), a source
// position in UB whose workload lets people go, and employees to rank.
func smallOrg(emps ...*mutasi.Employee) *memDir {
	d := &memDir{aspirations: map[string]*mutasi.Aspiration{}}
	d.units = []*mutasi.Unit{
		{ID: "ROOT", Nama: "Pemda", Active: true},
		{ID: "UA", Nama: "Unit A", IndukID: "ROOT", Active: true},
		{ID: "UA1", Nama: "Sub A", IndukID: "UA", Active: true},
		{ID: "UB", Nama: "Unit B", IndukID: "ROOT", Active: true},
	}
	d.positions = []*mutasi.Position{
		{ID: "V0", UnitID: "UA1", Nama: "Analis Hukum", Jenis: mutasi.JenisPelaksana, Kebutuhan: 2,
			BebanKerjaJam: 2500, RumpunPendidikan: []string{"Hukum"}, Active: true},
		{ID: "S0", UnitID: "UB", Nama: "Pengadministrasi", Jenis: mutasi.JenisPelaksana, Kebutuhan: 10,
			BebanKerjaJam: 1250, Active: true},
		{ID: "A0", UnitID: "UA", Nama: "Staf Unit A", Jenis: mutasi.JenisPelaksana, Kebutuhan: 10,
			BebanKerjaJam: 1250, Active: true},
	}
	d.employees = emps
	return d
}

func TestAspirationsMoveTheRankingTheirWay(t *testing.T) {
	p := loadDefaultPolicy(t)
	a, b := person(1, "S0"), person(2, "S0")
	others := []*mutasi.Employee{person(3, "S0"), person(4, "S0")}
	d := smallOrg(append([]*mutasi.Employee{a, b}, others...)...)
	svc := newTestService(d, p)
	ctx := context.Background()
	rank := func() []string {
		t.Helper()
		r, err := svc.Recommend(ctx, Admin(), "V0", RecommendOptions{Top: 4})
		if err != nil {
			t.Fatal(err)
		}
		var nips []string
		for _, c := range r.Candidates {
			nips = append(nips, c.Employee.NIP)
		}
		return nips
	}
	// Equal in everything, a comes first by NIP.
	if got := rank(); got[0] != a.NIP {
		t.Fatalf("without aspirations the first is %s, want %s (NIP order)", got[0], a.NIP)
	}
	// b names V0 as first choice: b goes ahead.
	d.aspirations[b.NIP] = &mutasi.Aspiration{NIP: b.NIP, Pilihan: []string{"V0"}}
	if got := rank(); got[0] != b.NIP {
		t.Fatalf("with b's first choice V0 the first is %s, want b", got[0])
	}
	// a names V0's unit first... as the unit of the position: UA1.
	d.aspirations[a.NIP] = &mutasi.Aspiration{NIP: a.NIP, Pilihan: []string{"UA1"}}
	if got := rank(); got[0] != a.NIP {
		t.Fatalf("a and b both choose V0 first (a by unit): the first is %s, want a (NIP order)", got[0])
	}
	// Lower choices score lower, and no choice lowest.
	var scores []float64
	for _, choices := range [][]string{{"V0"}, {"X", "V0"}, {"X", "Y", "V0"}, nil} {
		if choices == nil {
			delete(d.aspirations, b.NIP)
		} else {
			d.aspirations[b.NIP] = &mutasi.Aspiration{NIP: b.NIP, Pilihan: choices}
		}
		r, err := svc.Recommend(ctx, Admin(), "V0", RecommendOptions{Top: 4})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Candidates {
			if c.Employee.NIP == b.NIP {
				scores = append(scores, c.Score)
			}
		}
	}
	for i := 1; i < len(scores); i++ {
		if !(scores[i] < scores[i-1]) {
			t.Fatalf("scores by choice 1, 2, 3, none = %v: want strictly falling", scores)
		}
	}
}

func TestNearMissesFailExactlyOneBlockingRule(t *testing.T) {
	p := loadDefaultPolicy(t)
	ok := person(1, "S0")
	short := person(2, "S0") // 21 months in post: masa-jabatan-minimal only
	short.TMTJabatan = testDay.AddDate(0, -21, 0)
	short.KotakTalenta = 9
	wrongMajor := person(3, "S0")
	wrongMajor.PendidikanJurusan = "Akuntansi"
	twoRules := person(4, "S0")
	twoRules.PendidikanJurusan = "Akuntansi"
	twoRules.TMTJabatan = testDay.AddDate(0, -3, 0)
	d := smallOrg(ok, short, wrongMajor, twoRules)
	svc := newTestService(d, p)
	r, err := svc.Recommend(context.Background(), Admin(), "V0", RecommendOptions{Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Candidates) != 1 || r.Candidates[0].Employee.NIP != ok.NIP {
		t.Fatalf("candidates = %v, want only %s", nips(r.Candidates), ok.NIP)
	}
	got := map[string]string{}
	for _, nm := range r.NearMisses {
		got[nm.Employee.NIP] = nm.Rule.ID
		org, _ := svc.Organisation(context.Background())
		d := p.Evaluate(org.Subject(nm.Employee), org.Target(org.Positions["V0"]), testDay)
		var blocking []string
		for _, rr := range d.Rules {
			if !rr.Passed && rr.Severity == rules.SeverityBlock {
				blocking = append(blocking, rr.Rule.ID)
			}
		}
		if len(blocking) != 1 || blocking[0] != nm.Rule.ID {
			t.Errorf("near miss %s names %s but fails %v", nm.Employee.NIP, nm.Rule.ID, blocking)
		}
		if nm.Message == "" {
			t.Errorf("an administrator sees the near miss's message; got none for %s", nm.Employee.NIP)
		}
	}
	want := map[string]string{short.NIP: "masa-jabatan-minimal", wrongMajor.NIP: "kesesuaian-pendidikan"}
	if len(got) != len(want) || got[short.NIP] != want[short.NIP] || got[wrongMajor.NIP] != want[wrongMajor.NIP] {
		t.Fatalf("near misses = %v, want %v (two blocking rules is not a near miss)", got, want)
	}
	if r.NearMisses[0].Employee.NIP != short.NIP {
		t.Errorf("near misses are ranked by score: first %s, want the talent-box-9 %s", r.NearMisses[0].Employee.NIP, short.NIP)
	}
	if !strings.Contains(r.NearMisses[0].Message, "1 tahun 9 bulan") {
		t.Errorf("near miss message %q does not say how long", r.NearMisses[0].Message)
	}
}

func nips(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Employee.NIP)
	}
	return out
}

func TestReasonsSayWhyInWords(t *testing.T) {
	p := loadDefaultPolicy(t)
	e := person(1, "S0")
	e.KotakTalenta = 8
	colleague := person(2, "S0") // so that S0 may lose e, and not a candidate
	colleague.KinerjaTahunLalu = mutasi.KinerjaKurang
	d := smallOrg(e, colleague)
	d.aspirations[e.NIP] = &mutasi.Aspiration{NIP: e.NIP, Pilihan: []string{"X", "V0"}}
	svc := newTestService(d, p)
	r, err := svc.Recommend(context.Background(), Admin(), "V0", RecommendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Candidates) != 1 {
		t.Fatalf("candidates = %d, want 1", len(r.Candidates))
	}
	var texts []string
	total := 0.0
	for _, rs := range r.Candidates[0].Reasons {
		texts = append(texts, rs.Text)
		total += rs.Points
	}
	joined := strings.Join(texts, " | ")
	for _, want := range []string{"jabatan ini pilihan ke-2 dalam aspirasinya", "kotak talenta 8 (kelompok suksesi)",
		"kinerja Baik (tahun lalu) dan Sangat Baik (dua tahun lalu)", "pendidikan S1 Ilmu Hukum sesuai"} {
		if !strings.Contains(joined, want) {
			t.Errorf("reasons %q lack %q", joined, want)
		}
	}
	// The points of the reasons add up to the score (which the policy
	// rounds to two decimals).
	if diff := total - r.Candidates[0].Score; diff > 0.005 || diff < -0.005 {
		t.Errorf("reasons add up to %v, score is %v", total, r.Candidates[0].Score)
	}
}

// The bot keeps each employee's subject side between questions
// (Resident); a command does not. Both must give the same answer.
func TestResidentAndOneShotRecommendAgree(t *testing.T) {
	p := loadDefaultPolicy(t)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range 40 {
		d := randomOrg(r, 40, 6)
		once := newTestService(d, p)
		resident := New(Config{Directory: &fixedDir{memDir: d}, Policy: once.cfg.Policy, Now: once.cfg.Now, Workers: 2, Resident: true})
		org, _ := once.Organisation(context.Background())
		for _, v := range org.Vacancies() {
			for round := range 2 { // the second round reuses the cohort
				a, err := once.Recommend(context.Background(), Admin(), v.ID, RecommendOptions{Top: 50, NearMisses: 50})
				if err != nil {
					t.Fatal(err)
				}
				b, err := resident.Recommend(context.Background(), Admin(), v.ID, RecommendOptions{Top: 50, NearMisses: 50})
				if err != nil {
					t.Fatal(err)
				}
				if !sameRecommendation(a, b) {
					t.Fatalf("instance %d vacancy %s round %d: one-shot %v/%v, resident %v/%v", i, v.ID, round,
						nips(a.Candidates), a.Blockers, nips(b.Candidates), b.Blockers)
				}
			}
		}
	}
}

// fixedDir reports one data generation forever, so the service caches.
type fixedDir struct{ *memDir }

func (fixedDir) DataGeneration(context.Context) (int64, error) { return 7, nil }

func sameRecommendation(a, b *Recommendation) bool {
	if a.Considered != b.Considered || a.Eligible != b.Eligible || len(a.Candidates) != len(b.Candidates) ||
		len(a.NearMisses) != len(b.NearMisses) || len(a.Blockers) != len(b.Blockers) {
		return false
	}
	for i := range a.Candidates {
		if a.Candidates[i].Employee.NIP != b.Candidates[i].Employee.NIP || a.Candidates[i].Score != b.Candidates[i].Score {
			return false
		}
	}
	for i := range a.NearMisses {
		if a.NearMisses[i].Employee.NIP != b.NearMisses[i].Employee.NIP || a.NearMisses[i].Rule != b.NearMisses[i].Rule {
			return false
		}
	}
	for i := range a.Blockers {
		if a.Blockers[i] != b.Blockers[i] {
			return false
		}
	}
	return true
}
