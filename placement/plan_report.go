package placement

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/assign"
	"github.com/mutasi/mutasi/rules"
)

// Plan is a global transfer plan with everything needed to read, check
// and act on it. Its JSON is the stable form of `mutasi plan --json` and
// what the store keeps.
type Plan struct {
	ID            int64      `json:"id,omitempty"` // set once stored
	PolicyName    string     `json:"policy"`
	PolicyVersion string     `json:"policy_version"`
	Date          string     `json:"date"` // YYYY-MM-DD
	Objective     float64    `json:"objective"`
	Moves         []Move     `json:"moves"`
	Units         []UnitEJ   `json:"units"`
	Unfilled      []Unfilled `json:"unfilled"`
	SpreadBefore  Spread     `json:"spread_before"`
	SpreadAfter   Spread     `json:"spread_after"`
	// Slots is the sum of the vacancies before the plan; Employees the
	// active employees; Movable those no target-independent rule blocks;
	// Pairs the eligible (employee, vacancy) pairs with a positive score.
	Slots     int `json:"slots"`
	Employees int `json:"employees"`
	Movable   int `json:"movable"`
	Pairs     int `json:"pairs"`
}

// Move is one move of a plan.
type Move struct {
	N            int      `json:"n"` // 1-based, the number `plan propose --move` takes
	NIP          string   `json:"nip"`
	Nama         string   `json:"nama"`
	FromPosition string   `json:"from_position"`
	FromNama     string   `json:"from_nama"`
	FromUnit     string   `json:"from_unit"`
	ToPosition   string   `json:"to_position"`
	ToNama       string   `json:"to_nama"`
	ToUnit       string   `json:"to_unit"`
	Score        float64  `json:"score"`
	Reasons      []Reason `json:"reasons"`
	// Decision is the full decision of the move in the state after the
	// whole plan (JSON as `mutasi check --json`): what justifies it.
	Decision json.RawMessage `json:"decision"`
}

// UnitEJ is a unit's workload before and after the plan (its own
// positions, as `mutasi stats` shows them). EJ is null when the unit has
// work and nobody to do it.
type UnitEJ struct {
	UnitID      string   `json:"unit_id"`
	Nama        string   `json:"nama"`
	EJBefore    *float64 `json:"ej_before"`
	EJAfter     *float64 `json:"ej_after"`
	GradeBefore string   `json:"grade_before"`
	GradeAfter  string   `json:"grade_after"`
	Arrivals    int      `json:"arrivals"`
	Departures  int      `json:"departures"`
}

// Unfilled is a vacancy the plan leaves (partly) open, and why.
type Unfilled struct {
	Position string `json:"position"`
	Nama     string `json:"nama"`
	UnitID   string `json:"unit_id"`
	Open     int    `json:"open"` // places still open after the plan
	// Rule blocks the most employees who may be moved in general ("" when
	// eligible candidates existed but went elsewhere); Message says so.
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Eligible int    `json:"eligible"`
}

// Spread is how unevenly work is spread over the units.
type Spread struct {
	StdDev   float64 `json:"stddev"` // population standard deviation of unit EJ
	Mean     float64 `json:"mean"`
	GradeA   int     `json:"grade_a"` // overloaded units (EJ > 1)
	GradeE   int     `json:"grade_e"` // overstaffed units (EJ < 0,5)
	Units    int     `json:"units"`   // units with positions and holders
	NoHolder int     `json:"no_holder"`
}

func ejPtr(ej float64) *float64 {
	if isInf(ej) {
		return nil
	}
	return &ej
}

// unitTable builds the per-unit EJ before and after, and the spreads.
func unitTable(org *Org, hours float64, arrivals, departures map[string]int) ([]UnitEJ, Spread, Spread) {
	delta := map[string]int{}
	for id, n := range arrivals {
		delta[id] += n
	}
	for id, n := range departures {
		delta[id] -= n
	}
	before, after := org.unitLoads(nil), org.unitLoads(delta)
	unitArr, unitDep := map[string]int{}, map[string]int{}
	for id, n := range arrivals {
		unitArr[org.Positions[id].UnitID] += n
	}
	for id, n := range departures {
		if p := org.Positions[id]; p != nil {
			unitDep[p.UnitID] += n
		}
	}
	var rows []UnitEJ
	var b, a []float64
	for _, id := range org.unitIDs {
		wb, wa := before[id], after[id]
		if wb.Hours == 0 && wb.Holders == 0 && wa.Holders == 0 {
			continue // a unit without positions of its own (a parent)
		}
		ejb, eja := mutasi.EJ(wb.Hours, wb.Holders, hours), mutasi.EJ(wa.Hours, wa.Holders, hours)
		rows = append(rows, UnitEJ{UnitID: id, Nama: org.Units[id].Nama, EJBefore: ejPtr(ejb), EJAfter: ejPtr(eja),
			GradeBefore: mutasi.EJGrade(ejb), GradeAfter: mutasi.EJGrade(eja),
			Arrivals: unitArr[id], Departures: unitDep[id]})
		b, a = append(b, ejb), append(a, eja)
	}
	return rows, spreadOf(b), spreadOf(a)
}

