package rules

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// The default policy written by hand in Go, the bound on what the engine
// could ever reach: every rule, message and score term of
// policies/mutasi.yaml as plain Go code, with the params read once into a
// struct and the constant parts of messages (the joined lists) built once.
// Each message is appended to a reused buffer and copied into its own
// string, as a Go programmer would write it; messages that never vary are
// string literals.
//
// It shares with the engine what is not being compared and what a Go
// programmer would write just the same: the facts computed from the
// records (through the engine's evaluator, so that they are identical), the
// education matching, EJ, and the formatting of numbers, months and dates
// in Indonesian.

type handwritten struct {
	p      *Policy
	prm    plainParams
	ev     *evaluator
	buf    []byte
	lulus  string // join(params.kinerja_lulus, " atau ")
	status string // join(params.status_boleh_mutasi, ", ")
}

func newHandwritten(tb testing.TB, p *Policy) *handwritten {
	tb.Helper()
	h := &handwritten{p: p, ev: p.getEvaluator(), prm: paramsOf(tb, p)}
	h.lulus = strings.Join(h.prm.KinerjaLulus, " atau ")
	h.status = strings.Join(h.prm.StatusBolehMutasi, ", ")
	want := []string{"masa-jabatan-minimal", "masa-jabatan-maksimal", "kinerja-dua-tahun", "bebas-hukuman-disiplin",
		"tidak-tugas-belajar", "batas-usia-pensiun", "kesesuaian-pendidikan", "golongan-minimal", "tingkat-jabatan",
		"formasi-tersedia", "beban-unit-asal", "status-pns"}
	terms := []string{"pendidikan", "aspirasi", "kinerja", "talenta", "rotasi", "beban"}
	if len(p.Rules) != len(want) || len(p.Terms) != len(terms) {
		tb.Fatalf("the default policy has %d rules and %d terms; the hand-written one %d and %d", len(p.Rules), len(p.Terms), len(want), len(terms))
	}
	for i, id := range want {
		if p.Rules[i].ID != id {
			tb.Fatalf("rule %d is %s, the hand-written one %s", i, p.Rules[i].ID, id)
		}
	}
	for i, id := range terms {
		if p.Terms[i].ID != id {
			tb.Fatalf("term %d is %s, the hand-written one %s", i, p.Terms[i].ID, id)
		}
	}
	return h
}

// msg copies the buffer into the message of a result.
func (h *handwritten) msg(b []byte) string {
	h.buf = b
	return string(b)
}

