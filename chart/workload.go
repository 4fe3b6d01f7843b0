// Package chart draws the charts that managers read on their phone (a
// Telegram photo) and save from the CLI, as PNG images. Every text in a
// picture is in Bahasa Indonesia, with decimal commas.
package chart

import (
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strings"

	"github.com/mutasi/mutasi"
	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// UnitLoad is one bar (or pair of bars) of the chart.
type UnitLoad struct {
	ID     string
	Nama   string  // unit name, shown as the label (shortened when too long)
	Before float64 // EJ now; +Inf when the unit has workload but no holder
	After  float64 // EJ after a plan; only used when Options.WithAfter
}

// Options shape the chart.
type Options struct {
	Title     string // e.g. "Beban kerja (EJ) per unit — Kabupaten Sukamaju"; a default Indonesian title when empty
	Subtitle  string // optional second line, e.g. "Rencana #3 · kebijakan mutasi-default 2026.1 · 2026-03-01"
	WithAfter bool   // draw before/after side by side (legend "Sebelum"/"Sesudah rencana")
	Width     int    // pixels; default 1080 (phone width); height grows with the number of units
}

// Limits of a chart.
const (
	DefaultWidth = 1080 // phone width, in pixels
	MinWidth     = 480  // narrower is not legible
	MaxWidth     = 4096
	MaxUnits     = 300 // one row per unit; more makes a picture no phone can show
)

// pngLevel trades a few percent of file size for a quarter of the render time.
const pngLevel = png.BestSpeed

// DefaultTitle is the title of a chart whose Options.Title is empty.
const DefaultTitle = "Beban kerja (EJ) per unit"

// Errors of Workload, to test with errors.Is. Their text is shown to the
// manager who asked for the chart.
var (
	ErrNoUnits      = errors.New("tidak ada unit untuk digambar")
	ErrWidth        = errors.New("lebar gambar tidak sesuai")
	ErrTooManyUnits = errors.New("terlalu banyak unit untuk satu grafik")
)

// Workload draws a horizontal bar chart of EJ per unit, in the given order
// (top to bottom), and writes it to w as a PNG Options.Width pixels wide
// (1080 when zero) and as tall as the units need.
//
// Bars are coloured by EJ grade (mutasi.EJGrade): A, above 1,0 (the unit
// needs people), in red; B and C in greens; D and E (overstaffed) in blues.
// A dashed line marks EJ 1,0. Each bar ends with its value ("1,23"). A unit
// with workload and no holder (+Inf) gets a full-length dark red bar labelled
// "tanpa pemangku"; NaN gets no bar and "tanpa data". Values beyond the axis
// (which ends between 1,2 and 3,0) are cut at its end and keep their true
// value label. With Options.WithAfter each unit has two bars, "Sebelum" in
// grey above "Sesudah rencana" coloured by its grade.
//
// The same input gives the same bytes. It returns an error for no units, more
// than MaxUnits, or a width outside MinWidth..MaxWidth.
func Workload(w io.Writer, units []UnitLoad, opt Options) error {
	if len(units) == 0 {
		return fmt.Errorf("chart: %w", ErrNoUnits)
	}
	if len(units) > MaxUnits {
		return fmt.Errorf("chart: %w: %d (paling banyak %d)", ErrTooManyUnits, len(units), MaxUnits)
	}
	width := opt.Width
	if width == 0 {
		width = DefaultWidth
	}
	if width < MinWidth || width > MaxWidth {
		return fmt.Errorf("chart: %w: %d px (harus %d–%d px)", ErrWidth, width, MinWidth, MaxWidth)
	}
	c := newWorkloadChart(units, opt, width)
	img := c.render()
	enc := png.Encoder{CompressionLevel: pngLevel}
	if err := enc.Encode(w, img.Image()); err != nil {
		return fmt.Errorf("chart: write png: %w", err)
	}
	return nil
}

// All sizes are given for a 1080 px wide picture and scaled to the
// requested width, but not below minScale: a narrower picture keeps
// legible text and abbreviates names more. The canvas is at 72 dpi: one
// vg point is one pixel.
const (
	designWidth = 1080.0
	minScale    = 0.75
	dpi         = 72

	marginX      = 28.0 // left and right
	marginTop    = 28.0
	marginBottom = 20.0

	titleSize    = 32.0
	subtitleSize = 21.0
	summarySize  = 21.0
	legendSize   = 20.0
	nameSize     = 20.0 // unit names
	valueSize    = 18.0 // value at the end of a bar
	pairValue    = 17.0 // value at the end of a bar in before/after mode
	tickSize     = 19.0
	axisSize     = 19.0

	rowSingle  = 42.0             // row pitch, one bar a unit
	rowPair    = 60.0             // row pitch, two bars a unit
	barSingle  = 0.70             // bar thickness, fraction of the row
	barPair    = 0.40             // each of the two bars, fraction of the row
	pairOffset = barPair/2 + 0.02 // centre of each of the two bars from the row's centre
	topBand    = 40.0             // above the first row: tick labels and the 1,0 label
	maxLabelW  = 0.40             // unit names take at most this fraction of the width
)

var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	sansBold = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: stdfont.WeightBold}

	ink       = color.RGBA{0x21, 0x21, 0x21, 0xff}
	inkSoft   = color.RGBA{0x55, 0x55, 0x55, 0xff}
	inkFaint  = color.RGBA{0x80, 0x80, 0x80, 0xff}
	gridColor = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	stripe    = color.RGBA{0xf4, 0xf4, 0xf4, 0xff}
	before    = color.RGBA{0xb4, 0xb4, 0xb4, 0xff}
	refColor  = color.RGBA{0x21, 0x21, 0x21, 0xff}
	noHolder  = color.RGBA{0x7f, 0x00, 0x00, 0xff}
)

