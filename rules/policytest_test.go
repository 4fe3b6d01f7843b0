package rules

import (
	"testing"
)

// TestDefaultPolicy runs the default policy's own test cases.
func TestDefaultPolicy(t *testing.T) {
	p, err := LoadDir("../policies")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	results, err := RunTests(p, "../policies")
	if err != nil {
		t.Fatalf("tests: %v", err)
	}
	if len(results) < 22 {
		t.Fatalf("got %d cases, want at least 22 (both sides of 11 rules)", len(results))
	}
	for _, r := range results {
		if !r.Passed() {
			t.Error(r.String())
		}
	}
}
