package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// usersEnv is a small demo pemda for the users commands.
func usersEnv(t *testing.T) map[string]string {
	t.Helper()
	return demoEnvN(t, 200)
}

// openStore opens the test database as the bot would, for redeeming codes
// and checking what the commands stored. The caller closes it before the
// next command writes.
func openStore(t *testing.T, env map[string]string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), env["MUTASI_DB"])
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// activeEmployees lists the demo's active employees in NIP order.
func activeEmployees(t *testing.T, env map[string]string) []mutasi.Employee {
	t.Helper()
	db := openStore(t, env)
	defer db.Close()
	var list []mutasi.Employee
	if err := db.EachEmployee(context.Background(), func(e *mutasi.Employee) error {
		list = append(list, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(list) < 10 {
		t.Fatalf("demo has %d active employees", len(list))
	}
	return list
}

// execSQL changes the test database behind the store's back, for states
// the commands cannot make (an employee who left, a name like a formula).
func execSQL(t *testing.T, env map[string]string, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", env["MUTASI_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

var codeLine = regexp.MustCompile(`(?m)^Kode: +([A-Za-z0-9_-]+)$`)

// printedCode is the code an invite printed.
func printedCode(t *testing.T, out string) string {
	t.Helper()
	m := codeLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no code in:\n%s", out)
	}
	return m[1]
}

// redeem registers telegramID with code as the bot does.
func redeem(t *testing.T, env map[string]string, code string, telegramID int64) (*mutasi.User, error) {
	t.Helper()
	db := openStore(t, env)
	defer db.Close()
	return db.RedeemInvite(context.Background(), code, telegramID, "Nama di Telegram")
}

func TestUsersInvitePrintsAWorkingCode(t *testing.T) {
	env := usersEnv(t)
	e := activeEmployees(t, env)[0]
	out, _ := mustRun(t, env, exitOK, "users", "invite", mutasi.NIP(e.NIP).Format(), "--role", "asn", "--bot", "@mutasi_uji_bot")
	code := printedCode(t, out)
	if !mutasi.ValidInviteCode(code) || len(code) != 32 {
		t.Errorf("code %q is not 32 characters fit for a /start link", code)
	}
	for _, want := range []string{
		"Undangan sekali pakai untuk " + e.Nama + " (NIP " + mutasi.NIP(e.NIP).Format() + ") sebagai ASN\n",
		"Tautan:       https://t.me/mutasi_uji_bot?start=" + code + "\n",
		"Berlaku s.d.: ",
		"(7 hari)\n",
		"Kode ini hanya ditampilkan sekali ini",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, botPlaceholder) {
		t.Errorf("link has the placeholder although --bot was given:\n%s", out)
	}
	db := openStore(t, env)
	inv, err := db.Invite(context.Background(), code)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Until(inv.ExpiresAt); d < mutasi.InviteTTL-time.Minute || d > mutasi.InviteTTL {
		t.Errorf("invite expires in %v, want 7 days", d)
	}

	u, err := redeem(t, env, code, 4242)
	if err != nil {
		t.Fatalf("redeeming the printed code: %v", err)
	}
	if u.Role != mutasi.RoleASN || u.NIP != e.NIP || u.Nama != e.Nama || !u.Active {
		t.Errorf("registered %+v, want active ASN %s %s", u, e.NIP, e.Nama)
	}
	if _, err := redeem(t, env, code, 4343); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("second use of the code: %v, want ENOTFOUND", err)
	}
	_, errOut := mustRun(t, env, exitFailure, "users", "invite", e.NIP, "--role", "asn")
	if want := "sudah terdaftar sebagai ASN (akun Telegram 4242, sejak "; !strings.Contains(errOut, want) {
		t.Errorf("invite for a registered employee: %q, want containing %q", errOut, want)
	}
	if want := "mutasi users revoke 4242"; !strings.Contains(errOut, want) {
		t.Errorf("refusal does not say how to revoke: %q", errOut)
	}
}

func TestUsersInviteBotName(t *testing.T) {
	env := usersEnv(t)
	emps := activeEmployees(t, env)
	tests := []struct {
		name     string
		env      string
		flag     []string
		wantLink string
		wantHint bool
	}{
		{"neither", "", nil, "https://t.me/<nama_bot>?start=", true},
		{"environment", "bot_dari_env", nil, "https://t.me/bot_dari_env?start=", false},
		{"flag wins", "bot_dari_env", []string{"--bot", "bot_dari_opsi"}, "https://t.me/bot_dari_opsi?start=", false},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := map[string]string{"MUTASI_DB": env["MUTASI_DB"], botUsernameEnv: tc.env}
			args := append([]string{"users", "invite", emps[i].NIP, "--role", "asn"}, tc.flag...)
			out, _ := mustRun(t, e, exitOK, args...)
			code := printedCode(t, out)
			if !strings.Contains(out, "Tautan:       "+tc.wantLink+code+"\n") {
				t.Errorf("want link %s%s in:\n%s", tc.wantLink, code, out)
			}
			hint := strings.Contains(out, "ganti <nama_bot> dengan nama pengguna bot, atau sebutkan dengan --bot NAMA_BOT atau variabel lingkungan TELEGRAM_BOT_USERNAME")
			if hint != tc.wantHint {
				t.Errorf("hint shown %v, want %v:\n%s", hint, tc.wantHint, out)
			}
		})
	}
}

