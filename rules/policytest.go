package rules

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"go.yaml.in/yaml/v3"
)

// A policy test file (*_test.yaml next to the rules) holds cases: a fixture
// employee, current position, optional target and aspiration, the date, and
// the expected verdict and failing rule ids. Fields not given in a case come
// from `defaults`, so each case states only what it is about:
//
//	today: 2026-03-01
//	defaults:
//	  employee: {nip: "199004122015032001", tmt_jabatan: 2021-01-04, ...}
//	  current:  {jabatan_id: J1, kebutuhan: 3, pemangku: 3, ...}
//	  target:   {jabatan_id: J2, ...}
//	cases:
//	  - name: masa jabatan baru satu tahun
//	    employee: {tmt_jabatan: 2025-03-01}
//	    expect: {eligible: false, failing: [masa-jabatan-minimal]}

// TestCase is one policy test case, decoded.
type TestCase struct {
	Name    string
	File    string
	Line    int
	Today   time.Time
	Subject Subject
	Target  *Target
	// Expectations.
	Eligible *bool
	Failing  []string          // exact set of rules that do not pass; nil: not checked
	Contains map[string]string // rule id → text its message must contain
}

// TestResult is the outcome of one case.
type TestResult struct {
	Case     *TestCase
	Decision Decision
	Problems []string // empty when the case passed
}

// Passed reports whether the case met every expectation.
func (r TestResult) Passed() bool { return len(r.Problems) == 0 }

// String describes a failed case with got/want and what the failing or
// unexpected rules saw.
func (r TestResult) String() string {
	var b strings.Builder
	status := "LULUS"
	if !r.Passed() {
		status = "GAGAL"
	}
	fmt.Fprintf(&b, "%s %s:%d %s", status, r.Case.File, r.Case.Line, r.Case.Name)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "\n    %s", p)
	}
	if !r.Passed() {
		for i, rr := range r.Decision.Rules {
			if i >= len(r.Decision.Values) || len(r.Decision.Values[i]) == 0 {
				continue
			}
			var vals []string
			for _, v := range r.Decision.Values[i] {
				vals = append(vals, v.Name+"="+v.Value)
			}
			mark := "✓"
			if !rr.Passed {
				mark = "✗"
			} else if !rr.Applicable {
				mark = "-"
			}
			fmt.Fprintf(&b, "\n    %s %s: %s [%s]", mark, rr.Rule.ID, rr.Message, strings.Join(vals, ", "))
		}
	}
	return b.String()
}

// RunTests runs every *_test.yaml in dir against p. It returns the results
// and an error when a test file cannot be read (the error names file, line
// and column).
func RunTests(p *Policy, dir string) ([]TestResult, error) {
	_, _, tests, err := policyFiles(dir)
	if err != nil {
		return nil, err
	}
	var all []TestResult
	for _, name := range tests {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		cases, err := ParseTests(name, data)
		if err != nil {
			var le *LoadError
			if errors.As(err, &le) {
				return all, &TestFileError{LoadError: le}
			}
			return all, err
		}
		all = append(all, p.RunCases(cases)...)
	}
	return all, nil
}

// TestFileError is a policy test file (*_test.yaml) that cannot be read:
// the tests are broken, not (necessarily) the policy. Its problems name the
// file, line and column.
type TestFileError struct {
	*LoadError
}

func (e *TestFileError) Error() string {
	return fmt.Sprintf(msgTestFileBroken, len(e.Problems)) + "\n" + e.LoadError.Error()
}

// Unwrap gives the LoadError, and through it EINVALID.
func (e *TestFileError) Unwrap() error { return e.LoadError }

// RunCases evaluates the cases and compares them with their expectations.
func (p *Policy) RunCases(cases []*TestCase) []TestResult {
	out := make([]TestResult, 0, len(cases))
	for _, c := range cases {
		d := p.EvaluateVerbose(c.Subject, c.Target, c.Today)
		res := TestResult{Case: c, Decision: d}
		if c.Eligible != nil && d.Eligible != *c.Eligible {
			res.Problems = append(res.Problems, fmt.Sprintf("eligible: dapat %v, seharusnya %v", d.Eligible, *c.Eligible))
		}
		if c.Failing != nil {
			got := d.Failed()
			want := append([]string(nil), c.Failing...)
			sort.Strings(want)
			gotSorted := append([]string(nil), got...)
			sort.Strings(gotSorted)
			if strings.Join(gotSorted, ",") != strings.Join(want, ",") {
				res.Problems = append(res.Problems, fmt.Sprintf("aturan gagal: dapat [%s], seharusnya [%s]",
					strings.Join(gotSorted, ", "), strings.Join(want, ", ")))
			}
			for _, id := range c.Failing {
				if p.Rule(id) == nil {
					res.Problems = append(res.Problems, fmt.Sprintf("aturan %q tidak ada di kebijakan", id))
				}
			}
		}
		for id, text := range c.Contains {
			found := false
			for _, rr := range d.Rules {
				if rr.Rule.ID == id {
					found = true
					if !strings.Contains(rr.Message, text) {
						res.Problems = append(res.Problems, fmt.Sprintf("pesan %s: dapat %q, seharusnya memuat %q", id, rr.Message, text))
					}
				}
			}
			if !found {
				res.Problems = append(res.Problems, fmt.Sprintf("aturan %q tidak ada di kebijakan", id))
			}
		}
		out = append(out, res)
	}
	return out
}

