package placement

import (
	"fmt"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Reason is one part of a score in words, with the points it added.
type Reason struct {
	Term   string  `json:"term"`   // the scoring term's id
	Points float64 `json:"points"` // of the 0–100 score
	Text   string  `json:"text"`   // Indonesian, e.g. "jabatan ini pilihan ke-1 dalam aspirasinya"
}

// Reasons turns a decision's score parts into words, largest contribution
// first; parts that added nothing are left out. The default policy's term
// ids (pendidikan, aspirasi, kinerja, talenta, rotasi, beban) get a
// sentence each; a term of another policy is named by its title and value.
func Reasons(p *rules.Policy, d rules.Decision, s rules.Subject, t *rules.Target) []Reason {
	var total float64
	for _, sp := range d.ScoreParts {
		if sp.Applicable {
			total += sp.Term.Weight
		}
	}
	if total == 0 {
		return nil
	}
	var out []Reason
	for _, sp := range d.ScoreParts {
		if !sp.Applicable || sp.Value <= 0 {
			continue
		}
		out = append(out, Reason{Term: sp.Term.ID, Points: 100 * sp.Term.Weight * sp.Value / total,
			Text: reasonText(p, sp, s, t, d.Date)})
	}
	sortByScore(out, func(r Reason) float64 { return r.Points }, func(r Reason) string { return r.Term })
	return out
}

func reasonText(p *rules.Policy, sp rules.ScorePart, s rules.Subject, t *rules.Target, date time.Time) string {
	e := s.Employee
	switch sp.Term.ID {
	case "pendidikan":
		edu := e.PendidikanJurusan
		if !strings.HasPrefix(strings.ToUpper(edu), strings.ToUpper(e.PendidikanJenjang)) {
			edu = strings.TrimSpace(e.PendidikanJenjang + " " + edu) // "S1 Ilmu Hukum", not "SMA SMA IPA"
		}
		if t != nil && sp.Value >= 1 && t.Position.PendidikanMin != "" {
			return fmt.Sprintf("pendidikan %s sesuai dan di atas jenjang minimal %s", edu, t.Position.PendidikanMin)
		}
		return fmt.Sprintf("pendidikan %s sesuai dengan jabatan", edu)
	case "aspirasi":
		if n, what := choiceOf(s.Aspiration, t); n > 0 {
			return fmt.Sprintf("%s ini pilihan ke-%d dalam aspirasinya", what, n)
		}
	case "kinerja":
		return fmt.Sprintf("kinerja %s (tahun lalu) dan %s (dua tahun lalu)",
			orDash(e.KinerjaTahunLalu), orDash(e.KinerjaDuaTahunLalu))
	case "talenta":
		return fmt.Sprintf("kotak talenta %d%s", e.KotakTalenta, talentNote(e.KotakTalenta))
	case "rotasi":
		if !e.TMTJabatan.IsZero() {
			months := mutasi.MonthsBetween(e.TMTJabatan, date)
			text := fmt.Sprintf("%s di jabatan sekarang", yearsMonths(months))
			if sp.Value >= 1 {
				text += ": prioritas rotasi"
			}
			return text
		}
	case "beban":
		if t != nil && s.Current != nil {
			hours := effectiveHours(p)
			return fmt.Sprintf("meringankan beban: EJ jabatan tujuan %s, EJ jabatan asal setelah pindah %s",
				mutasi.FormatDecimal(mutasi.EJ(t.Position.BebanKerjaJam, t.Position.Holders, hours), 2),
				mutasi.FormatDecimal(mutasi.EJ(s.Current.BebanKerjaJam, s.Current.Holders-1, hours), 2))
		}
	}
	return fmt.Sprintf("%s %s", strings.ToLower(sp.Term.Title), mutasi.FormatDecimal(sp.Value, 2))
}

// choiceOf says which choice of the aspiration names the target: its
// position (1–3, "jabatan") or its unit ("unit"); 0 if none.
func choiceOf(a *mutasi.Aspiration, t *rules.Target) (int, string) {
	if a == nil || t == nil {
		return 0, ""
	}
	for i, c := range a.Pilihan {
		switch {
		case strings.EqualFold(c, t.Position.ID):
			return i + 1, "jabatan"
		case strings.EqualFold(c, t.Position.UnitID):
			return i + 1, "unit"
		}
	}
	return 0, ""
}

func orDash(s string) string {
	if s == "" {
		return "belum dinilai"
	}
	return s
}

// talentNote explains a talent box (PermenPAN-RB 3/2020): 7–9 form the
// succession pool; 4, 7 and 8 are candidates for rotation.
func talentNote(box int) string {
	switch {
	case box >= 7:
		return " (kelompok suksesi)"
	case box >= 4:
		return " (potensi rotasi)"
	}
	return ""
}

// yearsMonths writes a number of months as "4 tahun 2 bulan".
func yearsMonths(months int) string {
	y, m := months/12, months%12
	switch {
	case y > 0 && m > 0:
		return fmt.Sprintf("%d tahun %d bulan", y, m)
	case y > 0:
		return fmt.Sprintf("%d tahun", y)
	}
	return fmt.Sprintf("%d bulan", m)
}

// effectiveHours is the policy's jam_kerja_efektif, so that every EJ the
// service shows agrees with the rules; the regulation's default without it.
func effectiveHours(p *rules.Policy) float64 {
	if h, ok := paramNumber(p, "jam_kerja_efektif"); ok && h > 0 {
		return h
	}
	return mutasi.DefaultEffectiveHours
}

// paramNumber reads a numeric param (int or float64 as written in YAML).
func paramNumber(p *rules.Policy, name string) (float64, bool) {
	switch v := p.Params[name].(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
