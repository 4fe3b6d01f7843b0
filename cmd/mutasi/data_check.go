package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/exchange"
	"github.com/mutasi/mutasi/quality"
	"github.com/mutasi/mutasi/rules"
	"github.com/mutasi/mutasi/store"
)

// dataCheckCommand is "data periksa": the data-quality report.
func dataCheckCommand() *command {
	c := &command{
		name:    "data periksa",
		summary: "periksa mutu data: yang kosong, janggal, atau ganda dan akan menyesatkan keputusan mutasi",
		usage:   "[--json] [--out LAPORAN.xlsx] [--force] [--date YYYY-MM-DD]",
		help: `Mencari data yang membuat keputusan mutasi keliru, per jenis, masing-masing
dengan tingkat (tinggi: kebijakan memutus keliru; sedang: gambaran beban,
lowongan atau peringkat keliru; rendah: patut dilihat) dan alasannya:
pegawai tanpa tmt_jabatan, tanpa penilaian kinerja yang semestinya ada,
tanpa jurusan atau dengan jurusan yang tidak dikenal daftar rumpun (dengan
saran jurusan terdekat), yang sudah mencapai BUP tetapi masih aktif, yang
mungkin tercatat ganda; jabatan tanpa beban kerja, tanpa kebutuhan, atau
dengan pemangku jauh melebihi kebutuhan; unit tanpa jabatan, unit berinduk
unit nonaktif; aspirasi ke jabatan atau unit nonaktif.

BUP dan daftar rumpun diambil dari kebijakan (--policies); bila kebijakan
tidak dapat dimuat, kedua pemeriksaan itu dilewati dan disebutkan.
--date menghitung usia dan penilaian kinerja yang sudah semestinya ada per
tanggal itu (bawaan: hari ini).

Keluaran teks: ringkasan per jenis, lalu paling banyak 10 contoh per jenis.
--json: satu dokumen (date, policy_version, records, total, kinds dengan
id, severity, title, why, table, count, items). --out: workbook XLSX, satu
lembar ringkasan dan satu lembar per jenis dengan kolom pengenal, kolom dan
nilai yang diragukan, saran, dan keterangan, untuk dikirim ke unit yang
memperbaikinya. Berkas yang sudah ada tidak ditimpa, kecuali dengan --force.

Contoh:
  mutasi data periksa
  mutasi data periksa --out laporan-mutu-data.xlsx
  mutasi data periksa --json --date 2026-03-01`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error { return runDataCheck(ctx, a, c, args) }
	return c
}

// examplesPerKind is how many records of a kind the text report shows.
const examplesPerKind = 10

func runDataCheck(ctx context.Context, a *app, c *command, args []string) error {
	fs := newFlagSet(a, c)
	asJSON := fs.Bool("json", false, "keluaran JSON")
	out := fs.String("out", "", "tulis laporan lengkap ke workbook .xlsx")
	force := fs.Bool("force", false, "timpa berkas --out yang sudah ada")
	date := fs.String("date", "", "tanggal penilaian YYYY-MM-DD (bawaan: hari ini)")
	pos, err := parseFlags(a, c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("data periksa tidak menerima argumen, diberi %q", strings.Join(pos, " "))
	}
	today, err := evaluationDate(a, *date)
	if err != nil {
		return err
	}
	if *out != "" {
		if exchange.FormatOf(*out) != exchange.XLSX {
			return usagef("--out harus berkas .xlsx, bukan %s", *out)
		}
		// Refused before the report is computed, as export does.
		if err := checkTargets(*out, []string{"laporan-mutu-data"}, false, *force); err != nil {
			return err
		}
		if err := dirExists(filepath.Dir(*out)); err != nil {
			return err
		}
	}
	p, perr := loadPolicy(a.Policies)
	if perr != nil {
		p = nil
		fmt.Fprintf(a.Stderr, "Peringatan: kebijakan %s tidak dapat dimuat, jadi jurusan dan BUP tidak diperiksa: %s\n", a.Policies, errorText(perr))
	}
	r, err := dataReport(ctx, a, p, today)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		writeQualityReport(a.Stdout, r, *out)
	}
	if *out == "" {
		return nil
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return quality.WriteXLSX(w, r) }); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "Laporan lengkap (%s catatan) ditulis ke %s\n", formatInt(r.Total()), *out)
	return nil
}

// dataReport checks the database at a.DB from one read transaction, so
// that an import committed meanwhile shows everywhere or nowhere.
func dataReport(ctx context.Context, a *app, p *rules.Policy, today time.Time) (*quality.Report, error) {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	snap, err := db.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	return quality.Check(ctx, snap, p, today)
}

// talliedSnapshot is a snapshot that lets the report skip reading the
// aspirations when nothing is inactive (quality.Tally), from the store's
// counts: the line after an import of 100,000 employees is then mostly
// the reading of the employees.
type talliedSnapshot struct {
	*store.Snapshot
	db *store.DB
}

