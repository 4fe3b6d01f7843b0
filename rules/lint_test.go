package rules

import (
	"strings"
	"testing"
)

func TestLint(t *testing.T) {
	policy := `name: uji
version: "1"
effective: 2026-01-01
params:
  dipakai: 2
  lupa: 3
rules:
  - id: r1
    title: Uji
    require: employee.masa_jabatan_tahun >= params.dipakai
    severity: block
    message: ok
    basis: PP
  - id: r2
    title: Lambat
    require: "all(['a'], {# == 'a'})"
    severity: info
    message: ok
    basis: PP
scoring:
  - id: a
    weight: 1
    value: "1"
  - id: b
    weight: 0
    value: "1"
  - id: c
    weight: 10
    value: "1"
`
	p, err := Compile([]File{{Name: "uji.yaml", Data: []byte(policy)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := p.Lint()
	want := []string{
		`uji.yaml:6:3: param "lupa" tidak dipakai`,
		"uji.yaml:16:15: ekspresi aturan r2 dijalankan lewat jalur lambat",
		"uji.yaml:25:13: bobot b nol",
		"uji.yaml:28:13: bobot c (10) lebih dari separuh",
		"rumpun_pendidikan.yaml tidak ada",
	}
	var text []string
	for _, g := range got {
		text = append(text, g.String())
	}
	all := strings.Join(text, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("lint lacks %q; got:\n%s", w, all)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), all)
	}
}

func TestLintDefaultPolicyClean(t *testing.T) {
	if got := loadDefault(t).Lint(); len(got) != 0 {
		t.Errorf("default policy has lint problems: %v", got)
	}
}