// grades are the EJ grades with their colour and legend text, A first.
var grades = []struct {
	grade string
	color color.RGBA
	text  string
}{
	{"A", color.RGBA{0xd7, 0x30, 0x27, 0xff}, "A  > 1,00 kurang pegawai"},
	{"B", color.RGBA{0x1a, 0x96, 0x41, 0xff}, "B  0,81–1,00"},
	{"C", color.RGBA{0xa6, 0xd9, 0x6a, 0xff}, "C  0,66–0,80"},
	{"D", color.RGBA{0x74, 0xad, 0xd1, 0xff}, "D  0,50–0,65"},
	{"E", color.RGBA{0x31, 0x5f, 0xa8, 0xff}, "E  < 0,50 kelebihan pegawai"},
}

// gradeColor is the bar colour of an EJ value.
func gradeColor(v float64) color.RGBA {
	if math.IsInf(v, 1) {
		return noHolder
	}
	g := mutasi.EJGrade(v)
	for _, gc := range grades {
		if gc.grade == g {
			return gc.color
		}
	}
	return grades[len(grades)-1].color
}

// workloadChart holds what is drawn, in rows top to bottom.
type workloadChart struct {
	units  []UnitLoad
	opt    Options
	width  int
	scale  float64
	pair   bool
	axis   axisRange
	labels []string
}

func newWorkloadChart(units []UnitLoad, opt Options, width int) *workloadChart {
	c := &workloadChart{units: units, opt: opt, width: width, scale: math.Max(float64(width)/designWidth, minScale), pair: opt.WithAfter}
	var vals []float64
	for _, u := range units {
		vals = append(vals, u.Before)
		if c.pair {
			vals = append(vals, u.After)
		}
	}
	nameStyle := c.text(nameSize, false, ink)
	limit := vg.Length(float64(width) * maxLabelW)
	c.labels = unitLabels(units, func(s string) bool { return nameStyle.Width(s) <= limit })

	// The bars get what the names leave; ticks every 0,2 need room for
	// "0,0" and a gap between them, else they come every 0,5.
	var names vg.Length
	for _, l := range c.labels {
		names = max(names, nameStyle.Width(l))
	}
	bars := c.inner() - names - c.px(30)
	tick := c.text(tickSize, false, ink).Width("0,0") + c.px(14)
	c.axis = chooseAxis(vals, func(a axisRange) bool {
		return bars*vg.Length(a.step/a.max) >= tick
	})
	return c
}

