package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRulesCommands(t *testing.T) {
	bad := t.TempDir()
	src, err := os.ReadFile("../../policies/mutasi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "severity: info", "severity: inf", 1)
	if err := os.WriteFile(filepath.Join(bad, "mutasi.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"check default policy", []string{"rules", "check", "../../policies"}, exitOK, "12 aturan, 6 unsur skor, 0 peringatan", ""},
		{"check from --policies", []string{"--policies", "../../policies", "rules", "check"}, exitOK, "mutasi-default 2026.1+", ""},
		{"check broken policy", []string{"rules", "check", bad}, exitFailure, "", `mutasi.yaml:45:15: severity "inf" tidak dikenal; mungkin maksudnya "info"?`},
		{"test default policy", []string{"rules", "test", "../../policies"}, exitOK, "0 gagal", ""},
		{"test without cases", []string{"rules", "test", bad}, exitFailure, "", "kebijakan tidak dapat dipakai"},
		{"two directories", []string{"rules", "check", "a", "b"}, exitUsage, "", "paling banyak satu direktori"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, nil, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stdout %q, stderr %q)", code, tt.wantCode, out, errOut)
			}
			if !strings.Contains(out, tt.wantStdout) {
				t.Errorf("stdout = %q, want containing %q", out, tt.wantStdout)
			}
			if !strings.Contains(errOut, tt.wantStderr) {
				t.Errorf("stderr = %q, want containing %q", errOut, tt.wantStderr)
			}
		})
	}
}