func TestUsersInviteCallingMistakes(t *testing.T) {
	env := usersEnv(t)
	nip := activeEmployees(t, env)[0].NIP
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no role", []string{nip}, "--role wajib diisi: asn, manager, atau policy"},
		{"unknown role", []string{nip, "--role", "admin"}, `--role "admin" tidak dikenal`},
		{"asn without NIP", []string{"--role", "asn"}, "undangan asn perlu NIP pegawai"},
		{"manager without unit", []string{nip, "--role", "manager"}, "undangan manager perlu minimal satu --unit UNIT_ID"},
		{"unit for asn", []string{nip, "--role", "asn", "--unit", "SETDA"}, "--unit hanya untuk --role manager"},
		{"name and NIP", []string{nip, "--role", "policy", "--nama", "Dewi"}, "--nama hanya untuk undangan tanpa NIP"},
		{"neither name nor NIP", []string{"--role", "policy"}, "tanpa NIP, sebutkan nama orang yang diundang dengan --nama"},
		{"bad NIP", []string{"12345", "--role", "asn"}, `"12345" bukan NIP yang sah`},
		{"two NIPs", []string{nip, nip, "--role", "asn"}, "paling banyak satu NIP"},
		{"zero days", []string{nip, "--role", "asn", "--days", "0"}, "--days harus antara 1 dan 90"},
		{"bad bot name", []string{nip, "--role", "asn", "--bot", "a b"}, `--bot "a b" bukan nama pengguna Telegram`},
		{"out without all", []string{nip, "--role", "asn", "--out", "x.csv"}, "--out dan --force hanya untuk --all-asn"},
		{"all without out", []string{"--all-asn"}, "--all-asn perlu --out BERKAS.csv"},
		{"all with NIP", []string{"--all-asn", nip, "--out", "x.csv"}, "--all-asn tidak menerima NIP"},
		{"all as manager", []string{"--all-asn", "--role", "manager", "--out", "x.csv"}, "--role manager tidak bisa dipakai"},
		{"all to xlsx", []string{"--all-asn", "--out", "x.xlsx"}, "akhiran harus .csv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut := mustRun(t, env, exitUsage, append([]string{"users", "invite"}, tc.args...)...)
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q, want containing %q", errOut, tc.want)
			}
		})
	}
	db := openStore(t, env)
	defer db.Close()
	if list, err := db.Invites(context.Background(), mutasi.InviteFilter{}); err != nil || len(list) != 0 {
		t.Errorf("calling mistakes stored %d invites (%v)", len(list), err)
	}
}

