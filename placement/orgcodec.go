package placement

import (
	"encoding/binary"
	"errors"
	"math"
	"sync"
	"time"
	"unsafe"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// The organisation is kept in the store as one blob per data generation
// (store.OrgSnapshot) because reading 100,000 employees row by row through
// SQLite takes about half a second, and `mutasi recommend` should answer
// in a fraction of that. The encoding is private to this package: a
// change of Org or of the domain types raises orgFormat, and an old blob
// is then simply not read.
const orgFormat = 2

var errOrgCodec = errors.New("snapshot organisasi rusak")

type orgEncoder struct{ b []byte }

// interner numbers the strings that repeat across employees (position
// ids, golongan, majors, ratings …): a record then holds an index, the
// blob is half the size and a decoded organisation shares one copy.
type interner struct {
	index map[string]uint64
	list  []string
}

func (in *interner) id(s string) uint64 {
	if i, ok := in.index[s]; ok {
		return i
	}
	i := uint64(len(in.list))
	in.index[s] = i
	in.list = append(in.list, s)
	return i
}

func (e *orgEncoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *orgEncoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *orgEncoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *orgEncoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *orgEncoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}
func (e *orgEncoder) strs(l []string) {
	e.uint(uint64(len(l)))
	for _, s := range l {
		e.str(s)
	}
}

// time writes a zero time as 0, else 1, seconds and nanoseconds (UTC).
func (e *orgEncoder) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
}

// encodeOrg writes the organisation's tables (not its derived indexes).
func encodeOrg(o *Org) []byte {
	e := &orgEncoder{b: make([]byte, 0, 64+len(o.Employees)*160)}
	e.uint(uint64(len(o.unitIDs)))
	for _, id := range o.unitIDs {
		u := o.Units[id]
		e.str(u.ID)
		e.str(u.Nama)
		e.str(u.IndukID)
		e.bool(u.Active)
	}
	e.uint(uint64(len(o.posIDs)))
	for _, id := range o.posIDs {
		p := o.Positions[id]
		e.str(p.ID)
		e.str(p.UnitID)
		e.str(p.Nama)
		e.str(string(p.Jenis))
		e.str(p.Jenjang)
		e.int(int64(p.Kebutuhan))
		e.float(p.BebanKerjaJam)
		e.str(p.PendidikanMin)
		e.strs(p.RumpunPendidikan)
		e.str(p.GolonganMin)
		e.int(int64(p.Holders))
		e.bool(p.Active)
	}
	// Employees, each with their aspiration inline, in two halves whose
	// boundary is recorded so that two goroutines decode them at once.
	in := &interner{index: map[string]uint64{}}
	var recs orgEncoder
	half := len(o.Employees) / 2
	mid := 0
	for i, x := range o.Employees {
		if i == half {
			mid = len(recs.b)
		}
		recs.str(x.NIP)
		recs.str(x.Nama)
		recs.time(x.TanggalLahir)
		for _, f := range []string{x.JenisKelamin, string(x.Status), x.Golongan, x.JabatanID,
			x.PendidikanJenjang, x.PendidikanJurusan, x.KinerjaTahunLalu, x.KinerjaDuaTahunLalu, x.HukumanDisiplin} {
			recs.uint(in.id(f))
		}
		recs.time(x.TMTJabatan)
		recs.time(x.TMTCPNS)
		recs.int(int64(x.KotakTalenta))
		recs.time(x.HukumanSelesai)
		recs.bool(x.TugasBelajar)
		recs.bool(x.Active)
		a := o.Aspirations[x.NIP]
		recs.bool(a != nil)
		if a != nil {
			recs.uint(uint64(len(a.Pilihan)))
			for _, c := range a.Pilihan {
				recs.uint(in.id(c))
			}
			recs.str(a.Alasan)
			recs.time(a.UpdatedAt)
		}
	}
	if len(o.Employees) == 0 {
		mid = 0
	}
	e.strs(in.list)
	e.uint(uint64(len(o.Employees)))
	e.uint(uint64(half))
	e.uint(uint64(mid))
	e.uint(uint64(len(recs.b)))
	e.b = append(e.b, recs.b...)
	return e.b
}

// orgDecoder reads from one string holding the whole blob, so that every
// string of the organisation is a slice of it: 100,000 employees decode
// without a million small allocations.
type orgDecoder struct {
	s   string
	i   int
	err error
}

func (d *orgDecoder) fail() {
	if d.err == nil {
		d.err = errOrgCodec
	}
	d.i = len(d.s)
}

func (d *orgDecoder) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			d.fail()
			return 0
		}
		c := d.s[d.i]
		d.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

func (d *orgDecoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *orgDecoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)-d.i) { // every element takes at least a byte
		d.fail()
		return 0
	}
	return int(n)
}

func (d *orgDecoder) str() string {
	n := d.count()
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *orgDecoder) bool() bool {
	if d.i >= len(d.s) {
		d.fail()
		return false
	}
	b := d.s[d.i]
	d.i++
	return b == 1
}

func (d *orgDecoder) float() float64 {
	if d.i+8 > len(d.s) {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(d.s[d.i : d.i+8]))
	d.i += 8
	return math.Float64frombits(v)
}

