package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// oneShotGC turns the collector off, under a memory limit, only in a
// process of the command's own and only when the user set neither GOGC nor
// GOMEMLIMIT.
func TestOneShotGC(t *testing.T) {
	restore := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	defer restore()
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tc := range []struct {
		name    string
		a       app
		wantOff bool
	}{
		{"own process", app{OwnProcess: true, Getenv: env(nil)}, true},
		{"a test calling run", app{Getenv: env(nil)}, false},
		{"GOGC set", app{OwnProcess: true, Getenv: env(map[string]string{"GOGC": "200"})}, false},
		{"GOMEMLIMIT set", app{OwnProcess: true, Getenv: env(map[string]string{"GOMEMLIMIT": "2GiB"})}, false},
	} {
		restore()
		oneShotGC(&tc.a)
		percent := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		if off := percent < 0; off != tc.wantOff {
			t.Errorf("%s: GC percent %d, want off %v", tc.name, percent, tc.wantOff)
		}
		if tc.wantOff && limit != oneShotMemoryLimit {
			t.Errorf("%s: memory limit %d, want %d", tc.name, limit, oneShotMemoryLimit)
		}
	}
}
