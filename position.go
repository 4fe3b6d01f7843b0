package mutasi

import "math"

// JenisJabatan is the kind of a position.
type JenisJabatan string

const (
	JenisJPT           JenisJabatan = "jpt"
	JenisAdministrator JenisJabatan = "administrator"
	JenisPengawas      JenisJabatan = "pengawas"
	JenisPelaksana     JenisJabatan = "pelaksana"
	JenisFungsional    JenisJabatan = "fungsional"
)

// JenisJabatanList lists the kinds of position.
func JenisJabatanList() []JenisJabatan {
	return []JenisJabatan{JenisJPT, JenisAdministrator, JenisPengawas, JenisPelaksana, JenisFungsional}
}

// Levels (jenjang) of a functional position, lowest first.
const (
	JenjangTerampil    = "terampil"
	JenjangMahir       = "mahir"
	JenjangPenyelia    = "penyelia"
	JenjangAhliPertama = "ahli_pertama"
	JenjangAhliMuda    = "ahli_muda"
	JenjangAhliMadya   = "ahli_madya"
	JenjangAhliUtama   = "ahli_utama"
)

// JenjangFungsional lists the functional levels, lowest first.
func JenjangFungsional() []string {
	return []string{JenjangTerampil, JenjangMahir, JenjangPenyelia, JenjangAhliPertama,
		JenjangAhliMuda, JenjangAhliMadya, JenjangAhliUtama}
}

// DefaultEffectiveHours is the yearly effective working time of one holder
// (PermenPAN-RB 1/2020). Policies override it; it is the default only where
// no policy is loaded.
const DefaultEffectiveHours = 1250

// Position is a post (jabatan) in a unit, with its ABK figures.
type Position struct {
	ID               string // jabatan_id
	UnitID           string
	Nama             string
	Jenis            JenisJabatan
	Jenjang          string // functional level; "" for other kinds
	Kebutuhan        int    // holders needed, from ABK
	BebanKerjaJam    float64
	PendidikanMin    string   // minimum education level, "" for none
	RumpunPendidikan []string // accepted education families or majors; empty accepts any
	GolonganMin      string   // minimum PNS rank, "" for none
	// Holders is the number of active employees in the position. It is
	// derived by the store, never imported.
	Holders int
	Active  bool
}

// Vacancy is kebutuhan minus holders; negative when overstaffed.
func (p *Position) Vacancy() int { return p.Kebutuhan - p.Holders }

// EJ returns the job efficiency (efisiensi jabatan) with the given number
// of holders: workload hours / (holders × effective hours), rounded half up
// to two decimals as ABK figures are published and graded, on the decimal
// value (1.005 is 1.01; see ejround.go). Rounding here, once, means a rule,
// its message, the grade and the stats all see the same number: an EJ of
// 1.004 is 1.00 everywhere, not "1" in a message that blocks for exceeding
// 1. A position with work and no holder is infinitely overloaded (+Inf);
// one with neither, 0.
func EJ(workloadHours float64, holders int, effectiveHours float64) float64 {
	if holders <= 0 {
		if workloadHours > 0 {
			return math.Inf(1)
		}
		return 0
	}
	q := workloadHours / (float64(holders) * effectiveHours) * 100
	if !nearTie(q) || workloadHours < 0 || !(effectiveHours > 0) {
		return math.Round(q) / 100
	}
	if r, ok := ejHundredths(workloadHours, holders, effectiveHours); ok {
		return float64(r) / 100
	}
	return exactHundredths(workloadHours, holders, effectiveHours)
}

// EJ is the position's current job efficiency.
func (p *Position) EJ(effectiveHours float64) float64 {
	return EJ(p.BebanKerjaJam, p.Holders, effectiveHours)
}

// EJGrade returns the grade of a job efficiency (PermenPAN-RB 1/2020):
// A > 1.0, B 0.81–1.0, C 0.66–0.80, D 0.50–0.65, E < 0.50. Bounds are
// compared on two decimals, as the figures are published, rounded half up
// on the decimal value (0.495 is 0.50, grade D).
func EJGrade(ej float64) string {
	if math.IsInf(ej, 1) {
		return "A"
	}
	r := math.Round(ej*100) / 100
	if nearTie(ej * 100) {
		r = gradeHundredths(ej)
	}
	switch {
	case r > 1.0:
		return "A"
	case r >= 0.81:
		return "B"
	case r >= 0.66:
		return "C"
	case r >= 0.50:
		return "D"
	default:
		return "E"
	}
}

// Validate checks the position on its own; the store checks that its unit
// exists.
func (p *Position) Validate() error {
	var pr problems
	checkID(&pr, "jabatan_id", p.ID)
	checkID(&pr, "unit_id", p.UnitID)
	if p.Nama == "" {
		pr.add("nama", "wajib diisi")
	}
	checkText(&pr, "nama", p.Nama, false)
	switch p.Jenis {
	case JenisJPT, JenisAdministrator, JenisPengawas, JenisPelaksana:
		if p.Jenjang != "" {
			pr.add("jenjang", "hanya diisi untuk jabatan fungsional, bukan %s", p.Jenis)
		}
	case JenisFungsional:
		if p.Jenjang == "" {
			pr.add("jenjang", "wajib diisi untuk jabatan fungsional (salah satu dari %s)", joinList(JenjangFungsional()))
		} else if !contains(JenjangFungsional(), p.Jenjang) {
			pr.add("jenjang", "%q tidak dikenal; pilihan: %s", p.Jenjang, joinList(JenjangFungsional()))
		}
	case "":
		pr.add("jenis_jabatan", "wajib diisi")
	default:
		pr.add("jenis_jabatan", "%q tidak dikenal; pilihan: jpt, administrator, pengawas, pelaksana, fungsional", string(p.Jenis))
	}
	if p.Kebutuhan < 0 {
		pr.add("kebutuhan", "tidak boleh negatif (%d)", p.Kebutuhan)
	}
	if p.BebanKerjaJam < 0 || math.IsNaN(p.BebanKerjaJam) || math.IsInf(p.BebanKerjaJam, 0) {
		pr.add("beban_kerja_jam", "harus bilangan tidak negatif (%v)", p.BebanKerjaJam)
	}
	if p.PendidikanMin != "" && EducationRank(p.PendidikanMin) == 0 {
		pr.add("pendidikan_min", "%q tidak dikenal; pilihan: %s", p.PendidikanMin, joinList(EducationLevels()))
	}
	for _, r := range p.RumpunPendidikan {
		if r == "" {
			pr.add("rumpun_pendidikan", "berisi unsur kosong (periksa tanda ';')")
			break
		}
	}
	if p.GolonganMin != "" && GolonganRank(StatusPNS, p.GolonganMin) == 0 {
		pr.add("golongan_min", "%q bukan golongan PNS (I/a … IV/e)", p.GolonganMin)
	}
	return pr.err()
}
