package main

import (
	"regexp"
	"testing"
)

// The demo says how long it took in Indonesian ("7 milidetik", "1,3
// detik"), not in Go's "0s" or "1.3s".
func TestDemoDurationInWords(t *testing.T) {
	env := newDB(t)
	out, _ := mustRun(t, env, exitOK, "demo", "--employees", "20", "--seed", "3")
	re := regexp.MustCompile(`dibuat dalam (kurang dari 1 milidetik|[0-9.]+ milidetik|[0-9]+(,[0-9])? detik|[0-9]+ menit( [0-9]+ detik)?):`)
	if !re.MatchString(out) {
		t.Errorf("duration not in words:\n%s", out)
	}
}