// px converts a design length (at 1080 px wide) to the canvas.
func (c *workloadChart) px(v float64) vg.Length { return vg.Length(v * c.scale) }

// inner is the width between the left and right margins.
func (c *workloadChart) inner() vg.Length { return vg.Length(c.width) - 2*c.px(marginX) }

func (c *workloadChart) text(size float64, bold bool, col color.Color) text.Style {
	f := sans
	if bold {
		f = sansBold
	}
	return text.Style{
		Color:   col,
		Font:    font.From(f, c.px(size)),
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
		Handler: plot.DefaultTextHandler,
	}
}

// capHeight is the height of Liberation Sans capitals and digits, as a
// fraction of the font size.
const capHeight = 0.69

// middle aligns st vertically so that its capitals and digits are centred
// on the point given to FillText (draw.YCenter centres the whole line box,
// descenders included, which sets numbers visibly low). shift is what the
// caller adds to the point's Y on its own (plot's Y axis adds the descent).
func middle(st text.Style, shift vg.Length) text.Style {
	e := st.FontExtents()
	size := st.Font.Size
	ht := st.Height("0")
	// FillText puts the baseline at y + ht·YAlign − ascent + size.
	st.YAlign = draw.YAlignment((e.Ascent - size - shift - capHeight*size/2) / ht)
	return st
}

// axisRange is the EJ axis: from 0 to max, ticks every step.
type axisRange struct{ max, step float64 }

// chooseAxis ends the axis a little past the largest finite value, at least
// at 1,2 (so the 1,0 line is always there) and at most at 3,0 (so one odd
// unit does not squash all the others). Ticks come every 0,2 up to 2,0
// when roomy says their labels have room, else every 0,5.
func chooseAxis(vals []float64, roomy func(axisRange) bool) axisRange {
	hi := 0.0
	for _, v := range vals {
		if !math.IsInf(v, 0) && !math.IsNaN(v) && v > hi {
			hi = v
		}
	}
	hi = math.Min(math.Max(hi+0.15, 1.2), 3.0)
	at := func(step float64) axisRange {
		return axisRange{max: math.Ceil(hi/step-1e-9) * step, step: step}
	}
	if a := at(0.2); hi <= 2.0 && roomy(a) {
		return a
	}
	return at(0.5)
}

func (a axisRange) ticks() []float64 {
	var t []float64
	for i := 0; ; i++ {
		v := math.Round(float64(i)*a.step*100) / 100
		if v > a.max+1e-9 {
			return t
		}
		t = append(t, v)
	}
}

func tickLabel(v float64) string {
	if v == 0 {
		return "0"
	}
	return decimal(v, 1)
}

// ejTicks labels the EJ axis with decimal commas.
type ejTicks struct{ axis axisRange }

func (t ejTicks) Ticks(_, _ float64) []plot.Tick {
	var ts []plot.Tick
	for _, v := range t.axis.ticks() {
		ts = append(ts, plot.Tick{Value: v, Label: tickLabel(v)})
	}
	return ts
}

// header lines and legend, laid out top to bottom before drawing.
type header struct {
	title, subtitle []string
	summary         []string
	legend          [][]legendEntry
	height          vg.Length
}

type legendEntry struct {
	colors []color.Color // one swatch, split in stripes when several
	text   string
}

