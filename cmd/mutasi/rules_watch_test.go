package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until out contains want, failing after a generous limit
// (this is a wait for an event, not a timing assertion).
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in output:\n%s", want, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitForCount waits until out contains want n times.
func waitForCount(t *testing.T, out *syncBuffer, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(out.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%q not %d times in output:\n%s", want, n, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRulesWatchReloadsAndKeepsTheLastGoodPolicy(t *testing.T) {
	dir := policyCopy(t)
	path := filepath.Join(dir, "mutasi.yaml")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"rules", "watch", dir}, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
	}()
	waitFor(t, &out, "uji kebijakan: 36 kasus, 36 lulus, 0 gagal")

	// A broken save is refused with its position; the old policy stays.
	broken := strings.Replace(string(good), "severity: block", "severity: blok", 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &out, "DITOLAK, tetap memakai 2026.1+")
	waitFor(t, &out, "mutasi.yaml:")

	// A good save with a new version is loaded and tested.
	next := strings.Replace(string(good), `version: "2026.1"`, `version: "2026.2"`, 1)
	if err := os.WriteFile(path, []byte(next), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &out, "dimuat ulang: kebijakan mutasi-default 2026.2+")
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d, stderr %s", code, errOut.String())
	}
	if strings.Count(out.String(), "uji kebijakan: 36 kasus, 36 lulus, 0 gagal") != 2 {
		t.Errorf("tests did not run after the start and the good reload:\n%s", out.String())
	}
}

// Every save is answered: a fix back to the policy in use, a change of the
// tests only, and a policy whose own tests fail, which is refused.
func TestRulesWatchReportsEveryOutcome(t *testing.T) {
	dir := policyCopy(t)
	path := filepath.Join(dir, "mutasi.yaml")
	tests := filepath.Join(dir, "mutasi_test.yaml")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	goodTests, err := os.ReadFile(tests)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"rules", "watch", dir}, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
	}()
	waitFor(t, &out, "uji kebijakan: 36 kasus, 36 lulus, 0 gagal")
	write := func(p, content string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	write(path, strings.Replace(string(good), "severity: block", "severity: blok", 1))
	waitFor(t, &out, "DITOLAK, tetap memakai 2026.1+")
	write(path, string(good))
	waitFor(t, &out, "berkas sudah benar lagi; kebijakan tidak berubah, tetap memakai mutasi-default 2026.1+")

	write(tests, string(goodTests)+"\n# komentar\n")
	waitForCount(t, &out, "kebijakan tidak berubah, tetap memakai mutasi-default 2026.1+", 2)
	if n := strings.Count(out.String(), "uji kebijakan: 36 kasus, 36 lulus, 0 gagal"); n != 3 {
		t.Errorf("tests reported %d times, want 3 (start, fix, tests file):\n%s", n, out.String())
	}

	failing := strings.Replace(string(good), "masa_jabatan_min_tahun: 2 ", "masa_jabatan_min_tahun: 5 ", 1)
	failing = strings.Replace(failing, `version: "2026.1"`, `version: "2026.2"`, 1)
	write(path, failing)
	waitFor(t, &out, "DITOLAK, tetap memakai 2026.1+")
	waitFor(t, &out, "uji kebijakan gagal:")
	waitFor(t, &out, "GAGAL ")
	if strings.Contains(out.String(), "2026.2") && strings.Contains(out.String(), "dimuat ulang") {
		t.Errorf("a policy whose tests fail was loaded:\n%s", out.String())
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d, stderr %s", code, errOut.String())
	}
}
