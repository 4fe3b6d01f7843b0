package rules

import (
	"os"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// FuzzCompile feeds arbitrary policy files to the loader: it must return a
// policy or a LoadError with positioned problems, never panic.
//
// Run it with -fuzzminimizetime 0: minimising an interesting input that grew
// from the 10 KB default policy takes seconds each time and shows as
// "0/sec"; without it this reaches about 20,000 execs/sec on two cores.
func FuzzCompile(f *testing.F) {
	data, err := os.ReadFile("../policies/mutasi.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add(testHeader + rule("r1", "    require: employee.tmt_jabatan > 5\n    severity: block\n"))
	f.Add(testHeader + rule("r1", "    require: |\n      employee.golongn == 'x'\n    severity: blok\n"))
	f.Add("rules: [\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Compile([]File{{Name: "f.yaml", Data: []byte(src)}}, nil)
		if err != nil {
			le, ok := err.(*LoadError)
			if !ok || len(le.Problems) == 0 {
				t.Fatalf("error %T %v, want *LoadError with problems", err, err)
			}
			return
		}
		p.Lint()
		s := Subject{Employee: &mutasi.Employee{NIP: "1"}, Current: &mutasi.Position{ID: "J"}}
		p.Evaluate(s, nil, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}

// FuzzEvaluate evaluates the default policy on arbitrary employee records
// and positions: it must always answer, with every rule present.
func FuzzEvaluate(f *testing.F) {
	p := loadDefault(f)
	f.Add("199004122015032001", "PNS", "III/c", "S1", "Teknik Informatika", "Baik", "", int64(0), int64(-3000), int64(19000), 8, 3, 2, 2000.0, 4000.0, true)
	f.Add("", "", "", "", "", "", "", int64(0), int64(0), int64(0), 0, 0, 0, 0.0, 0.0, false)
	f.Fuzz(func(t *testing.T, nip, status, gol, jenjang, jurusan, k1, hukuman string, born, tmt, selesai int64,
		box, holders, tholders int, load, tload float64, hasTarget bool) {
		day := func(d int64) time.Time {
			if d == 0 {
				return time.Time{}
			}
			return time.Unix(d%400_000*86400, 0).UTC()
		}
		e := &mutasi.Employee{NIP: nip, Status: mutasi.Status(status), Golongan: gol, PendidikanJenjang: jenjang,
			PendidikanJurusan: jurusan, KinerjaTahunLalu: k1, KinerjaDuaTahunLalu: k1, HukumanDisiplin: hukuman,
			TanggalLahir: day(born), TMTJabatan: day(tmt), TMTCPNS: day(tmt), HukumanSelesai: day(selesai), KotakTalenta: box}
		cur := &mutasi.Position{ID: "J1", Holders: holders, BebanKerjaJam: load, RumpunPendidikan: []string{jurusan}}
		var tgt *Target
		if hasTarget {
			tgt = &Target{Position: &mutasi.Position{ID: "J2", Holders: tholders, Kebutuhan: 3, BebanKerjaJam: tload,
				Jenis: mutasi.JenisFungsional, Jenjang: jenjang, GolonganMin: gol, PendidikanMin: jenjang,
				RumpunPendidikan: []string{"Komputer", jurusan}}}
		}
		s := Subject{Employee: e, Current: cur, Aspiration: &mutasi.Aspiration{Pilihan: []string{"J2", nip}}}
		d := p.Evaluate(s, tgt, benchToday)
		if len(d.Rules) != len(p.Rules) || len(d.ScoreParts) != len(p.Terms) {
			t.Fatalf("decision has %d rules, %d parts", len(d.Rules), len(d.ScoreParts))
		}
		if d.Score < 0 || d.Score > 100 || d.Score != d.Score {
			t.Fatalf("score %v out of 0–100", d.Score)
		}
		b := p.NewBatch(benchToday, tgt)
		v := b.Check(s, nil)[0]
		b.Close()
		if v.Eligible != d.Eligible || v.Score != d.Score {
			t.Fatalf("batch %v/%v, evaluate %v/%v", v.Eligible, v.Score, d.Eligible, d.Score)
		}
	})
}
