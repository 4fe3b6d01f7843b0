package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// maxInviteDays bounds --days: an invite is a password in transit, and one
// that lies around for months is one somebody else may find.
const maxInviteDays = 90

func usersInviteCommand() *command {
	c := &command{
		name:    "users invite",
		summary: "buat undangan sekali pakai untuk mendaftar ke bot Telegram",
		usage:   "NIP --role asn|manager|policy [--unit UNIT_ID …] [--nama NAMA] [--days 7] [--bot NAMA_BOT]\n       mutasi users invite --all-asn --out undangan.csv [--days 7] [--bot NAMA_BOT] [--force]",
		help: `Membuat kode undangan sekali pakai dan tautan Telegram untuk mendaftar ke
bot. Orang yang diundang membuka tautan itu (atau mengirim /start KODE ke
bot) dan terdaftar dengan peran yang disebut: asn (pegawai; NIP wajib),
manager (pengelola unit; minimal satu --unit, boleh diulang) atau policy
(staf kebijakan). Tanpa NIP, sebutkan namanya dengan --nama.

Kode hanya ditampilkan sekali: basis data menyimpan sidiknya (SHA-256)
saja. Kode berlaku --days hari (bawaan 7) dan hanya untuk satu akun.
Undangan baru untuk pegawai dan peran yang sama membatalkan undangannya
yang belum dipakai. Pegawai nonaktif, atau yang sudah terdaftar dengan
peran itu, tidak diundang.

Nama pengguna bot untuk tautan diambil dari --bot atau variabel
lingkungan TELEGRAM_BOT_USERNAME; tanpa keduanya tautan memuat <nama_bot>
untuk diganti.

--all-asn mengundang sekaligus setiap pegawai aktif yang belum terdaftar
(semua atau tidak sama sekali) dan menulis kodenya ke berkas CSV --out
(kolom nip, nama, unit_id, unit, kode, tautan, kedaluwarsa) untuk dibagikan
ke tiap pegawai. Berkas yang sudah ada tidak ditimpa tanpa --force.

Contoh:
  mutasi users invite 199511032019032002 --role asn
  mutasi users invite 198703122010011004 --role manager --unit DINKES --unit DINKES-YANKES
  mutasi users invite --role policy --nama "Dewi Lestari" --days 3 --bot mutasi_sukamaju_bot
  mutasi users invite --all-asn --out undangan.csv --bot mutasi_sukamaju_bot`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		var units stringList
		role := fs.String("role", "", "peran: asn, manager, atau policy")
		fs.Var(&units, "unit", "kode unit (`UNIT_ID`) yang dikelola manager; boleh diulang")
		nama := fs.String("nama", "", "nama orang yang diundang, bila tanpa NIP")
		days := fs.Int("days", int(mutasi.InviteTTL/(24*time.Hour)), "masa berlaku undangan dalam hari")
		bot := fs.String("bot", "", "nama pengguna bot untuk tautan (env "+botUsernameEnv+")")
		allASN := fs.Bool("all-asn", false, "undang setiap pegawai aktif yang belum terdaftar")
		out := fs.String("out", "", "berkas CSV untuk --all-asn")
		force := fs.Bool("force", false, "timpa berkas --out yang sudah ada")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if *days < 1 || *days > maxInviteDays {
			return usagef("--days harus antara 1 dan %d", maxInviteDays)
		}
		botName, err := botUsername(a, *bot)
		if err != nil {
			return err
		}
		if *allASN {
			return inviteAllASN(ctx, a, inviteAllOptions{
				positional: pos, role: *role, units: units, nama: *nama,
				days: *days, bot: botName, out: *out, force: *force,
			})
		}
		if *out != "" || *force {
			return usagef("--out dan --force hanya untuk --all-asn")
		}
		req, err := inviteRequest(pos, *role, units, *nama)
		if err != nil {
			return err
		}
		return inviteOne(ctx, a, req, *days, botName)
	}
	return c
}

// oneInvite is what `users invite` without --all-asn was asked for.
type oneInvite struct {
	role  mutasi.Role
	nip   string
	nama  string
	units []string
}

