package demo

import "math/rand/v2"

// Streams separate the random sequences of the generator, so that adding a
// draw to one part (say, aspirations) leaves every other part unchanged.
const (
	streamStructure   = 1
	streamEmployee    = 2
	streamAspiration  = 3
	streamGap         = 4 // deliberate gaps in employees (gaps.go)
	streamPositionGap = 5 // deliberate gaps in positions
)

// mix is SplitMix64's finaliser: it spreads consecutive stream numbers over
// the whole seed space, so that neighbouring employees get unrelated PCG
// states.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newRand returns a generator for one stream of one seed.
func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(mix(seed), mix(stream)))
}

// reseeder hands out a fresh sequence per item (employee i) without
// allocating a generator per item.
type reseeder struct {
	pcg  *rand.PCG
	r    *rand.Rand
	seed uint64
}

func newReseeder(seed uint64) *reseeder {
	pcg := rand.NewPCG(0, 0)
	return &reseeder{pcg: pcg, r: rand.New(pcg), seed: mix(seed)}
}

// at seeds the generator for item i of a stream and returns it.
func (s *reseeder) at(stream uint64, i int) *rand.Rand {
	s.pcg.Seed(s.seed, mix(stream<<40^uint64(i)))
	return s.r
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a uniform float in [lo, hi).
func between(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

// intBetween returns a uniform int in [lo, hi]; lo when hi < lo.
func intBetween(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// pick returns a uniform element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// weighted returns an index drawn with the given weights.
func weighted(r *rand.Rand, weights []float64) int {
	var total float64
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}
