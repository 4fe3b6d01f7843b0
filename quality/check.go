package quality

import (
	"context"
	"sort"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Check reads the organisation through d and reports every kind of
// doubtful data as of today (ages, and which ratings are due).
//
// p gives the retirement ages (params bup_umum, bup_jpt, bup_ahli_madya,
// bup_ahli_utama) and the education reference; with p nil, or without
// them, the kinds that need them are marked skipped, and the rest is
// checked all the same.
func Check(ctx context.Context, d mutasi.Directory, p *rules.Policy, today time.Time) (*Report, error) {
	c := &checker{d: d, today: mutasi.Day(today), positionByID: map[string]*mutasi.Position{}, unitByID: map[string]*mutasi.Unit{}}
	c.report.Date = c.today
	c.report.Kinds, c.kinds = newKinds()
	c.setPolicy(p)

	if err := c.readOrganisation(ctx); err != nil {
		return nil, err
	}
	c.checkPositions()
	if err := c.checkUnits(ctx); err != nil {
		return nil, err
	}
	if err := c.checkEmployees(ctx); err != nil {
		return nil, err
	}
	c.checkDuplicates()
	if err := c.checkAspirations(ctx); err != nil {
		return nil, err
	}
	for _, k := range c.report.Kinds {
		sortItems(k)
	}
	return &c.report, nil
}

// Tally is implemented by a directory that counts cheaply (the store does,
// in SQL). When it says that no position and no unit is inactive, Check
// does not read the aspirations, whose choices can then name nothing
// inactive (the store refuses a choice that names nothing at all), and
// takes their number from the tally. This keeps the line an import ends
// with fast.
type Tally interface {
	Tally(ctx context.Context) (inactivePositions, inactiveUnits, aspirations int, err error)
}

// checker holds what one Check has read.
type checker struct {
	d      mutasi.Directory
	today  time.Time
	report Report
	kinds  map[string]*Kind

	bup     *bupParams  // nil: not checked
	majors  *majorIndex // nil: not checked
	units   []*mutasi.Unit
	posts   []*mutasi.Position
	active  map[string]*mutasi.Position // active positions by id
	actUnit map[string]*mutasi.Unit     // active units by id
	// positionByID and unitByID cache rows looked up by id (inactive
	// ones, or ids that exist nowhere: nil).
	positionByID map[string]*mutasi.Position
	unitByID     map[string]*mutasi.Unit
	people       people
}

func (c *checker) setPolicy(p *rules.Policy) {
	const noPolicy = "kebijakan tidak dapat dimuat"
	switch {
	case p == nil:
		c.kinds[KindPastBUP].Skipped = noPolicy
		c.kinds[KindUnknownJurusan].Skipped = noPolicy
		return
	case p.Reference == nil:
		c.kinds[KindUnknownJurusan].Skipped = "kebijakan tidak memiliki daftar rumpun pendidikan (" + rules.ReferenceFile + ")"
	default:
		c.majors = newMajorIndex(p.Reference)
	}
	c.report.PolicyName, c.report.PolicyVersion = p.Name, p.VersionID()
	if b, missing := readBUP(p.Params); missing != "" {
		c.kinds[KindPastBUP].Skipped = "kebijakan tidak menetapkan param " + missing
	} else {
		c.bup = b
	}
}

func (c *checker) readOrganisation(ctx context.Context) error {
	var err error
	if c.units, err = c.d.Units(ctx); err != nil {
		return err
	}
	if c.posts, err = c.d.Positions(ctx); err != nil {
		return err
	}
	c.actUnit = make(map[string]*mutasi.Unit, len(c.units))
	for _, u := range c.units {
		if u.Active {
			c.actUnit[u.ID] = u
		}
	}
	c.active = make(map[string]*mutasi.Position, len(c.posts))
	holders := 0
	for _, p := range c.posts {
		if p.Active {
			c.active[p.ID] = p
			holders += p.Holders
		}
	}
	// Nearly every active employee holds an active position: room for
	// them all at once, not by doubling.
	c.people.list = make([]person, 0, holders)
	c.report.Records.Units = len(c.actUnit)
	c.report.Records.Positions = len(c.active)
	return nil
}

// position returns the position with id, active or not, or nil when there
// is none.
func (c *checker) position(ctx context.Context, id string) (*mutasi.Position, error) {
	if p, ok := c.active[id]; ok {
		return p, nil
	}
	if p, ok := c.positionByID[id]; ok {
		return p, nil
	}
	p, err := c.d.Position(ctx, id)
	if mutasi.ErrorCode(err) == mutasi.ENOTFOUND {
		p, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	c.positionByID[id] = p
	return p, nil
}

// unit returns the unit with id, active or not, or nil when there is none.
func (c *checker) unit(ctx context.Context, id string) (*mutasi.Unit, error) {
	if u, ok := c.actUnit[id]; ok {
		return u, nil
	}
	if u, ok := c.unitByID[id]; ok {
		return u, nil
	}
	u, err := c.d.Unit(ctx, id)
	if mutasi.ErrorCode(err) == mutasi.ENOTFOUND {
		u, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	c.unitByID[id] = u
	return u, nil
}

// sortItems orders a kind's records by unit, so that each unit finds its
// rows together, then by what identifies them. Duplicates stay next to
// each other: they are ordered by name first.
func sortItems(k *Kind) {
	keys := make([]string, len(k.Items))
	for i := range k.Items {
		it := &k.Items[i]
		switch k.ID {
		case KindDuplicate, KindNearDuplicate:
			keys[i] = nameKey(it.Nama) + "\x00" + it.NIP
		default:
			keys[i] = it.UnitID + "\x00" + it.NIP + it.JabatanID + "\x00" + it.Column + "\x00" + it.Value
		}
	}
	idx := make([]int, len(k.Items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]Item, len(k.Items))
	for i, j := range idx {
		sorted[i] = k.Items[j]
	}
	copy(k.Items, sorted)
}