func (h *handwritten) evaluate(s Subject, target *Target, today time.Time) Decision {
	ev, prm, p := h.ev, &h.prm, h.p
	ev.setToday(today)
	ev.setSubject(s)
	ev.tstate.fill(target, &p.fp)
	ev.setTarget(&ev.tstate)
	e, cur, tgt, f := &ev.emp, &ev.cur, ev.f.tgt, &ev.f

	d := Decision{NIP: s.Employee.NIP, Date: ev.today.t, PolicyVersion: p.versionID, Eligible: true,
		Rules: make([]RuleResult, 12), ScoreParts: make([]ScorePart, 6)}
	if target != nil && target.Position != nil {
		d.Target = target.Position.ID
	}
	// set records an applicable rule's outcome; na one whose when failed.
	set := func(i int, ok bool, warn bool, message string) {
		rr := &d.Rules[i]
		// A warning is not a pass: the rule held, but only just.
		rr.Rule, rr.Severity, rr.Applicable, rr.Passed = p.Rules[i], p.Rules[i].Severity, true, ok && !warn
		o := outPass
		switch {
		case !ok:
			o = outFail
		case warn:
			o, rr.Severity = outWarn, SeverityWarn
		}
		if blocks(p.Rules[i], o) {
			d.Eligible = false
		}
		rr.Message = message
	}
	na := func(i int) {
		d.Rules[i] = RuleResult{Rule: p.Rules[i], Severity: p.Rules[i].Severity, Passed: true, Message: msgNotApplicable}
	}
	b := h.buf[:0]
	minMonths := prm.MasaJabatanMinTahun * 12

	// masa-jabatan-minimal
	b = appendYearsMonths(b[:0], e.MasaJabatanBulan)
	b = append(b, " di jabatan sekarang (minimal "...)
	b = strconv.AppendInt(b, int64(prm.MasaJabatanMinTahun), 10)
	b = append(b, " tahun)"...)
	set(0, e.MasaJabatanBulan >= minMonths, false, h.msg(b))

	// masa-jabatan-maksimal
	if e.MasaJabatanBulan <= prm.MasaJabatanMaksTahun*12 {
		b = append(b[:0], "belum "...)
		b = strconv.AppendInt(b, int64(prm.MasaJabatanMaksTahun), 10)
		b = append(b, " tahun di jabatan sekarang, belum menjadi prioritas rotasi"...)
		set(1, true, false, h.msg(b))
	} else {
		b = appendYearsMonths(b[:0], e.MasaJabatanBulan)
		b = append(b, " di jabatan sekarang, lebih dari "...)
		b = strconv.AppendInt(b, int64(prm.MasaJabatanMaksTahun), 10)
		b = append(b, " tahun: prioritas rotasi"...)
		set(1, false, false, h.msg(b))
	}

	// kinerja-dua-tahun
	rated := func(b []byte, s string) []byte {
		if s == "" {
			return append(b, "belum dinilai"...)
		}
		return append(b, s...)
	}
	b = append(b[:0], "tahun lalu "...)
	b = rated(b, e.KinerjaTahunLalu)
	b = append(b, ", dua tahun lalu "...)
	b = rated(b, e.KinerjaDuaTahunLalu)
	b = append(b, " (yang diterima: "...)
	b = append(b, h.lulus...)
	b = append(b, ')')
	set(2, slices.Contains(prm.KinerjaLulus, e.KinerjaTahunLalu) && slices.Contains(prm.KinerjaLulus, e.KinerjaDuaTahunLalu), false, h.msg(b))

	// bebas-hukuman-disiplin
	if !e.HukumanBerjalan {
		set(3, true, false, "tidak sedang menjalani hukuman disiplin")
	} else {
		b = append(b[:0], "sedang menjalani hukuman disiplin "...)
		b = append(b, e.HukumanDisiplin...)
		b = append(b, " sampai "...)
		b = appendLongDate(b, e.HukumanSelesai)
		set(3, false, false, h.msg(b))
	}

	// tidak-tugas-belajar
	if !e.TugasBelajar {
		set(4, true, false, "tidak sedang tugas belajar")
	} else {
		set(4, false, false, "sedang menjalani tugas belajar")
	}

	educationOK := false
	if tgt == nil {
		for i := 5; i <= 9; i++ {
			na(i)
		}
	} else {
		// batas-usia-pensiun
		left := tgt.BUP*12 - e.UsiaBulan
		ok := left >= prm.SisaMasaKerjaMinTahun*12
		b = append(b[:0], "usia "...)
		b = strconv.AppendInt(b, int64(e.UsiaTahun), 10)
		b = append(b, " tahun, BUP jabatan tujuan "...)
		b = strconv.AppendInt(b, int64(tgt.BUP), 10)
		b = append(b, " tahun: "...)
		if !ok && left < 0 {
			b = append(b, "sudah melewati BUP "...)
			b = appendYearsMonths(b, -left)
		} else {
			b = append(b, "sisa "...)
			b = appendYearsMonths(b, left)
		}
		b = append(b, " (minimal "...)
		b = strconv.AppendInt(b, int64(prm.SisaMasaKerjaMinTahun), 10)
		b = append(b, " tahun)"...)
		set(5, ok, false, h.msg(b))

		// kesesuaian-pendidikan
		educationOK = matchEducation(f.tgtRumpun, f.majorNorm, f.familyNorm) && e.PendidikanRank >= tgt.PendidikanMinRank
		b = append(b[:0], e.PendidikanJenjang...)
		b = append(b, ' ')
		b = append(b, e.PendidikanJurusan...)
		b = append(b, " ("...)
		if e.JurusanDikenal {
			b = append(b, "rumpun "...)
			b = append(b, e.Rumpun...)
		} else {
			b = append(b, "jurusan tidak dikenal di daftar rumpun, hanya cocok bila disebut namanya"...)
		}
		b = append(b, "); jabatan tujuan menerima "...)
		if len(tgt.RumpunPendidikan) == 0 {
			b = append(b, "semua jurusan"...)
		} else {
			for i, r := range tgt.RumpunPendidikan {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = append(b, r...)
			}
		}
		b = append(b, ", minimal "...)
		if tgt.PendidikanMin == "" {
			b = append(b, "tanpa syarat jenjang"...)
		} else {
			b = append(b, tgt.PendidikanMin...)
		}
		set(6, educationOK, false, h.msg(b))

		// golongan-minimal
		if e.Status == string(mutasi.StatusPNS) {
			b = append(b[:0], "golongan "...)
			b = append(b, e.Golongan...)
			b = append(b, "; jabatan tujuan meminta minimal "...)
			if tgt.GolonganMin == "" {
				b = append(b, "golongan apa saja"...)
			} else {
				b = append(b, tgt.GolonganMin...)
			}
			set(7, tgt.GolonganMinRank == 0 || e.GolonganRank >= tgt.GolonganMinRank, false, h.msg(b))
		} else {
			na(7)
		}

		// tingkat-jabatan
		level := func(b []byte, pf *PositionFacts) []byte {
			b = strconv.AppendInt(b, int64(pf.Tingkat), 10)
			b = append(b, " ("...)
			b = append(b, pf.Jenis...)
			if pf.Jenjang != "" {
				b = append(b, ' ')
				b = append(b, strings.ReplaceAll(pf.Jenjang, "_", " ")...)
			}
			return append(b, ')')
		}
		ok = tgt.Tingkat >= cur.Tingkat
		b = append(b[:0], "jabatan sekarang tingkat "...)
		b = level(b, cur)
		b = append(b, ", jabatan tujuan tingkat "...)
		b = level(b, tgt)
		if !ok {
			b = append(b, ": mutasi tidak boleh menurunkan tingkat jabatan"...)
		}
		set(8, ok, false, h.msg(b))

		// formasi-tersedia
		b = append(b[:0], "kebutuhan "...)
		b = strconv.AppendInt(b, int64(tgt.Kebutuhan), 10)
		b = append(b, ", pemangku "...)
		b = strconv.AppendInt(b, int64(tgt.Pemangku), 10)
		b = append(b, ": lowongan "...)
		b = strconv.AppendInt(b, int64(tgt.Lowongan), 10)
		set(9, tgt.Lowongan >= prm.LowonganMin, false, h.msg(b))
	}

	// beban-unit-asal
	ejAfter := mutasi.EJ(cur.BebanKerjaJam, cur.Pemangku-1, float64(prm.JamKerjaEfektif))
	b = append(b[:0], "EJ jabatan asal setelah pindah "...)
	b = appendFloat(b, ejAfter)
	b = append(b, " (sekarang "...)
	b = appendFloat(b, cur.EJ)
	b = append(b, "; paling tinggi "...)
	b = appendFloat(b, prm.EJAsalMaks)
	b = append(b, ", peringatan di atas "...)
	b = appendFloat(b, prm.EJAsalPeringatan)
	b = append(b, ')')
	set(10, ejAfter <= prm.EJAsalMaks, ejAfter > prm.EJAsalPeringatan, h.msg(b))

	// status-pns
	if slices.Contains(prm.StatusBolehMutasi, e.Status) {
		b = append(b[:0], "status "...)
		b = append(b, e.Status...)
		set(11, true, false, h.msg(b))
	} else {
		b = append(b[:0], "status "...)
		b = append(b, e.Status...)
		b = append(b, ": prosedur ini hanya untuk "...)
		b = append(b, h.status...)
		set(11, false, false, h.msg(b))
	}

	// The score: the weighted mean of the applicable terms, each in 0–1.
	var sum, wsum float64
	term := func(i int, applicable bool, v float64) {
		part := &d.ScoreParts[i]
		part.Term, part.Applicable = p.Terms[i], applicable
		if !applicable {
			return
		}
		part.Value = clamp01(v)
		sum += part.Term.Weight * part.Value
		wsum += part.Term.Weight
	}
	if tgt != nil {
		v := 0.0
		if educationOK {
			v = 0.8
			if e.PendidikanRank > tgt.PendidikanMinRank {
				v = 1.0
			}
		}
		term(0, true, v)
		v = 0
		switch choiceRank(ev.asp.Pilihan, tgt.JabatanID, tgt.UnitID) {
		case 1:
			v = 1.0
		case 2:
			v = 0.7
		case 3:
			v = 0.4
		}
		term(1, true, v)
	} else {
		term(0, false, 0)
		term(1, false, 0)
	}
	term(2, true, float64(e.KinerjaRankTahunLalu+e.KinerjaRankDuaTahunLalu-2)/8.0)
	talent := 0.0
	switch {
	case e.KotakTalenta >= 7:
		talent = 1.0
	case e.KotakTalenta >= 4:
		talent = 0.6
	case e.KotakTalenta >= 1:
		talent = 0.2
	}
	term(3, true, talent)
	term(4, true, float64(e.MasaJabatanBulan-minMonths)/(float64(prm.MasaJabatanMaksTahun-prm.MasaJabatanMinTahun)*12.0))
	if tgt != nil {
		term(5, true, tgt.EJ-ejAfter)
	} else {
		term(5, false, 0)
	}
	if wsum > 0 {
		d.Score = math.Round(sum/wsum*10000) / 100
	}
	h.buf = b
	return d
}