func (s talliedSnapshot) Tally(ctx context.Context) (inactivePositions, inactiveUnits, aspirations int, err error) {
	c, err := s.db.Counts(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	return c.PositionsInactive, c.UnitsInactive, c.Aspirations, nil
}

// printQualityLine ends an import with what the data-quality report would
// list, and how to see it. The import has been committed: a failure here
// is said, never made the import's.
func printQualityLine(ctx context.Context, a *app, db *store.DB) {
	p, err := loadPolicy(a.Policies)
	if err != nil {
		p = nil
	}
	r, err := func() (*quality.Report, error) {
		snap, err := db.Snapshot(ctx)
		if err != nil {
			return nil, err
		}
		defer snap.Close()
		return quality.Check(ctx, talliedSnapshot{snap, db}, p, mutasi.Day(a.Now()))
	}()
	switch {
	case err != nil:
		fmt.Fprintf(a.Stderr, "Pemeriksaan mutu data gagal: %s\n", errorText(err))
	case r.Total() == 0:
		fmt.Fprintf(a.Stdout, "Pemeriksaan mutu data: tidak ada catatan yang perlu diperiksa%s.\n", skippedNote(r))
	default:
		fmt.Fprintf(a.Stdout, "Pemeriksaan mutu data: %s catatan perlu diperiksa (%s) — mutasi data periksa%s\n",
			formatInt(r.Total()), severityCounts(r), skippedNote(r))
	}
}

// skippedNote names the kinds a report could not check, for one line.
func skippedNote(r *quality.Report) string {
	var ids []string
	for _, k := range r.Kinds {
		if k.Skipped != "" {
			ids = append(ids, k.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return " (tidak diperiksa: " + strings.Join(ids, ", ") + ")"
}

// writeQualityReport prints the summary of every kind, then up to
// examplesPerKind records of each kind with findings.
func writeQualityReport(w io.Writer, r *quality.Report, out string) {
	fmt.Fprintf(w, "Pemeriksaan mutu data — tanggal penilaian %s", mutasi.FormatDate(r.Date))
	if r.PolicyVersion != "" {
		fmt.Fprintf(w, " · kebijakan %s %s", r.PolicyName, r.PolicyVersion)
	}
	fmt.Fprintf(w, "\nDiperiksa: %s unit, %s jabatan, %s pegawai aktif, %s aspirasi\n",
		formatInt(r.Records.Units), formatInt(r.Records.Positions), formatInt(r.Records.Employees), formatInt(r.Records.Aspirations))
	total := r.Total()
	if total == 0 {
		fmt.Fprintln(w, "Tidak ada catatan yang perlu diperiksa.")
	} else {
		fmt.Fprintf(w, "%s catatan perlu diperiksa (%s).\n", formatInt(total), severityCounts(r))
	}
	fmt.Fprintln(w)
	tb := &table{right: []bool{false, false, true}}
	tb.add("JENIS", "TINGKAT", "JUMLAH", "ID")
	for _, k := range r.Kinds {
		count := formatInt(k.Count)
		if k.Skipped != "" {
			count = "—"
		}
		tb.add(k.Title, string(k.Severity), count, k.ID)
	}
	tb.write(w)
	for _, k := range r.Kinds {
		if k.Skipped != "" {
			fmt.Fprintf(w, "— %s: tidak diperiksa, %s.\n", k.Title, k.Skipped)
		}
	}
	for _, k := range r.Kinds {
		if k.Count == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s — %s, %s catatan\n", k.Title, k.Severity, formatInt(k.Count))
		fmt.Fprintf(w, "  Mengapa penting: %s\n", k.Why)
		for _, it := range k.Items[:min(len(k.Items), examplesPerKind)] {
			fmt.Fprintf(w, "  · %s\n", itemLine(k, it))
		}
		if rest := k.Count - examplesPerKind; rest > 0 {
			fmt.Fprintf(w, "  … dan %s lainnya\n", formatInt(rest))
		}
	}
	if total > 0 && out == "" {
		fmt.Fprintln(w, "\nDaftar lengkap, satu lembar per jenis untuk dikirim ke unit: mutasi data periksa --out laporan-mutu-data.xlsx")
	}
}

// severityCounts says how many findings each severity has.
func severityCounts(r *quality.Report) string {
	by := r.BySeverity()
	var parts []string
	for _, s := range []quality.Severity{quality.Tinggi, quality.Sedang, quality.Rendah} {
		if by[s] > 0 {
			parts = append(parts, formatInt(by[s])+" "+string(s))
		}
	}
	return strings.Join(parts, ", ")
}

// itemLine is one record of a kind in the text report: who or what it is,
// the doubtful value, and its case.
func itemLine(k *quality.Kind, it quality.Item) string {
	var who string
	switch k.Table {
	case mutasi.TablePositions:
		who = fmt.Sprintf("%s %s (%s)", it.JabatanID, it.Nama, it.UnitID)
	case mutasi.TableUnits:
		who = fmt.Sprintf("%s %s", it.UnitID, it.Nama)
	default:
		who = fmt.Sprintf("%s %s (%s, %s)", mutasi.NIP(it.NIP).Format(), it.Nama, it.JabatanID, it.UnitID)
	}
	line := who + ": "
	if it.Value != "" {
		line += fmt.Sprintf("%s %q — ", it.Column, it.Value)
	}
	return line + it.Note
}
