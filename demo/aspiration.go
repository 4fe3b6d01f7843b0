package demo

import (
	"math/rand/v2"
	"time"

	"github.com/mutasi/mutasi"
)

// aspirationReasons are what employees write, in their words.
var aspirationReasons = []string{
	"Ingin lebih dekat dengan tempat tinggal keluarga.",
	"Sudah lebih dari lima tahun di jabatan yang sama, ingin suasana kerja baru.",
	"Ingin menerapkan ilmu sesuai latar belakang pendidikan saya.",
	"Baru menyelesaikan pendidikan lanjut dan ingin mengembangkan karier.",
	"Mengikuti suami yang pindah tugas ke wilayah tersebut.",
	"Mengikuti istri yang bertugas di wilayah tersebut.",
	"Orang tua sudah lanjut usia dan membutuhkan pendampingan.",
	"Beban kerja di unit sekarang sudah tertangani, ingin membantu unit yang kekurangan pegawai.",
	"Jarak tempuh ke kantor saat ini lebih dari 40 km setiap hari.",
	"Ingin mendapat pengalaman di bidang pelayanan publik.",
	"Memiliki sertifikat kompetensi yang sesuai dengan jabatan tujuan.",
	"Alasan kesehatan, membutuhkan lokasi kerja yang dekat fasilitas kesehatan.",
	"Ingin mengembangkan kompetensi di bidang perencanaan dan keuangan.",
	"Anak bersekolah di dekat lokasi tujuan.",
	"Ingin berkontribusi pada program prioritas daerah di unit tersebut.",
	"Pengalaman sebelumnya di bidang yang sama, siap langsung bekerja.",
	"Ingin rotasi untuk memperluas wawasan sebelum mengikuti seleksi jabatan.",
	"Kondisi kerja saat ini kurang sesuai, berharap dapat lebih produktif di tempat baru.",
}

// aspirationGen decides, per employee, whether they have an aspiration and
// what it is, from its own stream: it never changes the employees.
type aspirationGen struct {
	p  *Pemda
	rs *reseeder
}

func (p *Pemda) newAspirationGen() *aspirationGen {
	return &aspirationGen{p: p, rs: newReseeder(p.cfg.Seed)}
}

// aspiration fills a with the aspiration of employee i (whose NIP is nip),
// or reports false when the employee has none.
func (g *aspirationGen) aspiration(i int, nip string, a *mutasi.Aspiration) bool {
	r := g.rs.at(streamAspiration, i)
	if !chance(r, rateAspiration) {
		return false
	}
	own := &g.p.posts[g.p.slots[i]]
	n := 1 + weighted(r, []float64{45, 30, 25})
	choices := make([]string, 0, n)
	for try := 0; len(choices) < n && try < 10; try++ {
		c := g.choice(r, own)
		if c == "" || c == own.pos.ID || c == own.pos.UnitID || contains(choices, c) {
			continue
		}
		choices = append(choices, c)
	}
	if len(choices) == 0 {
		return false
	}
	*a = mutasi.Aspiration{
		NIP:       nip,
		Pilihan:   choices,
		Alasan:    pick(r, aspirationReasons),
		UpdatedAt: g.p.today.AddDate(0, 0, -r.IntN(240)).Add(time.Duration(8+r.IntN(9)) * time.Hour),
	}
	return true
}

// choice draws one preferred posting: the same post elsewhere, another unit,
// or a post of the same kind anywhere.
func (g *aspirationGen) choice(r *rand.Rand, own *post) string {
	switch x := r.Float64(); {
	case x < 0.55:
		same := g.p.byName[own.pos.Nama]
		if len(same) > 1 {
			return g.p.posts[pick(r, same)].pos.ID
		}
		fallthrough
	case x < 0.85:
		return pick(r, g.p.units).ID
	default:
		ps := &g.p.posts[r.IntN(len(g.p.posts))]
		if ps.pos.Jenis == mutasi.JenisJPT && own.pos.Jenis != mutasi.JenisAdministrator {
			return ""
		}
		return ps.pos.ID
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
