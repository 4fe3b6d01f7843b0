package quality

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/mutasi/mutasi"
)

func (c *checker) checkEmployees(ctx context.Context) error {
	return c.d.EachEmployee(ctx, func(e *mutasi.Employee) error {
		c.report.Records.Employees++
		pos, err := c.position(ctx, e.JabatanID)
		if err != nil {
			return err
		}
		var unitID string
		if pos != nil {
			unitID = pos.UnitID
		}
		c.people.add(e, unitID)
		base := Item{NIP: e.NIP, Nama: e.Nama, UnitID: unitID, JabatanID: e.JabatanID}
		if e.TMTJabatan.IsZero() {
			it := base
			it.Column = "tmt_jabatan"
			it.Note = "tmt_jabatan kosong: lama di jabatan sekarang tidak diketahui"
			if !e.TMTCPNS.IsZero() {
				it.Note += "; tmt_cpns " + mutasi.FormatDate(e.TMTCPNS)
			}
			c.kinds[KindNoTMTJabatan].add(it)
		}
		c.checkRatings(e, base)
		c.checkMajor(e, base)
		c.checkRetirement(e, pos, base)
		return nil
	})
}

// checkRatings reports the ratings missing for a year the employee was
// already in service: the rating of last year is due from anyone who
// started (tmt_cpns) by last year, that of the year before from anyone
// who started by then. A newcomer's missing rating is no gap.
func (c *checker) checkRatings(e *mutasi.Employee, base Item) {
	last := c.today.Year() - 1
	started := e.TMTCPNS.Year()
	if e.TMTCPNS.IsZero() {
		started = 0
	}
	var cols, years []string
	if e.KinerjaTahunLalu == "" && started <= last {
		cols, years = append(cols, "kinerja_tahun_lalu"), append(years, fmt.Sprint(last))
	}
	if e.KinerjaDuaTahunLalu == "" && started <= last-1 {
		cols, years = append(cols, "kinerja_dua_tahun_lalu"), append(years, fmt.Sprint(last-1))
	}
	if len(cols) == 0 {
		return
	}
	it := base
	it.Column = strings.Join(cols, ", ")
	it.Note = "penilaian kinerja " + strings.Join(years, " dan ") + " kosong"
	if !e.TMTCPNS.IsZero() {
		it.Note += "; bertugas sejak " + mutasi.FormatDate(e.TMTCPNS)
	}
	c.kinds[KindNoKinerja].add(it)
}

// checkMajor reports an empty major (from SMA up: below it there is none)
// and a major the reference does not know, with the nearest known ones.
func (c *checker) checkMajor(e *mutasi.Employee, base Item) {
	major := strings.TrimSpace(e.PendidikanJurusan)
	if major == "" {
		if mutasi.EducationRank(e.PendidikanJenjang) >= mutasi.EducationRank(mutasi.PendidikanSMA) {
			it := base
			it.Column = "pendidikan_jurusan"
			it.Note = "jenjang " + e.PendidikanJenjang + ", jurusan kosong"
			c.kinds[KindNoJurusan].add(it)
		}
		return
	}
	if c.majors == nil || c.majors.known(major) {
		return
	}
	it := base
	it.Column, it.Value = "pendidikan_jurusan", e.PendidikanJurusan
	switch s := c.majors.suggest(major); len(s) {
	case 0:
		it.Note = "tidak ada di daftar rumpun dan tidak mirip jurusan mana pun; bila benar, tambahkan ke " + "rumpun_pendidikan.yaml"
	case 1:
		it.Suggestion = s[0]
		it.Note = "tidak ada di daftar rumpun; mungkin maksudnya " + s[0]
	default:
		it.Suggestion = s[0]
		it.Note = "tidak ada di daftar rumpun; mungkin maksudnya " + strings.Join(s, ", ")
	}
	c.kinds[KindUnknownJurusan].add(it)
}

// checkRetirement reports an active employee who has reached the
// retirement age (BUP) of their current position.
func (c *checker) checkRetirement(e *mutasi.Employee, pos *mutasi.Position, base Item) {
	if c.bup == nil || e.TanggalLahir.IsZero() {
		return
	}
	bup := c.bup.of(pos)
	months := mutasi.MonthsBetween(e.TanggalLahir, c.today)
	if months < bup*12 {
		return
	}
	it := base
	it.Column, it.Value = "tanggal_lahir", mutasi.FormatDate(e.TanggalLahir)
	age := fmt.Sprintf("%d tahun", months/12)
	if months%12 != 0 {
		age += fmt.Sprintf(" %d bulan", months%12)
	}
	it.Note = fmt.Sprintf("usia %s; BUP %d tahun (%s), tercapai %s", age, bup, positionKind(pos),
		mutasi.FormatDate(e.TanggalLahir.AddDate(bup, 0, 0)))
	c.kinds[KindPastBUP].add(it)
}

// positionKind names a position's kind and level for a note.
func positionKind(p *mutasi.Position) string {
	if p == nil {
		return "jabatan tidak dikenal"
	}
	if p.Jenjang == "" {
		return string(p.Jenis)
	}
	return string(p.Jenis) + " " + strings.ReplaceAll(p.Jenjang, "_", " ")
}

// person is what duplicate detection keeps of an employee: little, as
// there is one per employee.
type person struct {
	nip, nama, jabatanID, unitID string
	lahir                        int32 // YYYYMMDD
	next                         int32 // next person with the same name key; -1 ends
	strong                       bool  // shares name key and birth date with another
}

