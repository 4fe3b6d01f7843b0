package quality

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// abbreviations are the short forms of words that personnel exports use
// in majors ("Tek. Informatika", "Adm. Negara"), and a few misspellings
// common enough to be a word of their own ("Tehnik", "Sistim").
var abbreviations = map[string]string{
	"tek":    "teknik",
	"tehnik": "teknik",
	"tekn":   "teknik",
	"adm":    "administrasi",
	"admin":  "administrasi",
	"manaj":  "manajemen",
	"mnj":    "manajemen",
	"pend":   "pendidikan",
	"pddk":   "pendidikan",
	"kes":    "kesehatan",
	"masy":   "masyarakat",
	"ekon":   "ekonomi",
	"sist":   "sistem",
	"sistim": "sistem",
	"hkm":    "hukum",
	"perenc": "perencanaan",
}

// majorKey is a major as compared for suggestions: lower case, every run
// of punctuation and space one space, abbreviations written out. The
// reference itself compares only case and spacing.
func majorKey(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		if full, ok := abbreviations[w]; ok {
			words[i] = full
		}
	}
	return strings.Join(words, " ")
}

// majorIndex is the reference's majors prepared for suggestions.
type majorIndex struct {
	ref    *rules.Reference
	names  []string       // as written in the reference
	keys   []string       // majorKey of each
	words  []int          // words in each key
	exact  map[string]int // key → index
	result map[string][]string
	// isKnown caches the reference's answer per spelling: an export has
	// few distinct majors and a lookup in the reference allocates.
	isKnown map[string]bool
}

func newMajorIndex(ref *rules.Reference) *majorIndex {
	ix := &majorIndex{ref: ref, exact: map[string]int{}, result: map[string][]string{}, isKnown: map[string]bool{}}
	for _, f := range ref.Families {
		for _, m := range f.Jurusan {
			k := majorKey(m)
			if _, dup := ix.exact[k]; dup {
				continue
			}
			ix.exact[k] = len(ix.names)
			ix.names = append(ix.names, m)
			ix.keys = append(ix.keys, k)
			ix.words = append(ix.words, strings.Count(k, " ")+1)
		}
	}
	return ix
}

// known reports whether the reference knows the major.
func (ix *majorIndex) known(major string) bool {
	ok, seen := ix.isKnown[major]
	if !seen {
		_, ok = ix.ref.Family(major)
		ix.isKnown[major] = ok
	}
	return ok
}

// maxSuggestions bounds the majors suggested for one unknown major.
const maxSuggestions = 3

// suggest returns the known majors nearest to an unknown one, best first:
// the major that it is once punctuation and abbreviations are written out
// ("Tek. Informatika" is Teknik Informatika), else those within a few
// typing mistakes ("Akutansi"), then those it contains word for word
// ("Administrasi Negara dan Niaga" holds Administrasi Negara). Results are
// kept per spelling: an export repeats its mistakes.
func (ix *majorIndex) suggest(major string) []string {
	if s, ok := ix.result[major]; ok {
		return s
	}
	key := majorKey(major)
	var out []string
	if i, ok := ix.exact[key]; ok {
		out = []string{ix.names[i]}
	} else {
		out = ix.nearest(key)
	}
	ix.result[major] = out
	return out
}

func (ix *majorIndex) nearest(key string) []string {
	if key == "" {
		return nil
	}
	n := utf8.RuneCountInString(key)
	limit := min(3, max(1, n/5))
	type cand struct {
		i     int
		score int
	}
	var cands []cand
	padded := " " + key + " "
	for i, k := range ix.keys {
		m := utf8.RuneCountInString(k)
		if d := n - m; d >= -limit && d <= limit {
			if dist := mutasi.EditDistance(key, k); dist <= limit {
				cands = append(cands, cand{i, dist})
				continue
			}
		}
		// A major of two words or more inside the unknown one, as whole
		// words: ranked after every near spelling, longer matches first.
		if ix.words[i] >= 2 && m < n && strings.Contains(padded, " "+k+" ") {
			cands = append(cands, cand{i, 100 - m})
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score < cands[b].score
		}
		return ix.names[cands[a].i] < ix.names[cands[b].i]
	})
	var out []string
	for _, c := range cands[:min(len(cands), maxSuggestions)] {
		out = append(out, ix.names[c.i])
	}
	return out
}
