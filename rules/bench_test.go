package rules

import (
	"testing"
)

// BenchmarkDecision is one (employee, target) decision with the full default
// policy, score included, as the bot asks it: every rule's outcome and
// rendered message.
func BenchmarkDecision(b *testing.B) {
	p := loadDefault(b)
	subjects, _ := genData(1000)
	t := benchTarget()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := p.Evaluate(subjects[i%len(subjects)], t, benchToday)
		if d.PolicyVersion == "" {
			b.Fatal("no version")
		}
		i++
	}
}

// BenchmarkVerdict is one (employee, target) verdict: every rule's outcome
// and the score, messages not rendered (as when ranking).
func BenchmarkVerdict(b *testing.B) {
	p := loadDefault(b)
	subjects, _ := genData(1000)
	batch := p.NewBatch(benchToday, benchTarget())
	defer batch.Close()
	out := make([]Verdict, 0, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out = batch.Check(subjects[i%len(subjects)], out[:0])
		i++
	}
}

// BenchmarkVacancy100k ranks 100,000 employees against one vacancy on one
// goroutine.
func BenchmarkVacancy100k(b *testing.B) {
	p := loadDefault(b)
	subjects, _ := genData(100_000)
	t := benchTarget()
	out := make([]Verdict, 0, len(subjects))
	b.ReportAllocs()
	for b.Loop() {
		batch := p.NewBatch(benchToday, t)
		out = out[:0]
		for _, s := range subjects {
			out = batch.Check(s, out)
		}
		batch.Close()
	}
}

// BenchmarkDecisionExprVM is the naive baseline: the same policy, every
// expression run on expr's VM over a typed struct env (the straightforward
// design), messages included.
func BenchmarkDecisionExprVM(b *testing.B) {
	p := loadDefault(b)
	p.forceVM = true
	subjects, _ := genData(1000)
	t := benchTarget()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p.Evaluate(subjects[i%len(subjects)], t, benchToday)
		i++
	}
}

// BenchmarkVerdictExprVM is the naive baseline of BenchmarkVerdict: the
// same outcomes and score with every expression on expr's VM.
func BenchmarkVerdictExprVM(b *testing.B) {
	p := loadDefault(b)
	p.forceVM = true
	subjects, _ := genData(1000)
	batch := p.NewBatch(benchToday, benchTarget())
	defer batch.Close()
	out := make([]Verdict, 0, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out = batch.Check(subjects[i%len(subjects)], out[:0])
		i++
	}
}
