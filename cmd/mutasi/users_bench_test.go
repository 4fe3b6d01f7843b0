package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkUsersInviteAllASN100k runs `mutasi users invite --all-asn` on a
// demo pemda of 100,000 employees, none registered: reading them, 100,000
// codes, the CSV file and one transaction of invites and audit entries.
// The target is a few seconds an operation.
func BenchmarkUsersInviteAllASN100k(b *testing.B) {
	dir := b.TempDir()
	template := filepath.Join(dir, "template.db")
	cli := func(db string, args ...string) {
		b.Helper()
		var out, errOut bytes.Buffer
		env := map[string]string{"MUTASI_DB": db}
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] }); code != exitOK {
			b.Fatalf("mutasi %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
	}
	cli(template, "demo", "--employees", "100000", "--date", "2026-03-01")
	db, out := filepath.Join(dir, "mutasi.db"), filepath.Join(dir, "undangan.csv")
	for b.Loop() {
		b.StopTimer()
		copyDBFile(b, template, db)
		os.Remove(out)
		b.StartTimer()
		cli(db, "users", "invite", "--all-asn", "--out", out)
	}
}

func copyDBFile(b *testing.B, from, to string) {
	b.Helper()
	src, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		b.Fatal(err)
	}
}
