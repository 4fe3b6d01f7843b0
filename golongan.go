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
)

// GolonganPNS lists the PNS ranks in ascending order.
func GolonganPNS() []string { return append([]string(nil), golonganPNS...) }

// GolonganPPPK lists the PPPK grades in ascending order.
func GolonganPPPK() []string { return append([]string(nil), golonganPPPK...) }

// GolonganRank returns the 1-based rank of g in the scale of status (PNS:
// I/a=1 … IV/e=17; PPPK: I=1 … XVII=17), or 0 if g is not on that scale.
// It parses rather than looks up: it runs several times in every decision.
func GolonganRank(status Status, g string) int {
	if status == StatusPPPK {
		return romanRank(g)
	}
	// PNS: a roman group I–IV, a slash, a room a–d (a–e in group IV).
	slash := len(g) - 2
	if slash < 1 || g[slash] != '/' {
		return 0
	}
	group := romanRank(g[:slash])
	room := int(g[slash+1]) - 'a'
	last := 3
	if group == 4 {
		last = 4
	}
	if group < 1 || group > 4 || room < 0 || room > last {
		return 0
	}
	return (group-1)*4 + room + 1
}

// romanRank returns the value of the PPPK grade numerals I … XVII, 0 for
// anything else.
func romanRank(s string) int {
	switch s {
	case "I":
		return 1
	case "II":
		return 2
	case "III":
		return 3
	case "IV":
		return 4
	case "V":
		return 5
	case "VI":
		return 6
	case "VII":
		return 7
	case "VIII":
		return 8
	case "IX":
		return 9
	case "X":
		return 10
	case "XI":
		return 11
	case "XII":
		return 12
	case "XIII":
		return 13
	case "XIV":
		return 14
	case "XV":
		return 15
	case "XVI":
		return 16
	case "XVII":
		return 17
	}
	return 0
}
