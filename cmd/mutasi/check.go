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

func checkCommand() *command {
	c := &command{
		name:    "check",
		summary: "periksa apakah seorang pegawai memenuhi syarat mutasi, dengan semua alasannya",
		usage:   "NIP [--to JABATAN_ID] [--date YYYY-MM-DD] [--json]",
		help: `Menilai pegawai menurut kebijakan di --policies: setiap aturan ditampilkan
(terpenuhi atau tidak, dengan nilai yang menentukan), lalu kesimpulan dan
skornya. Tanpa --to, pertanyaannya "bolehkah saya dimutasi?"; dengan --to,
"bolehkah saya pindah ke jabatan ini?" (aturan formasi, pendidikan, golongan,
BUP dan beban unit asal ikut dinilai).

--date menilai per tanggal itu (bawaan: hari ini), sehingga jawaban dapat
diulang kemudian. --json menulis satu dokumen JSON dengan nama kolom tetap
(nip, target, eligible, policy_version, score, rules).

NIP boleh ditulis bersambung atau berkelompok ("19900412 201503 2 001").

Contoh:
  mutasi check 199004122015032001
  mutasi check 199004122015032001 --to DINKES-PEL-012
  mutasi check "19900412 201503 2 001" --date 2026-01-02 --json`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		to := fs.String("to", "", "jabatan_id tujuan")
		date := fs.String("date", "", "tanggal evaluasi YYYY-MM-DD (bawaan: hari ini)")
		asJSON := fs.Bool("json", false, "keluaran JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) == 0 {
			return usagef("perlu NIP pegawai (mis. mutasi check 199004122015032001)")
		}
		// A grouped NIP may arrive as several arguments when unquoted.
		nip := strings.Join(pos, "")
		today, err := evaluationDate(a, *date)
		if err != nil {
			return err
		}
		svc, db, err := openService(ctx, a)
		if err != nil {
			return err
		}
		defer db.Close()
		res, err := svc.Check(ctx, placement.Admin(), nip, *to, today)
		if err != nil {
			return err
		}
		d := res.Decision
		if *asJSON {
			enc := json.NewEncoder(a.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(d)
		}
		writeDecision(a.Stdout, res.Policy, res.Subject, res.Target, d)
		return nil
	}
	return c
}

// writeDecision renders a decision for a person: every rule with its
// outcome and message, the score, and the conclusion.
func writeDecision(w io.Writer, p *rules.Policy, s rules.Subject, target *rules.Target, d rules.Decision) {
	e := s.Employee
	fmt.Fprintf(w, "Pemeriksaan syarat mutasi — %s (NIP %s)\n", e.Nama, mutasi.NIP(e.NIP).Format())
	fmt.Fprintf(w, "Kebijakan: %s %s\n", p.Name, d.PolicyVersion)
	fmt.Fprintf(w, "Tanggal penilaian: %s\n", mutasi.FormatDate(d.Date))
	fmt.Fprintf(w, "Jabatan sekarang: %s\n", positionLine(s.Current, s.Unit, e.JabatanID))
	if target != nil {
		fmt.Fprintf(w, "Jabatan tujuan:   %s\n", positionLine(target.Position, target.Unit, ""))
	}
	fmt.Fprintln(w)

	var notApplicable, blocking []string
	for _, r := range d.Rules {
		if !r.Applicable {
			notApplicable = append(notApplicable, r.Rule.Title)
			continue
		}
		fmt.Fprintf(w, "%s %s — %s\n", r.Mark(), r.Rule.Title, r.Message)
		if !r.Passed && r.Severity == rules.SeverityBlock {
			blocking = append(blocking, r.Rule.Title)
		}
	}
	if len(notApplicable) > 0 {
		fmt.Fprintf(w, "·  Tidak dinilai tanpa jabatan tujuan: %s\n", strings.Join(notApplicable, ", "))
	}
	if len(d.ScoreParts) > 0 {
		// The score is 100 × Σ(weight × value) / Σ weight over the parts that
		// apply; each part is shown as its value (0–1) and weight.
		fmt.Fprintf(w, "\nSkor prioritas: %s dari 100", formatDecimal(d.Score, 1))
		var parts []string
		for _, sp := range d.ScoreParts {
			if !sp.Applicable {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %s (bobot %s)", strings.ToLower(sp.Term.Title),
				formatDecimal(sp.Value, 2), formatDecimal(sp.Term.Weight, 0)))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(parts, " · "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	switch {
	case d.Eligible && target != nil:
		fmt.Fprintf(w, "Kesimpulan: memenuhi syarat untuk dimutasi ke %s.\n", target.Position.Nama)
	case d.Eligible:
		fmt.Fprintln(w, "Kesimpulan: memenuhi syarat untuk dimutasi.")
	default:
		fmt.Fprintf(w, "Kesimpulan: belum memenuhi syarat — %d syarat tidak terpenuhi: %s.\n",
			len(blocking), strings.Join(blocking, ", "))
	}
}

func positionLine(p *mutasi.Position, u *mutasi.Unit, fallbackID string) string {
	if p == nil {
		return fallbackID + " (tidak ada di data jabatan aktif)"
	}
	s := fmt.Sprintf("%s (%s)", p.Nama, p.ID)
	if u != nil {
		s += " — " + u.Nama
	}
	return s
}