var (
	testFileKeys = []string{"today", "defaults", "cases"}
	testCaseKeys = []string{"name", "today", "employee", "current", "target", "aspiration", "expect"}
	expectKeys   = []string{"eligible", "failing", "message_contains"}
)

// ParseTests decodes a policy test file.
func ParseTests(file string, data []byte) ([]*TestCase, error) {
	var errs problemList
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		errs.yamlError(file, data, err)
		return nil, errs.err()
	}
	doc := docNode(&root)
	if doc == nil || doc.Kind != yaml.MappingNode {
		errs.add(file, doc, msgTestNotMapping)
		return nil, errs.err()
	}
	var today time.Time
	var defaults, casesNode *yaml.Node
	forEachKey(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "today":
			today = parseDateNode(file, v, &errs)
		case "defaults":
			defaults = v
		case "cases":
			casesNode = v
		default:
			errs.unknownKey(file, k, testFileKeys)
		}
	})
	if casesNode == nil || casesNode.Kind != yaml.SequenceNode {
		errs.add(file, doc, msgMustBeList, "cases")
		return nil, errs.err()
	}
	var cases []*TestCase
	for _, cn := range casesNode.Content {
		if cn.Kind != yaml.MappingNode {
			errs.add(file, cn, msgTestCaseNotMapping)
			continue
		}
		c := &TestCase{File: file, Line: cn.Line, Today: today}
		emp := &mutasi.Employee{Active: true}
		cur := &mutasi.Position{Active: true}
		var tgt *mutasi.Position
		var asp *mutasi.Aspiration
		apply := func(section, v *yaml.Node, name string) {
			switch name {
			case "employee":
				decodeEmployee(file, v, emp, &errs)
			case "current":
				decodePosition(file, v, cur, &errs)
			case "target":
				if v.Tag == "!!null" {
					tgt = nil
					return
				}
				if tgt == nil {
					tgt = &mutasi.Position{Active: true}
				}
				decodePosition(file, v, tgt, &errs)
			case "aspiration":
				if v.Kind != yaml.SequenceNode {
					errs.add(file, v, msgMustBeList, "aspiration")
					return
				}
				asp = &mutasi.Aspiration{}
				for _, e := range v.Content {
					asp.Pilihan = append(asp.Pilihan, scalar(file, e, &errs))
				}
			}
		}
		if defaults != nil && defaults.Kind == yaml.MappingNode {
			forEachKey(defaults, func(k, v *yaml.Node) {
				if !contains([]string{"employee", "current", "target", "aspiration"}, k.Value) {
					errs.unknownKey(file, k, []string{"employee", "current", "target", "aspiration"})
					return
				}
				apply(defaults, v, k.Value)
			})
		}
		forEachKey(cn, func(k, v *yaml.Node) {
			switch k.Value {
			case "name":
				c.Name = scalar(file, v, &errs)
			case "today":
				c.Today = parseDateNode(file, v, &errs)
			case "employee", "current", "target", "aspiration":
				apply(cn, v, k.Value)
			case "expect":
				decodeExpect(file, v, c, &errs)
			default:
				errs.unknownKey(file, k, testCaseKeys)
			}
		})
		if c.Today.IsZero() {
			errs.add(file, cn, msgTestNoToday)
		}
		if emp.JabatanID == "" {
			emp.JabatanID = cur.ID
		}
		if asp != nil {
			asp.NIP = emp.NIP
		}
		c.Subject = Subject{Employee: emp, Current: cur, Aspiration: asp, Unit: &mutasi.Unit{ID: cur.UnitID}}
		if tgt != nil {
			c.Target = &Target{Position: tgt, Unit: &mutasi.Unit{ID: tgt.UnitID}}
		}
		cases = append(cases, c)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return cases, nil
}

func decodeExpect(file string, v *yaml.Node, c *TestCase, errs *problemList) {
	if v.Kind != yaml.MappingNode {
		errs.add(file, v, msgTestExpect)
		return
	}
	forEachKey(v, func(k, v *yaml.Node) {
		switch k.Value {
		case "eligible":
			b, ok := parseBool(scalar(file, v, errs))
			if !ok {
				errs.add(file, v, msgTestBool, k.Value)
				return
			}
			c.Eligible = &b
		case "failing":
			if v.Kind != yaml.SequenceNode {
				errs.add(file, v, msgMustBeList, "failing")
				return
			}
			c.Failing = []string{}
			for _, e := range v.Content {
				c.Failing = append(c.Failing, scalar(file, e, errs))
			}
		case "message_contains":
			if v.Kind != yaml.MappingNode {
				errs.add(file, v, msgTestExpect)
				return
			}
			c.Contains = map[string]string{}
			forEachKey(v, func(k, v *yaml.Node) { c.Contains[k.Value] = scalar(file, v, errs) })
		default:
			errs.unknownKey(file, k, expectKeys)
		}
	})
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "ya", "yes":
		return true, true
	case "false", "tidak", "no", "":
		return false, true
	}
	return false, false
}

