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