func (d *orgDecoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *orgDecoder) time() time.Time {
	if !d.bool() {
		return time.Time{}
	}
	sec := d.int()
	nsec := d.uint()
	return time.Unix(sec, int64(nsec)).UTC()
}

// decodeOrg reads an organisation written by encodeOrg. The organisation's
// strings point into data, which must not be changed afterwards.
func decodeOrg(data []byte) (*Org, error) {
	// The blob is the caller's and never written again: read it in place
	// rather than copy 17 MB.
	if len(data) == 0 {
		return nil, errOrgCodec
	}
	d := &orgDecoder{s: unsafe.String(&data[0], len(data))}
	o := newOrg()
	units := make([]mutasi.Unit, d.count())
	for i := range units {
		u := &units[i]
		u.ID, u.Nama, u.IndukID, u.Active = d.str(), d.str(), d.str(), d.bool()
		o.addUnit(u)
	}
	positions := make([]mutasi.Position, d.count())
	for i := range positions {
		p := &positions[i]
		p.ID, p.UnitID, p.Nama, p.Jenis, p.Jenjang = d.str(), d.str(), d.str(), mutasi.JenisJabatan(d.str()), d.str()
		p.Kebutuhan, p.BebanKerjaJam, p.PendidikanMin = int(d.int()), d.float(), d.str()
		p.RumpunPendidikan, p.GolonganMin, p.Holders, p.Active = d.strs(), d.str(), int(d.int()), d.bool()
		o.addPosition(p)
	}
	table := d.strs()
	n, half, mid, size := d.count(), d.count(), d.count(), d.count()
	if half > n || mid > size || d.i+size != len(d.s) {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	emps := make([]mutasi.Employee, n)
	asps := make([]mutasi.Aspiration, n) // only those with one are used
	o.Employees = make([]*mutasi.Employee, n)
	o.subjs = make([]rules.Subject, n)
	o.holds = make([]*mutasi.Position, n)
	start := d.i
	halves := []struct {
		dec    orgDecoder
		lo, hi int
	}{
		{orgDecoder{s: d.s[:start+mid], i: start}, 0, half},
		{orgDecoder{s: d.s[:start+size], i: start + mid}, half, n},
	}
	var wg sync.WaitGroup
	for h := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hv := &halves[h]
			o.decodeEmployees(&hv.dec, table, emps, asps, hv.lo, hv.hi)
			if hv.dec.err == nil && hv.dec.i != len(hv.dec.s) {
				hv.dec.fail()
			}
		}()
	}
	wg.Wait()
	for _, hv := range halves {
		if hv.dec.err != nil {
			return nil, hv.dec.err
		}
	}
	d.i = start + size
	o.Aspirations = make(map[string]*mutasi.Aspiration)
	for i := range o.subjs {
		if a := o.subjs[i].Aspiration; a != nil {
			o.Aspirations[a.NIP] = a
		}
	}
	if d.err == nil && d.i != len(d.s) {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	o.finish()
	return o, nil
}

// decodeEmployees reads employees lo..hi, building each one's Subject as
// it goes: the position and aspiration are at hand, no map is consulted.
func (o *Org) decodeEmployees(d *orgDecoder, table []string, emps []mutasi.Employee, asps []mutasi.Aspiration, lo, hi int) {
	ref := func() string {
		i := d.uint()
		if i >= uint64(len(table)) {
			d.fail()
			return ""
		}
		return table[i]
	}
	// Position ids are table entries: resolve each once, not per employee.
	positionOf := map[string]*mutasi.Position{}
	position := func(id string) *mutasi.Position {
		p, ok := positionOf[id]
		if !ok {
			p = o.Positions[id]
			positionOf[id] = p
		}
		return p
	}
	for i := lo; i < hi && d.err == nil; i++ {
		x := &emps[i]
		x.NIP, x.Nama, x.TanggalLahir = d.str(), d.str(), d.time()
		x.JenisKelamin, x.Status, x.Golongan, x.JabatanID = ref(), mutasi.Status(ref()), ref(), ref()
		x.PendidikanJenjang, x.PendidikanJurusan = ref(), ref()
		x.KinerjaTahunLalu, x.KinerjaDuaTahunLalu, x.HukumanDisiplin = ref(), ref(), ref()
		x.TMTJabatan, x.TMTCPNS = d.time(), d.time()
		x.KotakTalenta, x.HukumanSelesai = int(d.int()), d.time()
		x.TugasBelajar, x.Active = d.bool(), d.bool()
		o.Employees[i] = x
		s := &o.subjs[i]
		s.Employee = x
		if p := position(x.JabatanID); p != nil {
			s.Current, s.Unit = p, o.Units[p.UnitID]
		}
		o.holds[i] = s.Current
		if d.bool() {
			a := &asps[i]
			a.NIP = x.NIP
			if k := d.count(); k > 0 {
				a.Pilihan = make([]string, k)
				for j := range a.Pilihan {
					a.Pilihan[j] = ref()
				}
			}
			a.Alasan, a.UpdatedAt = d.str(), d.time()
			s.Aspiration = a
		}
	}
}
