package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
)

func recommendCommand() *command {
	c := &command{
		name:    "recommend",
		summary: "calon terbaik untuk satu jabatan lowong (dengan alasannya), atau pindah yang meringankan satu unit",
		usage:   "JABATAN_ID | --unit UNIT_ID [--top N] [--date YYYY-MM-DD] [--json]",
		help: `Menilai semua pegawai aktif terhadap jabatan itu menurut kebijakan, lalu
menampilkan yang memenuhi syarat, diurutkan menurut skor kebijakan, masing-
masing dengan alasan yang menaikkan skornya (kesesuaian pendidikan, pilihan
aspirasi ke berapa, kinerja, kotak talenta, lama di jabatan, beban jabatan
asal). Di bawahnya "hampir memenuhi syarat": pegawai dengan skor tertinggi
yang terhalang tepat satu aturan, dengan aturan dan pesannya.

Dengan --unit, untuk unit yang kelebihan beban (EJ di atas 1): pindah dari
unit lain ke jabatan lowong di unit itu yang paling meringankannya, dengan
EJ kedua sisi sebelum dan sesudah pindah.

--json menulis satu dokumen JSON (position, policy_version, candidates
[{nip, nama, score, from_position, reasons}], near_misses [{nip, nama,
score, rule, message}]).

Contoh:
  mutasi recommend DINKES-PRW-01
  mutasi recommend DINKES-PRW-01 --top 10 --date 2026-03-01 --json
  mutasi recommend --unit DINKES`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		unit := fs.String("unit", "", "unit yang kelebihan beban")
		top := fs.Int("top", 0, "banyak calon (bawaan 5; 10 dengan --unit)")
		date := fs.String("date", "", "tanggal evaluasi YYYY-MM-DD (bawaan: hari ini)")
		asJSON := fs.Bool("json", false, "keluaran JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		switch {
		case *unit == "" && len(pos) != 1:
			return usagef("perlu satu JABATAN_ID, atau --unit UNIT_ID (mis. mutasi recommend DINKES-PRW-01)")
		case *unit != "" && len(pos) > 0:
			return usagef("pakai JABATAN_ID atau --unit, tidak keduanya")
		case *top < 0 || *top > 1000:
			return usagef("--top harus antara 1 dan 1.000")
		}
		today, err := evaluationDate(a, *date)
		if err != nil {
			return err
		}
		oneShotGC(a)
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		opt := placement.RecommendOptions{Top: *top, Date: today}
		if *unit != "" {
			ur, err := svc.RecommendForUnit(ctx, placement.Admin(), *unit, opt)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(a.Stdout, unitReliefJSON(ur))
			}
			writeUnitRelief(a.Stdout, ur)
			return nil
		}
		r, err := svc.Recommend(ctx, placement.Admin(), pos[0], opt)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.Stdout, toRecommendationJSON(r))
		}
		writeRecommendation(a.Stdout, r)
		return nil
	}
	return c
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// personLine names an employee as official documents do.
func personLine(e *mutasi.Employee) string {
	return fmt.Sprintf("%s (NIP %s)", e.Nama, mutasi.NIP(e.NIP).Format())
}

