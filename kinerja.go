package mutasi

// Performance ratings (predikat kinerja, PermenPAN-RB 6/2022), best first.
const (
	KinerjaSangatBaik     = "Sangat Baik"
	KinerjaBaik           = "Baik"
	KinerjaButuhPerbaikan = "Butuh Perbaikan"
	KinerjaKurang         = "Kurang"
	KinerjaSangatKurang   = "Sangat Kurang"
)

// KinerjaRatings lists the ratings, best first.
func KinerjaRatings() []string {
	return []string{KinerjaSangatBaik, KinerjaBaik, KinerjaButuhPerbaikan, KinerjaKurang, KinerjaSangatKurang}
}

// KinerjaRank returns 5 for Sangat Baik down to 1 for Sangat Kurang, 0 for
// an empty or unknown rating.
func KinerjaRank(rating string) int {
	switch rating {
	case KinerjaSangatBaik:
		return 5
	case KinerjaBaik:
		return 4
	case KinerjaButuhPerbaikan:
		return 3
	case KinerjaKurang:
		return 2
	case KinerjaSangatKurang:
		return 1
	}
	return 0
}
