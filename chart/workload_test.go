package chart

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleUnits is a regency's 45 units with EJ between 0.3 and 1.6 and one
// unit without holders; After moves the extremes towards 1.
func sampleUnits() []UnitLoad {
	names := []string{
		"Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat Daerah",
		"Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
		"Dinas Perumahan Rakyat dan Kawasan Permukiman", "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
		"Dinas Sosial", "Dinas Tenaga Kerja", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB",
		"Dinas Pertanian dan Ketahanan Pangan", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
		"Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perhubungan", "Dinas Komunikasi, Informatika, Statistik dan Persandian",
		"Dinas Koperasi, Usaha Kecil dan Menengah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
		"Dinas Pariwisata dan Kebudayaan", "Dinas Perpustakaan dan Kearsipan", "Dinas Perikanan",
		"Dinas Perdagangan dan Perindustrian", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
		"Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Pendapatan Daerah",
		"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Badan Kesatuan Bangsa dan Politik",
		"Badan Penanggulangan Bencana Daerah", "Rumah Sakit Umum Daerah dr. Soekardjo",
		"Kecamatan Sukamaju", "Kecamatan Sukamaju Utara", "Kecamatan Sukamaju Selatan", "Kecamatan Cibeureum",
		"Kecamatan Cipedes", "Kecamatan Tawang", "Kecamatan Indihiang", "Kecamatan Kawalu",
		"Kecamatan Mangkubumi", "Kecamatan Purbaratu", "UPTD Puskesmas Sukamaju", "UPTD Puskesmas Cibeureum",
		"UPTD Puskesmas Tawang", "Kelurahan Sukamaju Kidul", "Kelurahan Sukamaju Kaler",
	}
	units := make([]UnitLoad, len(names))
	for i, n := range names {
		// A fixed spread over 0.3–1.6, not sorted.
		ej := 0.3 + math.Mod(float64(i)*0.37, 1.31)
		ej = math.Round(ej*100) / 100
		after := ej
		switch {
		case ej > 1.0:
			after = math.Round((1.0-(ej-1.0)*0.3)*100) / 100
		case ej < 0.5:
			after = math.Round((ej+0.25)*100) / 100
		}
		units[i] = UnitLoad{ID: fmt.Sprintf("U%02d", i+1), Nama: n, Before: ej, After: after}
	}
	units[6].Before, units[6].After = math.Inf(1), 1.12 // no holder now; the plan fills it
	return units
}

