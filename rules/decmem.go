package rules

import (
	"math/bits"
	"reflect"
	"sync/atomic"
	"unsafe"
)

// decisionMem allocates what a Decision owns — its rule results, its score
// parts and the bytes of its messages — as one object, where separate
// slices and a string would cost three allocations. The object's type is a
// struct built with reflect.StructOf,
//
//	struct { R [rules]RuleResult; P [terms]ScorePart; B [capacity]byte }
//
// so the garbage collector knows where its pointers are and does not scan
// the message bytes at the end. The capacity is rounded up to one of eight
// steps per power of two, and a type is built once per capacity a policy
// meets. Each Decision gets a new object: nothing is pooled or reused, so a
// Decision stays valid and unchanged forever.
//
// The rule results and score parts start as copies of prototypes holding
// what never changes (rule, id, declared severity; term), one bulk copy
// instead of a store per field.
type decisionMem struct {
	nr, nt     int
	protoRules []RuleResult
	protoParts []ScorePart
	partOff    uintptr
	byteOff    uintptr
	types      [64 * 8]atomic.Pointer[memType] // by capacity class (memClass)
}

type memType struct {
	typ      reflect.Type
	capacity int
}

func (m *decisionMem) init(rules []*Rule, terms []*Term) {
	m.nr, m.nt = len(rules), len(terms)
	m.protoRules = make([]RuleResult, len(rules))
	for i, r := range rules {
		m.protoRules[i] = RuleResult{Rule: r, ID: r.ID, Severity: r.Severity}
	}
	m.protoParts = make([]ScorePart, len(terms))
	for i, t := range terms {
		m.protoParts[i] = ScorePart{Term: t}
	}
	t := m.structOf(0)
	m.partOff, m.byteOff = t.Field(1).Offset, t.Field(2).Offset
}

func (m *decisionMem) structOf(capacity int) reflect.Type {
	return reflect.StructOf([]reflect.StructField{
		{Name: "R", Type: reflect.ArrayOf(m.nr, reflect.TypeFor[RuleResult]())},
		{Name: "P", Type: reflect.ArrayOf(m.nt, reflect.TypeFor[ScorePart]())},
		{Name: "B", Type: reflect.ArrayOf(capacity, reflect.TypeFor[byte]())},
	})
}

// memClass rounds n up to a capacity class (at most an eighth more) and
// returns the class's index.
func memClass(n int) (capacity, index int) {
	if n <= 128 {
		return 128, 0
	}
	l := bits.Len(uint(n - 1)) // n is in (2^(l-1), 2^l]
	step := 1 << (l - 4)
	capacity = (n + step - 1) &^ (step - 1) // 9 to 16 steps
	return capacity, l*8 + capacity>>(l-4) - 9
}

// alloc returns rule results and score parts copied from the prototypes
// and a message buffer of length n, all in one new object.
func (m *decisionMem) alloc(n int) ([]RuleResult, []ScorePart, []byte) {
	capacity, ci := memClass(n)
	mt := m.types[ci].Load()
	if mt == nil {
		mt = &memType{typ: m.structOf(capacity), capacity: capacity}
		m.types[ci].Store(mt) // racing stores build equal types; either will do
	}
	base := reflect.New(mt.typ).UnsafePointer()
	rules := unsafe.Slice((*RuleResult)(base), m.nr)
	parts := unsafe.Slice((*ScorePart)(unsafe.Add(base, m.partOff)), m.nt)
	buf := unsafe.Slice((*byte)(unsafe.Add(base, m.byteOff)), capacity)[:n:n]
	copy(rules, m.protoRules)
	copy(parts, m.protoParts)
	return rules, parts, buf
}
