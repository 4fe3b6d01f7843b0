package rules

import (
	"fmt"
	"sync"
	"testing"
)

// TestVMProgramCompiledOnNeed checks that expressions the closure compiler
// took keep no VM program after compiling, and that the forced VM path
// compiles them on first need — concurrently without a race — and agrees
// with the closures.
func TestVMProgramCompiledOnNeed(t *testing.T) {
	fast := loadDefault(t)
	slow := loadDefault(t)
	for _, r := range slow.Rules {
		for _, p := range []*program{r.when, r.require, r.warnUnless} {
			if p != nil && p.hasFast && (p.vm != nil || p.src != nil) {
				t.Fatalf("rule %s keeps the VM program of %q", r.ID, p.text)
			}
		}
	}
	slow.forceVM = true
	subjects, _ := genData(200)
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(subjects); i += 4 {
				a := fast.Evaluate(subjects[i], benchTarget(), benchToday)
				b := slow.Evaluate(subjects[i], benchTarget(), benchToday)
				if fmt.Sprint(a.Eligible, a.Score, a.Failed()) != fmt.Sprint(b.Eligible, b.Score, b.Failed()) {
					errs <- fmt.Sprintf("subject %d: closures %v %v %v, VM %v %v %v",
						i, a.Eligible, a.Score, a.Failed(), b.Eligible, b.Score, b.Failed())
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if slow.Rules[0].require.vm == nil {
		t.Error("forced VM path did not compile the program")
	}
}
