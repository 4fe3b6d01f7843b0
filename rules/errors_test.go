package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

const testHeader = `name: uji
version: "1"
effective: 2026-01-01
params:
  masa_min: 2
rules:
`

// rule returns a rule block with the given require line (already indented
// by the caller when it spans lines).
func rule(id, extra string) string {
	return "  - id: " + id + "\n    title: Uji\n" + extra + "    message: \"ok\"\n    basis: PP\n"
}

func TestCompileErrors(t *testing.T) {
	long := "1" + strings.Repeat(" + 1", 25_000) + " > 0" // 50,001 nodes
	dense := "1" + strings.Repeat("+1", 1500) + " > 0"    // 3,001 nodes, within the byte limit
	tests := []struct {
		name      string
		policy    string
		want      string // part of the message
		line, col int
	}{
		{
			name:   "YAML syntax error",
			policy: testHeader + "  - id: r1\n   title: [unclosed\n",
			want:   "indentasi salah", line: 8, col: 4,
		},
		{
			name:   "unknown field with suggestion",
			policy: testHeader + rule("r1", "    require: employee.masa_jabtan_bulan >= 24\n    severity: block\n"),
			want:   `employee tidak punya data "masa_jabtan_bulan"; mungkin maksudnya "masa_jabatan_bulan"?`, line: 9, col: 23,
		},
		{
			name:   "unknown param with suggestion",
			policy: testHeader + rule("r1", "    require: employee.masa_jabatan_bulan >= params.masa_mn * 12\n    severity: block\n"),
			want:   `param "masa_mn" tidak dideklarasikan di params; mungkin maksudnya "masa_min"?`, line: 9, col: 52,
		},
		{
			name:   "date compared with a number",
			policy: testHeader + rule("r1", "    require: employee.tmt_jabatan > 5\n    severity: block\n"),
			want:   "operasi > tidak bisa dipakai antara tanggal dan bilangan bulat", line: 9, col: 35,
		},
		{
			name: "duplicate rule id",
			policy: testHeader + rule("r1", "    require: true\n    severity: block\n") +
				rule("r1", "    require: true\n    severity: block\n"),
			want: `id aturan "r1" sudah dipakai di uji.yaml baris 7`, line: 13, col: 9,
		},
		{
			name:   "missing require",
			policy: testHeader + rule("r1", "    severity: block\n"),
			want:   "aturan r1 tidak punya require", line: 7, col: 5,
		},
		{
			name:   "misspelt key",
			policy: testHeader + rule("r1", "    requir: true\n    severity: block\n"),
			want:   `kolom "requir" tidak dikenal; mungkin maksudnya "require"?`, line: 9, col: 5,
		},
		{
			name:   "severity typo",
			policy: testHeader + rule("r1", "    require: true\n    severity: blok\n"),
			want:   `severity "blok" tidak dikenal; mungkin maksudnya "block"?`, line: 10, col: 15,
		},
		{
			name:   "require that is not a yes/no",
			policy: testHeader + rule("r1", "    require: employee.masa_jabatan_bulan\n    severity: block\n"),
			want:   "harus menghasilkan benar/salah, bukan bilangan bulat", line: 9, col: 14,
		},
		{
			name:   "50,000-node expression",
			policy: testHeader + rule("r1", "    require: "+long+"\n    severity: block\n"),
			want:   "terlalu panjang", line: 9, col: 14,
		},
		{
			name:   "expression over the node limit",
			policy: testHeader + rule("r1", "    require: "+dense+"\n    severity: block\n"),
			want:   "ekspresi terlalu besar", line: 9,
		},
		{
			name:   "error inside a literal block scalar",
			policy: testHeader + rule("r1", "    require: |\n      employee.masa_jabatan_bulan >= 24 &&\n        employee.golongn == 'III/a'\n    severity: block\n"),
			want:   `employee tidak punya data "golongn"`, line: 11, col: 18,
		},
		{
			name:   "error inside a double-quoted scalar with an escape",
			policy: testHeader + rule("r1", "    require: \"employee.nama != \\\"x\\\" && params.masa > 1\"\n    severity: block\n"),
			want:   `param "masa" tidak dideklarasikan`, line: 9, col: 48,
		},
		{
			name:   "error inside a message placeholder",
			policy: testHeader + "  - id: r1\n    title: Uji\n    require: true\n    severity: block\n    message: \"masa {{ employee.masa }} bulan\"\n    basis: PP\n",
			want:   `employee tidak punya data "masa"`, line: 11, col: 32,
		},
		{
			name: "negative scoring weight",
			policy: testHeader + rule("r1", "    require: true\n    severity: block\n") +
				"scoring:\n  - id: s1\n    title: Uji\n    weight: -2\n    value: \"1\"\n",
			want: "bobot -2 negatif", line: 16, col: 13,
		},
		{
			name:   "unknown function",
			policy: testHeader + rule("r1", "    require: tahun_antar(employee.tmt_jabatan, today) > 2\n    severity: block\n"),
			want:   `fungsi "tahun_antar" tidak dikenal; mungkin maksudnya "tahun_antara"?`, line: 9, col: 14,
		},
		{
			name:   "no clock for rules",
			policy: testHeader + rule("r1", "    require: now() > today\n    severity: block\n"),
			want:   `fungsi "now" tidak dikenal`, line: 9, col: 14,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile([]File{{Name: "uji.yaml", Data: []byte(tt.policy)}}, nil)
			if err == nil {
				t.Fatalf("compiled %v, want error %q", p.Rules, tt.want)
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %T %v, want *LoadError", err, err)
			}
			var got *Problem
			for i := range le.Problems {
				if strings.Contains(le.Problems[i].Message, tt.want) {
					got = &le.Problems[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("problems:\n%v\nwant one containing %q", err, tt.want)
			}
			if got.File != "uji.yaml" || got.Line != tt.line || (tt.col != 0 && got.Column != tt.col) {
				t.Errorf("at %s:%d:%d, want uji.yaml:%d:%d (%s)", got.File, got.Line, got.Column, tt.line, tt.col, got.Message)
			}
			if mutasi.ErrorCode(err) != mutasi.EINVALID {
				t.Errorf("code %q, want %q", mutasi.ErrorCode(err), mutasi.EINVALID)
			}
		})
	}
}

func TestReferenceDuplicateMajor(t *testing.T) {
	data := "version: \"1\"\nrumpun:\n  - nama: Komputer\n    jurusan:\n      - Teknik Informatika\n  - nama: Teknik\n    jurusan:\n      - teknik  informatika\n"
	_, err := ParseReference("rumpun.yaml", []byte(data))
	if err == nil {
		t.Fatal("no error for a major in two families")
	}
	want := `rumpun.yaml:8:9: jurusan "teknik  informatika" tercantum dua kali: sudah masuk rumpun "Komputer" di baris 5`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
}

func TestReferenceLookup(t *testing.T) {
	p := loadDefault(t)
	tests := []struct{ major, family string }{
		{"Teknik Informatika", "Komputer"},
		{"  TEKNIK   informatika ", "Komputer"},
		{"Sastra Inggris", "Bahasa dan Sastra"},
		{"Ilmu Perbintangan", ""},
	}
	for _, tt := range tests {
		got, known := p.Reference.Family(tt.major)
		if got != tt.family || known != (tt.family != "") {
			t.Errorf("Family(%q) = %q, %v; want %q", tt.major, got, known, tt.family)
		}
	}
}

// A weight that is given but wrong (negative, not a number) is one
// problem, at the weight: not also "has no weight".
func TestAWrongWeightIsOneProblem(t *testing.T) {
	for _, w := range []string{"-2", "banyak"} {
		policy := testHeader + rule("r1", "    require: true\n    severity: block\n") +
			"scoring:\n  - id: s1\n    title: Uji\n    weight: " + w + "\n    value: \"1\"\n"
		_, err := Compile([]File{{Name: "uji.yaml", Data: []byte(policy)}}, nil)
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("weight %s: error %v, want *LoadError", w, err)
		}
		if len(le.Problems) != 1 || le.Problems[0].Line != 16 {
			t.Errorf("weight %s: %d problems, want one at line 16:\n%v", w, len(le.Problems), err)
		}
	}
}