func (c *workloadChart) header() header {
	var h header
	inner := c.inner()
	title := c.opt.Title
	if strings.TrimSpace(title) == "" {
		title = DefaultTitle
	}
	ts := c.text(titleSize, true, ink)
	h.title = wrap(title, ts, inner)
	if strings.TrimSpace(c.opt.Subtitle) != "" {
		h.subtitle = wrap(c.opt.Subtitle, c.text(subtitleSize, false, inkSoft), inner)
	}
	h.summary = wrapParts(c.summary(), c.text(summarySize, false, ink), inner)

	var entries []legendEntry
	if c.pair {
		all := make([]color.Color, len(grades))
		for i, g := range grades {
			all[i] = g.color
		}
		entries = append(entries,
			legendEntry{[]color.Color{before}, "Sebelum (atas)"},
			legendEntry{all, "Sesudah rencana (bawah, warna kelas EJ)"})
	}
	for _, g := range grades {
		entries = append(entries, legendEntry{[]color.Color{g.color}, g.text})
	}
	for _, u := range c.units {
		if math.IsInf(u.Before, 1) || c.pair && math.IsInf(u.After, 1) {
			entries = append(entries, legendEntry{[]color.Color{noHolder}, "tanpa pemangku (EJ ∞)"})
			break
		}
	}
	ls := c.text(legendSize, false, ink)
	sw, gap := c.px(legendSize), c.px(10)
	var row []legendEntry
	var x vg.Length
	for i, e := range entries {
		ew := sw + gap + ls.Width(e.text)
		// Before/after entries get a row of their own.
		newRow := x > 0 && (x+ew > inner || c.pair && i == 2)
		if newRow {
			h.legend = append(h.legend, row)
			row, x = nil, 0
		}
		row = append(row, e)
		x += ew + c.px(28)
	}
	h.legend = append(h.legend, row)

	hgt := c.px(marginTop)
	hgt += vg.Length(len(h.title)) * c.lineHeight(titleSize)
	hgt += vg.Length(len(h.subtitle)) * c.lineHeight(subtitleSize)
	hgt += vg.Length(len(h.summary)) * c.lineHeight(summarySize)
	hgt += c.px(10)
	hgt += vg.Length(len(h.legend)) * c.lineHeight(legendSize+6)
	hgt += c.px(12)
	h.height = hgt
	return h
}

func (c *workloadChart) lineHeight(size float64) vg.Length { return c.px(size * 1.3) }

// summary counts the units above 1,0 and below 0,5 (before → after).
func (c *workloadChart) summary() string {
	count := func(after bool) (over, under int) {
		for _, u := range c.units {
			v := u.Before
			if after {
				v = u.After
			}
			switch {
			case math.IsNaN(v):
			case mutasi.EJGrade(v) == "A":
				over++
			case mutasi.EJGrade(v) == "E":
				under++
			}
		}
		return over, under
	}
	o, u := count(false)
	if !c.pair {
		return fmt.Sprintf("%d unit · %d kurang pegawai (EJ > 1,0) · %d kelebihan pegawai (EJ < 0,5)", len(c.units), o, u)
	}
	o2, u2 := count(true)
	return fmt.Sprintf("%d unit · kurang pegawai (EJ > 1,0): %d → %d · kelebihan (EJ < 0,5): %d → %d", len(c.units), o, o2, u, u2)
}

// wrapParts breaks s into lines at its " · " separators, and only breaks a
// part that does not fit a line on its own.
func wrapParts(s string, st text.Style, max vg.Length) []string {
	var lines []string
	line := ""
	for _, part := range strings.Split(s, " · ") {
		try := part
		if line != "" {
			try = line + " · " + part
		}
		switch {
		case st.Width(try) <= max:
			line = try
		case st.Width(part) <= max:
			lines = append(lines, line)
			line = part
		default:
			if line != "" {
				lines = append(lines, line)
			}
			ws := wrap(part, st, max)
			lines = append(lines, ws[:len(ws)-1]...)
			line = ws[len(ws)-1]
		}
	}
	return append(lines, line)
}

// wrap breaks s into lines no wider than max, at spaces; a word wider than
// max is cut.
func wrap(s string, st text.Style, max vg.Length) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if st.Width(try) <= max || line == "" {
				line = try
				continue
			}
			lines = append(lines, line)
			line = w
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	for i, l := range lines {
		if st.Width(l) > max {
			lines[i] = cutRunes(l, func(s string) bool { return st.Width(s) <= max })
		}
	}
	return lines
}

