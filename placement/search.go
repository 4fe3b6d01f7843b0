package placement

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/mutasi/mutasi"
)

// PositionHit is a position found by name.
type PositionHit struct {
	Position *mutasi.Position
	Unit     *mutasi.Unit
	rank     int
}

// SearchPositions finds active positions by id or name, forgiving typos
// ("perawat ahli" finds "Perawat Ahli Pertama"; "perwat" finds it too):
// an exact id first, then names containing the whole query, then names
// whose words start with every word of the query; only when none of those
// match, names whose words are within one or two typos of every word. Vacant positions come first
// within a rank when vacantFirst is set. Positions are public within the
// organisation, so any registered actor may search them.
func (s *Service) SearchPositions(ctx context.Context, a Actor, query string, limit int, vacantFirst bool) ([]PositionHit, error) {
	return s.searchPositions(ctx, a, query, limit, vacantFirst, false)
}

// SearchManagedPositions is SearchPositions among the positions the actor
// may ask candidates for: a manager's units and sub-units, everything for
// policy staff.
func (s *Service) SearchManagedPositions(ctx context.Context, a Actor, query string, limit int, vacantFirst bool) ([]PositionHit, error) {
	return s.searchPositions(ctx, a, query, limit, vacantFirst, true)
}

func (s *Service) searchPositions(ctx context.Context, a Actor, query string, limit int, vacantFirst, managed bool) ([]PositionHit, error) {
	org, q, limit, err := s.searchOf(ctx, a, query, limit, "tuliskan nama atau kode jabatan yang dicari")
	if err != nil {
		return nil, err
	}
	words := strings.Fields(q)
	qid := strings.ToLower(strings.TrimSpace(query))
	var hits []PositionHit
	var scope map[string]bool // nil: every unit
	if managed {
		scope = a.managedUnits(org)
		if scope == nil && !a.everything() {
			scope = map[string]bool{}
		}
	}
	// Typos are forgiven only when nothing matches as written: a fuzzy
	// match would rank after every exact one, and edit distances over
	// thousands of names are most of a search's cost (the bot searches on
	// every /cek toward a position).
	keys := org.searchKeys()
	matched := make([]bool, len(keys))
	for pass := 0; pass < 2 && (pass == 0 || len(hits) == 0); pass++ {
		for i, id := range org.posIDs {
			p := org.Positions[id]
			if matched[i] || (scope != nil && !scope[p.UnitID]) {
				continue
			}
			k := &keys[i]
			r := matchRank(q, words, k.norm, k.words, pass == 1)
			switch {
			case qid == k.lid:
				r = 0
			case r != 1 && len(qid) >= 3 && strings.HasPrefix(k.lid, qid):
				r = 1
			}
			if r < 0 {
				continue
			}
			matched[i] = true
			hits = append(hits, PositionHit{Position: p, Unit: org.Units[p.UnitID], rank: r})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if vacantFirst && (a.Position.Vacancy() > 0) != (b.Position.Vacancy() > 0) {
			return a.Position.Vacancy() > 0
		}
		if len(a.Position.Nama) != len(b.Position.Nama) {
			return len(a.Position.Nama) < len(b.Position.Nama)
		}
		return a.Position.ID < b.Position.ID
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// SearchEmployees finds active employees by NIP (whole or its start,
// spaces allowed) or by name, among those the actor may see in full: an
// ASN finds only themself, a manager the employees of their units.
func (s *Service) SearchEmployees(ctx context.Context, a Actor, query string, limit int) ([]*mutasi.Employee, error) {
	org, q, limit, err := s.searchOf(ctx, a, query, limit, "tuliskan NIP atau nama pegawai yang dicari")
	if err != nil {
		return nil, err
	}
	digits := strings.ReplaceAll(q, " ", "")
	byNIP := digits != "" && strings.IndexFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
	words := strings.Fields(q)
	type hit struct {
		e    *mutasi.Employee
		rank int
	}
	var hits []hit
	for _, e := range org.Employees {
		if a.mayReadEmployee(org, e) != nil {
			continue
		}
		r := -1
		if byNIP {
			if strings.HasPrefix(e.NIP, digits) {
				r = 0
			}
		} else {
			name := normalize(e.Nama)
			r = matchRank(q, words, name, strings.Fields(name), true)
		}
		if r >= 0 {
			hits = append(hits, hit{e, r})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	var out []*mutasi.Employee
	for i := 0; i < len(hits) && i < limit; i++ {
		out = append(out, hits[i].e)
	}
	return out, nil
}

// searchOf prepares a search: the actor is active, the query is not
// empty once normalised, and the limit defaults to 10.
func (s *Service) searchOf(ctx context.Context, a Actor, query string, limit int, empty string) (*Org, string, int, error) {
	if err := a.active(); err != nil {
		return nil, "", 0, err
	}
	q := normalize(query)
	if q == "" {
		return nil, "", 0, mutasi.Errorf(mutasi.EINVALID, "%s", empty)
	}
	org, err := s.Organisation(ctx)
	if limit <= 0 {
		limit = 10
	}
	return org, q, limit, err
}

// matchRank ranks how well a query matches a name (both normalised, the
// name also split in words): 1 the name contains the query, 2 every query
// word starts a name word, 3 (only when fuzzy) every query word is within
// a typo or two of a name word; -1 no match. (0 is left for an exact id,
// which the caller checks.)
func matchRank(q string, words []string, name string, nameWords []string, fuzzy bool) int {
	if strings.Contains(name, q) {
		return 1
	}
	prefix := true
	for _, w := range words {
		p, f := false, false
		for _, nw := range nameWords {
			if strings.HasPrefix(nw, w) {
				p, f = true, true
				break
			}
			if fuzzy && !f && typoClose(w, nw) {
				f = true
			}
		}
		prefix = prefix && p
		fuzzy = fuzzy && f
		if !prefix && !fuzzy {
			return -1
		}
	}
	switch {
	case prefix:
		return 2
	case fuzzy:
		return 3
	}
	return -1
}

// typoClose allows one typo in a word of up to 6 letters, two beyond; a
// query word may also be a typo'd start of a longer word.
func typoClose(w, nw string) bool {
	allowed := 1
	if len([]rune(w)) > 6 {
		allowed = 2
	}
	if len([]rune(w)) < 4 {
		return false
	}
	if mutasi.EditDistance(w, nw) <= allowed {
		return true
	}
	if r := []rune(nw); len(r) > len([]rune(w)) {
		return mutasi.EditDistance(w, string(r[:len([]rune(w))])) <= allowed
	}
	return false
}

// normalize lowercases and collapses spaces and punctuation, so that
// "Perawat  Ahli-Pertama" and "perawat ahli pertama" are the same. Input
// is clipped: a user may paste anything.
func normalize(s string) string {
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100])
	}
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// ManagedVacancies lists the vacancies the actor may ask candidates for
// (their units' for a manager, every one for policy staff), the largest
// first.
func (s *Service) ManagedVacancies(ctx context.Context, a Actor) ([]PositionHit, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, err
	}
	scope := a.managedUnits(org)
	if scope == nil && !a.everything() {
		return nil, nil
	}
	var hits []PositionHit
	for _, p := range org.Vacancies() {
		if scope == nil || scope[p.UnitID] {
			hits = append(hits, PositionHit{Position: p, Unit: org.Units[p.UnitID]})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Position.Vacancy() > hits[j].Position.Vacancy() })
	return hits, nil
}
