package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// storedCodes returns the code column of every invite, as stored.
func storedCodes(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.db.QueryContext(context.Background(), `SELECT code FROM invites ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c)
	}
	return codes
}

// auditLines returns every audit entry as "actor action subject: detail".
func auditLines(t *testing.T, db *DB) []string {
	t.Helper()
	entries, err := db.AuditEntries(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range entries {
		if strings.HasPrefix(e.Action, "import.") {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s %s %s: %s", e.Actor, e.Action, e.Subject, e.Detail))
	}
	return lines
}

func TestNewInviteCode(t *testing.T) {
	form := regexp.MustCompile(`^[a-z2-7]{32}$`)
	seen := map[string]bool{}
	for range 1000 {
		code, err := mutasi.NewInviteCode()
		if err != nil {
			t.Fatal(err)
		}
		if !form.MatchString(code) || !mutasi.ValidInviteCode(code) {
			t.Fatalf("code %q is not 32 base32 characters", code)
		}
		if seen[code] {
			t.Fatalf("code %q drawn twice", code)
		}
		seen[code] = true
	}
}

func TestInviteCodeForm(t *testing.T) {
	valid := mutasi.Invite{Role: mutasi.RolePolicy, Nama: "Dewi", ExpiresAt: testNow.Add(time.Hour)}
	tests := []struct {
		code    string
		wantErr string
	}{
		{"abcdefgh", ""},
		{"A-b_C-d_0123456789", ""},
		{strings.Repeat("x", 64), ""},
		{"short", "code: kode undangan terlalu pendek (minimal 8 karakter)"},
		{strings.Repeat("x", 65), "code: kode undangan terlalu panjang (paling banyak 64 karakter)"},
		{"abc def ghi", "code: kode undangan hanya boleh berisi huruf, angka, '_' dan '-'"},
		{"abc+def/ghi=", "code: kode undangan hanya boleh berisi huruf, angka, '_' dan '-'"},
		{"kodeundangané", "code: kode undangan hanya boleh berisi huruf, angka, '_' dan '-'"},
	}
	for _, tc := range tests {
		inv := valid
		inv.Code = tc.code
		got := ""
		if err := inv.Validate(); err != nil {
			got = err.Error()
		}
		if got != tc.wantErr {
			t.Errorf("Validate(%q) = %q, want %q", tc.code, got, tc.wantErr)
		}
	}
}

func TestInviteCodesAreStoredHashed(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	var codes []string
	for i, role := range []mutasi.Role{mutasi.RoleASN, mutasi.RolePolicy} {
		code, err := mutasi.NewInviteCode()
		if err != nil {
			t.Fatal(err)
		}
		inv := &mutasi.Invite{Code: code, Role: role, Nama: "Dewi", ExpiresAt: testNow.Add(time.Hour)}
		if role == mutasi.RoleASN {
			inv.NIP = fixtureEmployees[i].NIP
		}
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatal(err)
		}
		if inv.Code != code {
			t.Errorf("CreateInvite changed the caller's code to %q", inv.Code)
		}
		codes = append(codes, code)
	}
	stored := storedCodes(t, db)
	if len(stored) != len(codes) {
		t.Fatalf("%d invites stored, want %d", len(stored), len(codes))
	}
	for i, s := range stored {
		sum := sha256.Sum256([]byte(codes[i]))
		if want := hex.EncodeToString(sum[:]); s != want {
			t.Errorf("stored code %q, want the SHA-256 of the code %q", s, want)
		}
	}
	// The plain code appears nowhere in the database, audit log included.
	all := dump(t, db)
	for _, c := range codes {
		if strings.Contains(all, c) {
			t.Errorf("plain code %s found in the database", c)
		}
	}
	// Found by the code, not by its hash.
	if _, err := db.Invite(ctx, codes[0]); err != nil {
		t.Errorf("Invite(code): %v", err)
	}
	if _, err := db.Invite(ctx, stored[0]); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("Invite(stored hash): %v, want ENOTFOUND", err)
	}
	if _, err := db.RedeemInvite(ctx, stored[1], 500, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("redeeming the stored hash: %v, want ENOTFOUND", err)
	}
	inv, err := db.Invite(ctx, codes[1])
	if err != nil {
		t.Fatal(err)
	}
	if inv.Code != "" || inv.Nama != "Dewi" || inv.Role != mutasi.RolePolicy {
		t.Errorf("read back %+v, want no code, Nama Dewi, role policy", inv)
	}
}

func TestCreateInviteRefuses(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip0, nip1, nip2 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP, fixtureEmployees[2].NIP
	saveUsers(t, db, mutasi.User{TelegramID: 55, Role: mutasi.RoleASN, NIP: nip1, Active: true})
	if _, err := db.db.ExecContext(ctx, `UPDATE employees SET active = 0 WHERE nip = ?`, nip2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE units SET active = 0 WHERE unit_id = 'U2'`); err != nil {
		t.Fatal(err)
	}
	in := testNow.Add(time.Hour)
	tests := []struct {
		name     string
		inv      mutasi.Invite
		wantCode string
		wantMsg  string
	}{
		{"ok", mutasi.Invite{Code: "good-code-1", Role: mutasi.RoleASN, NIP: nip0, ExpiresAt: in}, "", ""},
		{"already registered", mutasi.Invite{Code: "good-code-2", Role: mutasi.RoleASN, NIP: nip1, ExpiresAt: in},
			mutasi.ECONFLICT, "Pegawai 2 (NIP " + mutasi.NIP(nip1).Format() + ") sudah terdaftar sebagai asn (akun Telegram 55)"},
		{"registered as asn, invited as manager", mutasi.Invite{Code: "good-code-3", Role: mutasi.RoleManager, NIP: nip1,
			UnitScope: []string{"U1"}, ExpiresAt: in}, "", ""},
		{"inactive employee", mutasi.Invite{Code: "good-code-4", Role: mutasi.RoleASN, NIP: nip2, ExpiresAt: in},
			mutasi.ECONFLICT, "Pegawai 3 (NIP " + mutasi.NIP(nip2).Format() + ") tidak aktif; undangan hanya untuk pegawai aktif"},
		{"unknown employee", mutasi.Invite{Code: "good-code-5", Role: mutasi.RoleASN, NIP: employee(900, "").NIP, ExpiresAt: in},
			mutasi.ENOTFOUND, "tidak ditemukan"},
		{"inactive unit", mutasi.Invite{Code: "good-code-6", Role: mutasi.RoleManager, Nama: "M", UnitScope: []string{"U2"}, ExpiresAt: in},
			mutasi.ECONFLICT, "unit U2 (Bagian Umum) sudah nonaktif"},
		{"unknown unit", mutasi.Invite{Code: "good-code-7", Role: mutasi.RoleManager, Nama: "M", UnitScope: []string{"U9"}, ExpiresAt: in},
			mutasi.ENOTFOUND, "unit U9 tidak ditemukan"},
		{"expired already", mutasi.Invite{Code: "good-code-8", Role: mutasi.RolePolicy, Nama: "P", ExpiresAt: testNow},
			mutasi.EINVALID, "expires_at: sudah lewat"},
		{"policy without a name", mutasi.Invite{Code: "good-code-9", Role: mutasi.RolePolicy, ExpiresAt: in},
			mutasi.EINVALID, "nama: wajib diisi untuk undangan tanpa NIP"},
		{"code not for a link", mutasi.Invite{Code: "kode dengan spasi", Role: mutasi.RolePolicy, Nama: "P", ExpiresAt: in},
			mutasi.EINVALID, "hanya boleh berisi huruf, angka"},
		{"code taken", mutasi.Invite{Code: "good-code-1", Role: mutasi.RolePolicy, Nama: "P", ExpiresAt: in},
			mutasi.ECONFLICT, "kode undangan sudah dipakai"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv := tc.inv
			err := db.CreateInvite(ctx, &inv)
			if code := mutasi.ErrorCode(err); code != tc.wantCode {
				t.Fatalf("code %q (%v), want %q", code, err, tc.wantCode)
			}
			if msg := mutasi.ErrorMessage(err); !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q, want containing %q", msg, tc.wantMsg)
			}
		})
	}
	if n := len(storedCodes(t, db)); n != 2 {
		t.Errorf("%d invites stored, want the 2 accepted", n)
	}
}

