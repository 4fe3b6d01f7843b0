package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
)

// File is one policy file's name (as shown in messages) and content.
type File struct {
	Name string
	Data []byte
}

// Policy is a compiled rule set. It is immutable once compiled and safe for
// concurrent use.
type Policy struct {
	Name        string
	Version     string // as declared in the files
	Description string
	Effective   time.Time
	Hash        string // sha256 of the files, hex
	Params      map[string]any
	Rules       []*Rule
	Terms       []*Term
	Reference   *Reference // nil when the directory has no reference file
	Files       []string

	paramSpecs []*paramSpec
	ce         *compileEnv
	fp         factParams
	pool       evaluatorPool
	proto      decisionProto
	versionID  string
	forceVM    bool // tests and baseline benchmarks: run every expression on the expr VM
}

// Rule is one compiled rule.
type Rule struct {
	ID       string
	Title    string
	Basis    string
	Severity Severity
	File     string
	Line     int
	Source   RuleSource // as written, so that a change can be shown

	when, require, warnUnless *program
	message, messageFailed    *template
	class                     exprClass
	guard                     guard // of when, require and warn_unless
	block                     bool  // Severity is block
}

// RuleSource is the text of a rule's expressions and messages as written
// in its file ("" for an absent key), kept so that `rules diff` can say
// which rules changed and where.
type RuleSource struct {
	When, Require, WarnUnless, Message, MessageFailed string
}

// TermSource is the text of a scoring term's expressions as written.
type TermSource struct {
	When, Value string
}

func srcText(e *exprSrc) string {
	if e == nil {
		return ""
	}
	return e.text
}

// Term is one weighted part of the score.
type Term struct {
	ID     string
	Title  string
	Weight float64
	File   string
	Line   int
	Source TermSource // as written

	value, when *program
	class       exprClass
	guard       guard // of when and value
	weightLine  int
	weightCol   int
}

// exprClass says what a rule or term depends on, so that a batch evaluates
// it once per target, once per employee, or once per pair.
type exprClass uint8

const (
	classConst   exprClass = 0
	classSubject exprClass = 1 << iota // reads employee, current or aspiration
	classTarget                        // mentions target
)

func classOf(ps ...*program) exprClass {
	var c exprClass
	for _, p := range ps {
		if p == nil {
			continue
		}
		if p.roots[idxEmployee] || p.roots[idxCurrent] || p.roots[idxAspiration] {
			c |= classSubject
		}
		if p.roots[idxTarget] {
			c |= classTarget
		}
	}
	return c
}

// VersionID is what decisions carry as policy_version: the declared version
// and the first 12 hex digits of the content hash.
func (p *Policy) VersionID() string { return p.versionID }

// Rule returns the rule with the given id, or nil.
func (p *Policy) Rule(id string) *Rule {
	for _, r := range p.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// isTestFile reports whether a file name is a policy test file.
func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.yaml") }

// policyFiles lists the policy files of dir (*.yaml but not tests and not
// the reference file), sorted.
func policyFiles(dir string) (policy []string, ref string, tests []string, err error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, "", nil, err
	}
	sort.Strings(matches)
	for _, m := range matches {
		switch base := filepath.Base(m); {
		case base == ReferenceFile:
			ref = m
		case isTestFile(base):
			tests = append(tests, m)
		default:
			policy = append(policy, m)
		}
	}
	return policy, ref, tests, nil
}

// LoadDir loads and compiles the policy in dir: every *.yaml except tests
// (*_test.yaml) and the reference file rumpun_pendidikan.yaml, which is
// read when present.
func LoadDir(dir string) (*Policy, error) {
	names, refName, _, err := policyFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		var errs problemList
		errs.addAt(dir, 0, 0, msgNoPolicyFiles, dir)
		return nil, errs.err()
	}
	files := make([]File, 0, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: n, Data: data})
	}
	var ref *File
	if refName != "" {
		data, err := os.ReadFile(refName)
		if err != nil {
			return nil, err
		}
		ref = &File{Name: refName, Data: data}
	}
	return Compile(files, ref)
}

