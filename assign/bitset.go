package assign

import "math/bits"

// bitset is a set of edge indices.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(x int) bool { return b[x>>6]&(1<<(uint(x)&63)) != 0 }

func (b bitset) add(x int) { b[x>>6] |= 1 << (uint(x) & 63) }

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls f for every member, ascending.
func (b bitset) each(f func(x int)) {
	for w, word := range b {
		for ; word != 0; word &= word - 1 {
			f(w<<6 + bits.TrailingZeros64(word))
		}
	}
}
