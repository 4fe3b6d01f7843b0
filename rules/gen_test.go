package rules

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

var benchToday = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

var majors = []string{"Teknik Informatika", "Sistem Informasi", "Akuntansi", "Ilmu Hukum", "Ilmu Pemerintahan",
	"Statistika", "Sastra Inggris", "Keperawatan", "Manajemen", "Ilmu Perbintangan"}

// genData makes a deterministic population: positions in a few units and
// n employees spread over them, with every kind of data the rules read.
func genData(n int) ([]Subject, []*mutasi.Position) {
	r := rand.New(rand.NewPCG(1, 2))
	var positions []*mutasi.Position
	for i := 0; i < 200; i++ {
		p := &mutasi.Position{
			ID: fmt.Sprintf("J%03d", i), UnitID: fmt.Sprintf("U%02d", i%20), Nama: "Jabatan",
			Jenis: mutasi.JenisPelaksana, Kebutuhan: 1 + r.IntN(600), BebanKerjaJam: float64(r.IntN(700_000)),
			PendidikanMin: "S1", RumpunPendidikan: []string{"Komputer", "Statistika"}, GolonganMin: "III/a", Active: true,
		}
		if i%7 == 0 {
			p.Jenis, p.Jenjang = mutasi.JenisFungsional, mutasi.JenjangAhliMadya
		}
		positions = append(positions, p)
	}
	ratings := mutasi.KinerjaRatings()
	golongan := mutasi.GolonganPNS()
	subjects := make([]Subject, n)
	for i := range subjects {
		pos := positions[r.IntN(len(positions))]
		pos.Holders++
		born := time.Date(1966+r.IntN(35), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		e := &mutasi.Employee{
			NIP: fmt.Sprintf("%s2015031%03d", born.Format("20060102"), i%1000), Nama: fmt.Sprintf("Pegawai %d", i),
			TanggalLahir: born, JenisKelamin: "L", Status: mutasi.StatusPNS, Golongan: golongan[6+r.IntN(8)],
			JabatanID: pos.ID, TMTJabatan: benchToday.AddDate(0, -r.IntN(120), -r.IntN(28)),
			TMTCPNS: born.AddDate(23, 0, 0), PendidikanJenjang: "S1", PendidikanJurusan: majors[r.IntN(len(majors))],
			KinerjaTahunLalu: ratings[r.IntN(3)], KinerjaDuaTahunLalu: ratings[r.IntN(3)],
			KotakTalenta: r.IntN(10), Active: true,
		}
		if r.IntN(50) == 0 {
			e.HukumanDisiplin, e.HukumanSelesai = mutasi.HukumanRingan, benchToday.AddDate(0, r.IntN(12)-6, 0)
		}
		if r.IntN(100) == 0 {
			e.TugasBelajar = true
		}
		if r.IntN(200) == 0 {
			e.Status, e.Golongan = mutasi.StatusPPPK, "IX"
		}
		var asp *mutasi.Aspiration
		if r.IntN(3) == 0 {
			asp = &mutasi.Aspiration{NIP: e.NIP, Pilihan: []string{positions[r.IntN(len(positions))].ID, "U03"}}
		}
		subjects[i] = Subject{Employee: e, Current: pos, Unit: &mutasi.Unit{ID: pos.UnitID}, Aspiration: asp}
	}
	// Workloads around what the holders can carry: EJ 0.5–1.1 before a move.
	for _, p := range positions {
		p.BebanKerjaJam = float64(p.Holders) * 1250 * (0.5 + 0.6*r.Float64())
		p.Kebutuhan = p.Holders + r.IntN(3) - 1
	}
	return subjects, positions
}

func loadDefault(tb testing.TB) *Policy {
	tb.Helper()
	p, err := LoadDir("../policies")
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
	return p
}

func benchTarget() *Target {
	return &Target{Position: &mutasi.Position{
		ID: "BAPPEDA-PRAKOM-1", UnitID: "U03", Nama: "Pranata Komputer", Jenis: mutasi.JenisFungsional,
		Jenjang: mutasi.JenjangAhliPertama, Kebutuhan: 4, Holders: 2, BebanKerjaJam: 4000, PendidikanMin: "S1",
		RumpunPendidikan: []string{"Komputer", "Statistika"}, GolonganMin: "III/a", Active: true,
	}, Unit: &mutasi.Unit{ID: "U03", Nama: "Bappeda"}}
}
