package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// readInviteCSV reads the file --all-asn wrote, header included.
func readInviteCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestUsersInviteAllASN(t *testing.T) {
	env := usersEnv(t)
	emps := activeEmployees(t, env)
	// One employee already registered, one who left, one whose name a
	// spreadsheet would take for a formula.
	out, _ := mustRun(t, env, exitOK, "users", "invite", emps[0].NIP, "--role", "asn")
	if _, err := redeem(t, env, printedCode(t, out), 900); err != nil {
		t.Fatal(err)
	}
	execSQL(t, env, `UPDATE employees SET active = 0 WHERE nip = ?`, emps[1].NIP)
	execSQL(t, env, `UPDATE employees SET nama = '=HYPERLINK("http://x","klik")' WHERE nip = ?`, emps[2].NIP)
	db := openStore(t, env)
	positions, err := db.Positions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	units, err := db.Units(context.Background())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	unitOf := map[string]string{}
	for _, p := range positions {
		unitOf[p.ID] = p.UnitID
	}
	unitName := map[string]string{}
	for _, u := range units {
		unitName[u.ID] = u.Nama
	}

	path := filepath.Join(t.TempDir(), "undangan.csv")
	out, _ = mustRun(t, env, exitOK, "users", "invite", "--all-asn", "--out", path, "--bot", "mutasi_uji_bot")
	want := len(emps) - 2 // less the registered one and the one who left
	if prefix := mutasi.FormatInt(want) + " undangan dibuat untuk pegawai aktif yang belum terdaftar (1 yang sudah terdaftar dilewati)"; !strings.HasPrefix(out, prefix) {
		t.Errorf("output %q, want starting with %q", out, prefix)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("file mode %v, want 0600: it holds secrets", perm)
	}
	rows := readInviteCSV(t, path)
	if got := strings.Join(rows[0], ","); got != "nip,nama,unit_id,unit,kode,tautan,kedaluwarsa" {
		t.Errorf("header %q", got)
	}
	rows = rows[1:]
	if len(rows) != want {
		t.Fatalf("%d rows, want one per active unregistered employee (%d)", len(rows), want)
	}
	byNIP := map[string][]string{}
	for _, r := range rows {
		if _, dup := byNIP[r[0]]; dup {
			t.Errorf("employee %s listed twice", r[0])
		}
		byNIP[r[0]] = r
	}
	for _, nip := range []string{emps[0].NIP, emps[1].NIP} {
		if _, ok := byNIP[nip]; ok {
			t.Errorf("%s (registered or inactive) was invited", nip)
		}
	}
	for _, e := range emps[2:] {
		r, ok := byNIP[e.NIP]
		if !ok {
			t.Errorf("%s not invited", e.NIP)
			continue
		}
		nama := e.Nama
		if e.NIP == emps[2].NIP {
			nama = `'=HYPERLINK("http://x","klik")`
		}
		unit := unitOf[e.JabatanID]
		if r[1] != nama || r[2] != unit || r[3] != unitName[unit] {
			t.Errorf("row %q, want nama %q unit %q %q", r, nama, unit, unitName[unit])
		}
		if r[5] != "https://t.me/mutasi_uji_bot?start="+r[4] || !mutasi.ValidInviteCode(r[4]) {
			t.Errorf("row %q: code or link malformed", r)
		}
		if exp, err := time.ParseInLocation("2006-01-02 15:04", r[6], time.Local); err != nil ||
			time.Until(exp) < mutasi.InviteTTL-2*time.Minute || time.Until(exp) > mutasi.InviteTTL {
			t.Errorf("row %q: expiry %q is not 7 days ahead", r, r[6])
		}
	}
	// The codes work: the first and the last row register their employee.
	for i, r := range [][]string{rows[0], rows[len(rows)-1]} {
		u, err := redeem(t, env, r[4], int64(1000+i))
		if err != nil || u.NIP != r[0] || u.Role != mutasi.RoleASN {
			t.Errorf("redeeming %s's code: %+v %v", r[0], u, err)
		}
	}

	// An existing file is kept without --force, and nothing is stored.
	before, _ := os.ReadFile(path)
	_, errOut := mustRun(t, env, exitFailure, "users", "invite", "--all-asn", "--out", path)
	if want := path + " sudah ada; pakai --force untuk menimpanya"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want containing %q", errOut, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the existing file was changed")
	}
	db = openStore(t, env)
	pending, err := db.Invites(context.Background(), mutasi.InviteFilter{Unused: true})
	db.Close()
	if err != nil || len(pending) != want-2 {
		t.Errorf("%d pending invites after a refused run (%v), want %d", len(pending), err, want-2)
	}

	// With --force: new codes for those still unregistered; the old ones
	// no longer work.
	out, _ = mustRun(t, env, exitOK, "users", "invite", "--all-asn", "--out", path, "--force")
	if !strings.HasPrefix(out, mutasi.FormatInt(want-2)+" undangan dibuat") || !strings.Contains(out, "ganti <nama_bot>") {
		t.Errorf("second run: %q", out)
	}
	again := readInviteCSV(t, path)[1:]
	if len(again) != want-2 || !strings.HasPrefix(again[0][5], "https://t.me/<nama_bot>?start=") {
		t.Errorf("second file: %d rows, first %q", len(again), again[0])
	}
	if _, err := redeem(t, env, rows[1][4], 2000); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("a code of the replaced file still works: %v", err)
	}
}

