package rules

import (
	"strings"
	"testing"
)

// TestDefaultPolicy runs the default policy's own test cases.
func TestDefaultPolicy(t *testing.T) {
	p, err := LoadDir("../policies")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	results, err := RunTests(p, "../policies")
	if err != nil {
		t.Fatalf("tests: %v", err)
	}
	if len(results) < 22 {
		t.Fatalf("got %d cases, want at least 22 (both sides of 11 rules)", len(results))
	}
	for _, r := range results {
		if !r.Passed() {
			t.Error(r.String())
		}
	}
}

// TestFailureShowsGotWantAndValues checks what a policy officer sees when a
// case fails: got/want and the values each rule saw.
func TestFailureShowsGotWantAndValues(t *testing.T) {
	p := loadDefault(t)
	cases, err := ParseTests("uji_test.yaml", []byte(`today: 2026-03-01
defaults:
  employee: {nip: "1", status: PNS, golongan: III/c, tanggal_lahir: 1990-04-12, tmt_jabatan: 2022-01-03,
             pendidikan_jenjang: S1, pendidikan_jurusan: Teknik Informatika,
             kinerja_tahun_lalu: Baik, kinerja_dua_tahun_lalu: Baik, tugas_belajar: ya}
  current: {jabatan_id: J1, kebutuhan: 3, pemangku: 3, beban_kerja_jam: 2000}
cases:
  - name: salah harapan
    expect: {eligible: true, failing: []}
`))
	if err != nil {
		t.Fatal(err)
	}
	res := p.RunCases(cases)
	if len(res) != 1 || res[0].Passed() {
		t.Fatalf("want one failed case, got %+v", res)
	}
	got := res[0].String()
	for _, want := range []string{
		"GAGAL uji_test.yaml:8 salah harapan",
		"eligible: dapat false, seharusnya true",
		"aturan gagal: dapat [tidak-tugas-belajar], seharusnya []",
		"✗ tidak-tugas-belajar: sedang menjalani tugas belajar [employee.tugas_belajar=ya]",
		"✓ masa-jabatan-minimal: 4 tahun 1 bulan di jabatan sekarang (minimal 2 tahun) [employee.masa_jabatan_bulan=49, params.masa_jabatan_min_tahun=2]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("failure report lacks %q:\n%s", want, got)
		}
	}
}

func TestParseTestsErrors(t *testing.T) {
	_, err := ParseTests("x_test.yaml", []byte("today: 2026-03-01\ncases:\n  - name: a\n    employee: {tmt_jabtan: 2020-01-01}\n"))
	want := `x_test.yaml:4:16: kolom "tmt_jabtan" tidak dikenal; mungkin maksudnya "tmt_jabatan"?`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}
