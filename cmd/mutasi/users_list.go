package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

func usersListCommand() *command {
	c := &command{
		name:    "users list",
		summary: "daftar pengguna bot Telegram dan undangan yang menunggu",
		usage:   "[--role asn|manager|policy] [--json]",
		help: `Menampilkan pengguna bot yang terdaftar, aktif maupun yang sudah dicabut:
akun Telegram, peran, NIP, nama, unit yang dikelola, sejak kapan, dan
apakah masih aktif; lalu berapa undangan yang menunggu (belum dipakai dan
belum kedaluwarsa). Kode undangan tidak dapat ditampilkan: yang tersimpan
hanya sidiknya.

--json mencetak {"users": [{"telegram_id", "role", "nip", "nama",
"units", "since", "active"}], "pending_invites": N}.

Contoh:
  mutasi users list
  mutasi users list --role manager
  mutasi users list --json`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		roleFlag := fs.String("role", "", "hanya peran ini: asn, manager, atau policy")
		asJSON := fs.Bool("json", false, "cetak JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usagef("users list tidak menerima argumen (%q)", clipArg(pos[0]))
		}
		var role mutasi.Role
		if *roleFlag != "" {
			if role, err = parseRole(*roleFlag); err != nil {
				return err
			}
		}
		db, err := openExistingDB(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		users, err := db.Users(ctx, mutasi.UserFilter{Role: role})
		if err != nil {
			return err
		}
		pending, err := db.Invites(ctx, mutasi.InviteFilter{Unused: true})
		if err != nil {
			return err
		}
		nPending := 0
		for _, inv := range pending {
			if role == "" || inv.Role == role {
				nPending++
			}
		}
		// Active first, then by role and name: the list people look for.
		sort.SliceStable(users, func(i, j int) bool {
			x, y := users[i], users[j]
			if x.Active != y.Active {
				return x.Active
			}
			if x.Role != y.Role {
				return x.Role < y.Role
			}
			return x.Nama < y.Nama
		})
		if *asJSON {
			return writeUsersJSON(a.Stdout, users, nPending)
		}
		return writeUsers(a.Stdout, users, nPending, role)
	}
	return c
}

type userJSON struct {
	TelegramID int64     `json:"telegram_id"`
	Role       string    `json:"role"`
	NIP        string    `json:"nip"`
	Nama       string    `json:"nama"`
	Units      []string  `json:"units"`
	Since      time.Time `json:"since"`
	Active     bool      `json:"active"`
}

func writeUsersJSON(w io.Writer, users []*mutasi.User, pending int) error {
	doc := struct {
		Users          []userJSON `json:"users"`
		PendingInvites int        `json:"pending_invites"`
	}{Users: []userJSON{}, PendingInvites: pending}
	for _, u := range users {
		units := u.UnitScope
		if units == nil {
			units = []string{}
		}
		doc.Users = append(doc.Users, userJSON{TelegramID: u.TelegramID, Role: string(u.Role), NIP: u.NIP,
			Nama: u.Nama, Units: units, Since: u.CreatedAt.UTC(), Active: u.Active})
	}
	return writeJSON(w, doc)
}

func writeUsers(w io.Writer, users []*mutasi.User, pending int, role mutasi.Role) error {
	if len(users) == 0 {
		if role != "" {
			fmt.Fprintf(w, "Belum ada pengguna bot dengan peran %s.\n", roleNames[role])
		} else {
			fmt.Fprintln(w, "Belum ada pengguna bot; undang dengan 'mutasi users invite'.")
		}
	} else {
		tb := &table{right: []bool{true}}
		tb.add("TELEGRAM", "PERAN", "NIP", "NAMA", "UNIT", "SEJAK", "AKTIF")
		active := 0
		for _, u := range users {
			nip, aktif := "-", "tidak"
			if u.NIP != "" {
				nip = mutasi.NIP(u.NIP).Format()
			}
			if u.Active {
				aktif = "ya"
				active++
			}
			units := strings.Join(u.UnitScope, ", ")
			if units == "" {
				units = "-"
			}
			tb.add(strconv.FormatInt(u.TelegramID, 10), roleNames[u.Role], nip, u.Nama, units, formatStamp(u.CreatedAt), aktif)
		}
		if err := tb.write(w); err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s pengguna, %s aktif.\n", mutasi.FormatInt(len(users)), mutasi.FormatInt(active))
	}
	fmt.Fprintf(w, "%s undangan menunggu (belum dipakai, belum kedaluwarsa).\n", mutasi.FormatInt(pending))
	return nil
}
