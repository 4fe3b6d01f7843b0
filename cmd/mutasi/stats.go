package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

func statsCommand() *command {
	c := &command{
		name:    "stats",
		summary: "ringkasan data dan beban kerja (EJ) per unit",
		usage:   "[--jam-efektif JAM] [--json]",
		help: `Menampilkan jumlah unit, jabatan, pegawai, aspirasi dan usulan, lalu untuk
setiap unit (tersusun menurut induknya): jumlah pemangku jabatan, kebutuhan
menurut ABK, beban kerja setahun, efisiensi jabatan (EJ) dan kelasnya.

EJ = beban kerja (jam) / (pemangku × jam kerja efektif setahun). Jam kerja
efektif diambil dari parameter jam_kerja_efektif kebijakan (--policies),
atau 1250 bila kebijakan tidak dapat dimuat.
Kelas: A > 1,00 (kelebihan beban) · B 0,81–1,00 · C 0,66–0,80 ·
D 0,50–0,65 · E < 0,50 (kelebihan pegawai).

Contoh:
  mutasi stats
  mutasi stats --jam-efektif 1200      # pedoman lama
  mutasi --db pemda.db stats --json`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		hours := fs.Float64("jam-efektif", 0, "jam kerja efektif setahun per pegawai (bawaan: parameter jam_kerja_efektif kebijakan, atau 1250)")
		asJSON := fs.Bool("json", false, "keluaran JSON")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usagef("stats tidak menerima argumen, diberi %q", strings.Join(pos, " "))
		}
		if flagSet(fs, "jam-efektif") {
			if !(*hours > 0) || math.IsInf(*hours, 0) {
				return usagef("--jam-efektif harus bilangan positif")
			}
		} else {
			// A policy that does not load only loses its hours here:
			// stats is about the data, not the rules.
			p, _ := loadPolicy(a.Policies)
			*hours = effectiveHours(p)
		}
		return showStats(ctx, a, *hours, *asJSON)
	}
	return c
}

// showStats prints the overview of the database at a.DB, as text or JSON.
func showStats(ctx context.Context, a *app, hours float64, asJSON bool) error {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	counts, err := db.Counts(ctx)
	if err != nil {
		return err
	}
	units, err := db.UnitWorkloads(ctx)
	if err != nil {
		return err
	}
	rows := unitRows(units, hours)
	if asJSON {
		return writeStatsJSON(a.Stdout, counts, rows, hours)
	}
	writeStats(a.Stdout, a.DB, counts, rows, hours)
	return nil
}

// unitRow is one unit in the order shown: parents before children.
type unitRow struct {
	store.UnitWorkload
	Depth int
	EJ    float64
	Grade string
}

