package mutasi

// Performance ratings (predikat kinerja, PermenPAN-RB 6/2022), best first.
const (
	KinerjaSangatBaik     = "Sangat Baik"
	KinerjaBaik           = "Baik"
	KinerjaButuhPerbaikan = "Butuh Perbaikan"
	KinerjaKurang         = "Kurang"
	KinerjaSangatKurang   = "Sangat Kurang"
)

var kinerjaRank = map[string]int{
	KinerjaSangatKurang: 1, KinerjaKurang: 2, KinerjaButuhPerbaikan: 3,
	KinerjaBaik: 4, KinerjaSangatBaik: 5,
}

// KinerjaRatings lists the ratings, best first.
func KinerjaRatings() []string {
	return []string{KinerjaSangatBaik, KinerjaBaik, KinerjaButuhPerbaikan, KinerjaKurang, KinerjaSangatKurang}
}

// KinerjaRank returns 5 for Sangat Baik down to 1 for Sangat Kurang, 0 for
// an empty or unknown rating.
func KinerjaRank(rating string) int { return kinerjaRank[rating] }
