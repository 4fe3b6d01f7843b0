package main

import (
	"fmt"
	"strings"
)

// progressLine returns a progress callback that redraws one line on
// stderr, format with one %d for the count, and a function that clears the
// line. Off a terminal both do nothing: logs and pipes get no control
// characters.
func progressLine(a *app, format string) (report func(n int), clear func()) {
	if !a.Terminal {
		return nil, func() {}
	}
	drawn := false
	// The count is written with thousands grouped (12.345), as every
	// number people read.
	format = strings.Replace(format, "%d", "%s", 1)
	report = func(n int) {
		drawn = true
		fmt.Fprintf(a.Stderr, "\r"+format, formatInt(n))
	}
	clear = func() {
		if drawn {
			fmt.Fprint(a.Stderr, "\r\033[K")
		}
	}
	return report, clear
}