func writeRecommendation(w io.Writer, r *placement.Recommendation) {
	p := r.Position
	fmt.Fprintf(w, "Rekomendasi untuk %s\n", positionLine(p, r.Unit, ""))
	fmt.Fprintf(w, "Kebijakan: %s %s · tanggal penilaian %s\n", r.Policy.Name, r.Policy.VersionID(), mutasi.FormatDate(r.Date))
	fmt.Fprintf(w, "Formasi: kebutuhan %s, pemangku %s, lowongan %s\n",
		mutasi.FormatInt(p.Kebutuhan), mutasi.FormatInt(p.Holders), mutasi.FormatInt(max(p.Vacancy(), 0)))
	fmt.Fprintf(w, "Dinilai %s pegawai: %s memenuhi syarat.\n", mutasi.FormatInt(r.Considered), mutasi.FormatInt(r.Eligible))

	if len(r.Candidates) == 0 {
		fmt.Fprintln(w, "\nBelum ada pegawai yang memenuhi syarat untuk jabatan ini.")
	} else {
		fmt.Fprintf(w, "\nCalon terbaik (%d)\n", len(r.Candidates))
		for i, c := range r.Candidates {
			fmt.Fprintf(w, "%2d. %s — skor %s\n", i+1, personLine(c.Employee), mutasi.FormatDecimal(c.Score, 1))
			fmt.Fprintf(w, "    sekarang: %s\n", positionLine(c.From, c.FromUnit, c.Employee.JabatanID))
			for _, rs := range c.Reasons {
				fmt.Fprintf(w, "    · %s (+%s)\n", rs.Text, mutasi.FormatDecimal(rs.Points, 1))
			}
			for _, rr := range c.Decision.Rules {
				if rr.Applicable && !rr.Passed && rr.Severity == rules.SeverityWarn {
					fmt.Fprintf(w, "    ⚠️ %s — %s\n", rr.Rule.Title, rr.Message)
				}
			}
		}
	}
	if len(r.NearMisses) > 0 {
		fmt.Fprintln(w, "\nHampir memenuhi syarat (terhalang satu aturan)")
		for i, n := range r.NearMisses {
			fmt.Fprintf(w, "%2d. %s — skor %s\n", i+1, personLine(n.Employee), mutasi.FormatDecimal(n.Score, 1))
			fmt.Fprintf(w, "    sekarang: %s\n", positionLine(n.From, n.FromUnit, n.Employee.JabatanID))
			msg := n.Rule.Title
			if n.Message != "" {
				msg += ": " + n.Message
			}
			fmt.Fprintf(w, "    ❌ %s\n", msg)
		}
	}
	if len(r.Blockers) > 0 {
		var parts []string
		for i, b := range r.Blockers {
			if i == 3 {
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%s pegawai)", b.Rule.Title, mutasi.FormatInt(b.Count)))
		}
		fmt.Fprintf(w, "\nPenghalang terbanyak di antara %s pegawai yang boleh dimutasi: %s.\n",
			mutasi.FormatInt(r.Movable), strings.Join(parts, ", "))
	}
}

type candidateJSON struct {
	NIP          string   `json:"nip"`
	Nama         string   `json:"nama"`
	Score        float64  `json:"score"`
	FromPosition string   `json:"from_position"`
	FromUnit     string   `json:"from_unit"`
	Reasons      []string `json:"reasons"`
}

type nearMissJSON struct {
	NIP          string  `json:"nip"`
	Nama         string  `json:"nama"`
	Score        float64 `json:"score"`
	FromPosition string  `json:"from_position"`
	Rule         string  `json:"rule"`
	Title        string  `json:"title"`
	Message      string  `json:"message"`
}

type blockerJSON struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

type recommendationJSON struct {
	Position      string          `json:"position"`
	UnitID        string          `json:"unit_id"`
	PolicyVersion string          `json:"policy_version"`
	Date          string          `json:"date"`
	Considered    int             `json:"considered"`
	Movable       int             `json:"movable"`
	Eligible      int             `json:"eligible"`
	Candidates    []candidateJSON `json:"candidates"`
	NearMisses    []nearMissJSON  `json:"near_misses"`
	Blockers      []blockerJSON   `json:"blockers"`
}

func reasonTexts(rs []placement.Reason) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Text)
	}
	return out
}

func toRecommendationJSON(r *placement.Recommendation) recommendationJSON {
	out := recommendationJSON{Position: r.Position.ID, UnitID: r.Position.UnitID, PolicyVersion: r.Policy.VersionID(),
		Date: mutasi.FormatDate(r.Date), Considered: r.Considered, Movable: r.Movable, Eligible: r.Eligible,
		Candidates: []candidateJSON{}, NearMisses: []nearMissJSON{}, Blockers: []blockerJSON{}}
	for _, c := range r.Candidates {
		cj := candidateJSON{NIP: c.Employee.NIP, Nama: c.Employee.Nama, Score: round2(c.Score),
			FromPosition: c.Employee.JabatanID, Reasons: reasonTexts(c.Reasons)}
		if c.FromUnit != nil {
			cj.FromUnit = c.FromUnit.ID
		}
		out.Candidates = append(out.Candidates, cj)
	}
	for _, n := range r.NearMisses {
		out.NearMisses = append(out.NearMisses, nearMissJSON{NIP: n.Employee.NIP, Nama: n.Employee.Nama,
			Score: round2(n.Score), FromPosition: n.Employee.JabatanID, Rule: n.Rule.ID, Title: n.Rule.Title, Message: n.Message})
	}
	for _, b := range r.Blockers {
		out.Blockers = append(out.Blockers, blockerJSON{Rule: b.Rule.ID, Count: b.Count})
	}
	return out
}
