package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs the CLI in-process with the given environment and returns
// its exit status and outputs.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
	return code, out.String(), errOut.String()
}

func TestRunUsageAndExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"no command", nil, exitUsage, "Pemakaian: mutasi", ""},
		{"help", []string{"help"}, exitOK, "Perintah:", ""},
		{"--help", []string{"--help"}, exitOK, "Perintah:", ""},
		{"-h", []string{"-h"}, exitOK, "Perintah:", ""},
		{"-h after a global flag", []string{"--db", "x.db", "-h"}, exitOK, "Perintah:", ""},
		{"unknown command", []string{"pindahkan"}, exitUsage, "", `perintah tidak dikenal: "pindahkan"`},
		{"bad global flag", []string{"--nope", "stats"}, exitUsage, "", "opsi --nope tidak dikenal"},
		{"flag without value", []string{"check", "--to"}, exitUsage, "", "mutasi check: opsi --to perlu nilai"},
		{"flag with a bad number", []string{"demo", "--seed", "abc"}, exitUsage, "", `mutasi demo: nilai "abc" tidak sah untuk opsi --seed`},
		{"unknown command flag", []string{"stats", "--jam", "3"}, exitUsage, "", "mutasi stats: opsi --jam tidak dikenal"},
		{"group alone", []string{"rules"}, exitUsage, "", "  rules diff "},
		{"group help", []string{"rules", "--help"}, exitOK, "Bantuan satu perintah: mutasi rules PERINTAH --help", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, nil, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, errOut)
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

// Every command must answer --help with its usage and exit 0, without
// touching a database.
func TestEveryCommandHasHelp(t *testing.T) {
	env := map[string]string{"MUTASI_DB": t.TempDir() + "/must-not-be-created.db"}
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			args := append(strings.Fields(c.name), "--help")
			code, out, errOut := runCLI(t, env, args...)
			if code != exitOK {
				t.Fatalf("exit = %d, stderr %q", code, errOut)
			}
			if !strings.Contains(out, "Pemakaian: mutasi "+c.name) {
				t.Errorf("help lacks usage line: %q", out)
			}
			if !strings.Contains(out, "Contoh") {
				t.Errorf("help of %q has no examples (Contoh)", c.name)
			}
		})
	}
}

func TestLookupCommandPrefersLongestName(t *testing.T) {
	saved := commandList
	defer func() { commandList = saved }()
	commandList = func() []*command {
		return []*command{{name: "rules"}, {name: "rules check"}}
	}
	c, rest := lookupCommand([]string{"rules", "check", "dir"})
	if c == nil || c.name != "rules check" || len(rest) != 1 || rest[0] != "dir" {
		t.Errorf("lookup = %v %v", c, rest)
	}
}
