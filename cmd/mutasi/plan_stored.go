package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

func planListCommand() *command {
	c := &command{
		name:    "plan list",
		summary: "daftar rencana mutasi yang tersimpan",
		usage:   "[--limit N]",
		help: `Menampilkan rencana yang tersimpan, terbaru dulu: nomor, waktu dibuat,
tanggal penilaian, versi kebijakan, banyak pindah dan objektifnya.

Contoh:
  mutasi plan list
  mutasi plan list --limit 5`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		limit := fs.Int("limit", 20, "paling banyak sekian rencana (0: semua)")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usagef("plan list tidak menerima argumen (%q)", clipArg(pos[0]))
		}
		if *limit < 0 {
			return usagef("--limit tidak boleh negatif")
		}
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		list, err := svc.Plans(ctx, placement.Admin(), *limit)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintln(a.Stdout, "Belum ada rencana tersimpan; buat dengan 'mutasi plan'.")
			return nil
		}
		tb := &table{right: []bool{true, false, false, false, true, true}}
		tb.add("NO", "DIBUAT", "TANGGAL", "KEBIJAKAN", "PINDAH", "OBJEKTIF")
		for _, p := range list {
			tb.add(strconv.FormatInt(p.ID, 10), p.CreatedAt.Local().Format("2006-01-02 15:04"), mutasi.FormatDate(p.Date),
				p.PolicyVersion, mutasi.FormatInt(p.Moves), mutasi.FormatDecimal(p.Objective, 2))
		}
		return tb.write(a.Stdout)
	}
	return c
}

// planID parses the plan number argument of a plan subcommand.
func planID(pos []string, cmd string) (int64, error) {
	if len(pos) != 1 {
		return 0, usagef("perlu satu nomor rencana (mis. mutasi %s 3; lihat mutasi plan list)", cmd)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q bukan nomor rencana (bilangan bulat positif; lihat mutasi plan list)", clipArg(pos[0]))
	}
	return id, nil
}

// storedPlan reads the plan whose number is the one argument.
func storedPlan(ctx context.Context, a *app, pos []string, cmd string) (*placement.Plan, error) {
	id, err := planID(pos, cmd)
	if err != nil {
		return nil, err
	}
	svc, db, err := openService(ctx, a)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	plan, _, err := svc.LoadPlan(ctx, placement.Admin(), id)
	return plan, err
}

func planShowCommand() *command {
	c := &command{
		name:    "plan show",
		summary: "tampilkan rencana tersimpan",
		usage:   "ID [--json]",
		help: `Menampilkan rencana tersimpan persis seperti saat dibuat.

Contoh:
  mutasi plan show 3
  mutasi plan show 3 --json`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		asJSON := fs.Bool("json", false, "keluaran JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		plan, err := storedPlan(ctx, a, pos, "plan show")
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.Stdout, plan)
		}
		writePlan(a.Stdout, plan)
		return nil
	}
	return c
}

func planExportCommand() *command {
	c := &command{
		name:    "plan export",
		summary: "tulis rencana tersimpan ke CSV atau XLSX",
		usage:   "ID --out FILE.csv|FILE.xlsx [--force]",
		help: `CSV: satu baris per pindah. XLSX: lembar "pindah" (satu baris per pindah,
dengan alasannya), "unit" (EJ sebelum dan sesudah per unit) dan
"lowongan_terbuka" (lowongan yang tetap terbuka dan alasannya).
Berkas yang sudah ada tidak ditimpa tanpa --force.

Contoh:
  mutasi plan export 3 --out rencana-3.xlsx`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		out := fs.String("out", "", "berkas .csv atau .xlsx")
		force := fs.Bool("force", false, "timpa berkas yang sudah ada")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if _, err := planID(pos, "plan export"); err != nil {
			return err
		}
		if *out == "" {
			return usagef("perlu --out FILE.csv atau FILE.xlsx")
		}
		if err := checkPlanOut(*out); err != nil {
			return err
		}
		if err := refusePlanOverwrite(*out, *force); err != nil {
			return err
		}
		plan, err := storedPlan(ctx, a, pos, "plan export")
		if err != nil {
			return err
		}
		if err := exportPlan(*out, plan); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "Rencana #%d (%s pindah) ditulis ke %s.\n", plan.ID, mutasi.FormatInt(len(plan.Moves)), *out)
		return nil
	}
	return c
}

func planProposeCommand() *command {
	c := &command{
		name:    "plan propose",
		summary: "jadikan pindah dari rencana tersimpan sebagai usulan, dan beri tahu pegawainya",
		usage:   "ID [--move N]",
		help: `Membuat usulan mutasi dari rencana: satu pindah (--move N, nomor seperti
di 'mutasi plan show') atau semuanya. Setiap usulan menyimpan keputusan
kebijakan yang membenarkannya dan nomor rencananya. Pegawai yang terdaftar
di bot diberi tahu (pesan masuk antrean dan dikirim oleh 'mutasi serve'),
dengan alasan dan cara menjawab atau mengajukan keberatan.

Ditolak bila rencana dibuat dengan versi kebijakan lain dari yang berlaku;
satu pindah dilewati, dengan alasannya, bila pegawainya sudah punya usulan
yang belum selesai atau pindah itu tidak lagi memenuhi syarat pada data
sekarang.

Contoh:
  mutasi plan propose 3 --move 1
  mutasi plan propose 3`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		move := fs.Int("move", 0, "nomor pindah (bawaan: semua)")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		id, err := planID(pos, "plan propose")
		if err != nil {
			return err
		}
		if *move < 0 || (flagSet(fs, "move") && *move == 0) {
			return usagef("--move harus nomor pindah mulai dari 1")
		}
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		outcomes, err := svc.ProposeFromPlan(ctx, placement.Admin(), id, *move)
		if err != nil {
			return err
		}
		made := 0
		for _, o := range outcomes {
			if o.Err != nil {
				fmt.Fprintf(a.Stdout, "✗ pindah %d (%s → %s): %s\n", o.Move.N, o.Move.Nama, o.Move.ToPosition, mutasi.ErrorMessage(o.Err))
				continue
			}
			made++
			told := "pegawai diberi tahu lewat bot"
			if !o.Notified {
				told = "pegawai belum terdaftar di bot: beri tahu langsung"
			}
			fmt.Fprintf(a.Stdout, "✓ pindah %d: usulan %d — %s (NIP %s) %s → %s, skor %s (%s)\n", o.Move.N, o.Proposal.ID,
				o.Move.Nama, mutasi.NIP(o.Move.NIP).Format(), o.Proposal.FromPosition, o.Proposal.ToPosition,
				mutasi.FormatDecimal(o.Proposal.Score, 2), told)
		}
		fmt.Fprintf(a.Stdout, "%s usulan dibuat dari %s pindah.\n", mutasi.FormatInt(made), mutasi.FormatInt(len(outcomes)))
		if made < len(outcomes) {
			return fmt.Errorf("%s pindah tidak dijadikan usulan (alasannya di atas)", mutasi.FormatInt(len(outcomes)-made))
		}
		return nil
	}
	return c
}
