package mutasi

// Education levels (jenjang pendidikan), lowest first.
const (
	PendidikanSD  = "SD"
	PendidikanSMP = "SMP"
	PendidikanSMA = "SMA"
	PendidikanD1  = "D1"
	PendidikanD2  = "D2"
	PendidikanD3  = "D3"
	PendidikanD4  = "D4"
	PendidikanS1  = "S1"
	PendidikanS2  = "S2"
	PendidikanS3  = "S3"
)

var educationRank = map[string]int{
	PendidikanSD: 1, PendidikanSMP: 2, PendidikanSMA: 3,
	PendidikanD1: 4, PendidikanD2: 5, PendidikanD3: 6,
	// D4 counts as S1 for every requirement (Permendikbud on KKNI level 6).
	PendidikanD4: 7, PendidikanS1: 7,
	PendidikanS2: 8, PendidikanS3: 9,
}

// EducationLevels lists the levels in ascending order.
func EducationLevels() []string {
	return []string{PendidikanSD, PendidikanSMP, PendidikanSMA, PendidikanD1, PendidikanD2,
		PendidikanD3, PendidikanD4, PendidikanS1, PendidikanS2, PendidikanS3}
}

// EducationRank returns the rank of a level for comparisons (D4 = S1), or 0
// for an unknown level.
func EducationRank(level string) int { return educationRank[level] }
