package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// inviteAllOptions is what `users invite --all-asn` was called with.
type inviteAllOptions struct {
	positional []string
	role       string
	units      []string
	nama       string
	days       int
	bot        string
	out        string
	force      bool
}

var inviteCSVHeader = []string{"nip", "nama", "unit_id", "unit", "kode", "tautan", "kedaluwarsa"}

// inviteAllASN invites every active employee who has no active bot user,
// all or nothing, and writes the codes to a CSV file. The file is written
// first, under a temporary name, and takes its name only once the invites
// are stored: a failure leaves neither codes nobody can hand out nor a
// file of codes that were never stored.
func inviteAllASN(ctx context.Context, a *app, o inviteAllOptions) error {
	switch {
	case len(o.positional) > 0:
		return usagef("--all-asn tidak menerima NIP (%q): semua pegawai aktif yang belum terdaftar diundang", clipArg(o.positional[0]))
	case o.role != "" && !strings.EqualFold(strings.TrimSpace(o.role), string(mutasi.RoleASN)):
		return usagef("--all-asn mengundang pegawai sebagai asn; --role %s tidak bisa dipakai bersamanya", clipArg(o.role))
	case len(o.units) > 0 || o.nama != "":
		return usagef("--unit dan --nama tidak dipakai dengan --all-asn")
	case o.out == "":
		return usagef("--all-asn perlu --out BERKAS.csv untuk kode-kodenya (mis. --out undangan.csv)")
	case !strings.EqualFold(filepath.Ext(o.out), ".csv"):
		return usagef("--out %s: akhiran harus .csv", clipArg(o.out))
	}
	// Refused before anything is read: an existing file may be the list
	// that is being handed out.
	if err := refuseInviteOverwrite(o.out, o.force); err != nil {
		return err
	}
	if err := dirExists(filepath.Dir(o.out)); err != nil {
		return err
	}
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	list, registered, err := db.Invitees(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(a.Stdout, "Tidak ada undangan dibuat: semua %s pegawai aktif sudah terdaftar di bot.\n", mutasi.FormatInt(registered))
		return nil
	}
	expires := a.Now().Add(time.Duration(o.days) * 24 * time.Hour)
	invites := make([]*mutasi.Invite, len(list))
	for i, e := range list {
		code, err := mutasi.NewInviteCode()
		if err != nil {
			return err
		}
		invites[i] = &mutasi.Invite{Code: code, Role: mutasi.RoleASN, NIP: e.NIP, Nama: e.Nama, ExpiresAt: expires}
	}
	tmp, err := writeInviteCSV(o.out, list, invites, o.bot)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // nothing left to remove after the rename
	if err := db.CreateInvites(ctx, invites); err != nil {
		return err
	}
	if err := os.Rename(tmp, o.out); err != nil {
		return fmt.Errorf("%s undangan tersimpan, tetapi berkasnya tidak dapat dinamai %s (%w); kodenya ada di %s",
			mutasi.FormatInt(len(invites)), o.out, err, tmp)
	}
	w := a.Stdout
	fmt.Fprintf(w, "%s undangan dibuat untuk pegawai aktif yang belum terdaftar", mutasi.FormatInt(len(invites)))
	if registered > 0 {
		fmt.Fprintf(w, " (%s yang sudah terdaftar dilewati)", mutasi.FormatInt(registered))
	}
	fmt.Fprintf(w, ", berlaku sampai %s; kodenya ditulis ke %s.\n", formatStamp(expires), o.out)
	if hint := botHint(o.bot); hint != "" {
		fmt.Fprintln(w, hint)
	}
	fmt.Fprintln(w, "Berkas itu berisi kode rahasia: berikan tiap baris hanya kepada pegawainya, lalu hapus berkasnya.")
	fmt.Fprintln(w, "Undangan lama yang belum dipakai untuk pegawai yang sama tidak berlaku lagi.")
	return nil
}

// refuseInviteOverwrite keeps an existing file unless --force was given.
func refuseInviteOverwrite(path string, force bool) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.IsDir():
		return mutasi.Errorf(mutasi.EINVALID, "%s adalah direktori; tulis ke sebuah berkas (mis. %s)", path, filepath.Join(path, "undangan.csv"))
	case !force:
		return mutasi.Errorf(mutasi.ECONFLICT, "%s sudah ada; pakai --force untuk menimpanya, atau --out lain", path)
	}
	return nil
}

// writeInviteCSV writes the codes next to path under a temporary name,
// readable by its owner only (it holds secrets), and returns that name.
func writeInviteCSV(path string, list []store.Invitee, invites []*mutasi.Invite, bot string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", err
	}
	err = writeInviteRows(f, list, invites, bot)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func writeInviteRows(f io.Writer, list []store.Invitee, invites []*mutasi.Invite, bot string) error {
	bw := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(bw)
	if err := w.Write(inviteCSVHeader); err != nil {
		return err
	}
	row := make([]string, len(inviteCSVHeader))
	for i, e := range list {
		inv := invites[i]
		row[0], row[1], row[2], row[3] = e.NIP, e.Nama, e.UnitID, e.UnitNama
		row[4], row[5], row[6] = inv.Code, inviteLink(bot, inv.Code), formatStamp(inv.ExpiresAt)
		for j := range row {
			row[j] = neutraliseCell(row[j])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// neutraliseCell keeps a spreadsheet from running a text cell as a
// formula (OWASP "CSV Injection"): a cell that starts with = + - @, a tab
// or a carriage return gets a leading single quote. Names come from
// people and may start with any of them.
func neutraliseCell(v string) string {
	if v != "" && strings.IndexByte("=+-@\t\r", v[0]) >= 0 {
		return "'" + v
	}
	return v
}
