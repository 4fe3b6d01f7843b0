package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ReferenceFile is the name of the education-family reference file inside
// a policies directory.
const ReferenceFile = "rumpun_pendidikan.yaml"

// Reference maps majors (jurusan) to education families (rumpun). Names
// are compared case- and space-insensitively.
type Reference struct {
	Version  string
	Families []Family
	major    map[string]majorEntry // normalised major → its family
	famNorm  []string              // normalised family names, by index
	families map[string]int        // normalised family name → index
}

// Family is one education family and its majors.
type Family struct {
	Nama       string
	Keterangan string
	Jurusan    []string
}

// ParseReference parses the reference file; file names it in errors. Every
// problem is reported with its line and column.
func ParseReference(file string, data []byte) (*Reference, error) {
	var errs problemList
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		errs.yamlError(file, data, err)
		return nil, errs.err()
	}
	ref := &Reference{major: map[string]majorEntry{}, families: map[string]int{}}
	doc := docNode(&root)
	if doc == nil || doc.Kind != yaml.MappingNode {
		errs.add(file, doc, msgRefNotMapping)
		return nil, errs.err()
	}
	type seen struct{ line, family int }
	majors := map[string]seen{}
	forEachKey(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "version":
			ref.Version = scalar(file, v, &errs)
		case "rumpun":
			if v.Kind != yaml.SequenceNode {
				errs.add(file, v, msgMustBeList, "rumpun")
				return
			}
			for _, fn := range v.Content {
				if fn.Kind != yaml.MappingNode {
					errs.add(file, fn, msgRefFamilyNotMapping)
					continue
				}
				var fam Family
				var majorNodes []*yaml.Node
				forEachKey(fn, func(k, v *yaml.Node) {
					switch k.Value {
					case "nama":
						fam.Nama = scalar(file, v, &errs)
					case "keterangan":
						fam.Keterangan = scalar(file, v, &errs)
					case "jurusan":
						if v.Kind != yaml.SequenceNode {
							errs.add(file, v, msgMustBeList, "jurusan")
							return
						}
						majorNodes = v.Content
					default:
						errs.unknownKey(file, k, []string{"nama", "keterangan", "jurusan"})
					}
				})
				if strings.TrimSpace(fam.Nama) == "" {
					errs.add(file, fn, msgRefFamilyNoName)
					continue
				}
				idx := len(ref.Families)
				if prev, dup := ref.families[normalize(fam.Nama)]; dup {
					errs.add(file, fn, msgRefDupFamily, fam.Nama, ref.Families[prev].Nama)
					continue
				}
				for _, mn := range majorNodes {
					m := scalar(file, mn, &errs)
					key := normalize(m)
					if key == "" {
						errs.add(file, mn, msgRefEmptyMajor)
						continue
					}
					if s, dup := majors[key]; dup {
						where := fam.Nama
						if s.family != idx {
							where = ref.Families[s.family].Nama
						}
						errs.add(file, mn, msgRefDupMajor, m, where, s.line)
						continue
					}
					majors[key] = seen{line: mn.Line, family: idx}
					fam.Jurusan = append(fam.Jurusan, m)
				}
				ref.families[normalize(fam.Nama)] = idx
				ref.Families = append(ref.Families, fam)
			}
		default:
			errs.unknownKey(file, k, []string{"version", "rumpun"})
		}
	})
	if err := errs.err(); err != nil {
		return nil, err
	}
	for key, s := range majors {
		ref.major[key] = majorEntry{family: s.family, norm: key}
	}
	for _, f := range ref.Families {
		ref.famNorm = append(ref.famNorm, normalize(f.Nama))
	}
	return ref, nil
}

// Family returns the family of a major and whether the major is known.
func (r *Reference) Family(major string) (string, bool) {
	fam, ok, _ := r.family(major, nil)
	return fam, ok
}

type majorEntry struct {
	family int
	norm   string // the normalised major, interned
}

// family looks a major up, normalising into buf so that a lookup does not
// allocate; it returns buf for reuse.
func (r *Reference) family(major string, buf []byte) (string, bool, []byte) {
	buf = normalizeInto(buf[:0], major)
	if e, ok := r.lookup(buf); ok {
		return r.Families[e.family].Nama, true, buf
	}
	return "", false, buf
}

// lookup finds a normalised major; the string conversion in the map index
// does not allocate.
func (r *Reference) lookup(norm []byte) (majorEntry, bool) {
	if r == nil {
		return majorEntry{}, false
	}
	e, ok := r.major[string(norm)]
	return e, ok
}

// normalize lower-cases s and collapses runs of white space into one space.
func normalize(s string) string { return string(normalizeInto(nil, s)) }

func normalizeInto(buf []byte, s string) []byte {
	space := false
	// ASCII, the usual case, byte by byte; the rest rune by rune.
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r': // unicode.IsSpace below U+0080
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	for _, r := range s[i:] {
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// matchEducation implements docs/rules.md "Education match": an entry of the
// position's list matches when it equals the major or the major's family;
// an empty list accepts any major. want holds the normalised entries.
func matchEducation(want []string, majorNorm, familyNorm string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		if w == majorNorm || (familyNorm != "" && w == familyNorm) {
			return true
		}
	}
	return false
}
