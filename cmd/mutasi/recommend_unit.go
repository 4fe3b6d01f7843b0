package main

import (
	"fmt"
	"io"
	"math"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// ejText shows an EJ with its grade; +Inf (work and nobody to do it) reads
// as such.
func ejText(ej float64) string {
	if math.IsInf(ej, 1) {
		return "∞ (tanpa pemangku)"
	}
	return mutasi.FormatDecimal(ej, 2)
}

func writeUnitRelief(w io.Writer, ur *placement.UnitRelief) {
	fmt.Fprintf(w, "Meringankan %s (%s) — EJ %s, kelas %s\n", ur.Unit.Nama, ur.Unit.ID, ejText(ur.EJ), mutasi.EJGrade(ur.EJ))
	fmt.Fprintf(w, "Kebijakan: %s %s · tanggal penilaian %s\n", ur.Policy.Name, ur.Policy.VersionID(), mutasi.FormatDate(ur.Date))
	if len(ur.Vacant) == 0 {
		fmt.Fprintln(w, "\nUnit ini tidak punya jabatan lowong (kebutuhan ABK sudah terisi): beban tidak dapat diringankan dengan mutasi masuk.")
		return
	}
	fmt.Fprintf(w, "Jabatan lowong: %d · pasangan pegawai–jabatan yang memenuhi syarat: %s\n", len(ur.Vacant), mutasi.FormatInt(ur.Eligible))
	if len(ur.Moves) == 0 {
		fmt.Fprintln(w, "\nBelum ada pegawai unit lain yang memenuhi syarat untuk jabatan lowong unit ini.")
		return
	}
	fmt.Fprintln(w, "\nPindah yang paling meringankan")
	for i, m := range ur.Moves {
		fmt.Fprintf(w, "%2d. %s — skor %s\n", i+1, personLine(m.Employee), mutasi.FormatDecimal(m.Score, 1))
		fmt.Fprintf(w, "    dari %s\n", positionLine(m.From, m.FromUnit, m.Employee.JabatanID))
		fmt.Fprintf(w, "    ke   %s\n", positionLine(m.To, ur.Unit, ""))
		fmt.Fprintf(w, "    EJ jabatan tujuan %s → %s · EJ unit ini %s → %s",
			ejText(m.ToEJBefore), ejText(m.ToEJAfter), ejText(m.UnitEJBefore), ejText(m.UnitEJAfter))
		if m.FromUnit != nil {
			fmt.Fprintf(w, " · EJ unit asal %s → %s", ejText(m.FromUnitEJBefore), ejText(m.FromUnitEJAfter))
		}
		fmt.Fprintln(w)
		for _, rs := range m.Reasons {
			fmt.Fprintf(w, "    · %s (+%s)\n", rs.Text, mutasi.FormatDecimal(rs.Points, 1))
		}
	}
}

type reliefJSON struct {
	NIP              string   `json:"nip"`
	Nama             string   `json:"nama"`
	Score            float64  `json:"score"`
	FromPosition     string   `json:"from_position"`
	FromUnit         string   `json:"from_unit"`
	ToPosition       string   `json:"to_position"`
	Reasons          []string `json:"reasons"`
	ToEJBefore       *float64 `json:"to_ej_before"`
	ToEJAfter        *float64 `json:"to_ej_after"`
	UnitEJBefore     *float64 `json:"unit_ej_before"`
	UnitEJAfter      *float64 `json:"unit_ej_after"`
	FromUnitEJBefore *float64 `json:"from_unit_ej_before"`
	FromUnitEJAfter  *float64 `json:"from_unit_ej_after"`
}

type unitReliefJSONDoc struct {
	UnitID        string       `json:"unit_id"`
	PolicyVersion string       `json:"policy_version"`
	Date          string       `json:"date"`
	EJ            *float64     `json:"ej"`
	Vacant        []string     `json:"vacant_positions"`
	Moves         []reliefJSON `json:"moves"`
}

// ejJSON is an EJ for JSON: null when infinite (JSON has no infinity).
func ejJSON(ej float64) *float64 {
	if math.IsInf(ej, 0) || math.IsNaN(ej) {
		return nil
	}
	return &ej
}

func unitReliefJSON(ur *placement.UnitRelief) unitReliefJSONDoc {
	out := unitReliefJSONDoc{UnitID: ur.Unit.ID, PolicyVersion: ur.Policy.VersionID(), Date: mutasi.FormatDate(ur.Date),
		EJ: ejJSON(ur.EJ), Vacant: []string{}, Moves: []reliefJSON{}}
	for _, v := range ur.Vacant {
		out.Vacant = append(out.Vacant, v.ID)
	}
	for _, m := range ur.Moves {
		r := reliefJSON{NIP: m.Employee.NIP, Nama: m.Employee.Nama, Score: round2(m.Score), FromPosition: m.Employee.JabatanID,
			ToPosition: m.To.ID, Reasons: reasonTexts(m.Reasons),
			ToEJBefore: ejJSON(m.ToEJBefore), ToEJAfter: ejJSON(m.ToEJAfter),
			UnitEJBefore: ejJSON(m.UnitEJBefore), UnitEJAfter: ejJSON(m.UnitEJAfter)}
		if m.FromUnit != nil {
			r.FromUnit = m.FromUnit.ID
			r.FromUnitEJBefore, r.FromUnitEJAfter = ejJSON(m.FromUnitEJBefore), ejJSON(m.FromUnitEJAfter)
		}
		out.Moves = append(out.Moves, r)
	}
	return out
}
