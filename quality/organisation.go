package quality

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/mutasi/mutasi"
)

// overfilled reports whether a position holds far more people than its
// ABK need: more than kebutuhan + max(2, half the kebutuhan). One or two
// over is everyday (a transfer not yet processed); this is not.
func overfilled(holders, kebutuhan int) bool {
	return float64(holders) > float64(kebutuhan)+math.Max(2, 0.5*float64(kebutuhan))
}

func (c *checker) checkPositions() {
	for _, p := range c.posts {
		if !p.Active {
			continue
		}
		it := Item{JabatanID: p.ID, UnitID: p.UnitID, Nama: p.Nama}
		if p.BebanKerjaJam == 0 {
			x := it
			x.Column, x.Value = "beban_kerja_jam", "0"
			x.Note = fmt.Sprintf("beban kerja 0 jam, kebutuhan %s, pemangku %s", mutasi.FormatInt(p.Kebutuhan), mutasi.FormatInt(p.Holders))
			c.kinds[KindNoWorkload].add(x)
		}
		if p.Kebutuhan == 0 {
			x := it
			x.Column, x.Value = "kebutuhan", "0"
			x.Note = fmt.Sprintf("kebutuhan 0, pemangku %s, beban kerja %s jam", mutasi.FormatInt(p.Holders), mutasi.FormatDecimal(p.BebanKerjaJam, 0))
			if s := kebutuhanFromWorkload(p.BebanKerjaJam); s > 0 {
				x.Suggestion = strconv.Itoa(s)
				x.Note += fmt.Sprintf(" (menurut beban kerja dan %s jam efektif: %d)", mutasi.FormatInt(mutasi.DefaultEffectiveHours), s)
			}
			c.kinds[KindNoKebutuhan].add(x)
		}
		if overfilled(p.Holders, p.Kebutuhan) {
			x := it
			x.Column, x.Value = "kebutuhan", strconv.Itoa(p.Kebutuhan)
			x.Note = fmt.Sprintf("pemangku %s, kebutuhan %s: kelebihan %s", mutasi.FormatInt(p.Holders),
				mutasi.FormatInt(p.Kebutuhan), mutasi.FormatInt(p.Holders-p.Kebutuhan))
			c.kinds[KindOverfilled].add(x)
		}
	}
}

// kebutuhanFromWorkload is the need an ABK gives for a workload, at the
// regulation's effective hours; 0 without workload.
func kebutuhanFromWorkload(hours float64) int {
	if !(hours > 0) {
		return 0
	}
	return max(1, int(math.Round(hours/mutasi.DefaultEffectiveHours)))
}

func (c *checker) checkUnits(ctx context.Context) error {
	positions := map[string]int{}
	for _, p := range c.active {
		positions[p.UnitID]++
	}
	children := map[string]int{}
	for _, u := range c.actUnit {
		if u.IndukID != "" {
			children[u.IndukID]++
		}
	}
	for _, u := range c.units {
		if !u.Active {
			continue
		}
		if positions[u.ID] == 0 && children[u.ID] == 0 {
			c.kinds[KindEmptyUnit].add(Item{UnitID: u.ID, Nama: u.Nama, IndukID: u.IndukID,
				Column: "unit_id", Value: u.ID, Note: "tidak ada jabatan aktif dan tidak ada subunit aktif"})
		}
		if u.IndukID == "" {
			continue
		}
		if _, ok := c.actUnit[u.IndukID]; ok {
			continue
		}
		parent, err := c.unit(ctx, u.IndukID)
		if err != nil {
			return err
		}
		it := Item{UnitID: u.ID, Nama: u.Nama, IndukID: u.IndukID, Column: "induk_id", Value: u.IndukID,
			Note: "induk " + u.IndukID + " tidak ada di basis data"}
		if parent != nil {
			it.Note = fmt.Sprintf("induk %s (%s) sudah nonaktif", parent.ID, parent.Nama)
			if a, err := c.activeAncestor(ctx, parent); err != nil {
				return err
			} else if a != nil {
				it.Suggestion = a.ID
				it.Note += fmt.Sprintf("; induk aktif terdekat di atasnya: %s (%s)", a.ID, a.Nama)
			}
		}
		c.kinds[KindInactiveParent].add(it)
	}
	return nil
}