// inviteRequest checks the arguments of a single invite: which of NIP,
// --nama and --unit each role takes.
func inviteRequest(pos []string, roleFlag string, units []string, nama string) (oneInvite, error) {
	role, err := parseRole(roleFlag)
	if err != nil {
		return oneInvite{}, err
	}
	req := oneInvite{role: role, nama: strings.TrimSpace(nama), units: units}
	switch len(pos) {
	case 0:
	case 1:
		if req.nip, err = normalNIP(pos[0]); err != nil {
			return oneInvite{}, err
		}
	default:
		return oneInvite{}, usagef("satu undangan untuk satu orang: paling banyak satu NIP (untuk semua pegawai pakai --all-asn)")
	}
	switch {
	case role == mutasi.RoleASN && req.nip == "":
		return oneInvite{}, usagef("undangan asn perlu NIP pegawai (mis. mutasi users invite 199511032019032002 --role asn)")
	case role == mutasi.RoleManager && len(units) == 0:
		return oneInvite{}, usagef("undangan manager perlu minimal satu --unit UNIT_ID (unit yang dikelolanya)")
	case role != mutasi.RoleManager && len(units) > 0:
		return oneInvite{}, usagef("--unit hanya untuk --role manager")
	case req.nip != "" && req.nama != "":
		return oneInvite{}, usagef("--nama hanya untuk undangan tanpa NIP; nama pegawai diambil dari datanya")
	case req.nip == "" && req.nama == "":
		return oneInvite{}, usagef("tanpa NIP, sebutkan nama orang yang diundang dengan --nama")
	}
	return req, nil
}

// inviteOne creates one invite and prints its code and link.
func inviteOne(ctx context.Context, a *app, req oneInvite, days int, bot string) error {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	who := req.nama
	if req.nip != "" {
		e, err := invitableEmployee(ctx, db, req.nip, req.role)
		if err != nil {
			return err
		}
		who, req.nama = personLine(e), e.Nama
	}
	units, err := activeUnits(ctx, db, req.units)
	if err != nil {
		return err
	}
	replaced := 0
	if req.nip != "" {
		pending, err := db.Invites(ctx, mutasi.InviteFilter{NIP: req.nip, Unused: true})
		if err != nil {
			return err
		}
		for _, inv := range pending {
			if inv.Role == req.role {
				replaced++
			}
		}
	}
	code, err := mutasi.NewInviteCode()
	if err != nil {
		return err
	}
	inv := &mutasi.Invite{Code: code, Role: req.role, NIP: req.nip, Nama: req.nama,
		ExpiresAt: a.Now().Add(time.Duration(days) * 24 * time.Hour)}
	for _, u := range units {
		inv.UnitScope = append(inv.UnitScope, u.ID)
	}
	if err := db.CreateInvite(ctx, inv); err != nil {
		return err
	}
	writeInvite(a.Stdout, inv, who, units, days, bot, replaced)
	return nil
}

// invitableEmployee reads the employee of an invite and refuses, with the
// reason and what to do, one who is inactive or already registered with
// the role (the store refuses them too, in fewer words).
func invitableEmployee(ctx context.Context, db *store.DB, nip string, role mutasi.Role) (*mutasi.Employee, error) {
	e, err := db.Employee(ctx, nip)
	if mutasi.ErrorCode(err) == mutasi.ENOTFOUND {
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s tidak ada di basis data", mutasi.NIP(nip).Format())
	} else if err != nil {
		return nil, err
	}
	if !e.Active {
		return nil, mutasi.Errorf(mutasi.ECONFLICT, "%s tidak aktif; undangan hanya untuk pegawai aktif", personLine(e))
	}
	users, err := db.Users(ctx, mutasi.UserFilter{NIP: nip, Role: role, ActiveOnly: true})
	if err != nil {
		return nil, err
	}
	if len(users) > 0 {
		u := users[0]
		return nil, mutasi.Errorf(mutasi.ECONFLICT,
			"%s sudah terdaftar sebagai %s (akun Telegram %d, sejak %s); untuk mendaftarkan akun lain, cabut dulu: mutasi users revoke %d",
			personLine(e), roleNames[role], u.TelegramID, formatStamp(u.CreatedAt), u.TelegramID)
	}
	return e, nil
}

func writeInvite(w io.Writer, inv *mutasi.Invite, who string, units []*mutasi.Unit, days int, bot string, replaced int) {
	fmt.Fprintf(w, "Undangan sekali pakai untuk %s sebagai %s\n", who, roleNames[inv.Role])
	if len(units) > 0 {
		fmt.Fprintf(w, "Unit:         %s\n", unitNames(units))
	}
	fmt.Fprintf(w, "Kode:         %s\n", inv.Code)
	fmt.Fprintf(w, "Berlaku s.d.: %s (%d hari)\n", formatStamp(inv.ExpiresAt), days)
	fmt.Fprintf(w, "Tautan:       %s\n", inviteLink(bot, inv.Code))
	fmt.Fprintln(w)
	if hint := botHint(bot); hint != "" {
		fmt.Fprintln(w, hint)
	}
	fmt.Fprintln(w, "Kirim tautan itu hanya kepada yang bersangkutan: membukanya di Telegram (atau mengirim /start KODE ke bot) mendaftarkan akunnya.")
	fmt.Fprintln(w, "Kode ini hanya ditampilkan sekali ini; yang tersimpan hanya sidiknya.")
	if replaced > 0 {
		fmt.Fprintf(w, "Undangan sebelumnya yang belum dipakai (%d) tidak berlaku lagi.\n", replaced)
	}
}