func TestUsersInviteManagerAndPolicy(t *testing.T) {
	env := usersEnv(t)
	db := openStore(t, env)
	units, err := db.Units(context.Background())
	db.Close()
	if err != nil || len(units) < 3 {
		t.Fatalf("demo units: %d %v", len(units), err)
	}
	u1, u2 := units[1], units[2]

	// A typo gets the nearest unit.
	typo := u1.ID[:len(u1.ID)-1] + "Q"
	_, errOut := mustRun(t, env, exitFailure, "users", "invite", "--role", "manager", "--nama", "Ir. Sari", "--unit", typo)
	if want := "unit " + typo + " tidak ada; maksudnya " + u1.ID + "?"; !strings.Contains(errOut, want) {
		t.Errorf("typo: %q, want containing %q", errOut, want)
	}
	execSQL(t, env, `UPDATE units SET active = 0 WHERE unit_id = ?`, units[0].ID)
	_, errOut = mustRun(t, env, exitFailure, "users", "invite", "--role", "manager", "--nama", "Ir. Sari", "--unit", units[0].ID)
	if want := "unit " + units[0].ID + " (" + units[0].Nama + ") sudah nonaktif"; !strings.Contains(errOut, want) {
		t.Errorf("inactive unit: %q, want containing %q", errOut, want)
	}

	out, _ := mustRun(t, env, exitOK, "users", "invite", "--role", "manager", "--nama", "Ir. Sari",
		"--unit", u1.ID, "--unit", u2.ID+","+u1.ID, "--days", "3")
	for _, want := range []string{
		"Undangan sekali pakai untuk Ir. Sari sebagai pengelola unit\n",
		"Unit:         " + u1.ID + " (" + u1.Nama + "), " + u2.ID + " (" + u2.Nama + ")\n",
		"(3 hari)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	u, err := redeem(t, env, printedCode(t, out), 700)
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != mutasi.RoleManager || u.Nama != "Ir. Sari" || strings.Join(u.UnitScope, ",") != u1.ID+","+u2.ID {
		t.Errorf("registered %+v, want manager Ir. Sari of %s,%s", u, u1.ID, u2.ID)
	}

	out, _ = mustRun(t, env, exitOK, "users", "invite", "--role", "policy", "--nama", "Dewi Lestari")
	u, err = redeem(t, env, printedCode(t, out), 701)
	if err != nil || u.Role != mutasi.RolePolicy || u.Nama != "Dewi Lestari" {
		t.Errorf("policy invite registered %+v (%v)", u, err)
	}
}

func TestUsersInviteRefusesInactiveEmployee(t *testing.T) {
	env := usersEnv(t)
	e := activeEmployees(t, env)[3]
	execSQL(t, env, `UPDATE employees SET active = 0 WHERE nip = ?`, e.NIP)
	_, errOut := mustRun(t, env, exitFailure, "users", "invite", e.NIP, "--role", "asn")
	if want := e.Nama + " (NIP " + mutasi.NIP(e.NIP).Format() + ") tidak aktif; undangan hanya untuk pegawai aktif"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want containing %q", errOut, want)
	}
	_, errOut = mustRun(t, env, exitFailure, "users", "invite", "199001012015031999", "--role", "asn")
	if !strings.Contains(errOut, "tidak ada di basis data") {
		t.Errorf("unknown employee: %q", errOut)
	}
}

func TestUsersInviteAgainReplacesTheOldCode(t *testing.T) {
	env := usersEnv(t)
	nip := activeEmployees(t, env)[0].NIP
	first, _ := mustRun(t, env, exitOK, "users", "invite", nip, "--role", "asn")
	if strings.Contains(first, "tidak berlaku lagi") {
		t.Errorf("first invite says it replaced one:\n%s", first)
	}
	second, _ := mustRun(t, env, exitOK, "users", "invite", nip, "--role", "asn")
	if !strings.Contains(second, "Undangan sebelumnya yang belum dipakai (1) tidak berlaku lagi.\n") {
		t.Errorf("second invite does not say it replaced the first:\n%s", second)
	}
	if _, err := redeem(t, env, printedCode(t, first), 1); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("replaced code: %v, want ENOTFOUND", err)
	}
	if _, err := redeem(t, env, printedCode(t, second), 1); err != nil {
		t.Errorf("new code: %v", err)
	}
}

