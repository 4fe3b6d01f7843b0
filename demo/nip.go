package demo

import (
	"strconv"
	"time"
)

// nipSequencer hands out the 3-digit sequence of NIPs so that no two
// employees share a number: the sequence counts people with the same birth
// date, start and gender.
type nipSequencer struct {
	used map[uint64]uint16
}

func newNIPSequencer(n int) *nipSequencer {
	return &nipSequencer{used: make(map[uint64]uint16, n)}
}

// next returns the NIP for a birth date, a start (CPNS month, or for a PPPK
// the year of appointment followed by "21") and a gender digit, or ok=false
// when the 999 numbers of that combination are used up.
func (s *nipSequencer) next(birth time.Time, start string, gender byte) (nip string, ok bool) {
	var b [18]byte
	buf := birth.AppendFormat(b[:0], "20060102")
	buf = append(buf, start...)
	buf = append(buf, gender)
	key, _ := strconv.ParseUint(string(buf), 10, 64)
	seq := s.used[key] + 1
	if seq > 999 {
		return "", false
	}
	s.used[key] = seq
	buf = append(buf, byte('0'+seq/100), byte('0'+seq/10%10), byte('0'+seq%10))
	return string(buf), true
}
