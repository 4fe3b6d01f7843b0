package rules

import (
	"strings"
	"testing"
)

// Limits and counts above 999 in compile errors are grouped with dots.
func TestCompileErrorsGroupThousands(t *testing.T) {
	long := "1" + strings.Repeat(" + 1", 2500) + " > 0" // 10,005 bytes
	dense := "1" + strings.Repeat("+1", 1500) + " > 0"
	for _, tt := range []struct{ expr, want string }{
		{long, "terlalu panjang (10.005 karakter, paling banyak 8.000)"},
		{dense, "ekspresi terlalu besar (lebih dari 1.000 unsur)"},
	} {
		_, err := Compile([]File{{Name: "uji.yaml", Data: []byte(testHeader + rule("r1", "    require: "+tt.expr+"\n    severity: block\n"))}}, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got %v, want %q", err, tt.want)
		}
	}
}
