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
type template struct {
	parts []templatePart
	paths []readPath
}

type templatePart struct {
	literal string
	prog    *program // nil for a literal
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
		return append(b, longDate(x)...)
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
