package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

// writePlan renders a plan for a manager: the headline figures, every move
// with its reasons, the units before and after, and why vacancies stay
// open.
func writePlan(w io.Writer, p *placement.Plan) {
	title := "Rencana mutasi"
	if p.ID != 0 {
		title += fmt.Sprintf(" #%d", p.ID)
	}
	fmt.Fprintf(w, "%s — tanggal penilaian %s · kebijakan %s %s\n", title, p.Date, p.PolicyName, p.PolicyVersion)
	fmt.Fprintf(w, "Pegawai aktif %s · boleh dimutasi %s · pasangan pegawai–lowongan yang layak %s · lowongan %s\n",
		mutasi.FormatInt(p.Employees), mutasi.FormatInt(p.Movable), mutasi.FormatInt(p.Pairs), mutasi.FormatInt(p.Slots))
	open := 0
	for _, u := range p.Unfilled {
		open += u.Open
	}
	fmt.Fprintf(w, "Pindah: %s · objektif (jumlah skor) %s · lowongan tetap terbuka: %s\n",
		mutasi.FormatInt(len(p.Moves)), mutasi.FormatDecimal(p.Objective, 2), mutasi.FormatInt(open))
	b, a := p.SpreadBefore, p.SpreadAfter
	fmt.Fprintf(w, "Sebaran EJ antarunit: simpangan baku %s → %s · rata-rata %s → %s · unit kelas A %d → %d · kelas E %d → %d\n",
		mutasi.FormatDecimal(b.StdDev, 3), mutasi.FormatDecimal(a.StdDev, 3),
		mutasi.FormatDecimal(b.Mean, 2), mutasi.FormatDecimal(a.Mean, 2), b.GradeA, a.GradeA, b.GradeE, a.GradeE)

	if len(p.Moves) > 0 {
		fmt.Fprintln(w, "\nPindah (skor tertinggi dulu)")
		for _, m := range p.Moves {
			fmt.Fprintf(w, "%3d. %s (NIP %s) — skor %s\n", m.N, m.Nama, mutasi.NIP(m.NIP).Format(), mutasi.FormatDecimal(m.Score, 2))
			fmt.Fprintf(w, "     %s (%s, %s) → %s (%s, %s)\n", m.FromNama, m.FromPosition, m.FromUnit, m.ToNama, m.ToPosition, m.ToUnit)
			var rs []string
			for _, r := range m.Reasons {
				rs = append(rs, r.Text)
			}
			if len(rs) > 0 {
				fmt.Fprintf(w, "     alasan: %s\n", strings.Join(rs, "; "))
			}
		}
	}

	fmt.Fprintln(w, "\nBeban unit (EJ sebelum → sesudah)")
	tb := &table{right: []bool{false, false, true, true, false, true, true}}
	tb.add("UNIT", "NAMA", "SEBELUM", "SESUDAH", "KELAS", "MASUK", "KELUAR")
	for _, u := range p.Units {
		tb.add(u.UnitID, truncate(u.Nama, 40), ejPtrText(u.EJBefore), ejPtrText(u.EJAfter),
			u.GradeBefore+" → "+u.GradeAfter, mutasi.FormatInt(u.Arrivals), mutasi.FormatInt(u.Departures))
	}
	tb.write(w)

	if len(p.Unfilled) > 0 {
		fmt.Fprintln(w, "\nLowongan yang tetap terbuka, dan mengapa")
		tb := &table{right: []bool{false, false, true, false}}
		tb.add("JABATAN", "NAMA", "TERBUKA", "ALASAN")
		for _, u := range p.Unfilled {
			tb.add(u.Position, truncate(u.Nama, 36), mutasi.FormatInt(u.Open), u.Message)
		}
		tb.write(w)
	}
}

func ejPtrText(ej *float64) string {
	if ej == nil {
		return "∞"
	}
	return mutasi.FormatDecimal(*ej, 2)
}
