package placement

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
	"time"

	"github.com/mutasi/mutasi"
)

// The organisation is kept in the store as one blob per data generation
// (store.OrgSnapshot) because reading 100,000 employees row by row through
// SQLite takes about half a second, and `mutasi recommend` should answer
// in a fraction of that. The encoding is private to this package: a
// change of Org or of the domain types raises orgFormat, and an old blob
// is then simply not read.
const orgFormat = 1

var errOrgCodec = errors.New("snapshot organisasi rusak")

type orgEncoder struct{ b []byte }

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
	nips := make([]string, 0, len(o.Aspirations))
	for nip := range o.Aspirations {
		nips = append(nips, nip)
	}
	sort.Strings(nips) // the same organisation, the same bytes
	e.uint(uint64(len(nips)))
	for _, nip := range nips {
		a := o.Aspirations[nip]
		e.str(a.NIP)
		e.strs(a.Pilihan)
		e.str(a.Alasan)
		e.time(a.UpdatedAt)
	}
	e.uint(uint64(len(o.Employees)))
	for _, x := range o.Employees {
		e.str(x.NIP)
		e.str(x.Nama)
		e.time(x.TanggalLahir)
		e.str(x.JenisKelamin)
		e.str(string(x.Status))
		e.str(x.Golongan)
		e.str(x.JabatanID)
		e.time(x.TMTJabatan)
		e.time(x.TMTCPNS)
		e.str(x.PendidikanJenjang)
		e.str(x.PendidikanJurusan)
		e.str(x.KinerjaTahunLalu)
		e.str(x.KinerjaDuaTahunLalu)
		e.int(int64(x.KotakTalenta))
		e.str(x.HukumanDisiplin)
		e.time(x.HukumanSelesai)
		e.bool(x.TugasBelajar)
		e.bool(x.Active)
	}
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

// decodeOrg reads an organisation written by encodeOrg.
func decodeOrg(data []byte) (*Org, error) {
	d := &orgDecoder{s: string(data)}
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
	asps := make([]mutasi.Aspiration, d.count())
	o.Aspirations = make(map[string]*mutasi.Aspiration, len(asps))
	for i := range asps {
		a := &asps[i]
		a.NIP, a.Pilihan, a.Alasan, a.UpdatedAt = d.str(), d.strs(), d.str(), d.time()
		o.Aspirations[a.NIP] = a
	}
	emps := make([]mutasi.Employee, d.count())
	o.Employees = make([]*mutasi.Employee, len(emps))
	for i := range emps {
		x := &emps[i]
		x.NIP, x.Nama, x.TanggalLahir = d.str(), d.str(), d.time()
		x.JenisKelamin, x.Status, x.Golongan, x.JabatanID = d.str(), mutasi.Status(d.str()), d.str(), d.str()
		x.TMTJabatan, x.TMTCPNS = d.time(), d.time()
		x.PendidikanJenjang, x.PendidikanJurusan = d.str(), d.str()
		x.KinerjaTahunLalu, x.KinerjaDuaTahunLalu = d.str(), d.str()
		x.KotakTalenta, x.HukumanDisiplin, x.HukumanSelesai = int(d.int()), d.str(), d.time()
		x.TugasBelajar, x.Active = d.bool(), d.bool()
		o.Employees[i] = x
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
