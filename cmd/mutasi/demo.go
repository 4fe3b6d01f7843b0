package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/demo"
	"github.com/mutasi/mutasi/exchange"
	"github.com/mutasi/mutasi/store"
)

// demoCommand is the "demo" command.
func demoCommand() *command {
	c := &command{
		name:    "demo",
		summary: "buat data contoh satu pemda (Kabupaten Sukamaju) untuk mencoba mutasi",
		usage:   "[--seed N] [--employees N] [--date YYYY-MM-DD] [--out DIR] [--force]",
		help: `Membuat pemda rekaan yang realistis: sekitar 45 unit (Sekretariat Daerah dan
bagian-bagiannya, Sekretariat DPRD, Inspektorat, dinas, badan, RSUD, puskesmas,
kecamatan), jabatan dari semua jenis dengan angka ABK (ada unit yang kelebihan
beban dan ada yang kelebihan pegawai), pegawai dengan NIP yang sah, dan
aspirasi sekitar sepertiga pegawai. Jurusan pegawai diambil dari
policies/rumpun_pendidikan.yaml, ditambah beberapa jurusan yang sengaja tidak
dikenal.

Hasilnya selalu sama untuk --seed, --employees, dan --date yang sama. Semua
tanggal (umur, masa jabatan, akhir hukuman disiplin) dihitung dari --date
(bawaan: hari ini).

Tanpa --out, data dimasukkan ke basis data (--db). Basis data yang sudah
berisi data tidak disentuh, kecuali dengan --force: berkasnya diganti.
Dengan --out DIR, data ditulis sebagai units.csv, positions.csv,
employees.csv, dan aspirations.csv untuk dicoba dengan 'mutasi import all DIR';
berkas yang sudah ada hanya ditimpa dengan --force.

Contoh:
  mutasi demo
  mutasi demo --db coba.db --seed 7 --employees 5000
  mutasi demo --date 2026-01-02 --force
  mutasi demo --out contoh/ && mutasi import all contoh/`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error { return runDemo(ctx, a, c, args) }
	return c
}

func runDemo(ctx context.Context, a *app, c *command, args []string) error {
	flags := newFlagSet(a, c)
	seed := flags.Uint64("seed", 1, "benih acak; benih yang sama memberi data yang sama")
	employees := flags.Int("employees", demo.DefaultEmployees, "jumlah pegawai")
	date := flags.String("date", "", "tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
	out := flags.String("out", "", "tulis berkas CSV ke direktori ini, bukan ke basis data")
	force := flags.Bool("force", false, "ganti basis data (atau berkas CSV) yang sudah ada")
	pos, err := parseFlags(a, c, flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("tidak menerima argumen, hanya opsi (ada %q)", pos[0])
	}
	if *employees < 1 || *employees > demo.MaxEmployees {
		return usagef("--employees harus antara 1 dan %s, bukan %s", formatInt(demo.MaxEmployees), formatInt(*employees))
	}
	today := mutasi.Day(a.Now())
	if *date != "" {
		if today, err = mutasi.ParseDate(*date); err != nil {
			return usagef("--date: %s", err)
		}
	}
	start := a.Now()
	p, err := demo.New(demo.Config{Seed: *seed, Employees: *employees, Today: today})
	if err != nil {
		return err
	}
	var counts map[string]int
	var where string
	if *out != "" {
		counts, err = demoToCSV(ctx, a, p, *out, *force)
		where = "berkas CSV di " + *out + " (impor dengan: mutasi import all " + *out + ")"
	} else {
		counts, err = demoToDB(ctx, a, p, *force)
		where = "basis data " + a.DB
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "Data contoh %s (benih %d, tanggal acuan %s) dibuat dalam %s:\n",
		demo.PemdaName, *seed, mutasi.FormatDate(today), mutasi.FormatDuration(a.Now().Sub(start)))
	fmt.Fprintf(a.Stdout, "  %7s unit\n  %7s jabatan\n  %7s pegawai\n  %7s aspirasi\n",
		formatInt(counts[mutasi.TableUnits]), formatInt(counts[mutasi.TablePositions]),
		formatInt(counts[mutasi.TableEmployees]), formatInt(counts[mutasi.TableAspirations]))
	fmt.Fprintf(a.Stdout, "Tersimpan di %s.\n", where)
	if *out != "" {
		return nil
	}
	// Show what was made: the demo is the first thing a newcomer runs.
	fmt.Fprintln(a.Stdout)
	// The demo has succeeded whatever the policy: without one, stats use
	// the regulation's hours and no check is suggested.
	policy, _ := loadPolicy(a.Policies)
	if err := showStats(ctx, a, effectiveHours(policy), false); err != nil {
		return err
	}
	if policy == nil {
		return nil
	}
	nip, to, err := suggestNext(ctx, a, a.Stdout, policy, today)
	if err != nil || nip == "" {
		return err
	}
	return tryoutAfterDemo(ctx, a, nip, to, today)
}

// tryoutAfterDemo opens the try-out chat: at a terminal, interactively;
// with input given (mutasi demo < skrip.txt), as a scripted session; with
// no input at all (a test, CI), not at all.
func tryoutAfterDemo(ctx context.Context, a *app, nip, to string, today time.Time) error {
	interactive := isTerminal(a.Stdin)
	in := bufio.NewReader(a.Stdin)
	if !interactive {
		if _, err := in.Peek(1); err != nil {
			return nil
		}
	}
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	pos, err := db.Position(ctx, to)
	if err != nil {
		db.Close()
		return err
	}
	personas, err := registerPersonas(ctx, db, nip, pos.UnitID)
	db.Close()
	if err != nil {
		return err
	}
	// The chat answers as of the demo's date, like the commands it
	// suggested: the data was made around that day.
	at := *a
	if !today.Equal(mutasi.Day(a.Now())) {
		at.Now = func() time.Time {
			now := a.Now()
			return today.Add(now.Sub(mutasi.Day(now)))
		}
	}
	return tryout(ctx, &at, in, personas, interactive)
}

// demoToDB imports the demo into a.DB through the store's import methods,
// which validate every row as they would a file.
func demoToDB(ctx context.Context, a *app, p *demo.Pemda, force bool) (map[string]int, error) {
	if err := prepareDemoDB(ctx, a, force); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, a.DB, store.WithClock(a.Now))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	counts := map[string]int{}
	for _, table := range mutasi.Tables() {
		opt := mutasi.ImportOptions{File: table + " (demo)"}
		var stop func()
		opt.Progress, stop = progressLine(a, table+": %d baris …")
		var res mutasi.ImportResult
		switch table {
		case mutasi.TableUnits:
			res, err = db.ImportUnits(ctx, p.Units(), opt)
		case mutasi.TablePositions:
			res, err = db.ImportPositions(ctx, p.Positions(), opt)
		case mutasi.TableEmployees:
			res, err = db.ImportEmployees(ctx, p.Employees(), opt)
		case mutasi.TableAspirations:
			res, err = db.ImportAspirations(ctx, p.Aspirations(), opt)
		}
		stop()
		if err != nil {
			// The generator makes only valid rows; a rejection is a bug,
			// and its every line helps to find it.
			return nil, rejected(a.Stderr, err)
		}
		counts[table] = res.Rows
	}
	return counts, nil
}

// prepareDemoDB makes sure the demo does not mix with real data: a missing
// or empty database is used, a database with data is refused, and with
// force the file is deleted first.
func prepareDemoDB(ctx context.Context, a *app, force bool) error {
	fi, err := os.Stat(a.DB)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.IsDir():
		return mutasi.Errorf(mutasi.EINVALID, "%s adalah direktori, bukan berkas basis data", a.DB)
	case force:
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(a.DB + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	case fi.Size() == 0:
		return nil
	}
	db, err := store.Open(ctx, a.DB, store.WithClock(a.Now))
	if err != nil {
		return mutasi.Errorf(mutasi.ECONFLICT, "%s sudah ada dan tidak dapat dibuka sebagai basis data mutasi (%v); pakai --force untuk menggantinya", a.DB, err)
	}
	defer db.Close()
	n, err := db.Counts(ctx)
	if err != nil {
		return err
	}
	proposals := 0
	for _, k := range n.Proposals {
		proposals += k
	}
	if n.Units+n.UnitsInactive+n.Positions+n.PositionsInactive+n.Employees+n.EmployeesInactive+n.Aspirations+proposals > 0 {
		return mutasi.Errorf(mutasi.ECONFLICT, "basis data %s sudah berisi data (%s unit, %s jabatan, %s pegawai, %s usulan); "+
			"data contoh tidak dicampur dengan data yang ada. Pakai --db BERKAS_BARU, atau --force untuk mengganti berkas itu",
			a.DB, formatInt(n.Units+n.UnitsInactive), formatInt(n.Positions+n.PositionsInactive),
			formatInt(n.Employees+n.EmployeesInactive), formatInt(proposals))
	}
	return nil
}

// demoToCSV writes the four tables as CSV files in dir with the writers of
// package exchange, so that they are exactly what 'mutasi import' reads.
func demoToCSV(ctx context.Context, a *app, p *demo.Pemda, dir string, force bool) (map[string]int, error) {
	if !force {
		for _, t := range mutasi.Tables() {
			path := filepath.Join(dir, t+".csv")
			if _, err := os.Stat(path); err == nil {
				return nil, mutasi.Errorf(mutasi.ECONFLICT, "%s sudah ada; pakai --force untuk menimpanya, atau --out DIR_LAIN", path)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	d, err := newDemoDirectory(p)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{
		mutasi.TableUnits: len(d.units), mutasi.TablePositions: len(d.positions),
		mutasi.TableEmployees: len(d.employees), mutasi.TableAspirations: len(d.aspirations),
	}
	for _, t := range mutasi.Tables() {
		path := filepath.Join(dir, t+".csv")
		if a.Terminal {
			fmt.Fprintf(a.Stderr, "\rmenulis %s …", path)
		}
		if err := writeFileAtomic(path, func(w io.Writer) error {
			return exchange.WriteCSV(ctx, w, d, t)
		}); err != nil {
			return nil, err
		}
	}
	if a.Terminal {
		fmt.Fprint(a.Stderr, "\r\033[K")
	}
	return counts, nil
}
