package rules

import (
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// TestDefaultEducationScore pins the pendidikan term of the default policy
// to policies/README.md: 1 when the major fits and the level is above the
// minimum, 0.8 when it is exactly the minimum, 0 otherwise — a level below
// the minimum included.
func TestDefaultEducationScore(t *testing.T) {
	p := loadDefault(t)
	for _, tt := range []struct {
		jenjang, jurusan string
		want             float64
	}{
		{"S2", "Teknik Informatika", 1},
		{"S1", "Teknik Informatika", 0.8},
		{"D4", "Teknik Informatika", 0.8},
		{"D3", "Teknik Informatika", 0},
		{"S2", "Sastra Inggris", 0},
	} {
		e := &mutasi.Employee{NIP: "199004122015032001", Status: mutasi.StatusPNS, Golongan: "III/c",
			TanggalLahir: time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC), TMTJabatan: time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC),
			PendidikanJenjang: tt.jenjang, PendidikanJurusan: tt.jurusan}
		d := p.Evaluate(Subject{Employee: e, Current: &mutasi.Position{ID: "J1", Holders: 3}}, benchTarget(), benchToday)
		for _, part := range d.ScoreParts {
			if part.Term.ID == "pendidikan" && part.Value != tt.want {
				t.Errorf("%s %s: pendidikan score %v, want %v", tt.jenjang, tt.jurusan, part.Value, tt.want)
			}
		}
	}
}