func TestUsersInviteAllASNIsAllOrNothing(t *testing.T) {
	env := usersEnv(t)
	dir := t.TempDir()
	// A directory where the file would go: refused before anything is read.
	if err := os.Mkdir(filepath.Join(dir, "x.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, errOut := mustRun(t, env, exitFailure, "users", "invite", "--all-asn", "--out", filepath.Join(dir, "x.csv"))
	if !strings.Contains(errOut, "adalah direktori") {
		t.Errorf("stderr %q", errOut)
	}
	_, errOut = mustRun(t, env, exitFailure, "users", "invite", "--all-asn", "--out", filepath.Join(dir, "no", "x.csv"))
	if !strings.Contains(errOut, "tidak ada; buat dulu direktori itu") {
		t.Errorf("stderr %q", errOut)
	}
	// The store failing on the last invite of the batch (a trigger stands
	// in for a disk error) stores none and leaves no file behind, not even
	// the temporary one.
	emps := activeEmployees(t, env)
	execSQL(t, env, `CREATE TRIGGER fail_last BEFORE INSERT ON invites WHEN NEW.nip = '`+emps[len(emps)-1].NIP+`'
		BEGIN SELECT RAISE(ABORT, 'disk penuh'); END`)
	out := filepath.Join(dir, "undangan.csv")
	_, errOut = mustRun(t, env, exitFailure, "users", "invite", "--all-asn", "--out", out)
	if !strings.Contains(errOut, "disk penuh") {
		t.Errorf("stderr %q, want the store's error", errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "x.csv" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	db := openStore(t, env)
	defer db.Close()
	if list, err := db.Invites(context.Background(), mutasi.InviteFilter{}); err != nil || len(list) != 0 {
		t.Errorf("%d invites stored by a failed batch (%v), want none", len(list), err)
	}
	if entries, err := db.AuditEntries(context.Background(), emps[0].NIP, 0); err != nil || len(entries) != 0 {
		t.Errorf("%d audit entries of a failed batch (%v), want none", len(entries), err)
	}
}

func TestNeutraliseCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+62812", "'+62812"},
		{"-Bagian Umum", "'-Bagian Umum"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"Budi = Baik", "Budi = Baik"},
		{"199511032019032002", "199511032019032002"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := neutraliseCell(tc.in); got != tc.want {
			t.Errorf("neutraliseCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