// unitRows orders units as a tree (depth-first, children by id) and works
// out each unit's EJ over its own positions.
func unitRows(units []store.UnitWorkload, hours float64) []unitRow {
	byID := make(map[string]bool, len(units))
	for _, u := range units {
		byID[u.UnitID] = true
	}
	children := map[string][]store.UnitWorkload{}
	var roots []store.UnitWorkload
	for _, u := range units {
		if u.IndukID == "" || !byID[u.IndukID] {
			roots = append(roots, u)
		} else {
			children[u.IndukID] = append(children[u.IndukID], u)
		}
	}
	byIDOrder := func(list []store.UnitWorkload) {
		sort.Slice(list, func(i, j int) bool { return list[i].UnitID < list[j].UnitID })
	}
	byIDOrder(roots)
	var out []unitRow
	var walk func(u store.UnitWorkload, depth int)
	walk = func(u store.UnitWorkload, depth int) {
		ej := mutasi.EJ(u.BebanKerjaJam, u.Holders, hours)
		grade := mutasi.EJGrade(ej)
		if u.BebanKerjaJam == 0 && u.Holders == 0 {
			grade = "-" // no positions or no recorded workload: nothing to grade
		}
		out = append(out, unitRow{UnitWorkload: u, Depth: depth, EJ: ej, Grade: grade})
		kids := children[u.UnitID]
		byIDOrder(kids)
		for _, k := range kids {
			walk(k, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	return out
}

func writeStats(w io.Writer, dbPath string, c *store.Counts, rows []unitRow, hours float64) {
	fmt.Fprintf(w, "Basis data: %s\n\n", dbPath)
	fmt.Fprintf(w, "Unit       %s aktif", formatInt(c.Units))
	if c.UnitsInactive > 0 {
		fmt.Fprintf(w, " (%s nonaktif)", formatInt(c.UnitsInactive))
	}
	fmt.Fprintf(w, "\nJabatan    %s aktif", formatInt(c.Positions))
	if c.PositionsInactive > 0 {
		fmt.Fprintf(w, " (%s nonaktif)", formatInt(c.PositionsInactive))
	}
	fmt.Fprintf(w, "\nPegawai    %s aktif: PNS %s, PPPK %s", formatInt(c.Employees), formatInt(c.PNS), formatInt(c.PPPK))
	if c.EmployeesInactive > 0 {
		fmt.Fprintf(w, " (%s nonaktif)", formatInt(c.EmployeesInactive))
	}
	fmt.Fprintf(w, "\nAspirasi   %s pegawai\n", formatInt(c.Aspirations))
	fmt.Fprintf(w, "Usulan     %s\n", proposalSummary(c.Proposals))

	fmt.Fprintf(w, "\nBeban kerja per unit (jam kerja efektif %s jam/tahun)\n", formatDecimal(hours, 0))
	tb := &table{right: []bool{false, false, true, true, true, true, true, false}}
	tb.add("UNIT", "NAMA", "JABATAN", "PEMANGKU", "KEBUTUHAN", "BEBAN (JAM)", "EJ", "KELAS")
	var holders, need int
	var hoursSum float64
	grades := map[string]int{}
	for _, r := range rows {
		tb.add(strings.Repeat("  ", r.Depth)+r.UnitID, truncate(r.Nama, 40),
			formatInt(r.Positions), formatInt(r.Holders), formatInt(r.Kebutuhan),
			formatDecimal(r.BebanKerjaJam, 0), formatDecimal(r.EJ, 2), r.Grade)
		holders += r.Holders
		need += r.Kebutuhan
		hoursSum += r.BebanKerjaJam
		grades[r.Grade]++
	}
	total := mutasi.EJ(hoursSum, holders, hours)
	tb.add("JUMLAH", "", "", formatInt(holders), formatInt(need), formatDecimal(hoursSum, 0),
		formatDecimal(total, 2), mutasi.EJGrade(total))
	tb.write(w)
	fmt.Fprintf(w, "\nKelas unit: A %s · B %s · C %s · D %s · E %s", formatInt(grades["A"]), formatInt(grades["B"]),
		formatInt(grades["C"]), formatInt(grades["D"]), formatInt(grades["E"]))
	if grades["-"] > 0 {
		fmt.Fprintf(w, " · tanpa beban kerja %s", formatInt(grades["-"]))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "A: kelebihan beban (perlu tambahan pegawai) · E: kelebihan pegawai (sumber mutasi)")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func proposalSummary(m map[mutasi.ProposalStatus]int) string {
	order := []struct {
		s    mutasi.ProposalStatus
		name string
	}{
		{mutasi.ProposalDraft, "draf"}, {mutasi.ProposalProposed, "diajukan"},
		{mutasi.ProposalAnswered, "dipahami"}, {mutasi.ProposalObjected, "keberatan"},
		{mutasi.ProposalApproved, "disetujui"}, {mutasi.ProposalRejected, "ditolak"},
	}
	var parts []string
	total := 0
	for _, o := range order {
		if n := m[o.s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", o.name, formatInt(n)))
			total += n
		}
	}
	if total == 0 {
		return "belum ada"
	}
	return strings.Join(parts, ", ")
}

// statsJSON is the machine-readable form of `stats`; field names are
// stable for scripts.
type statsJSON struct {
	EffectiveHours float64        `json:"effective_hours"`
	Counts         map[string]int `json:"counts"`
	Proposals      map[string]int `json:"proposals"`
	Units          []unitJSON     `json:"units"`
}

type unitJSON struct {
	UnitID    string   `json:"unit_id"`
	Nama      string   `json:"nama"`
	IndukID   *string  `json:"induk_id"`
	Positions int      `json:"positions"`
	Holders   int      `json:"holders"`
	Kebutuhan int      `json:"kebutuhan"`
	Workload  float64  `json:"beban_kerja_jam"`
	EJ        *float64 `json:"ej"` // null when the unit has work and no holder
	Grade     string   `json:"grade"`
}

func writeStatsJSON(w io.Writer, c *store.Counts, rows []unitRow, hours float64) error {
	out := statsJSON{
		EffectiveHours: hours,
		Counts: map[string]int{
			"units": c.Units, "units_inactive": c.UnitsInactive,
			"positions": c.Positions, "positions_inactive": c.PositionsInactive,
			"employees": c.Employees, "employees_inactive": c.EmployeesInactive,
			"pns": c.PNS, "pppk": c.PPPK, "aspirations": c.Aspirations,
		},
		Proposals: map[string]int{},
		Units:     []unitJSON{},
	}
	for s, n := range c.Proposals {
		out.Proposals[string(s)] = n
	}
	for _, r := range rows {
		u := unitJSON{UnitID: r.UnitID, Nama: r.Nama, Positions: r.Positions, Holders: r.Holders,
			Kebutuhan: r.Kebutuhan, Workload: r.BebanKerjaJam, Grade: r.Grade}
		if r.IndukID != "" {
			induk := r.IndukID
			u.IndukID = &induk
		}
		if !math.IsInf(r.EJ, 0) {
			ej := r.EJ // already rounded to two decimals by mutasi.EJ
			u.EJ = &ej
		}
		out.Units = append(out.Units, u)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
