package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/exchange"
	"github.com/mutasi/mutasi/store"
)

// importCommand is the "import" command.
func importCommand() *command {
	c := &command{
		name:    "import",
		summary: "impor unit, jabatan, pegawai, atau aspirasi dari berkas CSV/XLSX",
		usage:   "units|positions|employees|aspirations BERKAS | all DIR|BERKAS.xlsx  [--dry-run] [--replace]",
		help: `Membaca satu tabel dari berkas CSV (UTF-8, baris pertama judul kolom) atau
dari lembar (sheet) bernama sama dengan tabel di workbook XLSX. Satu berkas
diimpor seluruhnya atau tidak sama sekali: satu baris salah menolak berkas,
dan setiap kesalahan dilaporkan sebagai berkas:baris: kolom: masalah.

"all" mengimpor keempat tabel berurutan (units, positions, employees,
aspirations) dari direktori berisi units.csv, positions.csv, ... (atau .xlsx),
atau dari satu workbook dengan lembar units, positions, ... Berkas .csv/.xlsx
atau lembar berisi data dengan nama lain (mis. pegawai.csv) ditolak sebelum
apa pun diimpor. Tabel yang tidak ada berkasnya (disebutkan), atau yang
berkasnya hanya berisi judul kolom (ekspor tabel kosong), dilewati. Bila satu tabel ditolak, tabel sebelumnya tetap
tersimpan dan tabel sesudahnya tidak diimpor; keluaran menyebutkan mana saja.

--dry-run memeriksa semuanya tanpa menulis apa pun. --replace membuat tabel
sama persis dengan berkas: baris yang tidak ada di berkas dinonaktifkan
(aspirasi: dihapus).

Contoh:
  mutasi import units data/units.csv
  mutasi import employees data/pegawai.xlsx --dry-run
  mutasi import employees data/employees.csv --replace
  mutasi import all data/            # units.csv, positions.csv, employees.csv, aspirations.csv
  mutasi import all data/pemda.xlsx --dry-run`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error { return runImport(ctx, a, c, args) }
	return c
}

func runImport(ctx context.Context, a *app, c *command, args []string) error {
	flags := newFlagSet(a, c)
	dryRun := flags.Bool("dry-run", false, "periksa saja, jangan tulis apa pun")
	replace := flags.Bool("replace", false, "nonaktifkan baris yang tidak ada di berkas")
	pos, err := parseFlags(a, c, flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("perlu dua argumen: TABEL dan BERKAS (mis. mutasi import employees pegawai.csv)")
	}
	table, path := pos[0], pos[1]
	opt := mutasi.ImportOptions{DryRun: *dryRun, Replace: *replace}
	if table == "all" {
		return importAll(ctx, a, path, opt)
	}
	if exchange.Columns(table) == nil {
		return usagef("tabel %q tidak dikenal; pilihan: %s, all", table, strings.Join(mutasi.Tables(), ", "))
	}
	if fi, err := os.Stat(path); err != nil {
		return fileMissing(path, err)
	} else if fi.IsDir() {
		return usagef("%s adalah direktori, bukan berkas; untuk mengimpor keempat tabel dari direktori: mutasi import all %s", path, path)
	}
	created := beforeOpen(a.DB)
	db, err := store.Open(ctx, a.DB, store.WithClock(a.Now))
	if err != nil {
		return err
	}
	defer created.close(ctx, db)
	res, err := importTable(ctx, a, db, table, path, opt)
	if err != nil {
		return rejected(a.Stderr, err)
	}
	printImportResult(a.Stdout, exchange.SourceName(path, table), res)
	if opt.DryRun {
		return nil
	}
	err = warnDangling(ctx, a, db)
	printQualityLine(ctx, a, db)
	return err
}

func fileMissing(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return mutasi.Errorf(mutasi.ENOTFOUND, "%s: berkas tidak ditemukan", path)
	}
	return err
}

