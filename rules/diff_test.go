package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffIsALoopOverBatches shows the shape of `mutasi rules diff OLD NEW`:
// two batches over the same employees and vacancy, compared verdict by
// verdict, attributing each change to the rules that differ.
func TestDiffIsALoopOverBatches(t *testing.T) {
	dir := copyPolicies(t)
	path := filepath.Join(dir, "mutasi.yaml")
	src, _ := os.ReadFile(path)
	stricter := strings.Replace(string(src), "masa_jabatan_min_tahun: 2", "masa_jabatan_min_tahun: 3", 1)
	if err := os.WriteFile(path, []byte(stricter), 0o644); err != nil {
		t.Fatal(err)
	}
	oldP, newP := loadDefault(t), mustLoad(t, dir)
	subjects, _ := genData(3000)
	ob, nb := oldP.NewBatch(benchToday, benchTarget()), newP.NewBatch(benchToday, benchTarget())
	defer ob.Close()
	defer nb.Close()
	var lost, gained int
	cause := map[string]int{}
	var ov, nv []Verdict
	for _, s := range subjects {
		ov, nv = ob.Check(s, ov[:0]), nb.Check(s, nv[:0])
		if ov[0].Eligible == nv[0].Eligible {
			continue
		}
		if ov[0].Eligible {
			lost++
		} else {
			gained++
		}
		was := map[string]bool{}
		for _, id := range oldP.RuleIDs(ov[0].Blocking) {
			was[id] = true
		}
		for _, id := range newP.RuleIDs(nv[0].Blocking) {
			if !was[id] {
				cause[id]++
			}
		}
		// The changed employees are exactly those between 2 and 3 years in position.
		if m := newP.Evaluate(s, benchTarget(), benchToday); m.Eligible {
			t.Fatalf("%s eligible under the stricter policy", s.Employee.NIP)
		}
	}
	if lost == 0 || gained != 0 {
		t.Fatalf("lost %d gained %d, want some lost and none gained", lost, gained)
	}
	if cause["masa-jabatan-minimal"] != lost || len(cause) != 1 {
		t.Errorf("causes %v, want all %d on masa-jabatan-minimal", cause, lost)
	}
}

func mustLoad(t *testing.T, dir string) *Policy {
	t.Helper()
	p, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
