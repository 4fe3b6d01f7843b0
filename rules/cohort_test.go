package rules

import (
	"testing"
	"time"
)

// TestCohortMatchesBatch holds the cached subject side to the batch's
// answer, verdict for verdict, on both evaluation paths, and checks that
// Blocked never skips someone who could pass or nearly pass.
func TestCohortMatchesBatch(t *testing.T) {
	for _, vm := range []bool{false, true} {
		p := loadDefault(t)
		p.forceVM = vm
		subjects, positions := genData(3000)
		for i := 0; i < len(subjects); i += 10 {
			// Missing data: the rules that need it err (fail closed).
			e := *subjects[i].Employee
			e.TMTJabatan, e.KinerjaTahunLalu = time.Time{}, ""
			subjects[i].Employee = &e
		}
		targets := []*Target{benchTarget(), {Position: positions[3]}, {Position: positions[14]}, {Position: positions[21]}}
		c := p.NewCohort(benchToday, subjects)
		if c.Len() != len(subjects) {
			t.Fatalf("cohort of %d, want %d", c.Len(), len(subjects))
		}
		b1 := p.NewBatch(benchToday, targets...)
		b2 := p.NewBatch(benchToday, targets...)
		var want, got []Verdict
		// Interleave the two so that state left by one employee in the
		// evaluator cannot leak into the next.
		for i := len(subjects) - 1; i >= 0; i-- {
			want = b1.Check(subjects[i], want[:0])
			got = c.Check(b2, i, got[:0])
			for ti := range targets {
				if got[ti] != want[ti] {
					t.Fatalf("vm=%v subject %d target %d: cohort %+v, batch %+v", vm, i, ti, got[ti], want[ti])
				}
				blocked := c.Blocked(i)
				if blocked.Len() >= 2 && (want[ti].Eligible || want[ti].Blocking.Len() <= 1) {
					t.Fatalf("subject %d: Blocked=%d but the verdict blocks on %d rules", i, blocked.Len(), want[ti].Blocking.Len())
				}
				for r := range p.Rules {
					if blocked.Has(r) && !want[ti].Blocking.Has(r) {
						t.Fatalf("subject %d: Blocked names rule %d, which does not block", i, r)
					}
				}
			}
		}
		// Explain after a cohort check still renders the subject itself.
		d := b1.Explain(subjects[5], 1)
		if d.NIP != subjects[5].Employee.NIP {
			t.Fatalf("explain after cohort: NIP %s, want %s", d.NIP, subjects[5].Employee.NIP)
		}
		b1.Close()
		b2.Close()
	}
}

func TestCohortRefusesAnotherDate(t *testing.T) {
	p := loadDefault(t)
	subjects, _ := genData(3)
	c := p.NewCohort(benchToday, subjects)
	b := p.NewBatch(benchToday.AddDate(0, 0, 1), benchTarget())
	defer b.Close()
	defer func() {
		if recover() == nil {
			t.Fatal("a cohort of one date checked with a batch of another did not panic")
		}
	}()
	c.Check(b, 0, nil)
}
