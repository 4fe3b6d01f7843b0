package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkDemoCommand100k runs `mutasi demo --employees 100000` into a
// fresh database: generation, validation and storage of the scale demo.
// The target is under 60 s an operation.
func BenchmarkDemoCommand100k(b *testing.B) {
	for b.Loop() {
		env := map[string]string{"MUTASI_DB": filepath.Join(b.TempDir(), "mutasi.db")}
		var out, errOut bytes.Buffer
		args := []string{"demo", "--employees", "100000", "--date", "2026-03-15"}
		code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
		if code != exitOK {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
}
