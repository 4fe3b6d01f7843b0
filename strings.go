package mutasi

import "strings"

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func joinList(list []string) string { return strings.Join(list, ", ") }

// clip shortens s to at most n runes for quoting in a message, so that a
// pasted essay does not come back whole.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
