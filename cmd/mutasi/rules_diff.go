package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/impact"
	"github.com/mutasi/mutasi/rules"
)

func rulesDiffCommand() *command {
	c := &command{
		name:    "rules diff",
		summary: "dampak perubahan kebijakan pada seluruh data, sebelum diberlakukan",
		usage:   "DIR_LAMA DIR_BARU [--date YYYY-MM-DD] [--samples N] [--json]",
		help: `Menilai setiap pegawai aktif, dan setiap pasangan (pegawai, jabatan yang
masih ada lowongannya), menurut kebijakan lama dan kebijakan baru, lalu
melaporkan:
  - apa yang berubah di berkas (parameter, aturan, tingkat, bobot skor);
  - berapa pegawai dan pasangan yang berubah putusan, ke arah mana;
  - aturan mana yang menyebabkannya;
  - pergeseran skor dan berapa lowongan yang kandidat teratasnya berganti;
  - contoh nama pegawai yang terdampak.
Tidak ada yang diubah: kebijakan baru baru berlaku setelah berkasnya
dipasang di direktori kebijakan yang dipakai.

Contoh:
  mutasi rules diff policies/ policies-usulan/
  mutasi rules diff policies/ policies-usulan/ --date 2027-01-01 --samples 20
  mutasi rules diff policies/ policies-usulan/ --json > dampak.json`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		date := fs.String("date", "", "tanggal penilaian YYYY-MM-DD (bawaan: hari ini)")
		samples := fs.Int("samples", 10, "jumlah contoh pegawai per arah perubahan")
		asJSON := fs.Bool("json", false, "keluaran JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 2 {
			return usagef("perlu dua direktori kebijakan: DIR_LAMA DIR_BARU")
		}
		if *samples < 1 || *samples > 1000 {
			return usagef("--samples harus antara 1 dan 1.000, bukan %s", formatInt(*samples))
		}
		today, err := evaluationDate(a, *date)
		if err != nil {
			return err
		}
		old, err := loadPolicyDir(pos[0], "lama")
		if err != nil {
			return err
		}
		new, err := loadPolicyDir(pos[1], "baru")
		if err != nil {
			return err
		}
		db, snap, err := openSnapshot(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		opt := impact.Options{
			Today: today, Targets: snap.vacancies(), Samples: *samples,
			Workers: runtime.GOMAXPROCS(0),
		}
		var clear func()
		opt.Progress, clear = progressLine(a, "menilai… %d pegawai")
		report, err := impact.Compare(ctx, old, new, opt, impact.Employees(ctx, db, snap.subject))
		clear()
		if err != nil {
			return err
		}
		if *asJSON {
			return writeDiffJSON(a.Stdout, report)
		}
		writeDiff(a.Stdout, report, pos[0], pos[1])
		return nil
	}
	return c
}

// loadPolicyDir loads one side of a diff; which says which side in errors.
func loadPolicyDir(dir, which string) (*rules.Policy, error) {
	p, err := loadPolicy(dir)
	if err != nil {
		return nil, fmt.Errorf("kebijakan %s (%s): %s", which, dir, errorText(err))
	}
	return p, nil
}

func writeDiff(w io.Writer, r *impact.Report, oldDir, newDir string) {
	fmt.Fprintln(w, "Dampak perubahan kebijakan")
	fmt.Fprintf(w, "Lama: %s %s (%s)\n", r.Old.Name, r.Old.Version, oldDir)
	fmt.Fprintf(w, "Baru: %s %s (%s)\n", r.New.Name, r.New.Version, newDir)
	fmt.Fprintf(w, "Tanggal penilaian %s · %s pegawai aktif · %s jabatan dengan lowongan\n\n",
		mutasi.FormatDate(r.Date), formatInt(r.Employees), formatInt(r.Vacancies))

	writeFileChanges(w, &r.Changes)
	writeOutcome(w, "Pertanyaan umum (\"bolehkah saya dimutasi?\")", "pegawai", &r.General)
	writeOutcome(w, "Pasangan pegawai × jabatan lowong (\"bolehkah saya pindah ke jabatan ini?\")", "pasangan", &r.Pairs)
	if r.Vacancies > 0 {
		fmt.Fprintf(w, "Kandidat teratas berganti pada %s dari %s lowongan.\n",
			formatInt(r.TopChanged), formatInt(r.Vacancies))
	}
}

func writeFileChanges(w io.Writer, fc *impact.FileChanges) {
	fmt.Fprintln(w, "Perubahan berkas:")
	if fc.Same {
		fmt.Fprintln(w, "  tidak ada: isi berkas sama persis")
		fmt.Fprintln(w)
		return
	}
	n := 0
	line := func(format string, args ...any) {
		fmt.Fprintf(w, "  "+format+"\n", args...)
		n++
	}
	for _, c := range fc.Params {
		line("parameter %s: %s → %s", c.Name, orNone(diffValue(c.Old)), orNone(diffValue(c.New)))
	}
	for _, id := range fc.RulesAdded {
		line("aturan baru: %s", id)
	}
	for _, id := range fc.RulesRemoved {
		line("aturan dihapus: %s", id)
	}
	for _, c := range fc.SeverityChange {
		line("tingkat aturan %s: %s → %s", c.Name, c.Old, c.New)
	}
	for _, c := range fc.WeightChange {
		line("bobot skor %s: %s → %s", c.Name, diffValue(c.Old), diffValue(c.New))
	}
	for _, id := range fc.TermsAdded {
		line("unsur skor baru: %s", id)
	}
	for _, id := range fc.TermsRemoved {
		line("unsur skor dihapus: %s", id)
	}
	for _, e := range fc.RulesEdited {
		line("aturan diubah: %s (%s)", e.ID, strings.Join(e.Keys, ", "))
	}
	for _, e := range fc.TermsEdited {
		line("unsur skor diubah: %s (%s)", e.ID, strings.Join(e.Keys, ", "))
	}
	if n == 0 {
		line("param, aturan, dan skor sama; yang berubah hanya komentar, tata letak, keterangan, atau daftar rumpun pendidikan")
	}
	fmt.Fprintln(w)
}

// diffValue writes the numbers in a value of package impact (rendered for
// JSON, with a decimal point: "0.85", "1250", "[0.5, 1]") the Indonesian
// way: "0,85", "1.250", "[0,5, 1]". Text stays as it is.
func diffValue(s string) string {
	if inner, ok := strings.CutPrefix(s, "["); ok && strings.HasSuffix(inner, "]") {
		items := strings.Split(strings.TrimSuffix(inner, "]"), ", ")
		for i, it := range items {
			items[i] = diffNumber(it)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return diffNumber(s)
}

func diffNumber(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) >= 1e15 {
		return s // not a number, or beyond what formatDecimal groups
	}
	places := 0
	if _, frac, ok := strings.Cut(strconv.FormatFloat(f, 'f', -1, 64), "."); ok {
		places = len(frac)
	}
	return formatDecimal(f, places)
}

func orNone(s string) string {
	if s == "" {
		return "(tidak ada)"
	}
	return s
}

func writeOutcome(w io.Writer, title, unit string, o *impact.Outcome) {
	fmt.Fprintf(w, "%s — %s %s\n", title, formatInt(o.Total), unit)
	if o.Total == 0 {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "  memenuhi syarat: %s → %s (%s)\n", formatInt(o.EligibleOld), formatInt(o.EligibleNew),
		signed(o.EligibleNew-o.EligibleOld))
	fmt.Fprintf(w, "  menjadi tidak memenuhi syarat: %s · menjadi memenuhi syarat: %s\n", formatInt(o.Lost), formatInt(o.Gained))
	if len(o.Causes) > 0 {
		fmt.Fprintln(w, "  Penyebab:")
		for _, c := range o.Causes {
			var parts []string
			if c.NewlyBlocking > 0 {
				parts = append(parts, fmt.Sprintf("kini menolak %s", formatInt(c.NewlyBlocking)))
			}
			if c.NoLongerBlocking > 0 {
				parts = append(parts, fmt.Sprintf("tidak lagi menolak %s", formatInt(c.NoLongerBlocking)))
			}
			fmt.Fprintf(w, "    %s (%s): %s\n", c.RuleID, c.Title, strings.Join(parts, ", "))
		}
	}
	if o.ScoreChanged > 0 {
		fmt.Fprintf(w, "  Skor berubah pada %s yang tetap memenuhi syarat: rata-rata %s poin, paling besar %s poin\n",
			formatInt(o.ScoreChanged), formatDecimal(o.MeanScoreDelta(), 1), formatDecimal(o.ScoreMaxDelta, 1))
	}
	writeSamples(w, "Contoh yang menjadi tidak memenuhi syarat", o.LostSamples, o.Lost)
	writeSamples(w, "Contoh yang menjadi memenuhi syarat", o.GainedSamples, o.Gained)
	fmt.Fprintln(w)
}

func writeSamples(w io.Writer, title string, list []impact.Sample, total int) {
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s:\n", title)
	for _, s := range list {
		to := ""
		switch {
		case s.Count > 1:
			to = fmt.Sprintf(" → %s dan %s jabatan lain", s.Target, formatInt(s.Count-1))
		case s.Target != "":
			to = " → " + s.Target
		}
		fmt.Fprintf(w, "    %s  %s%s — %s\n", mutasi.NIP(s.NIP).Format(), s.Nama, to, strings.Join(s.Rules, ", "))
	}
}

func signed(n int) string {
	if n > 0 {
		return "+" + formatInt(n)
	}
	return formatInt(n)
}

func writeDiffJSON(w io.Writer, r *impact.Report) error {
	doc := struct {
		Date string `json:"date"`
		*impact.Report
	}{mutasi.FormatDate(r.Date), r}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