func spreadOf(ejs []float64) Spread {
	var s Spread
	var sum float64
	for _, ej := range ejs {
		if isInf(ej) {
			s.NoHolder++
			s.GradeA++
			continue
		}
		s.Units++
		sum += ej
		switch mutasi.EJGrade(ej) {
		case "A":
			s.GradeA++
		case "E":
			s.GradeE++
		}
	}
	if s.Units == 0 {
		return s
	}
	s.Mean = sum / float64(s.Units)
	var ss float64
	for _, ej := range ejs {
		if !isInf(ej) {
			ss += (ej - s.Mean) * (ej - s.Mean)
		}
	}
	s.StdDev = round4(sqrt(ss / float64(s.Units)))
	s.Mean = round4(s.Mean)
	return s
}

// unfilledTable explains every vacancy the plan leaves open. When
// eligible candidates existed, it says where they went: an optimal plan
// leaves a candidate with a positive score unused only when they moved
// elsewhere or their position may lose nobody more, so those two counts
// (and the candidates scoring 0) account for every one.
func unfilledTable(m *model, sol assign.Solution, arrivals map[string]int) []Unfilled {
	moved := make([]bool, len(m.employees))
	left := make([]int, len(m.groups))
	for _, ei := range sol.Chosen {
		e := m.problem.Edges[ei].Employee
		moved[e] = true
		left[m.problem.Group[e]]++
	}
	type why struct{ elsewhere, capped int }
	whys := make([]why, len(m.vacancies))
	for _, ed := range m.problem.Edges {
		w := &whys[ed.Slot]
		switch g := m.problem.Group[ed.Employee]; {
		case moved[ed.Employee]:
			w.elsewhere++
		case left[g] >= m.problem.GroupCap[g]:
			w.capped++
		}
	}
	var out []Unfilled
	for v, pos := range m.vacancies {
		open := pos.Vacancy() - arrivals[pos.ID]
		if open <= 0 {
			continue
		}
		u := Unfilled{Position: pos.ID, Nama: pos.Nama, UnitID: pos.UnitID, Open: open, Eligible: m.eligible[v]}
		best, bestN := -1, int32(0)
		for r, n := range m.blocked[v] {
			if n > bestN {
				best, bestN = r, n
			}
		}
		switch {
		case m.eligible[v] > 0:
			w := whys[v]
			var parts []string
			if w.elsewhere > 0 {
				parts = append(parts, mutasi.FormatInt(w.elsewhere)+" dipindahkan ke lowongan lain yang lebih cocok")
			}
			if w.capped > 0 {
				parts = append(parts, mutasi.FormatInt(w.capped)+" tertahan karena jabatan asalnya tidak boleh kehilangan pemangku lagi (EJ)")
			}
			if zero := m.eligible[v] - w.elsewhere - w.capped; zero > 0 {
				parts = append(parts, mutasi.FormatInt(zero)+" berskor 0")
			}
			u.Message = mutasi.FormatInt(m.eligible[v]) + " pegawai memenuhi syarat: " + strings.Join(parts, ", ")
		case best >= 0:
			r := m.policy.Rules[best]
			u.Rule = r.ID
			u.Message = r.Title + " menghalangi " + mutasi.FormatInt(int(bestN)) + " dari " +
				mutasi.FormatInt(m.movable) + " pegawai yang boleh dimutasi"
		case pos.Vacancy() > maxArrivalsOf(m, v):
			u.Message = "aturan formasi menyisakan lowongan ini"
		default:
			u.Message = "tidak ada pegawai yang boleh dimutasi"
		}
		out = append(out, u)
	}
	return out
}

func maxArrivalsOf(m *model, v int) int { return m.problem.SlotCap[v] }

// decisionJSON is the stored form of a decision.
func decisionJSON(d rules.Decision) json.RawMessage {
	b, err := json.Marshal(d)
	if err != nil {
		return nil
	}
	return b
}

func formatDay(t time.Time) string { return mutasi.FormatDate(t) }