// Compile compiles a policy from its files and the optional reference file.
// It reports every problem it finds (not only the first), each with file,
// line and column.
func Compile(files []File, refFile *File) (*Policy, error) {
	var errs problemList
	var ref *Reference
	h := sha256.New()
	if refFile != nil {
		r, err := ParseReference(refFile.Name, refFile.Data)
		if err != nil {
			if le, ok := err.(*LoadError); ok {
				errs = append(errs, le.Problems...)
			} else {
				return nil, err
			}
		}
		ref = r
	}
	spec := &policySpec{}
	for _, f := range files {
		parsePolicyFile(spec, newSource(f.Name, f.Data), f.Data, &errs)
	}
	// The hash covers contents and base names in a fixed order, so that the
	// same files give the same version wherever they are checked out.
	for _, f := range append(append([]File(nil), files...), fileOrEmpty(refFile)...) {
		h.Write([]byte(filepath.Base(f.Name)))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	p := &Policy{
		Name: spec.name, Version: spec.version, Description: spec.description,
		Effective: spec.effective, Hash: hex.EncodeToString(h.Sum(nil)),
		Params: map[string]any{}, Reference: ref, paramSpecs: spec.params,
	}
	for _, f := range files {
		p.Files = append(p.Files, f.Name)
	}
	if spec.headerSrc == nil {
		if len(files) > 0 && !spec.unreadable {
			errs.addAt(files[0].Name, 0, 0, msgNoHeader)
		}
	} else {
		hf := spec.headerSrc.name
		if spec.name == "" {
			errs.addAt(hf, 0, 0, msgNoName)
		}
		if spec.version == "" {
			errs.addAt(hf, 0, 0, msgNoVersion)
		}
		if spec.effective.IsZero() {
			errs.addAt(hf, 0, 0, msgNoEffective)
		}
	}
	seenParam := map[string]*paramSpec{}
	var params []*paramSpec
	for _, ps := range spec.params {
		if prev, dup := seenParam[ps.name]; dup {
			errs.add(ps.src.name, ps.node, msgDupParam, ps.name, prev.src.name, prev.node.Line)
			continue
		}
		seenParam[ps.name] = ps
		params = append(params, ps)
		p.Params[ps.name] = ps.value
	}
	p.paramSpecs = params
	p.fp = newFactParams(p.Params)
	ce := newCompileEnv(params, ref, &p.fp)
	p.ce = ce

	if len(spec.rules) > MaxRules {
		errs.addAt(spec.rules[MaxRules].src.name, spec.rules[MaxRules].node.Line, 0, msgTooManyRules, mutasi.FormatInt(len(spec.rules)), mutasi.FormatInt(MaxRules))
		return nil, errs.err()
	}
	seenRule := map[string]*ruleSpec{}
	for _, rs := range spec.rules {
		if rs.id != "" {
			if prev, dup := seenRule[rs.id]; dup {
				errs.add(rs.src.name, rs.idNode, msgDupRule, rs.id, prev.src.name, prev.idNode.Line)
				continue
			}
			seenRule[rs.id] = rs
		}
		label := "aturan " + rs.id
		r := &Rule{ID: rs.id, Title: rs.title, Basis: rs.basis, Severity: rs.severity, File: rs.src.name, Line: rs.node.Line,
			Source: RuleSource{When: srcText(rs.when), Require: srcText(rs.require), WarnUnless: srcText(rs.warnUnless),
				Message: srcText(rs.message), MessageFailed: srcText(rs.msgFailed)}}
		r.when = ce.compile(rs.when, kBool, label+": when", &errs)
		r.require = ce.compile(rs.require, kBool, label+": require", &errs)
		r.warnUnless = ce.compile(rs.warnUnless, kBool, label+": warn_unless", &errs)
		r.message = ce.compileTemplate(rs.message, label+": message", &errs)
		r.messageFailed = ce.compileTemplate(rs.msgFailed, label+": message_failed", &errs)
		r.class = classOf(r.when, r.require, r.warnUnless)
		r.guard = newGuard(r.when, r.require, r.warnUnless)
		r.block = r.Severity == SeverityBlock
		p.Rules = append(p.Rules, r)
	}
	seenTerm := map[string]*termSpec{}
	for _, ts := range spec.terms {
		if ts.id != "" {
			if prev, dup := seenTerm[ts.id]; dup {
				errs.add(ts.src.name, ts.node, msgDupTerm, ts.id, prev.src.name, prev.node.Line)
				continue
			}
			seenTerm[ts.id] = ts
		}
		label := "scoring " + ts.id
		t := &Term{ID: ts.id, Title: ts.title, Weight: ts.weight, File: ts.src.name, Line: ts.node.Line,
			Source: TermSource{When: srcText(ts.when), Value: srcText(ts.value)}}
		if ts.weightAt != nil {
			t.weightLine, t.weightCol = ts.weightAt.Line, ts.weightAt.Column
		}
		t.value = ce.compile(ts.value, kFloat, label+": value", &errs)
		t.when = ce.compile(ts.when, kBool, label+": when", &errs)
		t.class = classOf(t.value, t.when)
		t.guard = newGuard(t.when, t.value)
		p.Terms = append(p.Terms, t)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	p.versionID = p.Version + "+" + p.Hash[:12]
	p.pool.init(p)
	p.proto = newDecisionProto(p.Rules, p.Terms)
	return p, nil
}

func fileOrEmpty(f *File) []File {
	if f == nil {
		return nil
	}
	return []File{*f}
}

func newFactParams(params map[string]any) factParams {
	var fp factParams
	if h, ok := number(params[paramJamEfektif]); ok && h > 0 {
		fp.hours, fp.hoursOK = h, true
	}
	fp.bupOK = true
	for name, dst := range map[string]*int{paramBUPUmum: &fp.bupUmum, paramBUPJPT: &fp.bupJPT,
		paramBUPAhliMadya: &fp.bupMadya, paramBUPAhliUtama: &fp.bupUtama} {
		v, ok := params[name].(int)
		if !ok {
			fp.bupOK = false
			continue
		}
		*dst = v
	}
	return fp
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