// importTable imports one table from path, drawing progress on a terminal.
func importTable(ctx context.Context, a *app, imp mutasi.Importer, table, path string, opt mutasi.ImportOptions) (mutasi.ImportResult, error) {
	opt.File = exchange.SourceName(path, table)
	var clear func()
	opt.Progress, clear = progressLine(a, table+": %d baris dibaca …")
	defer clear()
	switch table {
	case mutasi.TableUnits:
		return imp.ImportUnits(ctx, exchange.Units(path), opt)
	case mutasi.TablePositions:
		return imp.ImportPositions(ctx, exchange.Positions(path), opt)
	case mutasi.TableEmployees:
		return imp.ImportEmployees(ctx, exchange.Employees(path), opt)
	case mutasi.TableAspirations:
		return imp.ImportAspirations(ctx, exchange.Aspirations(path), opt)
	}
	return mutasi.ImportResult{}, mutasi.Errorf(mutasi.EINVALID, "tabel %q tidak dikenal", table)
}

// rejected prints every problem of a rejected file to w and returns the
// error to end the command with: its last line, the verdict.
func rejected(w io.Writer, err error) error {
	var ie *mutasi.ImportError
	if !errors.As(err, &ie) {
		return err
	}
	lines := strings.Split(ie.Error(), "\n")
	for _, l := range lines[:len(lines)-1] {
		fmt.Fprintln(w, l)
	}
	return mutasi.Errorf(mutasi.EINVALID, "%s", lines[len(lines)-1])
}

func printImportResult(w io.Writer, name string, r mutasi.ImportResult) {
	gone := "dinonaktifkan"
	if r.Table == mutasi.TableAspirations {
		gone = "dihapus"
	}
	fmt.Fprintf(w, "%s (%s): %s baris — %s ditambah, %s diubah, %s tetap, %s %s",
		r.Table, name, formatInt(r.Rows), formatInt(r.Added), formatInt(r.Changed),
		formatInt(r.Unchanged), formatInt(r.Deactivated), gone)
	if r.DryRun {
		fmt.Fprint(w, " (uji coba, tidak ada yang ditulis)")
	}
	fmt.Fprintln(w)
}