// activeAncestor is the nearest active unit above u, or nil; a broken or
// circular chain of inactive units ends the search.
func (c *checker) activeAncestor(ctx context.Context, u *mutasi.Unit) (*mutasi.Unit, error) {
	seen := map[string]bool{}
	for u != nil && u.IndukID != "" && !seen[u.ID] {
		seen[u.ID] = true
		next, err := c.unit(ctx, u.IndukID)
		if err != nil || next == nil || next.Active {
			return next, err
		}
		u = next
	}
	return nil, nil
}

func (c *checker) checkAspirations(ctx context.Context) error {
	if t, ok := c.d.(Tally); ok {
		positions, units, aspirations, err := t.Tally(ctx)
		if err != nil {
			return err
		}
		if positions == 0 && units == 0 {
			c.report.Records.Aspirations = aspirations
			return nil
		}
	}
	return c.d.EachAspiration(ctx, func(a *mutasi.Aspiration) error {
		c.report.Records.Aspirations++
		for i, choice := range a.Pilihan {
			if _, ok := c.active[choice]; ok {
				continue
			}
			if _, ok := c.actUnit[choice]; ok {
				continue
			}
			note, err := c.inactiveChoice(ctx, choice)
			if err != nil {
				return err
			}
			it := Item{NIP: a.NIP, Column: "pilihan_" + strconv.Itoa(i+1), Value: choice, Note: note}
			if rec := c.people.byNIP(a.NIP); rec != nil {
				it.Nama, it.UnitID, it.JabatanID = rec.nama, rec.unitID, rec.jabatanID
			}
			c.kinds[KindInactiveChoice].add(it)
		}
		return nil
	})
}

// inactiveChoice says what a choice that is neither an active position nor
// an active unit is.
func (c *checker) inactiveChoice(ctx context.Context, id string) (string, error) {
	p, err := c.position(ctx, id)
	if err != nil {
		return "", err
	}
	if p != nil {
		note := fmt.Sprintf("jabatan %s (%s) sudah nonaktif", p.ID, p.Nama)
		if p.Active {
			// Active but not listed: its unit is gone.
			note = fmt.Sprintf("jabatan %s (%s) berada di unit nonaktif %s", p.ID, p.Nama, p.UnitID)
		}
		return note, nil
	}
	u, err := c.unit(ctx, id)
	if err != nil {
		return "", err
	}
	if u != nil {
		return fmt.Sprintf("unit %s (%s) sudah nonaktif", u.ID, u.Nama), nil
	}
	return id + " bukan jabatan atau unit yang ada", nil
}

// bupParams are the retirement ages of the policy.
type bupParams struct{ umum, jpt, madya, utama int }

// readBUP reads the policy's retirement ages, as the rules read them; it
// names the first missing param.
func readBUP(params map[string]any) (*bupParams, string) {
	b := &bupParams{}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"bup_umum", &b.umum}, {"bup_jpt", &b.jpt}, {"bup_ahli_madya", &b.madya}, {"bup_ahli_utama", &b.utama}} {
		v, ok := params[f.name].(int)
		if !ok || v <= 0 {
			return nil, f.name
		}
		*f.dst = v
	}
	return b, ""
}

// of is the retirement age of a position's holders: JPT, ahli madya and
// ahli utama have their own, every other position the general one.
func (b *bupParams) of(p *mutasi.Position) int {
	switch {
	case p == nil:
		return b.umum
	case p.Jenis == mutasi.JenisJPT:
		return b.jpt
	case p.Jenis == mutasi.JenisFungsional && p.Jenjang == mutasi.JenjangAhliMadya:
		return b.madya
	case p.Jenis == mutasi.JenisFungsional && p.Jenjang == mutasi.JenjangAhliUtama:
		return b.utama
	}
	return b.umum
}
