package mutasi

import (
	"time"
	"unicode/utf8"
)

// MaxAspirationChoices is how many postings an employee may name.
const MaxAspirationChoices = 3

// MaxAspirationReason bounds the reason so that it fits a chat message.
const MaxAspirationReason = 500

// Aspiration is an employee's preferred postings, best first. Each choice is
// a jabatan_id or a unit_id; the store resolves which and rejects a choice
// that names neither (or, ambiguously, both).
type Aspiration struct {
	NIP       string
	Pilihan   []string // 1 to 3 choices, no repeats
	Alasan    string
	UpdatedAt time.Time
}

// Validate checks the aspiration on its own.
func (a *Aspiration) Validate() error {
	var p problems
	if _, err := ParseNIP(a.NIP); err != nil {
		p.add("nip", "%s", ErrorMessage(err))
	}
	if len(a.Pilihan) == 0 {
		p.add("pilihan_1", "wajib diisi (minimal satu pilihan)")
	}
	if len(a.Pilihan) > MaxAspirationChoices {
		p.add("pilihan", "paling banyak %d pilihan, ada %d", MaxAspirationChoices, len(a.Pilihan))
	}
	seen := map[string]bool{}
	for i, c := range a.Pilihan {
		field := sprintf("pilihan_%d", i+1)
		switch {
		case c == "":
			p.add(field, "kosong padahal pilihan sesudahnya diisi")
		case !validID(c):
			p.add(field, "%q bukan kode jabatan atau unit yang sah", c)
		case seen[c]:
			p.add(field, "%s sudah dipilih sebelumnya", c)
		}
		seen[c] = true
	}
	if utf8.RuneCountInString(a.Alasan) > MaxAspirationReason {
		p.add("alasan", "terlalu panjang (paling banyak %s huruf)", FormatInt(MaxAspirationReason))
	}
	if !utf8.ValidString(a.Alasan) {
		p.add("alasan", "berisi karakter yang bukan UTF-8")
	}
	checkText(&p, "alasan", a.Alasan, true)
	return p.err()
}
