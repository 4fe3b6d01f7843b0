package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// quickStart returns the two commands of the README's quick start, without
// their comments.
func quickStart(t *testing.T) (runDemo, runTests string) {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Quick start.*?```sh\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("README has no quick start block")
	}
	var cmds []string
	for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		cmds = append(cmds, strings.TrimSpace(cmd))
	}
	if len(cmds) != 2 {
		t.Fatalf("quick start has %d commands, want exactly 2: %q", len(cmds), cmds)
	}
	return cmds[0], cmds[1]
}

// The README promises two commands that do everything on a fresh machine:
// the first runs the product on demo data (and can be run again), the
// second is what CI runs.
func TestREADMEQuickStartWorks(t *testing.T) {
	demoCmd, testCmd := quickStart(t)
	args, ok := strings.CutPrefix(demoCmd, "go run ./cmd/mutasi ")
	if !ok {
		t.Fatalf("first command %q does not run ./cmd/mutasi", demoCmd)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil || !strings.Contains(string(ci), "\n"+testCmd+"\n") {
		t.Errorf(".ci/run does not run the README's test command %q", testCmd)
	}

	// Run it where a newcomer would: the repository root, here a copy with
	// the policies, so that nothing is written into the source tree.
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "policies"), os.DirFS(policiesDir)); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for run := 1; run <= 2; run++ {
		out, _ := mustRun(t, map[string]string{}, exitOK, strings.Fields(args)...)
		for _, want := range []string{"Pemerintah Kabupaten Sukamaju", "2.000 pegawai", "Beban kerja per unit", "Coba selanjutnya"} {
			if !strings.Contains(out, want) {
				t.Errorf("run %d: quick start output lacks %q:\n%s", run, want, out)
			}
		}
	}
}
