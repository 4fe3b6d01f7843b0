package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// template is a message with {{ expression }} placeholders, e.g.
// "{{ tahun_bulan(employee.masa_jabatan_bulan) }} di jabatan sekarang
// (minimal {{ params.masa_jabatan_min_tahun }} tahun)".
//
// parts is the template as written; the expr VM path renders from it.
// segs is the same template prepared for the closure path: constants
// (params, literals) are formatted once at compile time and merged with the
// text around them, and every placeholder has a typed appender, so that
// rendering is a loop of appends with no boxing and no formatting by
// reflection. A template with no placeholder left is the string konst.
type template struct {
	parts []templatePart
	paths []readPath

	segs    []segment
	guard   guard // of the placeholders in segs
	konst   string
	isKonst bool
}

type templatePart struct {
	literal string
	prog    *program // nil for a literal
}

// segment is literal text followed by one placeholder (prog), or only text
// (prog nil, the end of a template). app appends the placeholder's value;
// nil means the expression runs on the expr VM.
type segment struct {
	lit  string
	prog *program
	app  func(*frame, []byte) []byte
}

func (ce *compileEnv) compileTemplate(es *exprSrc, what string, errs *problemList) *template {
	if es == nil {
		return nil
	}
	t := &template{}
	text := es.text
	runeOff := 0
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			if text != "" {
				t.parts = append(t.parts, templatePart{literal: text})
			}
			t.prepare()
			return t
		}
		if i > 0 {
			t.parts = append(t.parts, templatePart{literal: text[:i]})
		}
		runeOff += utf8.RuneCountInString(text[:i])
		j := strings.Index(text[i:], "}}")
		if j < 0 {
			line, col := es.src.locate(es.node, es.base+runeOff)
			errs.addAt(es.src.name, line, col, msgTemplateOpen)
			return nil
		}
		inner := text[i+2 : i+j]
		sub := &exprSrc{text: inner, src: es.src, node: es.node, base: es.base + runeOff + 2}
		p := ce.compile(sub, kInvalid, what, errs)
		if p != nil {
			t.parts = append(t.parts, templatePart{prog: p})
			t.paths = append(t.paths, p.paths...)
		}
		runeOff += utf8.RuneCountInString(text[i : i+j+2])
		text = text[i+j+2:]
	}
}

// prepare builds the segments of the closure path from parts.
func (t *template) prepare() {
	var lit []byte
	for _, part := range t.parts {
		switch {
		case part.prog == nil:
			lit = append(lit, part.literal...)
		case part.prog.hasFast && part.prog.fast.konst:
			lit = appendKonst(lit, &part.prog.fast)
		default:
			t.segs = append(t.segs, segment{lit: string(lit), prog: part.prog, app: fastAppender(part.prog)})
			lit = lit[:0]
		}
	}
	if len(t.segs) == 0 {
		t.konst, t.isKonst = string(lit), true
		return
	}
	if len(lit) > 0 {
		t.segs = append(t.segs, segment{lit: string(lit)})
	}
	progs := make([]*program, 0, len(t.segs))
	for _, sg := range t.segs {
		progs = append(progs, sg.prog)
	}
	t.guard = newGuard(progs...)
	for _, sg := range t.segs {
		t.guard.fast = t.guard.fast && (sg.prog == nil || sg.app != nil)
	}
}

// appendKonst formats a constant as appendValue formats its value.
func appendKonst(b []byte, e *cexpr) []byte {
	switch e.k {
	case kBool:
		return appendBool(b, e.cb)
	case kInt:
		return strconv.AppendInt(b, int64(e.ci), 10)
	case kFloat:
		return appendFloat(b, e.cf)
	case kStr:
		return append(b, e.cs...)
	case kList:
		return appendJoin(b, e.cl, ", ")
	}
	panic("rules: constant of unknown kind") // konstOf makes no other kind
}

// fastAppender returns a typed appender for a placeholder that the closure
// compiler took, formatting as appendValue does; nil sends it to the VM.
func fastAppender(p *program) func(*frame, []byte) []byte {
	if !p.hasFast {
		return nil
	}
	e := p.fast
	switch e.k {
	case kBool:
		get := e.b
		return func(f *frame, b []byte) []byte { return appendBool(b, get(f)) }
	case kInt:
		if e.field != nil {
			return appendIntField(e.root, e.field.offset)
		}
		get := e.i
		return func(f *frame, b []byte) []byte { return strconv.AppendInt(b, int64(get(f)), 10) }
	case kFloat:
		get := e.f
		return func(f *frame, b []byte) []byte { return appendFloat(b, get(f)) }
	case kStr:
		return appender(e)
	case kTime:
		get := e.t
		return func(f *frame, b []byte) []byte { return appendLongDate(b, time.Unix(get(f), 0).UTC()) }
	case kList:
		get := e.l
		return func(f *frame, b []byte) []byte { return appendJoin(b, get(f), ", ") }
	}
	return nil
}

func appendJoin(b []byte, l []string, sep string) []byte {
	for i, s := range l {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, s...)
	}
	return b
}

// appendValue formats a value for people: Indonesian decimals (comma),
// dates in words, yes/no.
func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "(kosong)"...)
	case bool:
		return appendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		return appendFloat(b, x)
	case string:
		return append(b, x...)
	case time.Time:
		return appendLongDate(b, x)
	case []string:
		return append(b, strings.Join(x, ", ")...)
	}
	return append(b, strings.TrimSpace(strings.ReplaceAll(strconv.Quote(typeWords.Replace(fmt.Sprint(v))), `"`, ""))...)
}

func appendBool(b []byte, x bool) []byte {
	if x {
		return append(b, "ya"...)
	}
	return append(b, "tidak"...)
}

// appendFloat writes up to two decimals with a decimal comma: 0,95. It
// formats through integers (strconv's float path is several times slower
// and messages show many EJ figures).
func appendFloat(b []byte, x float64) []byte {
	switch {
	case math.IsInf(x, 1):
		return append(b, "tak hingga"...)
	case math.IsInf(x, -1):
		return append(b, "minus tak hingga"...)
	case math.IsNaN(x):
		return append(b, "tidak terdefinisi"...)
	case math.Abs(x) >= 1e15:
		return strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	v := int64(math.Round(x * 100))
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	frac := v % 100
	switch {
	case frac == 0:
	case frac%10 == 0:
		b = append(b, ',', byte('0'+frac/10))
	default:
		b = append(b, ',', byte('0'+frac/10), byte('0'+frac%10))
	}
	return b
}