func render(t testing.TB, units []UnitLoad, opt Options) ([]byte, image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := Workload(&buf, units, opt); err != nil {
		t.Fatalf("Workload: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	return buf.Bytes(), img
}

func TestWorkloadSizeGrowsWithUnits(t *testing.T) {
	all := sampleUnits()
	var prev int
	for _, n := range []int{1, 5, 20, 45} {
		_, img := render(t, all[:n], Options{})
		b := img.Bounds()
		if b.Dx() != DefaultWidth {
			t.Errorf("%d units: width %d, want %d", n, b.Dx(), DefaultWidth)
		}
		if b.Dy() <= prev {
			t.Errorf("%d units: height %d, not above %d of fewer units", n, b.Dy(), prev)
		}
		prev = b.Dy()
	}
	// One row per unit: 45 rows at phone width need at least 45 × 36 px.
	if prev < 45*36 {
		t.Errorf("45 units: height %d, rows too thin to read", prev)
	}
}

func TestWorkloadWidths(t *testing.T) {
	for _, w := range []int{MinWidth, 720, 1080, 1600} {
		_, img := render(t, sampleUnits()[:10], Options{Width: w, WithAfter: w%2 == 0})
		if got := img.Bounds().Dx(); got != w {
			t.Errorf("Width %d: image %d px wide", w, got)
		}
	}
}

func TestWorkloadBeforeAfter(t *testing.T) {
	units := sampleUnits()
	single, img1 := render(t, units, Options{})
	pair, img2 := render(t, units, Options{WithAfter: true, Subtitle: "Rencana #3 · kebijakan mutasi-default 2026.1 · 2026-03-01"})
	if bytes.Equal(single, pair) {
		t.Fatal("before/after chart is the same picture as the before-only one")
	}
	if img2.Bounds().Dy() <= img1.Bounds().Dy() {
		t.Errorf("before/after height %d not above single %d: two bars need taller rows", img2.Bounds().Dy(), img1.Bounds().Dy())
	}
	// After values change the picture.
	moved := sampleUnits()
	for i := range moved {
		moved[i].After = 0.9
	}
	other, _ := render(t, moved, Options{WithAfter: true, Subtitle: "Rencana #3 · kebijakan mutasi-default 2026.1 · 2026-03-01"})
	if bytes.Equal(other, pair) {
		t.Error("After values are not drawn")
	}
	// And are ignored without WithAfter.
	ignored, _ := render(t, moved, Options{})
	if !bytes.Equal(ignored, single) {
		t.Error("After values change a before-only chart")
	}
}

func TestWorkloadOddValues(t *testing.T) {
	odd := []float64{math.Inf(1), math.NaN(), 0, -0.2, math.Inf(-1), 7.5, 1e-9, 1.0, 3.0}
	var units []UnitLoad
	for i, v := range odd {
		units = append(units, UnitLoad{ID: fmt.Sprint(i), Nama: fmt.Sprintf("Unit %d", i), Before: v, After: odd[len(odd)-1-i]})
	}
	for _, pair := range []bool{false, true} {
		_, img := render(t, units, Options{WithAfter: pair})
		if img.Bounds().Dx() != DefaultWidth {
			t.Errorf("pair=%v: width %d", pair, img.Bounds().Dx())
		}
	}
	// All infinite: the axis still has its range.
	_, _ = render(t, []UnitLoad{{Nama: "Dinas Sosial", Before: math.Inf(1)}}, Options{})
}

func TestWorkloadInfiniteBarReachesAxisEnd(t *testing.T) {
	// A unit without holders is drawn to the axis end in its own colour:
	// compare a row of +Inf with a row of 0,3 — the +Inf row has far more
	// non-white pixels.
	inf, _ := render(t, []UnitLoad{{Nama: "Dinas A", Before: math.Inf(1)}}, Options{})
	low, _ := render(t, []UnitLoad{{Nama: "Dinas A", Before: 0.3}}, Options{})
	count := func(b []byte) int {
		img, _ := png.Decode(bytes.NewReader(b))
		n := 0
		bd := img.Bounds()
		for y := bd.Min.Y; y < bd.Max.Y; y++ {
			for x := bd.Min.X; x < bd.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r>>8 == 0x7f && g>>8 == 0 && bl>>8 == 0 {
					n++
				}
			}
		}
		return n
	}
	if n := count(low); n != 0 {
		t.Fatalf("0,3 bar has %d dark red pixels", n)
	}
	// The bar alone is about 0.7 × 42 px high and over 500 px long.
	if n := count(inf); n < 25*500 {
		t.Errorf("+Inf bar has %d dark red pixels, want a full-length bar", n)
	}
}

func TestWorkloadErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Workload(&buf, nil, Options{}); !errors.Is(err, ErrNoUnits) {
		t.Errorf("no units: err %v", err)
	}
	one := sampleUnits()[:1]
	for _, w := range []int{1, MinWidth - 1, -5, MaxWidth + 1} {
		if err := Workload(&buf, one, Options{Width: w}); !errors.Is(err, ErrWidth) {
			t.Errorf("width %d: err %v", w, err)
		}
	}
	many := make([]UnitLoad, MaxUnits+1)
	if err := Workload(&buf, many, Options{}); !errors.Is(err, ErrTooManyUnits) {
		t.Errorf("%d units: err %v", len(many), err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes on errors", buf.Len())
	}
}

func TestWorkloadLongNames(t *testing.T) {
	long := strings.Repeat("Pengembangan Sumber Daya Manusia dan ", 20)
	units := []UnitLoad{
		{Nama: long, Before: 1.2, After: 0.9},
		{Nama: strings.Repeat("X", 500), Before: 0.4, After: 0.6},
		{Nama: "", ID: "", Before: 0.8, After: 0.8},
		{Nama: "Dinas\nKesehatan\t\tKota", Before: 0.7, After: 0.7},
		{Nama: "Ünït 🙂 ñame", Before: 0.7, After: 0.7},
	}
	for _, w := range []int{MinWidth, DefaultWidth} {
		for _, pair := range []bool{false, true} {
			render(t, units, Options{Width: w, WithAfter: pair, Title: long, Subtitle: long})
		}
	}
}

func TestWorkloadDeterministic(t *testing.T) {
	a, _ := render(t, sampleUnits(), Options{WithAfter: true})
	b, _ := render(t, sampleUnits(), Options{WithAfter: true})
	if sha256.Sum256(a) != sha256.Sum256(b) {
		t.Error("same input, different bytes")
	}
}

func TestWorkloadConcurrent(t *testing.T) {
	// The bot draws charts for several managers at once.
	want, _ := render(t, sampleUnits()[:12], Options{})
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var buf bytes.Buffer
			err := Workload(&buf, sampleUnits()[:12], Options{})
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("different bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestWorkloadSample writes the sample charts for a person to look at:
// CHART_SAMPLE_DIR=/tmp go test ./chart -run Sample
func TestWorkloadSample(t *testing.T) {
	dir := os.Getenv("CHART_SAMPLE_DIR")
	if dir == "" {
		t.Skip("CHART_SAMPLE_DIR not set")
	}
	title := "Beban kerja (EJ) per unit — Kabupaten Sukamaju"
	for name, opt := range map[string]Options{
		"chart_before.png": {Title: title},
		"chart_after.png":  {Title: title, WithAfter: true, Subtitle: "Rencana #3 · kebijakan mutasi-default 2026.1 · 2026-03-01"},
		"chart_narrow.png": {Title: title, WithAfter: true, Width: MinWidth},
	} {
		b, _ := render(t, sampleUnits(), opt)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	odd := []UnitLoad{
		{Nama: "Dinas Sosial", Before: math.Inf(1), After: math.Inf(1)},
		{Nama: "Badan Pendapatan Daerah", Before: math.NaN(), After: 0.7},
		{Nama: "Kecamatan Sukamaju Utara", Before: 0, After: 0.4},
		{Nama: "Kecamatan Sukamaju Selatan", Before: 7.5, After: 2.2},
		{Nama: strings.Repeat("Bidang Pengembangan Kapasitas Aparatur ", 4), Before: 1.0, After: 1.01},
	}
	long := "Beban kerja (EJ) per unit — Pemerintah Kabupaten Sukamaju, Provinsi Jawa Barat, sesudah rencana mutasi triwulan pertama"
	b, _ := render(t, odd, Options{Title: long, Subtitle: "Rencana #3 · kebijakan mutasi-default 2026.1 · 2026-03-01", WithAfter: true})
	if err := os.WriteFile(filepath.Join(dir, "chart_odd.png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ = render(t, sampleUnits()[3:4], Options{})
	if err := os.WriteFile(filepath.Join(dir, "chart_one.png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkWorkload45(b *testing.B) {
	units := sampleUnits()
	for _, pair := range []bool{false, true} {
		b.Run(fmt.Sprintf("after=%v", pair), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Workload(&buf, units, Options{WithAfter: pair}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
