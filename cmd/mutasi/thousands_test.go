package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Counts and limits above 999 are grouped with dots in every message.
func TestCommandMessagesGroupThousands(t *testing.T) {
	var errOut bytes.Buffer
	a := &app{Stderr: &errOut, Now: time.Now, Terminal: true}
	report, clear := progressLine(a, "employees: %d baris dibaca …")
	report(12345)
	clear()
	if !strings.Contains(errOut.String(), "employees: 12.345 baris dibaca …") {
		t.Errorf("progress %q", errOut.String())
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"demo", "--employees", "2000000"}, "--employees harus antara 1 dan 1.000.000, bukan 2.000.000"},
		{[]string{"rules", "diff", policiesDir, policiesDir, "--samples", "5000"}, "--samples harus antara 1 dan 1.000, bukan 5.000"},
	} {
		_, stderr := mustRun(t, newDB(t), exitUsage, tt.args...)
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("mutasi %s: stderr %q, want %q", strings.Join(tt.args, " "), stderr, tt.want)
		}
	}
}