// people holds every active employee once, grouped by name key through a
// chain per key (no slice per name).
type people struct {
	list     []person
	keys     map[string]int32 // name key → its index in heads
	heads    []int32          // the last person read of each name key
	buf      []byte
	unsorted bool // NIPs did not arrive in order
	index    map[string]int32
}

func (ps *people) add(e *mutasi.Employee, unitID string) {
	if ps.keys == nil {
		ps.keys = map[string]int32{}
	}
	ps.buf = appendNameKey(ps.buf[:0], e.Nama, true)
	k, ok := ps.keys[string(ps.buf)] // a lookup does not allocate
	if !ok {
		k = int32(len(ps.heads))
		ps.keys[string(ps.buf)] = k
		ps.heads = append(ps.heads, -1)
	}
	i := int32(len(ps.list))
	if i > 0 && ps.list[i-1].nip >= e.NIP {
		ps.unsorted = true
	}
	y, m, d := e.TanggalLahir.Date()
	ps.list = append(ps.list, person{nip: e.NIP, nama: e.Nama, jabatanID: e.JabatanID, unitID: unitID,
		lahir: int32(y*10000 + int(m)*100 + d), next: ps.heads[k]})
	ps.heads[k] = i
}

// byNIP finds an employee read before, or nil.
func (ps *people) byNIP(nip string) *person {
	if !ps.unsorted {
		i := sort.Search(len(ps.list), func(i int) bool { return ps.list[i].nip >= nip })
		if i < len(ps.list) && ps.list[i].nip == nip {
			return &ps.list[i]
		}
		return nil
	}
	if ps.index == nil {
		ps.index = make(map[string]int32, len(ps.list))
		for i := range ps.list {
			ps.index[ps.list[i].nip] = int32(i)
		}
	}
	if i, ok := ps.index[nip]; ok {
		return &ps.list[i]
	}
	return nil
}

// maxOthers bounds the other records named in one note.
const maxOthers = 3

// checkDuplicates reports employees who share their name key and birth
// date with another NIP (likely one person recorded twice), and, as a
// weaker sign, those who share the name key with another whose birth date
// is one slip of the keyboard away (one digit, or day and month swapped).
// The name alone says little: the same full name is common, and a name of
// one word ("Dian") is shared by too many for even a near date to mean
// anything.
func (c *checker) checkDuplicates() {
	ps := &c.people
	var group []int32
	for key, k := range ps.keys {
		group = group[:0]
		head := ps.heads[k]
		for i := head; i >= 0; i = ps.list[i].next {
			group = append(group, i)
		}
		if len(group) < 2 {
			continue
		}
		// By birth date, so that equal dates are neighbours: a common
		// one-word name may have hundreds of holders.
		sort.Slice(group, func(a, b int) bool { return ps.list[group[a]].lahir < ps.list[group[b]].lahir })
		for k := 1; k < len(group); k++ {
			if a, b := &ps.list[group[k-1]], &ps.list[group[k]]; a.lahir == b.lahir {
				a.strong, b.strong = true, true
			}
		}
		multiWord := strings.Contains(key, " ")
		for _, i := range group {
			p := &ps.list[i]
			if !p.strong && !multiWord {
				continue
			}
			var others []int32 // same birth date when strong, a near one otherwise
			for _, j := range group {
				if i == j {
					continue
				}
				if q := &ps.list[j]; (p.strong && q.lahir == p.lahir) || (!p.strong && dateSlip(p.lahir, q.lahir)) {
					others = append(others, j)
				}
			}
			it := Item{NIP: p.nip, Nama: p.nama, UnitID: p.unitID, JabatanID: p.jabatanID,
				Column: "tanggal_lahir", Value: formatYMD(p.lahir)}
			switch {
			case p.strong:
				it.Note = "nama dan tanggal lahir sama dengan " + ps.listSome(others, func(q *person) string {
					return fmt.Sprintf("NIP %s (%s, %s)", q.nip, q.nama, q.jabatanID)
				})
				c.kinds[KindDuplicate].add(it)
			case len(others) > 0:
				it.Note = "nama sama dengan " + ps.listSome(others, func(q *person) string {
					return fmt.Sprintf("NIP %s (lahir %s, %s)", q.nip, formatYMD(q.lahir), q.jabatanID)
				})
				c.kinds[KindNearDuplicate].add(it)
			}
		}
	}
}

// dateSlip reports whether two different dates, as YYYYMMDD, are one
// typing slip apart: they differ in one digit, or the day and the month
// are swapped.
func dateSlip(a, b int32) bool {
	if a == b {
		return false
	}
	if a/10000 == b/10000 && a/100%100 == b%100 && b/100%100 == a%100 {
		return true
	}
	diff := 0
	for ; a > 0 || b > 0; a, b = a/10, b/10 {
		if a%10 != b%10 {
			diff++
		}
	}
	return diff == 1
}

// formatYMD writes a YYYYMMDD date as YYYY-MM-DD.
func formatYMD(d int32) string {
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// listSome describes up to maxOthers people, by NIP, and counts the rest.
func (ps *people) listSome(idx []int32, describe func(*person) string) string {
	sort.Slice(idx, func(a, b int) bool { return ps.list[idx[a]].nip < ps.list[idx[b]].nip })
	var parts []string
	for _, i := range idx[:min(len(idx), maxOthers)] {
		parts = append(parts, describe(&ps.list[i]))
	}
	s := strings.Join(parts, "; ")
	if len(idx) > maxOthers {
		s += fmt.Sprintf("; dan %s lainnya", mutasi.FormatInt(len(idx)-maxOthers))
	}
	return s
}
