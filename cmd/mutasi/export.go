package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/exchange"
	"github.com/mutasi/mutasi/store"
)

// exportCommand is the "export" command.
func exportCommand() *command {
	c := &command{
		name:    "export",
		summary: "ekspor unit, jabatan, pegawai, atau aspirasi ke CSV, XLSX, atau JSON",
		usage:   "units|positions|employees|aspirations|all [--format csv|xlsx|json] [--out BERKAS|DIR] [--force]",
		help: `Menulis data aktif dalam format pertukaran data yang sama dengan impor:
kolom sesuai urutan baku, tanggal YYYY-MM-DD, daftar dipisah ';', tugas_belajar
ya/tidak. Hasil ekspor dapat diimpor kembali apa adanya.

Format diambil dari --format, atau dari akhiran --out, atau CSV. Tanpa --out,
CSV dan JSON ditulis ke keluaran standar. XLSX perlu --out. "all" menulis satu
workbook (--format xlsx, satu lembar per tabel), satu dokumen JSON berkunci
nama tabel, atau direktori berisi units.csv, positions.csv, employees.csv,
aspirations.csv (--format csv dengan --out DIR). Berkas yang sudah ada tidak
ditimpa, kecuali dengan --force.

Contoh:
  mutasi export employees > pegawai.csv
  mutasi export positions --format json
  mutasi export all --out cadangan/pemda.xlsx
  mutasi export all --format csv --out cadangan/`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error { return runExport(ctx, a, c, args) }
	return c
}

func runExport(ctx context.Context, a *app, c *command, args []string) error {
	flags := newFlagSet(a, c)
	formatFlag := flags.String("format", "", "csv, xlsx, atau json (bawaan: dari akhiran --out, atau csv)")
	out := flags.String("out", "", "berkas (atau direktori untuk all dalam CSV) tujuan; bawaan: keluaran standar")
	force := flags.Bool("force", false, "timpa berkas tujuan yang sudah ada")
	pos, err := parseFlags(a, c, flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("perlu satu argumen: nama tabel (%s) atau all", strings.Join(mutasi.Tables(), ", "))
	}
	tables := []string{pos[0]}
	if pos[0] == "all" {
		tables = mutasi.Tables()
	} else if exchange.Columns(pos[0]) == nil {
		return usagef("tabel %q tidak dikenal; pilihan: %s, all", pos[0], strings.Join(mutasi.Tables(), ", "))
	}
	format, err := exportFormat(*formatFlag, *out, len(tables) > 1)
	if err != nil {
		return err
	}
	if format == exchange.XLSX && *out == "" {
		return usagef("XLSX perlu --out BERKAS.xlsx")
	}
	csvDir := format == exchange.CSV && len(tables) > 1
	if csvDir && *out == "" {
		return usagef("all dalam CSV perlu --out DIR (satu berkas per tabel); atau gunakan --format xlsx atau json")
	}

	if err := checkTargets(*out, tables, csvDir, *force); err != nil {
		return err
	}

	if _, err := os.Stat(a.DB); errors.Is(err, fs.ErrNotExist) {
		return mutasi.Errorf(mutasi.ENOTFOUND, "basis data %s tidak ditemukan (atur --db atau MUTASI_DB)", a.DB)
	}
	db, err := store.Open(ctx, a.DB, store.WithClock(a.Now))
	if err != nil {
		return err
	}
	defer db.Close()
	// All tables from one read transaction: an import committed while the
	// export runs must not show in some tables and not in others.
	snap, err := db.Snapshot(ctx)
	if err != nil {
		return err
	}
	defer snap.Close()

	switch {
	case csvDir:
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		for _, t := range tables {
			path := filepath.Join(*out, t+".csv")
			if err := writeFileAtomic(path, func(w io.Writer) error {
				return exchange.WriteCSV(ctx, w, snap, t)
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "%s ditulis ke %s\n", t, path)
		}
		return nil
	case *out == "":
		return exchange.Write(ctx, a.Stdout, snap, format, tables...)
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error {
		return exchange.Write(ctx, w, snap, format, tables...)
	}); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "%s ditulis ke %s\n", strings.Join(tables, ", "), *out)
	return nil
}

// checkTargets refuses, before anything is written, an export that would
// replace a file without --force, or write a file where a directory is.
func checkTargets(out string, tables []string, csvDir, force bool) error {
	if out == "" {
		return nil
	}
	targets := []string{out}
	if csvDir {
		if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
			return mutasi.Errorf(mutasi.EINVALID, "%s bukan direktori; all dalam CSV ditulis ke sebuah direktori", out)
		}
		targets = targets[:0]
		for _, t := range tables {
			targets = append(targets, filepath.Join(out, t+".csv"))
		}
	}
	for _, path := range targets {
		fi, err := os.Stat(path)
		switch {
		case err != nil:
			continue
		case fi.IsDir():
			return mutasi.Errorf(mutasi.EINVALID, "%s adalah direktori; tulis ke sebuah berkas (mis. %s)",
				path, filepath.Join(path, strings.Join(tables, "-")+"."+exportExt(out)))
		case !force:
			return mutasi.Errorf(mutasi.ECONFLICT, "%s sudah ada; pakai --force untuk menimpanya, atau --out lain", path)
		}
	}
	return nil
}

// exportExt is the extension an export to out would have.
func exportExt(out string) string {
	if f := exchange.FormatOf(out); f != "" {
		return string(f)
	}
	return "csv"
}

// exportFormat decides the format from --format and the extension of
// --out, refusing a contradiction (--format csv --out x.xlsx).
func exportFormat(flagValue, out string, several bool) (exchange.Format, error) {
	var fromFlag exchange.Format
	if flagValue != "" {
		fromFlag = exchange.Format(strings.ToLower(flagValue))
		switch fromFlag {
		case exchange.CSV, exchange.XLSX, exchange.JSON:
		default:
			return "", usagef("--format %q tidak dikenal; pilihan: csv, xlsx, json", flagValue)
		}
	}
	fromOut := exchange.FormatOf(out)
	switch {
	case fromFlag != "" && fromOut != "" && fromFlag != fromOut:
		return "", usagef("--format %s tidak cocok dengan akhiran %s", fromFlag, out)
	case fromFlag != "":
		return fromFlag, nil
	case fromOut != "":
		return fromOut, nil
	case several && out != "":
		return exchange.CSV, nil // a directory of CSV files
	case several:
		return "", usagef("all perlu --format xlsx, json, atau csv dengan --out DIR")
	}
	return exchange.CSV, nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory and renames it into place, so that a failed export never
// leaves half a file where a good one was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if err := dirExists(filepath.Dir(path)); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file 0600; an export is meant to be shared like
	// any file the user writes, so give it the usual permissions.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
