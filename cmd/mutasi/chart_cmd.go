package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/chart"
	"github.com/mutasi/mutasi/placement"
)

func chartWorkloadCommand() *command {
	c := &command{
		name:    "chart workload",
		summary: "grafik beban kerja (EJ) per unit sebagai PNG, sebelum dan sesudah rencana",
		usage:   "--out FILE.png [--unit UNIT_ID] [--plan ID] [--width PX] [--force]",
		help: `Menggambar EJ setiap unit (jabatan milik unit itu sendiri) sebagai batang
mendatar, yang paling berat di atas, dengan garis EJ 1,0: di kanannya unit
kelebihan beban. Dengan --plan, EJ sebelum dan sesudah rencana itu
berdampingan. --unit membatasi pada unit itu dan sub-unitnya. Lebarnya
1080 piksel (layar ponsel) kecuali diberi --width. Berkas yang sudah ada
tidak ditimpa tanpa --force.

Contoh:
  mutasi chart workload --out beban.png
  mutasi chart workload --plan 3 --out rencana-3.png
  mutasi chart workload --unit DINKES --out dinkes.png`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		out := fs.String("out", "", "berkas PNG")
		unit := fs.String("unit", "", "unit (dengan sub-unitnya)")
		plan := fs.Int64("plan", 0, "nomor rencana tersimpan")
		width := fs.Int("width", chart.DefaultWidth, "lebar dalam piksel")
		force := fs.Bool("force", false, "timpa berkas yang sudah ada")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		switch {
		case len(pos) > 0:
			return usagef("argumen %q tidak dikenal", clipArg(pos[0]))
		case *out == "":
			return usagef("perlu --out FILE.png")
		case !strings.EqualFold(filepath.Ext(*out), ".png"):
			return usagef("--out %s: akhiran harus .png", *out)
		case flagSet(fs, "plan") && *plan <= 0:
			return usagef("--plan harus nomor rencana (lihat mutasi plan list)")
		case *width < chart.MinWidth || *width > chart.MaxWidth:
			return usagef("--width harus antara %d dan %d piksel", chart.MinWidth, chart.MaxWidth)
		}
		if err := dirExists(filepath.Dir(*out)); err != nil {
			return err
		}
		if err := refusePlanOverwrite(*out, *force); err != nil {
			return err
		}
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		rows, p, err := svc.Workload(ctx, placement.Admin(), *unit, *plan)
		if err != nil {
			return err
		}
		opt := chart.Options{Width: *width, WithAfter: p != nil}
		policy := svc.Policy()
		if p != nil {
			opt.Subtitle = fmt.Sprintf("Rencana #%d · %s pindah · kebijakan %s %s · %s", p.ID, mutasi.FormatInt(len(p.Moves)), p.PolicyName, p.PolicyVersion, p.Date)
		} else {
			opt.Subtitle = fmt.Sprintf("Per %s · jam kerja efektif %s setahun", mutasi.FormatDate(a.Now()),
				mutasi.FormatInt(int(effectiveHours(policy))))
		}
		if *unit != "" {
			opt.Title = chart.DefaultTitle + " — " + *unit
		}
		units := make([]chart.UnitLoad, len(rows))
		for i, r := range rows {
			units[i] = chart.UnitLoad{ID: r.UnitID, Nama: r.Nama, Before: r.Before, After: r.After}
		}
		if err := writeFileAtomic(*out, func(w io.Writer) error { return chart.Workload(w, units, opt) }); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "Grafik %s unit ditulis ke %s.\n", mutasi.FormatInt(len(units)), *out)
		return nil
	}
	return c
}
