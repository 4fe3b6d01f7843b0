package rules

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyPoliciesWithTests copies the default policy and its tests.
func copyPoliciesWithTests(t *testing.T) string {
	t.Helper()
	dir := copyPolicies(t)
	data, err := os.ReadFile(filepath.Join("../policies", "mutasi_test.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mutasi_test.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every reload is reported, whatever became of it: refused (does not
// compile; its own tests fail), back to the policy in use after a fix,
// only the tests changed, activated. A policy whose tests fail is never
// activated.
func TestWatchReportsEveryOutcome(t *testing.T) {
	dir := copyPoliciesWithTests(t)
	e, err := NewEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	first := e.Policy()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outcomes := make(chan ReloadOutcome, 8)
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() {
		done <- e.Watch(ctx, WatchOptions{Debounce: 20 * time.Millisecond,
			OnOutcome: func(o ReloadOutcome) { outcomes <- o }, Ready: func() { close(ready) }})
	}()
	<-ready
	policy := filepath.Join(dir, "mutasi.yaml")
	tests := filepath.Join(dir, "mutasi_test.yaml")
	origPolicy, _ := os.ReadFile(policy)
	origTests, _ := os.ReadFile(tests)

	next := func(what string) ReloadOutcome {
		t.Helper()
		select {
		case o := <-outcomes:
			return o
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no outcome reported", what)
		}
		return ReloadOutcome{}
	}
	write := func(path, content string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	write(policy, strings.Replace(string(origPolicy), "severity: block", "severity: blok", 1))
	o := next("broken policy")
	if o.Err == nil || o.Activated || o.Policy != first || !strings.Contains(o.Err.Error(), "mutasi.yaml") {
		t.Errorf("broken policy: %+v", o)
	}

	write(policy, string(origPolicy))
	o = next("policy fixed back")
	if o.Err != nil || o.Activated || !o.Unchanged || o.Policy != first || len(o.Tests) == 0 {
		t.Errorf("policy fixed back: %+v", o)
	}
	if s := o.String(); !strings.Contains(s, "tidak berubah") || !strings.Contains(s, first.VersionID()) {
		t.Errorf("policy fixed back: %q", s)
	}

	write(tests, string(origTests)+"\n# komentar baru\n")
	o = next("tests changed")
	if o.Err != nil || o.Activated || !o.Unchanged || len(o.Tests) == 0 {
		t.Errorf("tests changed: %+v", o)
	}

	// Two years → three: a case that expects eligibility now fails.
	failing := strings.Replace(string(origPolicy), "masa_jabatan_min_tahun: 2 ", "masa_jabatan_min_tahun: 5 ", 1)
	failing = strings.Replace(failing, `version: "2026.1"`, `version: "2026.2"`, 1)
	if failing == string(origPolicy) {
		t.Fatal("the edit did not change the policy")
	}
	write(policy, failing)
	o = next("policy whose tests fail")
	var tf *TestsFailedError
	if !errors.As(o.Err, &tf) || tf.Failed == 0 || o.Activated || o.Policy != first || e.Policy() != first {
		t.Errorf("policy whose tests fail: %+v (engine %s)", o, e.Policy().VersionID())
	}
	if s := o.String(); !strings.Contains(s, "DITOLAK") || !strings.Contains(s, "uji kebijakan gagal") {
		t.Errorf("policy whose tests fail: %q", s)
	}

	write(policy, strings.Replace(string(origPolicy), `version: "2026.1"`, `version: "2026.3"`, 1))
	o = next("good policy")
	if o.Err != nil || !o.Activated || o.Policy.Version != "2026.3" || e.Policy() != o.Policy {
		t.Errorf("good policy: %+v", o)
	}
	if s := o.String(); !strings.Contains(s, "2026.3") {
		t.Errorf("good policy: %q", s)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch: %v", err)
	}
}

// A test runner hook replaces the *_test.yaml files, and the old callbacks
// still hear of activations and refusals.
func TestWatchTestHookAndOldCallbacks(t *testing.T) {
	dir := copyPolicies(t)
	e, err := NewEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reloaded := make(chan *Policy, 4)
	failed := make(chan error, 4)
	ready := make(chan struct{})
	go e.Watch(ctx, WatchOptions{Debounce: 20 * time.Millisecond, Ready: func() { close(ready) },
		Test: func(p *Policy) ([]TestResult, error) {
			if p.Version == "tolak" {
				return []TestResult{{Case: &TestCase{Name: "x"}, Problems: []string{"gagal"}}}, nil
			}
			return nil, nil
		},
		OnReload: func(p *Policy) { reloaded <- p },
		OnError:  func(err error) { failed <- err }})
	<-ready
	path := filepath.Join(dir, "mutasi.yaml")
	orig, _ := os.ReadFile(path)
	if err := os.WriteFile(path, []byte(strings.Replace(string(orig), `version: "2026.1"`, `version: "tolak"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-failed:
		var tf *TestsFailedError
		if !errors.As(err, &tf) || tf.Failed != 1 || tf.Total != 1 {
			t.Errorf("refusal: %v", err)
		}
	case p := <-reloaded:
		t.Fatalf("activated %s though its tests fail", p.VersionID())
	case <-time.After(10 * time.Second):
		t.Fatal("no refusal reported")
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(orig), `version: "2026.1"`, `version: "2026.4"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-reloaded:
		if p.Version != "2026.4" {
			t.Errorf("activated %s", p.Version)
		}
	case err := <-failed:
		t.Fatalf("good policy refused: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no activation reported")
	}
}

// A save made after the engine loaded the files but before the watch began
// raises no event; Watch still catches up with it, once, and says so.
func TestWatchCatchesUpWithASaveBeforeItBegan(t *testing.T) {
	dir := copyPoliciesWithTests(t)
	e, err := NewEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	policy := filepath.Join(dir, "mutasi.yaml")
	orig, err := os.ReadFile(policy)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(policy, []byte(strings.Replace(string(orig), `version: "2026.1"`, `version: "2026.2"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outcomes := make(chan ReloadOutcome, 4)
	go e.Watch(ctx, WatchOptions{Debounce: 20 * time.Millisecond, OnOutcome: func(o ReloadOutcome) { outcomes <- o }})
	select {
	case o := <-outcomes:
		if !o.Activated || o.Policy.Version != "2026.2" {
			t.Errorf("outcome %+v, want 2026.2 activated", o)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the save before the watch began was never reloaded")
	}
	if e.Policy().Version != "2026.2" {
		t.Errorf("in use: %s", e.Policy().Version)
	}
	// Nothing changed since: no further outcome.
	select {
	case o := <-outcomes:
		t.Errorf("a second reload with nothing saved: %+v", o)
	case <-time.After(200 * time.Millisecond):
	}
}