func TestCreateInvitesAllOrNothing(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	in := testNow.Add(time.Hour)
	batch := func(nips ...string) []*mutasi.Invite {
		var list []*mutasi.Invite
		for i, nip := range nips {
			list = append(list, &mutasi.Invite{Code: fmt.Sprintf("bulk-%d-%s", i, nip), Role: mutasi.RoleASN, NIP: nip, ExpiresAt: in})
		}
		return list
	}
	nip0, nip1, nip2 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP, fixtureEmployees[2].NIP
	before := dump(t, db)
	tests := []struct {
		name    string
		list    []*mutasi.Invite
		wantMsg string
	}{
		{"unknown employee last", batch(nip0, nip1, employee(900, "").NIP),
			"undangan ke-3 (NIP " + employee(900, "").NIP + "): pegawai dengan NIP " + employee(900, "").NIP + " tidak ditemukan"},
		{"same employee twice", batch(nip0, nip1, nip0),
			"undangan ke-3 (NIP " + nip0 + "): pegawai yang sama sudah diundang sebagai asn di undangan ke-1"},
		{"invalid one", append(batch(nip0, nip1), &mutasi.Invite{Code: "x", Role: mutasi.RoleASN, NIP: nip2, ExpiresAt: in}),
			"undangan ke-3 (NIP " + nip2 + "): code: kode undangan terlalu pendek"},
		{"same code twice", append(batch(nip0, nip1), &mutasi.Invite{Code: "bulk-0-" + nip0, Role: mutasi.RoleASN, NIP: nip2, ExpiresAt: in}),
			"undangan ke-3 (NIP " + nip2 + "): kode undangan sama dengan undangan ke-1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := db.CreateInvites(ctx, tc.list)
			if err == nil {
				t.Fatal("CreateInvites succeeded, want refused")
			}
			if msg := mutasi.ErrorMessage(err); !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q, want containing %q", msg, tc.wantMsg)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a refused batch changed the database:\n%s", after)
			}
		})
	}
	if err := db.CreateInvites(ctx, batch(nip0, nip1, nip2)); err != nil {
		t.Fatal(err)
	}
	list, err := db.Invites(ctx, mutasi.InviteFilter{Unused: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Errorf("%d unused invites, want 3", len(list))
	}
	if got := len(auditLines(t, db)); got != 3 {
		t.Errorf("%d audit entries, want one per invite (3)", got)
	}

	// A batch of several inserts' worth: every invite stored and audited,
	// in order.
	var many []*mutasi.Invite
	for i := range 2*fillChunk + 7 {
		many = append(many, &mutasi.Invite{Code: fmt.Sprintf("many-%04d", i), Role: mutasi.RolePolicy,
			Nama: fmt.Sprintf("Staf %04d", i), ExpiresAt: in})
	}
	if err := db.CreateInvites(ctx, many); err != nil {
		t.Fatal(err)
	}
	stored := storedCodes(t, db)[3:]
	lines := auditLines(t, db)[3:]
	if len(stored) != len(many) || len(lines) != len(many) {
		t.Fatalf("%d invites and %d audit entries stored, want %d", len(stored), len(lines), len(many))
	}
	for i, inv := range many {
		if stored[i] != hashInviteCode(inv.Code) || !strings.Contains(lines[i], ", untuk "+inv.Nama) {
			t.Errorf("invite %d stored as %s, audited %q", i, stored[i], lines[i])
			break
		}
	}
}