// importAll imports every table found in a directory or a workbook, in
// order. A dry run imports into a copy of the database, so that later
// tables can refer to rows the earlier ones would add, and then discards
// the copy.
func importAll(ctx context.Context, a *app, path string, opt mutasi.ImportOptions) error {
	files, err := findTableFiles(path)
	if err != nil {
		return err
	}
	dbPath := a.DB
	if opt.DryRun {
		tmp, err := os.MkdirTemp("", "mutasi-uji-coba-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dbPath = filepath.Join(tmp, "uji-coba.db")
		if err := copyDatabase(ctx, a, dbPath); err != nil {
			return err
		}
	}
	created := beforeOpen(dbPath)
	db, err := store.Open(ctx, dbPath, store.WithClock(a.Now))
	if err != nil {
		return err
	}
	defer created.close(ctx, db)

	tableOpt := opt
	tableOpt.DryRun = false // a dry run writes to the copy
	var done []string
	for i, table := range mutasi.Tables() {
		file, ok := files[table]
		if !ok {
			fmt.Fprintln(a.Stdout, missingTable(path, table))
			continue
		}
		res, err := importTable(ctx, a, db, table, file, tableOpt)
		if exchange.IsNoData(err) {
			// The export of an empty table: nothing to import, and with
			// --replace nothing to empty the table by accident.
			fmt.Fprintf(a.Stdout, "%s (%s): tidak ada baris data, dilewati\n", table, exchange.SourceName(file, table))
			continue
		}
		if err != nil {
			verdict := rejected(a.Stderr, err)
			var later []string
			for _, t := range mutasi.Tables()[i+1:] {
				if _, ok := files[t]; ok {
					later = append(later, t)
				}
			}
			fmt.Fprintln(a.Stderr, allOutcome(done, table, later, opt.DryRun))
			return verdict
		}
		res.DryRun = opt.DryRun
		printImportResult(a.Stdout, exchange.SourceName(file, table), res)
		done = append(done, table)
	}
	// On a dry run this looks at the copy: what the real run would leave.
	err = warnDangling(ctx, a, db)
	printQualityLine(ctx, a, db)
	return err
}

// allOutcome says what an interrupted "import all" left behind.
func allOutcome(done []string, failed string, later []string, dryRun bool) string {
	var b strings.Builder
	switch {
	case dryRun:
		b.WriteString("Uji coba: tidak ada yang ditulis.")
	case len(done) > 0:
		fmt.Fprintf(&b, "Sudah diimpor dan tetap tersimpan: %s.", strings.Join(done, ", "))
	default:
		b.WriteString("Belum ada tabel yang diimpor.")
	}
	fmt.Fprintf(&b, " Ditolak: %s.", failed)
	if len(later) > 0 {
		fmt.Fprintf(&b, " Tidak diimpor: %s.", strings.Join(later, ", "))
	}
	return b.String()
}

// findTableFiles maps each table to its file: TABLE.csv or TABLE.xlsx in a
// directory (any case: Units.CSV), or the workbook itself for each table it
// has a sheet for. A file or sheet that is no table's is refused, not
// skipped: pegawai.csv is most likely the employees someone meant to
// import.
func findTableFiles(path string) (map[string]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileMissing(path, err)
	}
	files := make(map[string]string)
	if !fi.IsDir() {
		if exchange.FormatOf(path) != exchange.XLSX {
			return nil, usagef("import all perlu direktori atau workbook .xlsx, bukan %s", path)
		}
		tables, others, err := exchange.WorkbookSheets(path)
		if err != nil {
			return nil, err
		}
		if len(others) > 0 {
			return nil, mutasi.Errorf(mutasi.EINVALID,
				"%s: lembar tidak dikenal: %s; import all hanya membaca lembar bernama %s; ganti nama lembar itu sesuai tabelnya, atau hapus dari workbook",
				path, quoteNames(others), strings.Join(mutasi.Tables(), ", "))
		}
		for _, t := range tables {
			files[t] = path
		}
		if len(files) == 0 {
			return nil, mutasi.Errorf(mutasi.EINVALID, "%s: tidak ada lembar bernama %s", path, strings.Join(mutasi.Tables(), ", "))
		}
		return files, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var unknown []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue // hidden files, and Excel's lock file of an open workbook
		}
		ext := filepath.Ext(name)
		stem := strings.TrimSuffix(name, ext)
		format := exchange.FormatOf(name)
		isTable := exchange.IsTableName(stem)
		switch {
		case isTable && (format == exchange.CSV || format == exchange.XLSX):
			t := strings.ToLower(strings.TrimSpace(stem))
			p := filepath.Join(path, name)
			if other, ok := files[t]; ok {
				return nil, usagef("%s dan %s keduanya ada; sisakan satu", other, p)
			}
			files[t] = p
		case isTable || format == exchange.CSV || format == exchange.XLSX:
			// employees.xls, pegawai.csv: meant for import, not readable as
			// a table.
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return nil, mutasi.Errorf(mutasi.EINVALID,
			"%s: berkas tidak dikenal: %s; import all hanya membaca %s, masing-masing .csv atau .xlsx (mis. employees.csv); ganti nama berkas itu sesuai tabelnya, atau pindahkan dari direktori ini",
			path, strings.Join(unknown, ", "), strings.Join(mutasi.Tables(), ", "))
	}
	if len(files) == 0 {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "%s: tidak ada berkas %s.csv (atau .xlsx)", path, strings.Join(mutasi.Tables(), ".csv, "))
	}
	return files, nil
}

// missingTable says where a table of import all was looked for.
func missingTable(path, table string) string {
	if exchange.FormatOf(path) == exchange.XLSX {
		return fmt.Sprintf("%s: tidak ada lembar %s di %s, dilewati", table, table, path)
	}
	return fmt.Sprintf("%s: tidak ada berkas %s.csv atau %s.xlsx di %s, dilewati", table, table, table, path)
}

// quoteNames lists names quoted, as sheet names may hold spaces.
func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// copyDatabase writes a consistent copy of a.DB to dest; a database that
// does not exist yet copies as an empty one.
func copyDatabase(ctx context.Context, a *app, dest string) error {
	if _, err := os.Stat(a.DB); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := store.Open(ctx, a.DB, store.WithClock(a.Now))
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Backup(ctx, dest)
}
