package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/mutasi/mutasi"
)

// post is a generated position with what the employee generator needs to
// know about its holders.
type post struct {
	pos        mutasi.Position
	holders    int // planned number of employees placed in it
	structural bool
	pppk       bool // PPPK are appointed to it
	female     float64
	bup        int // retirement age of its holders
	golLo      int // lowest PNS rank of a holder; 0: set by education
	golHi      int // highest PNS rank of a holder; 0: set by education
}

// Unit workload conditions: most units are balanced, some overloaded (EJ >
// 1, the receiving side of a rotation), some overstaffed (EJ < 0.5, the
// giving side).
type condition int

const (
	balanced condition = iota
	overloaded
	overstaffed
)

const effectiveHours = mutasi.DefaultEffectiveHours

// Shares of units by condition, and the chance that a structural post is
// held (the rest are vacant, run by a Plt).
const (
	shareOverloaded  = 0.25
	shareOverstaffed = 0.2
	structuralFilled = 0.92
)

// Golongan ranks used for posts (PNS scale, I/a = 1).
var golRank = func() map[string]int {
	m := map[string]int{}
	for i, g := range mutasi.GolonganPNS() {
		m[g] = i + 1
	}
	return m
}()

func golName(rank int) string { return mutasi.GolonganPNS()[rank-1] }

// jenjangRanks is the PNS rank range of each functional level.
var jenjangRanks = map[string][2]int{
	mutasi.JenjangTerampil:    {5, 8},   // II/a – II/d
	mutasi.JenjangMahir:       {9, 10},  // III/a – III/b
	mutasi.JenjangPenyelia:    {11, 12}, // III/c – III/d
	mutasi.JenjangAhliPertama: {9, 10},
	mutasi.JenjangAhliMuda:    {11, 12},
	mutasi.JenjangAhliMadya:   {13, 15}, // IV/a – IV/c
	mutasi.JenjangAhliUtama:   {16, 17}, // IV/d – IV/e
}

var jenjangLabel = map[string]string{
	mutasi.JenjangTerampil: "Terampil", mutasi.JenjangMahir: "Mahir", mutasi.JenjangPenyelia: "Penyelia",
	mutasi.JenjangAhliPertama: "Ahli Pertama", mutasi.JenjangAhliMuda: "Ahli Muda",
	mutasi.JenjangAhliMadya: "Ahli Madya", mutasi.JenjangAhliUtama: "Ahli Utama",
}

// femaleShare overrides the even split for posts that are mostly held by
// one gender in Indonesian regional governments.
var femaleShare = map[string]float64{
	"Bidan": 1, "Perawat": 0.68, "Guru": 0.64, "Nutrisionis": 0.8, "Apoteker": 0.7, "Asisten Apoteker": 0.8,
	"Perekam Medis": 0.65, "Polisi Pamong Praja": 0.18, "Pemadam Kebakaran": 0.04, "Pengemudi": 0.03,
	"Petugas Pengelola Persampahan": 0.15, "Teknik Jalan dan Jembatan": 0.2, "Teknik Pengairan": 0.2,
	"Petugas Tim Reaksi Cepat": 0.12, "Petugas Pengatur Lalu Lintas": 0.15, "Pengadministrasi Perkantoran": 0.6,
}