func TestRedeemInviteAudited(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	until := testNow.Add(mutasi.InviteTTL)
	asn := &mutasi.Invite{Code: "asn-code-0001", Role: mutasi.RoleASN, NIP: nip, Nama: "Pegawai 1", ExpiresAt: until}
	mgr := &mutasi.Invite{Code: "mgr-code-0001", Role: mutasi.RoleManager, Nama: "Sari", UnitScope: []string{"U1", "U2"},
		CreatedBy: 42, ExpiresAt: until}
	if err := db.CreateInvite(ctx, asn); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateInvite(ctx, mgr); err != nil {
		t.Fatal(err)
	}
	clk.t = testNow.Add(time.Minute)
	if _, err := db.RedeemInvite(ctx, "asn-code-0001", 101, "budi_tg"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RedeemInvite(ctx, "mgr-code-0001", 102, "sari_tg"); err != nil {
		t.Fatal(err)
	}
	mgrSubject := "undangan:" + hashInviteCode("mgr-code-0001")[:12]
	want := []string{
		"cli invite.create " + nip + ": peran asn, berlaku sampai 2026-03-17T08:30:00.000000000Z, untuk Pegawai 1",
		"tg:42 invite.create " + mgrSubject + ": peran manager, berlaku sampai 2026-03-17T08:30:00.000000000Z, untuk Sari, unit U1, U2",
		"tg:101 invite.redeem " + nip + ": akun Telegram 101, peran asn",
		"tg:102 invite.redeem " + mgrSubject + ": akun Telegram 102, peran manager, unit U1, U2",
	}
	if got := auditLines(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("audit:\n got %q\nwant %q", got, want)
	}
	// A refused redemption writes nothing.
	if _, err := db.RedeemInvite(ctx, "asn-code-0001", 103, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Fatalf("used code: %v", err)
	}
	if got := len(auditLines(t, db)); got != len(want) {
		t.Errorf("%d audit entries after a refused redemption, want %d", got, len(want))
	}
}

func TestNewInviteReplacesUnusedOnes(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	mk := func(code string, role mutasi.Role) {
		t.Helper()
		inv := &mutasi.Invite{Code: code, Role: role, NIP: nip, ExpiresAt: testNow.Add(mutasi.InviteTTL)}
		if role == mutasi.RoleManager {
			inv.UnitScope = []string{"U1"}
		}
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatal(err)
		}
	}
	mk("first-code-1", mutasi.RoleASN)
	mk("manager-code", mutasi.RoleManager)
	clk.t = testNow.Add(time.Minute)
	mk("second-code-1", mutasi.RoleASN) // the first code was lost

	if _, err := db.RedeemInvite(ctx, "first-code-1", 1, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("replaced code: %v, want ENOTFOUND", err)
	}
	if _, err := db.RedeemInvite(ctx, "manager-code", 2, "x"); err != nil {
		t.Errorf("an invite for another role stays usable: %v", err)
	}
	if _, err := db.RedeemInvite(ctx, "second-code-1", 3, "x"); err != nil {
		t.Errorf("new code: %v", err)
	}
	lines := auditLines(t, db)
	if !strings.HasSuffix(lines[2], ", menggantikan 1 undangan yang belum dipakai") {
		t.Errorf("audit of the replacing invite: %q", lines[2])
	}
}