// render lays the chart out and draws it.
func (c *workloadChart) render() *vgimg.Canvas {
	h := c.header()
	n := len(c.units)
	pitch := c.px(rowSingle)
	if c.pair {
		pitch = c.px(rowPair)
	}
	topRows := float64(c.px(topBand) / pitch)

	p := plot.New()
	p.BackgroundColor = nil
	p.X.Min, p.X.Max = 0, c.axis.max
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5+topRows

	// Unit names on the Y axis, first unit at the top.
	names := make([]string, n)
	for i, l := range c.labels {
		names[n-1-i] = l
	}
	p.Y.Tick.Label = c.text(nameSize, false, ink)
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label = middle(p.Y.Tick.Label, p.Y.Tick.Label.FontExtents().Descent)
	p.NominalY(names...)
	p.Y.Padding = c.px(10)
	p.X.Padding = 0

	p.X.Tick.Marker = ejTicks{c.axis}
	p.X.Tick.Label = c.text(tickSize, false, inkSoft)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Tick.LineStyle = draw.LineStyle{Color: inkFaint, Width: c.px(1.5)}
	p.X.Tick.Length = c.px(7)
	p.X.LineStyle = draw.LineStyle{Color: inkFaint, Width: c.px(1.5)}
	p.X.Label.Text = "EJ = beban kerja ÷ (pemangku × jam efektif)"
	p.X.Label.TextStyle = c.text(axisSize, false, ink)
	p.X.Label.TextStyle.XAlign, p.X.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
	p.X.Label.Padding = c.px(8)

	beforeBars, afterBars := c.bars(p)
	deco := &decorations{chart: c}
	p.Add(deco)

	// The plot area's overhead does not depend on its height: measure it
	// on a tall dummy rectangle, then size the picture for n rows.
	probe := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: c.inner(), Y: 100000}}}
	dc := p.DataCanvas(probe)
	overhead := probe.Max.Y - dc.Max.Y + dc.Min.Y - probe.Min.Y
	plotH := overhead + pitch*vg.Length(float64(n)+topRows)
	total := h.height + plotH + c.px(marginBottom)
	heightPx := math.Ceil(float64(total))

	img := vgimg.NewWith(vgimg.UseWH(vg.Length(c.width), vg.Length(heightPx)), vgimg.UseDPI(dpi),
		vgimg.UseBackgroundColor(color.White))
	dcv := draw.New(img)
	c.drawHeader(dcv, h)

	area := draw.Crop(dcv, c.px(marginX), -c.px(marginX), vg.Length(heightPx)-total+c.px(marginBottom), -h.height)
	data := p.DataCanvas(area)
	rowPitch := (data.Max.Y - data.Min.Y) / vg.Length(p.Y.Max-p.Y.Min)
	for _, b := range beforeBars {
		b.Width = rowPitch * barSingle
		if c.pair {
			b.Width = rowPitch * barPair
			b.Offset = rowPitch * pairOffset
		}
	}
	for _, b := range afterBars {
		b.Width = rowPitch * barPair
		b.Offset = -rowPitch * pairOffset
	}
	deco.area = area
	c.drawBackground(data, area, p)
	p.Draw(area)
	return img
}

// bars adds one bar chart per colour and series to p (a bar chart has a
// single colour). Their widths and offsets are set once the row pitch is
// known.
func (c *workloadChart) bars(p *plot.Plot) (beforeBars, afterBars []*plotter.BarChart) {
	n := len(c.units)
	type key struct {
		after bool
		col   color.RGBA
	}
	var order []key
	series := map[key]plotter.Values{}
	add := func(after bool, i int, v float64, col color.RGBA) {
		k := key{after, col}
		vs, ok := series[k]
		if !ok {
			vs = make(plotter.Values, n)
			order = append(order, k)
		}
		vs[n-1-i] = c.barLength(v)
		series[k] = vs
	}
	for i, u := range c.units {
		if c.pair {
			add(false, i, u.Before, before)
			add(true, i, u.After, gradeColor(u.After))
		} else {
			add(false, i, u.Before, gradeColor(u.Before))
		}
	}
	for _, k := range order {
		b := &plotter.BarChart{
			Values:     series[k],
			Width:      1,
			Color:      k.col,
			LineStyle:  draw.LineStyle{Width: 0},
			Horizontal: true,
		}
		p.Add(b)
		if k.after {
			afterBars = append(afterBars, b)
		} else {
			beforeBars = append(beforeBars, b)
		}
	}
	return beforeBars, afterBars
}

