package main

import (
	"context"
	"errors"
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
berkas .yaml di sana disimpan (berkas uji *_test.yaml juga): mengompilasi
ulang seluruh kebijakan, menjalankan uji kebijakan, dan melaporkan hasilnya
setiap kali: dipakai (dengan versinya), ditolak (dengan alasannya), atau
tidak berubah. Kebijakan yang tidak lolos kompilasi atau yang uji
kebijakannya gagal ditolak: kebijakan terakhir yang baik tetap dipakai dan
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
		lastRefused := false
		return engine.Watch(ctx, rules.WatchOptions{
			Debounce: 300 * time.Millisecond,
			// Said once the watch is on, so that a save after these lines
			// is always answered.
			Ready: func() {
				fmt.Fprintf(a.Stdout, "%s memantau %s — kebijakan %s %s\n", stamp(), dir, engine.Policy().Name, engine.Policy().VersionID())
				reportTests(a.Stdout, engine.Policy(), dir)
			},
			OnOutcome: func(o rules.ReloadOutcome) {
				reportOutcome(a.Stdout, stamp(), o, lastRefused)
				lastRefused = o.Refused()
			},
			OnError: func(err error) {
				fmt.Fprintf(a.Stdout, "%s direktori tidak dapat dipantau: %s\n", stamp(), errorText(err))
			},
		})
	}
	return c
}

// reportOutcome prints what one reload did: every save gets an answer,
// even one that changes nothing in use.
func reportOutcome(w io.Writer, stamp string, o rules.ReloadOutcome, lastRefused bool) {
	id := o.Policy.Name + " " + o.Policy.VersionID()
	switch {
	case o.Activated:
		fmt.Fprintf(w, "%s dimuat ulang: kebijakan %s\n", stamp, id)
	case o.Refused():
		fmt.Fprintf(w, "%s DITOLAK, tetap memakai %s: %s\n", stamp, o.Policy.VersionID(), reloadError(o.Err))
	case lastRefused:
		fmt.Fprintf(w, "%s berkas sudah benar lagi; kebijakan tidak berubah, tetap memakai %s\n", stamp, id)
	default:
		fmt.Fprintf(w, "%s kebijakan tidak berubah, tetap memakai %s\n", stamp, id)
	}
	if o.Unchanged && o.Err != nil {
		fmt.Fprintf(w, "  PERHATIAN: %s\n", reloadError(o.Err))
	}
	if o.Tests != nil {
		printTestSummary(w, o.Tests)
	}
}

// reloadError is the reason a reload gave, in words.
func reloadError(err error) string {
	var tf *rules.TestsFailedError
	if errors.As(err, &tf) {
		return tf.Error()
	}
	return errorText(policyError(err))
}

// reportTests runs the policy's test cases and prints one line, and the
// failing cases in full.
func reportTests(w io.Writer, p *rules.Policy, dir string) {
	results, err := rules.RunTests(p, dir)
	if err != nil {
		fmt.Fprintf(w, "  uji kebijakan tidak dapat dibaca: %s\n", errorText(policyError(err)))
		return
	}
	printTestSummary(w, results)
}

// printTestSummary prints the failing cases in full, then one line.
func printTestSummary(w io.Writer, results []rules.TestResult) {
	failed := 0
	for _, r := range results {
		if !r.Passed() {
			failed++
			fmt.Fprintln(w, r.String())
		}
	}
	fmt.Fprintf(w, "  uji kebijakan: %s kasus, %s lulus, %s gagal\n",
		formatInt(len(results)), formatInt(len(results)-failed), formatInt(failed))
}
