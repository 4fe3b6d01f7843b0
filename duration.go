package mutasi

import (
	"fmt"
	"time"
)

// FormatDuration writes d for people, in Indonesian: "7 milidetik",
// "1,3 detik", "2 menit 5 detik", "1 jam 30 menit". Go's own form ("0s",
// "1.3s", "50ms") is English and says "0s" for a fast step.
func FormatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return "kurang dari 1 milidetik"
	case d < 300*time.Millisecond:
		return fmt.Sprintf("%s milidetik", FormatInt(int(d.Round(time.Millisecond)/time.Millisecond)))
	}
	tenths := int(d.Round(100*time.Millisecond) / (100 * time.Millisecond))
	if tenths < 600 {
		if tenths%10 == 0 {
			return fmt.Sprintf("%d detik", tenths/10)
		}
		return FormatDecimal(float64(tenths)/10, 1) + " detik"
	}
	secs := int(d.Round(time.Second) / time.Second)
	if secs < 3600 {
		return withRest(secs/60, "menit", secs%60, "detik")
	}
	mins := int(d.Round(time.Minute) / time.Minute)
	return withRest(mins/60, "jam", mins%60, "menit")
}

// withRest writes "n unit" and, when rest is not 0, "rest restUnit".
func withRest(n int, unit string, rest int, restUnit string) string {
	s := fmt.Sprintf("%s %s", FormatInt(n), unit)
	if rest > 0 {
		s += fmt.Sprintf(" %d %s", rest, restUnit)
	}
	return s
}
