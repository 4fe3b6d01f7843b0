package mutasi

// Golongan ranks. A PNS holds I/a … IV/e, a PPPK I … XVII. Ranks of the two
// scales are not comparable: GolonganRank returns them on separate scales
// and callers compare only within one.
var (
	golonganPNS = []string{
		"I/a", "I/b", "I/c", "I/d",
		"II/a", "II/b", "II/c", "II/d",
		"III/a", "III/b", "III/c", "III/d",
		"IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
	}
	golonganPPPK = []string{
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
		"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
	}
	golonganPNSRank  = rankOf(golonganPNS)
	golonganPPPKRank = rankOf(golonganPPPK)
)

func rankOf(list []string) map[string]int {
	m := make(map[string]int, len(list))
	for i, s := range list {
		m[s] = i + 1
	}
	return m
}

// GolonganPNS lists the PNS ranks in ascending order.
func GolonganPNS() []string { return append([]string(nil), golonganPNS...) }

// GolonganPPPK lists the PPPK grades in ascending order.
func GolonganPPPK() []string { return append([]string(nil), golonganPPPK...) }

// GolonganRank returns the 1-based rank of g in the scale of status (PNS:
// I/a=1 … IV/e=17; PPPK: I=1 … XVII=17), or 0 if g is not on that scale.
func GolonganRank(status Status, g string) int {
	if status == StatusPPPK {
		return golonganPPPKRank[g]
	}
	return golonganPNSRank[g]
}
