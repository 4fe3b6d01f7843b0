package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A broken *_test.yaml is the tests file's problem, not the policy's: the
// error says so and names it at line:column.
func TestBrokenTestsFileIsNamedAsSuch(t *testing.T) {
	dir := copyPoliciesWithTests(t)
	path := filepath.Join(dir, "mutasi_test.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, "  - name: rusak\n    expect: {eligible: [\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("the policy itself is fine: %v", err)
	}
	_, err = RunTests(p, dir)
	var tf *TestFileError
	if !errors.As(err, &tf) {
		t.Fatalf("error %T %v, want *TestFileError", err, err)
	}
	msg := err.Error()
	lines := strings.Count(string(data), "\n")
	for _, want := range []string{"berkas uji kebijakan", path + ":" + strconv.Itoa(lines+2) + ":"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "kebijakan tidak dapat dipakai") {
		t.Errorf("error %q blames the policy", msg)
	}
}

// Dates the calendar does not have are said to be absent, in the policy
// and in its tests.
func TestImpossibleDatesInPolicyFiles(t *testing.T) {
	_, err := Compile([]File{{Name: "uji.yaml", Data: []byte(strings.Replace(testHeader, "2026-01-01", "2026-02-30", 1) +
		rule("r1", "    require: true\n    severity: block\n"))}}, nil)
	want := "uji.yaml:3:12: tanggal 2026-02-30 tidak ada di kalender (Februari 2026 hanya 28 hari)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("effective: got %v, want %q", err, want)
	}
	_, err = ParseTests("x_test.yaml", []byte("today: 2026-04-31\ncases: []\n"))
	want = "x_test.yaml:1:8: tanggal 2026-04-31 tidak ada di kalender (April 2026 hanya 30 hari)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("today: got %v, want %q", err, want)
	}
}