// The hand-written policy is only a bound if it decides as the engine
// does: every outcome, message and score part, for every generated
// employee against several targets and none. As for the plain expr
// baseline, employees whose data is missing are left out: the engine fails
// those rules closed with its own message.
func TestHandwrittenAgreesWithTheEngine(t *testing.T) {
	p := loadDefault(t)
	agreesWithEngine(t, p, "hand-written", newHandwritten(t, p).evaluate)
}

// BenchmarkDecisionHandwritten is BenchmarkDecision on the hand-written
// policy.
func BenchmarkDecisionHandwritten(b *testing.B) {
	p := loadDefault(b)
	benchDecisions(b, newHandwritten(b, p).evaluate)
}

// BenchmarkDecisionFactsOnly is the part both of the above share: the
// facts of one employee and target computed from the records (age, months
// in post, EJ, education family …). What is left of each decision's time
// is the policy itself.
func BenchmarkDecisionFactsOnly(b *testing.B) {
	p := loadDefault(b)
	ev := p.getEvaluator()
	subjects, _ := genData(1000)
	t := benchTarget()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ev.setToday(benchToday)
		ev.setSubject(subjects[i%len(subjects)])
		ev.tstate.fill(t, &p.fp)
		ev.setTarget(&ev.tstate)
		if ev.f.tgt == nil {
			b.Fatal("no target")
		}
		i++
	}
}
