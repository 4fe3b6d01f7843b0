package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func copyPolicies(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"mutasi.yaml", ReferenceFile} {
		data, err := os.ReadFile(filepath.Join("../policies", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEngineReloadKeepsLastGood(t *testing.T) {
	dir := copyPolicies(t)
	e, err := NewEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	good := e.Policy()
	path := filepath.Join(dir, "mutasi.yaml")
	orig, _ := os.ReadFile(path)
	broken := strings.Replace(string(orig), "employee.masa_jabatan_bulan >= params.masa_jabatan_min_tahun * 12",
		"employee.masa_jabatan_bulan >= params.masa_jabatan_min_thn * 12", 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := e.Reload()
	if err == nil || changed {
		t.Fatalf("reload of a broken file: changed=%v err=%v, want an error", changed, err)
	}
	if !strings.Contains(err.Error(), "masa_jabatan_min_thn") {
		t.Errorf("error %q does not name the unknown param", err)
	}
	if e.Policy() != good {
		t.Error("a broken reload replaced the policy")
	}
	fixed := strings.Replace(string(orig), `version: "2026.1"`, `version: "2026.2"`, 1)
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed, err := e.Reload(); err != nil || !changed {
		t.Fatalf("reload: changed=%v err=%v", changed, err)
	}
	if got := e.Policy().Version; got != "2026.2" {
		t.Errorf("version %q after reload, want 2026.2", got)
	}
	if changed, err := e.Reload(); err != nil || changed {
		t.Errorf("reload of unchanged files: changed=%v err=%v, want false, nil", changed, err)
	}
}

func TestEngineWatch(t *testing.T) {
	dir := copyPolicies(t)
	e, err := NewEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reloaded := make(chan *Policy, 4)
	failed := make(chan error, 4)
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() {
		done <- e.Watch(ctx, WatchOptions{Debounce: 20 * time.Millisecond,
			OnReload: func(p *Policy) { reloaded <- p },
			OnError:  func(err error) { failed <- err }, Ready: func() { close(ready) }})
	}()
	<-ready
	path := filepath.Join(dir, "mutasi.yaml")
	orig, _ := os.ReadFile(path)
	old := e.Policy()

	if err := os.WriteFile(path, []byte(string(orig)+"\nrules: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-failed:
		if !strings.Contains(err.Error(), "mutasi.yaml") {
			t.Errorf("error %q does not name the file", err)
		}
	case p := <-reloaded:
		t.Fatalf("broken file reloaded as %s", p.VersionID())
	case <-time.After(5 * time.Second):
		t.Fatal("no error reported for a broken file")
	}
	if e.Policy() != old {
		t.Fatal("broken file replaced the policy")
	}

	if err := os.WriteFile(path, []byte(strings.Replace(string(orig), "2026.1", "2026.3", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-reloaded:
		if p.Version != "2026.3" || e.Policy() != p {
			t.Errorf("reloaded %s, engine has %s", p.Version, e.Policy().Version)
		}
	case err := <-failed:
		t.Fatalf("good file failed: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no reload")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch: %v", err)
	}
}