func parseDateNode(file string, v *yaml.Node, errs *problemList) time.Time {
	s := scalar(file, v, errs)
	if s == "" {
		return time.Time{}
	}
	t, err := mutasi.ParseDate(s)
	if err != nil {
		errs.add(file, v, "%s", err) // a wrong form, or a day the calendar lacks
	}
	return t
}

var employeeFields = []string{"nip", "nama", "tanggal_lahir", "jenis_kelamin", "status", "golongan", "jabatan_id",
	"tmt_jabatan", "tmt_cpns", "pendidikan_jenjang", "pendidikan_jurusan", "kinerja_tahun_lalu",
	"kinerja_dua_tahun_lalu", "kotak_talenta", "hukuman_disiplin", "hukuman_selesai", "tugas_belajar"}

func decodeEmployee(file string, m *yaml.Node, e *mutasi.Employee, errs *problemList) {
	if m.Kind != yaml.MappingNode {
		errs.add(file, m, msgTestSection, "employee")
		return
	}
	forEachKey(m, func(k, v *yaml.Node) {
		s := scalar(file, v, errs)
		if v.Tag == "!!null" {
			s = ""
		}
		switch k.Value {
		case "nip":
			e.NIP = s
		case "nama":
			e.Nama = s
		case "tanggal_lahir":
			e.TanggalLahir = parseDateNode(file, v, errs)
		case "jenis_kelamin":
			e.JenisKelamin = s
		case "status":
			e.Status = mutasi.Status(s)
		case "golongan":
			e.Golongan = s
		case "jabatan_id":
			e.JabatanID = s
		case "tmt_jabatan":
			e.TMTJabatan = parseDateNode(file, v, errs)
		case "tmt_cpns":
			e.TMTCPNS = parseDateNode(file, v, errs)
		case "pendidikan_jenjang":
			e.PendidikanJenjang = s
		case "pendidikan_jurusan":
			e.PendidikanJurusan = s
		case "kinerja_tahun_lalu":
			e.KinerjaTahunLalu = s
		case "kinerja_dua_tahun_lalu":
			e.KinerjaDuaTahunLalu = s
		case "kotak_talenta":
			e.KotakTalenta = atoi(file, v, s, errs)
		case "hukuman_disiplin":
			e.HukumanDisiplin = s
		case "hukuman_selesai":
			e.HukumanSelesai = parseDateNode(file, v, errs)
		case "tugas_belajar":
			b, ok := parseBool(s)
			if !ok {
				errs.add(file, v, msgTestBool, k.Value)
			}
			e.TugasBelajar = b
		default:
			errs.unknownKey(file, k, employeeFields)
		}
	})
}

var positionFields = []string{"jabatan_id", "unit_id", "nama", "jenis_jabatan", "jenjang", "kebutuhan", "pemangku",
	"beban_kerja_jam", "pendidikan_min", "rumpun_pendidikan", "golongan_min"}

func decodePosition(file string, m *yaml.Node, p *mutasi.Position, errs *problemList) {
	if m.Kind != yaml.MappingNode {
		errs.add(file, m, msgTestSection, "jabatan")
		return
	}
	forEachKey(m, func(k, v *yaml.Node) {
		if k.Value == "rumpun_pendidikan" {
			p.RumpunPendidikan = nil
			switch v.Kind {
			case yaml.SequenceNode:
				for _, e := range v.Content {
					p.RumpunPendidikan = append(p.RumpunPendidikan, scalar(file, e, errs))
				}
			default:
				for _, s := range strings.Split(scalar(file, v, errs), ";") {
					if s = strings.TrimSpace(s); s != "" {
						p.RumpunPendidikan = append(p.RumpunPendidikan, s)
					}
				}
			}
			return
		}
		s := scalar(file, v, errs)
		switch k.Value {
		case "jabatan_id":
			p.ID = s
		case "unit_id":
			p.UnitID = s
		case "nama":
			p.Nama = s
		case "jenis_jabatan":
			p.Jenis = mutasi.JenisJabatan(s)
		case "jenjang":
			p.Jenjang = s
		case "kebutuhan":
			p.Kebutuhan = atoi(file, v, s, errs)
		case "pemangku":
			p.Holders = atoi(file, v, s, errs)
		case "beban_kerja_jam":
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				errs.add(file, v, msgTestNumber, k.Value)
			}
			p.BebanKerjaJam = f
		case "pendidikan_min":
			p.PendidikanMin = s
		case "golongan_min":
			p.GolonganMin = s
		default:
			errs.unknownKey(file, k, positionFields)
		}
	})
}

func atoi(file string, v *yaml.Node, s string, errs *problemList) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		errs.add(file, v, msgTestNumber, s)
	}
	return n
}
