package chart

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNumberLabels(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{tickLabel(0), "0"},
		{tickLabel(0.5), "0,5"},
		{tickLabel(1), "1,0"},
		{tickLabel(1.2000000000000002), "1,2"},
		{valueLabel(1.234), "1,23"},
		{valueLabel(0), "0,00"},
		{valueLabel(-0.001), "0,00"},
		{valueLabel(-0.2), "-0,20"},
		{valueLabel(math.Inf(1)), "tanpa pemangku"},
		{valueLabel(math.NaN()), "tanpa data"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestChooseAxis(t *testing.T) {
	roomy := func(axisRange) bool { return true }
	cramped := func(axisRange) bool { return false }
	for _, tt := range []struct {
		vals      []float64
		roomy     func(axisRange) bool
		max, step float64
	}{
		{[]float64{0.3, 0.6}, roomy, 1.2, 0.2},                              // 1,0 always shown
		{[]float64{0.3, 1.6}, roomy, 1.8, 0.2},                              // room for the label past 1,6
		{[]float64{1.6, math.Inf(1), math.NaN()}, roomy, 1.8, 0.2},          // ∞ and NaN do not stretch it
		{[]float64{0.4, 7.5}, roomy, 3.0, 0.5},                              // one odd unit is cut
		{[]float64{0.3, 1.6}, cramped, 2.0, 0.5},                            // narrow: fewer ticks
		{[]float64{math.Inf(1)}, roomy, 1.2, 0.2},                           // nothing finite
		{[]float64{math.Inf(-1), -3}, roomy, 1.2, 0.2},                      // nothing positive
		{[]float64{1.95}, roomy, 2.5, 0.5},                                  // past 2,0: every 0,5
		{[]float64{1.05, 0.2, 0.99, 1.0000001, 0.81, 0.5}, roomy, 1.2, 0.2}, // lands on a tick
	} {
		a := chooseAxis(tt.vals, tt.roomy)
		if math.Abs(a.max-tt.max) > 1e-9 || a.step != tt.step {
			t.Errorf("chooseAxis(%v) = %+v, want max %v step %v", tt.vals, a, tt.max, tt.step)
		}
		ticks := a.ticks()
		if ticks[0] != 0 || math.Abs(ticks[len(ticks)-1]-a.max) > 1e-9 {
			t.Errorf("ticks %v do not span 0..%v", ticks, a.max)
		}
	}
}

// within fits names of at most n characters.
func within(n int) func(string) bool {
	return func(s string) bool { return utf8.RuneCountInString(s) <= n }
}

func TestShortName(t *testing.T) {
	for _, tt := range []struct {
		name string
		n    int
		want string
	}{
		{"Dinas Kesehatan", 40, "Dinas Kesehatan"},
		{"  Dinas\nKesehatan\t ", 40, "Dinas Kesehatan"},
		{"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 40, "BKPSDM"},
		{"Rumah Sakit Umum Daerah dr. Soekardjo", 30, "RSUD dr. Soekardjo"},
		{"Kecamatan Sukamaju Utara", 20, "Kec. Sukamaju Utara"},
		{"Dinas Pertanian dan Ketahanan Pangan", 30, "Dinas Pertanian & Ketahanan…"},
		{"Dinas Pertanian dan Ketahanan Pangan", 20, "Dinas Pertanian…"},
		{"Pengembangan", 6, "Penge…"},
	} {
		got := shortName(tt.name, within(tt.n))
		if got != tt.want {
			t.Errorf("shortName(%q, %d) = %q, want %q", tt.name, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.n {
			t.Errorf("shortName(%q, %d) = %q, too long", tt.name, tt.n, got)
		}
	}
}

func TestUnitLabelsKeepNamesApart(t *testing.T) {
	units := []UnitLoad{
		{Nama: "Bidang Pengelolaan Irigasi Wilayah Utara"},
		{Nama: "Bidang Pengelolaan Irigasi Wilayah Selatan"},
		{Nama: "Bidang Pengelolaan Irigasi Wilayah Selatan"}, // the same name twice stays alike
		{ID: "KEC-01"},
		{},
	}
	labels := unitLabels(units, within(24))
	if labels[0] == labels[1] {
		t.Errorf("different names share the label %q", labels[0])
	}
	if labels[1] != labels[2] {
		t.Errorf("same names got %q and %q", labels[1], labels[2])
	}
	if !strings.HasSuffix(labels[0], "Utara") || !strings.HasSuffix(labels[1], "Selatan") {
		t.Errorf("labels %q, %q lost what tells them apart", labels[0], labels[1])
	}
	if labels[3] != "KEC-01" || labels[4] != "(tanpa nama)" {
		t.Errorf("labels without a name: %q, %q", labels[3], labels[4])
	}
	for _, l := range labels {
		if utf8.RuneCountInString(l) > 24 {
			t.Errorf("label %q too long", l)
		}
	}
}
