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

// EducationLevels lists the levels in ascending order.
func EducationLevels() []string {
	return []string{PendidikanSD, PendidikanSMP, PendidikanSMA, PendidikanD1, PendidikanD2,
		PendidikanD3, PendidikanD4, PendidikanS1, PendidikanS2, PendidikanS3}
}

// EducationRank returns the rank of a level for comparisons (D4 = S1), or 0
// for an unknown level. A switch, not a map: it runs in every decision.
func EducationRank(level string) int {
	switch level {
	case PendidikanSD:
		return 1
	case PendidikanSMP:
		return 2
	case PendidikanSMA:
		return 3
	case PendidikanD1:
		return 4
	case PendidikanD2:
		return 5
	case PendidikanD3:
		return 6
	case PendidikanD4, PendidikanS1:
		// D4 counts as S1 for every requirement (KKNI level 6).
		return 7
	case PendidikanS2:
		return 8
	case PendidikanS3:
		return 9
	}
	return 0
}
