package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/mutasi/mutasi/rules"
)

func rulesWatchCommand() *command {
	c := &command{
		name:    "rules watch",
		summary: "pantau direktori kebijakan: muat ulang, uji, dan laporkan setiap perubahan",
		usage:   "[DIR]",
		help: `Memuat kebijakan di DIR (bawaan: --policies), lalu setiap kali sebuah
berkas .yaml di sana disimpan: mengompilasi ulang seluruh kebijakan,
menjalankan uji kebijakan (*_test.yaml), dan melaporkan hasilnya. Bila
berkas baru tidak lolos, kebijakan terakhir yang baik tetap dipakai dan
kesalahannya ditampilkan dengan berkas:baris:kolom. Ini cara kerja yang
sama dengan bot yang sedang berjalan. Berhenti dengan Ctrl-C.

Contoh:
  mutasi rules watch
  mutasi rules watch policies-usulan/`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		dir, err := policyDirArg(a, pos)
		if err != nil {
			return err
		}
		engine, err := rules.NewEngine(dir)
		if err != nil {
			return policyError(err)
		}
		stamp := func() string { return a.Now().Format("15:04:05") }
		fmt.Fprintf(a.Stdout, "%s memantau %s — kebijakan %s %s\n", stamp(), dir, engine.Policy().Name, engine.Policy().VersionID())
		reportTests(a.Stdout, engine.Policy(), dir)
		return engine.Watch(ctx, rules.WatchOptions{
			Debounce: 300 * time.Millisecond,
			OnReload: func(p *rules.Policy) {
				fmt.Fprintf(a.Stdout, "%s dimuat ulang: kebijakan %s %s\n", stamp(), p.Name, p.VersionID())
				reportTests(a.Stdout, p, dir)
			},
			OnError: func(err error) {
				fmt.Fprintf(a.Stdout, "%s DITOLAK, tetap memakai %s: %s\n", stamp(), engine.Policy().VersionID(), errorText(policyError(err)))
			},
		})
	}
	return c
}

// reportTests runs the policy's test cases and prints one line, and the
// failing cases in full.
func reportTests(w io.Writer, p *rules.Policy, dir string) {
	results, err := rules.RunTests(p, dir)
	if err != nil {
		fmt.Fprintf(w, "  uji kebijakan tidak dapat dibaca: %s\n", errorText(policyError(err)))
		return
	}
	failed := 0
	for _, r := range results {
		if !r.Passed() {
			failed++
			fmt.Fprintln(w, r.String())
		}
	}
	fmt.Fprintf(w, "  uji kebijakan: %d kasus, %d lulus, %d gagal\n", len(results), len(results)-failed, failed)
}