// build makes the units and positions and plans how many employees each
// position holds. Everything is drawn from the structure stream of seed.
func build(seed uint64, employees int) (units []mutasi.Unit, posts []post, slots []int32) {
	r := newRand(seed, streamStructure)
	specs := catalog()
	cond := unitConditions(r, specs)

	counters := map[string]int{}
	newID := func(unit, kind string) string {
		k := unit + "-" + kind
		counters[k]++
		return fmt.Sprintf("%s-%03d", k, counters[k])
	}

	// Structural posts first: one holder or none.
	for _, u := range specs {
		units = append(units, mutasi.Unit{ID: u.id, Nama: u.nama, IndukID: u.induk, Active: true})
		head := true
		add := func(nama string, jenis mutasi.JenisJabatan, kind, pend, gol string, lo, hi, bup int, rumpun []string) {
			p := post{structural: true, female: 0.35, bup: bup, golLo: lo, golHi: hi}
			p.pos = mutasi.Position{ID: newID(u.id, kind), UnitID: u.id, Nama: nama, Jenis: jenis,
				PendidikanMin: pend, RumpunPendidikan: rumpun, GolonganMin: gol, Active: true}
			if chance(r, structuralFilled) {
				p.holders = 1
			}
			posts = append(posts, p)
			head = false
		}
		for i, n := range u.jpt {
			gol := "IV/b"
			if i == 0 && u.id == "SETDA" {
				gol = "IV/c"
			}
			add(n, mutasi.JenisJPT, "JPT", mutasi.PendidikanS1, gol, golRank[gol], 17, 60, u.structRumpun)
		}
		for _, n := range u.adm {
			add(n, mutasi.JenisAdministrator, "ADM", mutasi.PendidikanS1, "III/d", 12, 15, 58, u.structRumpun)
		}
		for _, n := range u.pgw {
			var rumpun []string
			if head {
				// The head of a unit without higher posts (a puskesmas) is
				// asked for the unit's field.
				rumpun = u.structRumpun
				if u.noCommon {
					rumpun = healthStruct
				}
			}
			add(n, mutasi.JenisPengawas, "PGW", mutasi.PendidikanD3, "III/b", 10, 13, 58, rumpun)
		}
	}
	filled := 0
	for _, p := range posts {
		filled += p.holders
	}
	// Far fewer employees than structural posts (a tiny demo): leave
	// structural posts vacant until a third of the people remain for the
	// rest.
	for i := len(posts) - 1; i >= 0 && filled > employees*2/3; i-- {
		if posts[i].holders == 1 {
			posts[i].holders = 0
			filled--
		}
	}

	// Functional and executive posts share the rest by weight.
	type share struct {
		t      tmpl
		unit   string
		jenjng string
		weight float64
	}
	var shares []share
	var total float64
	for _, u := range specs {
		ts := u.templates
		if !u.noCommon {
			ts = append(append([]tmpl(nil), commonTemplates...), ts...)
		}
		var sum float64
		for _, t := range ts {
			sum += t.weight
		}
		for _, t := range ts {
			w := u.weight * t.weight / sum
			if t.jenis != mutasi.JenisFungsional {
				shares = append(shares, share{t, u.id, "", w})
				total += w
				continue
			}
			for _, l := range t.levels {
				shares = append(shares, share{t, u.id, l.jenjang, w * l.share})
				total += w * l.share
			}
		}
	}
	rest := employees - filled
	firstFree := len(posts)
	var targets []float64
	for _, s := range shares {
		staff := float64(rest) * s.weight / total
		n := max(1, int(math.Ceil(staff/float64(s.t.cap))))
		for range n {
			p := templatePost(s.t, s.jenjng)
			kind := "PEL"
			if s.t.jenis == mutasi.JenisFungsional {
				kind = "FUN"
			}
			p.pos.ID = newID(s.unit, kind)
			p.pos.UnitID = s.unit
			posts = append(posts, p)
			targets = append(targets, staff/float64(n)*between(r, 0.6, 1.4))
		}
	}
	apportion(posts[firstFree:], targets, rest)

	// Workload: each post gets hours around what its holders can do, then
	// the posts of a unit are scaled together so that the unit's job
	// efficiency hits a target drawn for its condition. Kebutuhan follows
	// from workload, as in an ABK.
	for i := range posts {
		p := &posts[i]
		switch {
		case p.structural: // one head, held or not
			p.pos.BebanKerjaJam = effectiveHours * between(r, 0.85, 1.15)
		case p.holders > 0:
			p.pos.BebanKerjaJam = float64(p.holders) * effectiveHours * between(r, 0.6, 1.4)
		default: // vacant: a post with work and nobody doing it
			p.pos.BebanKerjaJam = effectiveHours * between(r, 0.4, 1.3)
		}
	}
	// Structural posts keep their hours (one head, one workload); the
	// functional and executive posts carry the unit's condition.
	type load struct{ fixed, held, vacant float64 }
	loads := map[string]*load{}
	holders := map[string]int{}
	for _, p := range posts {
		l := loads[p.pos.UnitID]
		if l == nil {
			l = &load{}
			loads[p.pos.UnitID] = l
		}
		switch {
		case p.structural:
			l.fixed += p.pos.BebanKerjaJam
		case p.holders > 0:
			l.held += p.pos.BebanKerjaJam
		default:
			l.vacant += p.pos.BebanKerjaJam
		}
		holders[p.pos.UnitID] += p.holders
	}
	scale := map[string][2]float64{} // factors for held and vacant posts
	for _, u := range specs {
		l := loads[u.id]
		if l == nil || holders[u.id] == 0 {
			scale[u.id] = [2]float64{1, 1}
			continue
		}
		var target float64
		switch cond[u.id] {
		case overloaded:
			target = between(r, 1.1, 1.45)
		case overstaffed:
			target = between(r, 0.3, 0.46)
		default:
			target = between(r, 0.62, 0.97)
		}
		want := target*float64(holders[u.id])*effectiveHours - l.fixed
		switch {
		case l.held+l.vacant == 0:
			scale[u.id] = [2]float64{1, 1}
		case want-l.vacant > 0.5*l.held:
			scale[u.id] = [2]float64{(want - l.vacant) / l.held, 1}
		default:
			f := max(want, 0.1*(l.held+l.vacant)) / (l.held + l.vacant)
			scale[u.id] = [2]float64{f, f}
		}
	}
	for i := range posts {
		p := &posts[i]
		switch f := scale[p.pos.UnitID]; {
		case p.structural:
		case p.holders > 0:
			p.pos.BebanKerjaJam *= f[0]
		default:
			p.pos.BebanKerjaJam *= f[1]
		}
		p.pos.BebanKerjaJam = math.Max(1, math.Round(p.pos.BebanKerjaJam))
		p.pos.Kebutuhan = max(1, int(math.Round(p.pos.BebanKerjaJam/effectiveHours)))
	}

	slots = make([]int32, 0, employees)
	for i, p := range posts {
		for range p.holders {
			slots = append(slots, int32(i))
		}
	}
	r.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	return units, posts, slots
}

