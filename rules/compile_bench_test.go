package rules

import (
	"os"
	"testing"
)

// BenchmarkCompileDefault is the cost of one reload of the default policy:
// parse, type-check and compile every expression and template.
func BenchmarkCompileDefault(b *testing.B) {
	data, err := os.ReadFile("../policies/mutasi.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Compile([]File{{Name: "f.yaml", Data: data}}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
