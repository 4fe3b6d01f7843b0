package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// mutasi demo < skrip.txt is a scripted session of the try-out chat: the
// real bot, its handlers and the outbox against the in-process emulator.
func TestDemoRunsAScriptedTryOutChat(t *testing.T) {
	env := newDB(t)
	env["MUTASI_POLICIES"] = policiesDir
	script := strings.Join([]string{
		"/cek",
		"/sebagai manager",
		"/rekomendasi",
		"1", // the unit's vacancy
		"1", // Usulkan 1
		"/sebagai asn",
		"/usulan",
		"2", // Ajukan keberatan
		"Saya merawat orang tua di sini",
		"/sebagai policy",
		"/usulan",
		"1", // Setujui
		"/sebagai 12345",
		"/keluar",
		"/cek", // never read: the chat ended
	}, "\n")
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"demo", "--employees", "400", "--date", "2026-03-01"},
		strings.NewReader(script), &out, &errOut, func(k string) string { return env[k] })
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"── Coba bot di terminal ──",
		"asn> /cek", "Pemeriksaan syarat mutasi", "Kesimpulan: memenuhi syarat untuk dimutasi.",
		"(Anda sekarang: pengelola unit", "Jabatan lowong di unit Anda", "Rekomendasi untuk",
		"Usulan #1 dibuat", "Usulan mutasi #1 untuk Anda", "Mengapa Anda",
		"Tuliskan alasan keberatan", "Keberatan atas usulan #1",
		"status: pegawai keberatan; menunggu keputusan", "Usulan #1 disetujui. Pegawai dan pengusul diberi tahu.",
		"Usulan mutasi #1 disetujui",
		"(Tidak ada orang seperti itu di demo",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the scripted chat lacks %q", want)
		}
	}
	if strings.Count(got, "asn> /cek") != 1 {
		t.Errorf("the chat read past /keluar")
	}
	if t.Failed() {
		t.Log(got[strings.Index(got, "── Coba bot"):])
	}
}
