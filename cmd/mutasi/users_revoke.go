package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

func usersRevokeCommand() *command {
	c := &command{
		name:    "users revoke",
		summary: "cabut akses pengguna bot dan batalkan undangannya",
		usage:   "TELEGRAM_ID|NIP",
		help: `Menonaktifkan pengguna bot: bot tidak lagi melayaninya. Dengan NIP, setiap
akun aktif pegawai itu dinonaktifkan; dengan nomor akun Telegram, akun itu
saja. Undangan pegawai itu yang belum dipakai ikut dibatalkan, supaya kode
yang sudah dibagikan tidak bisa mendaftarkan akun baru. Semuanya dicatat di
log audit. Pengguna yang sudah nonaktif dibiarkan (perintah ini boleh
diulang). Untuk mendaftar lagi, buat undangan baru.

Contoh:
  mutasi users revoke 123456789
  mutasi users revoke 199511032019032002
  mutasi users revoke "19951103 201903 2 002"`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usagef("perlu satu argumen: nomor akun Telegram atau NIP (lihat mutasi users list)")
		}
		arg := strings.ReplaceAll(pos[0], " ", "")
		if _, err := mutasi.ParseNIP(arg); err == nil {
			return revokeByNIP(ctx, a, arg)
		}
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil || id <= 0 {
			return usagef("%q bukan nomor akun Telegram atau NIP (18 digit)", clipArg(pos[0]))
		}
		if len(arg) == 18 {
			// 18 digits are meant as a NIP; a Telegram id is shorter.
			_, nipErr := mutasi.ParseNIP(arg)
			return usagef("%q bukan NIP yang sah: %s", clipArg(pos[0]), mutasi.ErrorMessage(nipErr))
		}
		return revokeByTelegramID(ctx, a, id)
	}
	return c
}

func revokeByTelegramID(ctx context.Context, a *app, id int64) error {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := db.RevokeAccess(ctx, []int64{id}, "", 0)
	if mutasi.ErrorCode(err) == mutasi.ENOTFOUND {
		return mutasi.Errorf(mutasi.ENOTFOUND, "akun Telegram %d tidak terdaftar (lihat mutasi users list)", id)
	} else if err != nil {
		return err
	}
	reportRevocation(a, r, r.Users[0].NIP)
	return nil
}

func revokeByNIP(ctx context.Context, a *app, nip string) error {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := db.Users(ctx, mutasi.UserFilter{NIP: nip})
	if err != nil {
		return err
	}
	pending, err := db.Invites(ctx, mutasi.InviteFilter{NIP: nip, Unused: true})
	if err != nil {
		return err
	}
	if len(users) == 0 && len(pending) == 0 {
		return mutasi.Errorf(mutasi.ENOTFOUND, "tidak ada pengguna bot atau undangan yang menunggu untuk NIP %s", mutasi.NIP(nip).Format())
	}
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.TelegramID
	}
	// The accounts and the invites go together: a failure halfway leaves
	// neither a revoked account with a usable code nor the reverse.
	r, err := db.RevokeAccess(ctx, ids, nip, 0)
	if err != nil {
		return err
	}
	reportRevocation(a, r, nip)
	return nil
}

// reportRevocation says what was revoked: each account, then the invites
// of nip (none when nip is empty: an account without an employee).
func reportRevocation(a *app, r store.Revocation, nip string) {
	for i, u := range r.Users {
		reportRevoke(a, u, r.Changed[i])
	}
	if nip == "" {
		return
	}
	if r.Invites > 0 {
		fmt.Fprintf(a.Stdout, "%s undangan untuk NIP %s yang belum dipakai dibatalkan.\n", mutasi.FormatInt(r.Invites), mutasi.NIP(nip).Format())
	} else {
		fmt.Fprintf(a.Stdout, "Tidak ada undangan untuk NIP %s yang menunggu.\n", mutasi.NIP(nip).Format())
	}
}

func reportRevoke(a *app, u *mutasi.User, changed bool) {
	who := fmt.Sprintf("Akun Telegram %d (%s", u.TelegramID, roleNames[u.Role])
	if u.Nama != "" {
		who += ", " + u.Nama
	}
	if u.NIP != "" {
		who += ", NIP " + mutasi.NIP(u.NIP).Format()
	}
	who += ")"
	if changed {
		fmt.Fprintf(a.Stdout, "%s dinonaktifkan: bot tidak lagi melayaninya.\n", who)
	} else {
		fmt.Fprintf(a.Stdout, "%s sudah nonaktif sebelumnya; tidak diubah.\n", who)
	}
}
