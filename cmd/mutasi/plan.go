package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mutasi/mutasi/placement"
)

func planCommand() *command {
	c := &command{
		name:    "plan",
		summary: "rencana mutasi menyeluruh yang menyeimbangkan beban kerja antarunit (optimal, dengan alasannya)",
		usage:   "[--date YYYY-MM-DD] [--json] [--out FILE.xlsx|FILE.csv] [--no-save]",
		help: `Menghitung sekumpulan pindah yang memaksimalkan jumlah skor kebijakan
seluruh pindah (objektif), dengan syarat:
  - setiap pindah memenuhi syarat kebijakan, juga setelah seluruh rencana
    dijalankan (diperiksa ulang satu per satu);
  - setiap pegawai pindah paling banyak sekali;
  - lowongan tidak pernah terisi melebihi formasi;
  - EJ jabatan asal tetap paling tinggi ej_asal_maks setelah semua yang
    pergi dihitung.
Penyelesaiannya eksak (aliran biaya minimum), bukan serakah.

Laporannya: setiap pindah dengan skor dan alasannya, EJ per unit sebelum
dan sesudah, sebaran EJ antarunit (simpangan baku, banyak unit kelas A dan
E), lowongan yang tetap terbuka dan aturan yang paling menghalanginya.

Rencana disimpan (kecuali --no-save) dengan nomornya, versi kebijakan dan
tanggalnya; lihat lagi dengan 'mutasi plan show', jadikan usulan dengan
'mutasi plan propose'. --out menulis juga berkas CSV (satu baris per
pindah) atau XLSX (lembar pindah, unit, dan lowongan terbuka).

Contoh:
  mutasi plan
  mutasi plan --date 2026-03-01 --json > rencana.json
  mutasi plan --out rencana.xlsx`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		date := fs.String("date", "", "tanggal evaluasi YYYY-MM-DD (bawaan: hari ini)")
		asJSON := fs.Bool("json", false, "keluaran JSON")
		out := fs.String("out", "", "tulis juga ke berkas .csv atau .xlsx")
		noSave := fs.Bool("no-save", false, "jangan simpan rencana")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usagef("argumen %q tidak dikenal; subperintah plan: list, show, export, propose", clipArg(pos[0]))
		}
		if *out != "" {
			if err := checkPlanOut(*out); err != nil {
				return err
			}
		}
		today, err := evaluationDate(a, *date)
		if err != nil {
			return err
		}
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		opt := placement.PlanOptions{Date: today}
		report, clear := progressLine(a, "menilai… %d pegawai")
		if report != nil {
			opt.Progress = func(done, _ int) { report(done) }
		}
		plan, err := svc.Plan(ctx, placement.Admin(), opt)
		clear()
		if err != nil {
			return err
		}
		if !*noSave {
			if err := svc.SavePlan(ctx, placement.Admin(), plan); err != nil {
				return err
			}
		}
		if *out != "" {
			if err := exportPlan(*out, plan); err != nil {
				return err
			}
		}
		if *asJSON {
			return writeJSON(a.Stdout, plan)
		}
		writePlan(a.Stdout, plan)
		if *out != "" {
			fmt.Fprintf(a.Stdout, "\nDitulis ke %s.\n", *out)
		}
		return nil
	}
	return c
}

// checkPlanOut refuses an output path before hours of work are spent: a
// missing directory or an unknown format.
func checkPlanOut(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".xlsx":
	default:
		return usagef("--out %s: akhiran harus .csv atau .xlsx", path)
	}
	return dirExists(filepath.Dir(path))
}

// clipArg shortens an argument echoed in an error: a user may paste anything.
func clipArg(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
