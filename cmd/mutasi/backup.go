package main

import (
	"context"
	"fmt"
	"path/filepath"
)

func backupCommand() *command {
	c := &command{
		name:    "backup",
		summary: "salin basis data yang sedang dipakai ke berkas cadangan",
		usage:   "BERKAS",
		help: `Membuat salinan utuh dan konsisten dari basis data, juga ketika bot sedang
berjalan dan menulis (VACUUM INTO: satu potret baca). Berkas tujuan tidak
boleh sudah ada; cadangan tidak pernah menimpa.

Contoh:
  mutasi backup cadangan/mutasi-2026-11-25.db
  mutasi --db /var/lib/mutasi/mutasi.db backup /mnt/cadangan/mutasi.db`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usagef("perlu satu argumen: BERKAS tujuan cadangan")
		}
		if err := dirExists(filepath.Dir(pos[0])); err != nil {
			return err
		}
		db, err := openExistingDB(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.Backup(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "Cadangan %s ditulis ke %s\n", a.DB, pos[0])
		return nil
	}
	return c
}