// barLength is the drawn length of a bar: cut at the axis end, none for
// NaN or below zero.
func (c *workloadChart) barLength(v float64) float64 {
	switch {
	case math.IsNaN(v), v <= 0:
		return 0
	case v > c.axis.max:
		return c.axis.max
	}
	return v
}

// drawBackground paints every other row (from the names to the right
// edge, so the eye follows a row) and the vertical grid, under the bars.
func (c *workloadChart) drawBackground(data, area draw.Canvas, p *plot.Plot) {
	n := len(c.units)
	x0, x1 := area.Min.X-c.px(marginX)/2, area.Max.X+c.px(marginX)/2
	for i := 0; i < n; i += 2 {
		yc := data.Y(p.Y.Norm(float64(n - 1 - i)))
		half := (data.Y(p.Y.Norm(1)) - data.Y(p.Y.Norm(0))) / 2
		data.FillPolygon(stripe, []vg.Point{{X: x0, Y: yc - half}, {X: x1, Y: yc - half}, {X: x1, Y: yc + half}, {X: x0, Y: yc + half}})
	}
	top := data.Y(p.Y.Norm(float64(n) - 0.5))
	grid := draw.LineStyle{Color: gridColor, Width: c.px(1.5)}
	for _, v := range c.axis.ticks() {
		x := data.X(p.X.Norm(v))
		data.StrokeLine2(grid, x, data.Min.Y, x, top)
	}
}

// decorations draws, over the bars, the 1,0 line, the tick labels above
// the first row, and the value at the end of each bar.
type decorations struct {
	chart *workloadChart
	area  draw.Canvas // the plot's whole area: value labels may pass the data's right edge
}

func (d *decorations) Plot(dc draw.Canvas, p *plot.Plot) {
	c := d.chart
	n := len(c.units)
	top := dc.Y(p.Y.Norm(float64(n) - 0.5))
	x1 := dc.X(p.X.Norm(1))

	// Tick labels again above the first row (the chart is tall), but for
	// those the "EJ 1,0" label would touch.
	rs := c.text(tickSize+1, true, ink)
	rs.XAlign, rs.YAlign = draw.XCenter, draw.YBottom
	const refLabel = "EJ 1,0"
	refHalf := rs.Width(refLabel)/2 + c.px(8)
	ts := c.text(tickSize, false, inkSoft)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YBottom
	for _, v := range c.axis.ticks() {
		x, l := dc.X(p.X.Norm(v)), tickLabel(v)
		if x+ts.Width(l)/2 > x1-refHalf && x-ts.Width(l)/2 < x1+refHalf {
			continue
		}
		dc.FillText(ts, vg.Point{X: x, Y: top + c.px(8)}, l)
	}
	ref := draw.LineStyle{Color: refColor, Width: c.px(2.5), Dashes: []vg.Length{c.px(8), c.px(5)}}
	dc.StrokeLine2(ref, x1, dc.Min.Y, x1, top+c.px(4))
	dc.FillText(rs, vg.Point{X: x1, Y: top + c.px(8)}, refLabel)

	size := valueSize
	if c.pair {
		size = pairValue
	}
	pitch := dc.Y(p.Y.Norm(1)) - dc.Y(p.Y.Norm(0))
	for i, u := range c.units {
		yc := dc.Y(p.Y.Norm(float64(n - 1 - i)))
		row := color.Color(color.White)
		if i%2 == 0 {
			row = stripe
		}
		if !c.pair {
			d.value(dc, p, yc, u.Before, gradeColor(u.Before), row, size)
			continue
		}
		off := pitch * pairOffset
		d.value(dc, p, yc+off, u.Before, before, row, size)
		d.value(dc, p, yc-off, u.After, gradeColor(u.After), row, size)
	}
}