func TestUsersListAndRevoke(t *testing.T) {
	env := usersEnv(t)
	emps := activeEmployees(t, env)
	out, _ := mustRun(t, env, exitOK, "users", "list")
	if want := "Belum ada pengguna bot; undang dengan 'mutasi users invite'.\n0 undangan menunggu"; !strings.Contains(out, want) {
		t.Errorf("empty list: %q, want containing %q", out, want)
	}
	register := func(nip string, tg int64) {
		t.Helper()
		out, _ := mustRun(t, env, exitOK, "users", "invite", nip, "--role", "asn")
		if _, err := redeem(t, env, printedCode(t, out), tg); err != nil {
			t.Fatal(err)
		}
	}
	register(emps[0].NIP, 501)
	register(emps[1].NIP, 502)
	mustRun(t, env, exitOK, "users", "invite", emps[2].NIP, "--role", "asn") // pending
	out, _ = mustRun(t, env, exitOK, "users", "invite", "--role", "policy", "--nama", "Dewi")
	if _, err := redeem(t, env, printedCode(t, out), 503); err != nil {
		t.Fatal(err)
	}

	out, _ = mustRun(t, env, exitOK, "users", "list")
	for _, want := range []string{
		"TELEGRAM  PERAN",
		"     501  ASN             " + mutasi.NIP(emps[0].NIP).Format() + "  " + emps[0].Nama,
		"     503  staf kebijakan  -",
		"3 pengguna, 3 aktif.\n1 undangan menunggu (belum dipakai, belum kedaluwarsa).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}

	// Revoke by Telegram id: the user and the employee's pending invites.
	db := openStore(t, env)
	units, err := db.Units(context.Background())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, env, exitOK, "users", "invite", emps[0].NIP, "--role", "manager", "--unit", units[0].ID)
	out, _ = mustRun(t, env, exitOK, "users", "revoke", "501")
	for _, want := range []string{
		"Akun Telegram 501 (ASN, " + emps[0].Nama + ", NIP " + mutasi.NIP(emps[0].NIP).Format() + ") dinonaktifkan: bot tidak lagi melayaninya.\n",
		"1 undangan untuk NIP " + mutasi.NIP(emps[0].NIP).Format() + " yang belum dipakai dibatalkan.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("revoke output lacks %q:\n%s", want, out)
		}
	}
	out, _ = mustRun(t, env, exitOK, "users", "revoke", "501")
	if !strings.Contains(out, "sudah nonaktif sebelumnya; tidak diubah.\n") {
		t.Errorf("second revoke:\n%s", out)
	}
	// Revoke by NIP, in its grouped form.
	out, _ = mustRun(t, env, exitOK, "users", "revoke", mutasi.NIP(emps[2].NIP).Format())
	if want := "1 undangan untuk NIP " + mutasi.NIP(emps[2].NIP).Format() + " yang belum dipakai dibatalkan.\n"; out != want {
		t.Errorf("revoke of an employee with only an invite: %q, want %q", out, want)
	}
	mustRun(t, env, exitOK, "users", "revoke", emps[1].NIP)

	db = openStore(t, env)
	for _, tg := range []int64{501, 502} {
		if u, err := db.User(context.Background(), tg); err != nil || u.Active {
			t.Errorf("user %d after revoke: %+v %v", tg, u, err)
		}
	}
	if u, err := db.User(context.Background(), 503); err != nil || !u.Active {
		t.Errorf("user 503 should be untouched: %+v %v", u, err)
	}
	entries, err := db.AuditEntries(context.Background(), emps[0].NIP, 0)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Actor+" "+e.Action)
	}
	want := []string{"cli invite.create", "tg:501 invite.redeem", "cli invite.create", "cli user.revoke", "cli invite.revoke"}
	if strings.Join(actions, ", ") != strings.Join(want, ", ") {
		t.Errorf("audit of %s: %v, want %v", emps[0].NIP, actions, want)
	}

	var doc struct {
		Users []struct {
			TelegramID int64     `json:"telegram_id"`
			Role       string    `json:"role"`
			NIP        string    `json:"nip"`
			Nama       string    `json:"nama"`
			Units      []string  `json:"units"`
			Since      time.Time `json:"since"`
			Active     bool      `json:"active"`
		} `json:"users"`
		PendingInvites int `json:"pending_invites"`
	}
	js, _ := mustRun(t, env, exitOK, "users", "list", "--json", "--role", "asn")
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, js)
	}
	if len(doc.Users) != 2 || doc.PendingInvites != 0 {
		t.Fatalf("--json --role asn: %d users, %d pending, want 2 and 0:\n%s", len(doc.Users), doc.PendingInvites, js)
	}
	if u := doc.Users[0]; u.TelegramID != 501 || u.Role != "asn" || u.NIP != emps[0].NIP || u.Active || u.Units == nil || u.Since.IsZero() {
		t.Errorf("first user %+v", u)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"999"}, exitFailure, "akun Telegram 999 tidak terdaftar"},
		{[]string{"199001012015031999"}, exitFailure, "tidak ada pengguna bot atau undangan yang menunggu untuk NIP 19900101 201503 1 999"},
		{[]string{"abc"}, exitUsage, `"abc" bukan nomor akun Telegram atau NIP`},
		{[]string{"123456789012345678"}, exitUsage, `"123456789012345678" bukan NIP yang sah`},
		{nil, exitUsage, "perlu satu argumen"},
	} {
		_, errOut := mustRun(t, env, tc.code, append([]string{"users", "revoke"}, tc.args...)...)
		if !strings.Contains(errOut, tc.want) {
			t.Errorf("revoke %v: %q, want containing %q", tc.args, errOut, tc.want)
		}
	}
}