func TestRedeemInviteRegistration(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	until := testNow.Add(mutasi.InviteTTL)
	create := func(code string, role mutasi.Role, nip string) {
		t.Helper()
		inv := &mutasi.Invite{Code: code, Role: role, NIP: nip, Nama: "N", ExpiresAt: until}
		if role == mutasi.RoleManager {
			inv.UnitScope = []string{"U1"}
		}
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatal(err)
		}
	}
	create("asn-code-one", mutasi.RoleASN, nip)
	if _, err := db.RedeemInvite(ctx, "asn-code-one", 201, "x"); err != nil {
		t.Fatal(err)
	}
	// The store refuses a second invite while the employee is registered…
	if err := db.CreateInvite(ctx, &mutasi.Invite{Code: "asn-code-two", Role: mutasi.RoleASN, NIP: nip, ExpiresAt: until}); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Fatalf("invite for a registered employee: %v, want ECONFLICT", err)
	}
	// …and after a revocation lets the same account come back with a new
	// role, dated anew.
	if _, _, err := db.RevokeUser(ctx, 201, 0); err != nil {
		t.Fatal(err)
	}
	create("mgr-code-one", mutasi.RoleManager, nip)
	clk.t = testNow.Add(24 * time.Hour)
	u, err := db.RedeemInvite(ctx, "mgr-code-one", 201, "x")
	if err != nil {
		t.Fatalf("re-registering a revoked account: %v", err)
	}
	stored, err := db.User(ctx, 201)
	if err != nil {
		t.Fatal(err)
	}
	want := &mutasi.User{TelegramID: 201, Role: mutasi.RoleManager, NIP: nip, UnitScope: []string{"U1"}, Nama: "N",
		CreatedAt: clk.t, Active: true}
	if !reflect.DeepEqual(u, want) || !reflect.DeepEqual(stored, want) {
		t.Errorf("returned %+v, stored %+v, want %+v", u, stored, want)
	}
	// An active account cannot take another invite.
	create("asn-code-three", mutasi.RoleASN, nip)
	if _, err := db.RedeemInvite(ctx, "asn-code-three", 201, "x"); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Errorf("active account redeeming: %v, want ECONFLICT", err)
	}
	// Nor may a second account take an employee's role while the first has it.
	create("mgr-code-two", mutasi.RoleManager, fixtureEmployees[1].NIP)
	create("mgr-code-three", mutasi.RoleManager, fixtureEmployees[1].NIP) // replaces mgr-code-two
	if _, err := db.RedeemInvite(ctx, "mgr-code-two", 301, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("replaced invite: %v, want ENOTFOUND", err)
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO users (telegram_id, role, nip, unit_scope, created_at, active)
		VALUES (302, 'manager', ?, '["U1"]', '', 1)`, fixtureEmployees[1].NIP); err != nil {
		t.Fatal(err)
	}
	_, err = db.RedeemInvite(ctx, "mgr-code-three", 303, "x")
	if mutasi.ErrorCode(err) != mutasi.ECONFLICT || !strings.Contains(mutasi.ErrorMessage(err), "akun Telegram lain") {
		t.Errorf("second account for one employee and role: %v, want ECONFLICT naming another account", err)
	}
	// The refused redemption left the invite unused.
	if inv, err := db.Invite(ctx, "mgr-code-three"); err != nil || !inv.UsedAt.IsZero() {
		t.Errorf("invite after a refused redemption: %+v %v", inv, err)
	}
}

func TestInvitesAndRevokeInvites(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()
	nip0, nip1 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP
	for _, inv := range []*mutasi.Invite{
		{Code: "code-used-0", Role: mutasi.RoleASN, NIP: nip0, ExpiresAt: testNow.Add(time.Hour)},
		{Code: "code-short-1", Role: mutasi.RolePolicy, NIP: nip0, ExpiresAt: testNow.Add(time.Minute)},
		{Code: "code-open-1", Role: mutasi.RoleManager, NIP: nip0, UnitScope: []string{"U1"}, ExpiresAt: testNow.Add(time.Hour)},
		{Code: "code-open-2", Role: mutasi.RoleASN, NIP: nip1, ExpiresAt: testNow.Add(time.Hour)},
		{Code: "code-open-3", Role: mutasi.RolePolicy, Nama: "Dewi", ExpiresAt: testNow.Add(time.Hour)},
	} {
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.RedeemInvite(ctx, "code-used-0", 1, "x"); err != nil {
		t.Fatal(err)
	}
	clk.t = testNow.Add(2 * time.Minute) // code-short-1 has expired
	count := func(f mutasi.InviteFilter) int {
		t.Helper()
		list, err := db.Invites(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range list {
			if inv.Code != "" {
				t.Errorf("Invites returned a code: %+v", inv)
			}
		}
		return len(list)
	}
	for _, tc := range []struct {
		f    mutasi.InviteFilter
		want int
	}{
		{mutasi.InviteFilter{}, 5},
		{mutasi.InviteFilter{Unused: true}, 3},
		{mutasi.InviteFilter{NIP: nip0}, 3},
		{mutasi.InviteFilter{NIP: nip0, Unused: true}, 1},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("Invites(%+v): %d, want %d", tc.f, got, tc.want)
		}
	}
	n, err := db.RevokeInvites(ctx, nip0, 9)
	if err != nil || n != 1 {
		t.Fatalf("RevokeInvites: %d %v, want 1 (the used and the expired ones stay as they are)", n, err)
	}
	if _, err := db.RedeemInvite(ctx, "code-open-1", 2, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("revoked invite redeemed: %v", err)
	}
	if _, err := db.RedeemInvite(ctx, "code-open-2", 3, "x"); err != nil {
		t.Errorf("another employee's invite: %v", err)
	}
	if n, err := db.RevokeInvites(ctx, nip0, 9); err != nil || n != 0 {
		t.Errorf("second RevokeInvites: %d %v, want 0", n, err)
	}
	entries, err := db.AuditEntries(ctx, nip0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var revokes []string
	for _, e := range entries {
		if e.Action == "invite.revoke" {
			revokes = append(revokes, e.Actor+": "+e.Detail)
		}
	}
	if want := []string{"tg:9: 1 undangan yang belum dipakai dibatalkan"}; !reflect.DeepEqual(revokes, want) {
		t.Errorf("revocations audited: %q, want %q", revokes, want)
	}
}

// TestMigrationHidesPlainCodes checks that invites stored in plain text
// before codes were hashed keep no plain code and cannot be redeemed.
func TestMigrationHidesPlainCodes(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	p, err := newMigrator(db.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO invites (code, role, created_at, expires_at, used_by, used_at) VALUES
		('PLAIN-UNUSED', 'policy', ?1, ?2, 0, ''),
		('PLAIN-USED', 'policy', ?1, ?2, 7, ?1)`,
		formatTS(testNow.Add(-time.Hour)), formatTS(testNow.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range storedCodes(t, db) {
		if strings.HasPrefix(c, "PLAIN") || len(c) != 64 {
			t.Errorf("stored code %q after the migration, want a random 64-character value", c)
		}
	}
	if _, err := db.RedeemInvite(ctx, "PLAIN-UNUSED", 1, "x"); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("old plain code redeemed: %v", err)
	}
	list, err := db.Invites(ctx, mutasi.InviteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Usable(testNow) || list[1].UsedBy != 7 {
		t.Errorf("invites after the migration: %+v %+v, want both kept, the unused one expired", list[0], list[1])
	}
}

func TestInvitees(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip0, nip1, nip2 := fixtureEmployees[0].NIP, fixtureEmployees[1].NIP, fixtureEmployees[2].NIP
	saveUsers(t, db,
		mutasi.User{TelegramID: 1, Role: mutasi.RoleManager, NIP: nip0, UnitScope: []string{"U1"}, Active: true},
		mutasi.User{TelegramID: 2, Role: mutasi.RoleASN, NIP: nip1, Active: false}, // revoked: invited again
	)
	list, registered, err := db.Invitees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []Invitee{
		{NIP: nip1, Nama: "Pegawai 2", UnitID: "U2", UnitNama: "Bagian Umum"},
		{NIP: nip2, Nama: "Pegawai 3", UnitID: "U2", UnitNama: "Bagian Umum"},
	}
	if !reflect.DeepEqual(list, want) || registered != 1 {
		t.Errorf("Invitees = %+v, %d registered; want %+v, 1", list, registered, want)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE employees SET active = 0 WHERE nip = ?`, nip2); err != nil {
		t.Fatal(err)
	}
	if list, _, err := db.Invitees(ctx); err != nil || len(list) != 1 || list[0].NIP != nip1 {
		t.Errorf("after %s left: %+v %v, want only %s", nip2, list, err, nip1)
	}
}