// unitConditions marks a share of the units with own staff as overloaded
// and another as overstaffed, at least two of each.
func unitConditions(r *rand.Rand, specs []unitSpec) map[string]condition {
	var ids []string
	for _, u := range specs {
		ids = append(ids, u.id)
	}
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	nOver := max(2, int(math.Round(shareOverloaded*float64(len(ids)))))
	nUnder := max(2, int(math.Round(shareOverstaffed*float64(len(ids)))))
	m := make(map[string]condition, len(ids))
	for i, id := range ids {
		switch {
		case i < nOver:
			m[id] = overloaded
		case i < nOver+nUnder:
			m[id] = overstaffed
		default:
			m[id] = balanced
		}
	}
	return m
}

// templatePost makes a functional post of one level, or an executive post.
func templatePost(t tmpl, jenjang string) post {
	p := post{pppk: t.forPPPK, female: 0.5, bup: 58}
	if f, ok := femaleShare[t.nama]; ok {
		p.female = f
	}
	p.pos = mutasi.Position{Nama: t.nama, Jenis: t.jenis, PendidikanMin: t.pend, RumpunPendidikan: t.rumpun,
		GolonganMin: t.golMin, Active: true}
	if t.jenis == mutasi.JenisFungsional {
		p.pos.Nama = t.nama + " " + jenjangLabel[jenjang]
		p.pos.Jenjang = jenjang
		rg := jenjangRanks[jenjang]
		p.golLo, p.golHi = rg[0], rg[1]
		p.pos.GolonganMin = golName(rg[0])
		if p.pos.PendidikanMin == "" {
			p.pos.PendidikanMin = mutasi.PendidikanS1
			switch jenjang {
			case mutasi.JenjangTerampil, mutasi.JenjangMahir, mutasi.JenjangPenyelia:
				p.pos.PendidikanMin = mutasi.PendidikanD3
			}
		}
		switch jenjang {
		case mutasi.JenjangAhliMadya:
			p.bup = 60
		case mutasi.JenjangAhliUtama:
			p.bup = 65
		}
	}
	return p
}

// apportion sets the holders of posts to integers proportional to targets
// that sum to exactly n (largest remainder), so that every employee has a
// post and the totals are exact for any n.
func apportion(posts []post, targets []float64, n int) {
	if n <= 0 || len(posts) == 0 {
		return
	}
	var sum float64
	for _, t := range targets {
		sum += t
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(posts))
	given := 0
	for i, t := range targets {
		x := t / sum * float64(n)
		posts[i].holders = int(x)
		given += posts[i].holders
		rems[i] = rem{i, x - float64(int(x))}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; given < n; k++ {
		posts[rems[k%len(rems)].i].holders++
		given++
	}
}