// value writes v at the end of its bar: outside when there is room before
// the right edge, on a patch of the row's background so that the 1,0 line
// and the grid do not cross it; else inside in a colour that reads on the
// bar.
func (d *decorations) value(dc draw.Canvas, p *plot.Plot, y vg.Length, v float64, bar color.RGBA, row color.Color, size float64) {
	c := d.chart
	label := valueLabel(v)
	st := middle(c.text(size, false, ink), 0)
	if math.IsNaN(v) || math.IsInf(v, -1) {
		st.Color = inkFaint
	}
	x0 := dc.X(p.X.Norm(0))
	end := dc.X(p.X.Norm(c.barLength(v)))
	gap := c.px(6)
	tw := st.Width(label)
	room := d.area.Max.X + c.px(marginX)/2
	pad, half := c.px(3), c.px(capHeight*size/2+4)
	switch {
	case end+gap+tw <= room && !math.IsInf(v, 1):
		st.XAlign = draw.XLeft
		patch(dc, row, end+gap-pad, end+gap+tw+pad, y, half)
		dc.FillText(st, vg.Point{X: end + gap, Y: y}, label)
	case end-x0 >= tw+2*gap:
		st.XAlign = draw.XRight
		st.Color = contrast(bar)
		st.Font.Weight = stdfont.WeightBold
		if st.Width(label) > end-x0-2*gap {
			st.Font.Weight = stdfont.WeightNormal
		}
		patch(dc, bar, end-gap-st.Width(label)-pad, end-gap+pad, y, half)
		dc.FillText(st, vg.Point{X: end - gap, Y: y}, label)
	default:
		st.XAlign = draw.XLeft
		dc.FillText(st, vg.Point{X: end + gap, Y: y}, label)
	}
}

// patch fills the rectangle from x0 to x1 and y±half with col, under a
// label.
func patch(dc draw.Canvas, col color.Color, x0, x1, y, half vg.Length) {
	dc.FillPolygon(col, []vg.Point{{X: x0, Y: y - half}, {X: x1, Y: y - half}, {X: x1, Y: y + half}, {X: x0, Y: y + half}})
}

// contrast is white on a dark bar and near black on a light one.
func contrast(bg color.RGBA) color.Color {
	l := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if l < 150 {
		return color.White
	}
	return ink
}

// drawHeader writes the title, subtitle, summary and legend.
func (c *workloadChart) drawHeader(dc draw.Canvas, h header) {
	x := dc.Min.X + c.px(marginX)
	y := dc.Max.Y - c.px(marginTop)
	line := func(st text.Style, size float64, s string) {
		dc.FillText(st, vg.Point{X: x, Y: y}, s)
		y -= c.lineHeight(size)
	}
	for _, l := range h.title {
		line(c.text(titleSize, true, ink), titleSize, l)
	}
	for _, l := range h.subtitle {
		line(c.text(subtitleSize, false, inkSoft), subtitleSize, l)
	}
	for _, l := range h.summary {
		line(c.text(summarySize, false, ink), summarySize, l)
	}
	y -= c.px(10)

	ls := middle(c.text(legendSize, false, ink), 0)
	sw, gap := c.px(legendSize), c.px(10)
	rowH := c.lineHeight(legendSize + 6)
	for _, row := range h.legend {
		yc := y - rowH/2
		lx := x
		for _, e := range row {
			k := vg.Length(len(e.colors))
			for j, col := range e.colors {
				a := lx + sw*vg.Length(j)/k
				b := lx + sw*vg.Length(j+1)/k
				dc.FillPolygon(col, []vg.Point{{X: a, Y: yc - sw/2}, {X: b, Y: yc - sw/2}, {X: b, Y: yc + sw/2}, {X: a, Y: yc + sw/2}})
			}
			dc.FillText(ls, vg.Point{X: lx + sw + gap, Y: yc}, e.text)
			lx += sw + gap + ls.Width(e.text) + c.px(28)
		}
		y -= rowH
	}
}
