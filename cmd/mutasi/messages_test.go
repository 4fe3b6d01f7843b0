package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Messages say what is wrong: a date the calendar lacks, a directory given
// for a file, a broken tests file rather than a broken policy.
func TestMessagesSayWhatIsWrong(t *testing.T) {
	env := newDB(t)
	importFixtures(t, env)
	dir := t.TempDir()
	policies := policyCopy(t)
	tests := filepath.Join(policies, "mutasi_test.yaml")
	data, err := os.ReadFile(tests)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tests, append(data, "  - name: rusak\n    expect: {eligible: [\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args    []string
		code    int
		want    []string
		notWant []string
	}{
		{[]string{"check", "199004122015032001", "--date", "2026-02-30"}, exitUsage,
			[]string{"tanggal 2026-02-30 tidak ada di kalender (Februari 2026 hanya 28 hari)"}, []string{"berformat"}},
		{[]string{"import", "units", dir}, exitUsage,
			[]string{dir + " adalah direktori", "mutasi import all " + dir}, []string{"akhiran"}},
		{[]string{"rules", "test", policies}, exitFailure,
			[]string{"berkas uji kebijakan", tests + ":"}, []string{"kebijakan tidak dapat dipakai"}},
	}
	for _, tt := range cases {
		_, errOut := mustRun(t, env, tt.code, tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("mutasi %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), w, errOut)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(errOut, w) {
				t.Errorf("mutasi %s: stderr has %q:\n%s", strings.Join(tt.args, " "), w, errOut)
			}
		}
	}
}
