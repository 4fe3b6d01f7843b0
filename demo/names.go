package demo

import (
	"math/rand/v2"
	"strings"

	"github.com/mutasi/mutasi"
)

var (
	maleFirst = []string{"Ahmad", "Budi", "Agus", "Dedi", "Eko", "Hendra", "Rudi", "Andi", "Rizky", "Fajar", "Yusuf",
		"Irfan", "Hadi", "Bambang", "Joko", "Wahyu", "Dimas", "Arif", "Taufik", "Muhammad", "Bayu", "Heru", "Iwan",
		"Slamet", "Yudi", "Asep", "Dadang", "Ujang", "Teguh", "Rahmat", "Ilham", "Fikri", "Gilang", "Hasan", "Imam",
		"Lukman", "Mulyadi", "Nanang", "Putu", "Made", "Ketut", "Rian", "Sigit", "Tri", "Wawan", "Zainal", "Aditya",
		"Bagus", "Cahyo", "Doni", "Erwin", "Ferry", "Galih", "Hery", "Indra", "Jefri", "Kurnia", "Lutfi", "Maman"}
	femaleFirst = []string{"Siti", "Sri", "Dewi", "Rina", "Nur", "Ani", "Fitri", "Ratna", "Yuliana", "Indah", "Putri",
		"Wulan", "Ayu", "Lestari", "Maya", "Nurul", "Dian", "Novi", "Eka", "Rahma", "Aisyah", "Anisa", "Desi", "Endang",
		"Fatimah", "Heni", "Ika", "Juwita", "Kartika", "Lina", "Mega", "Nia", "Oktavia", "Puspita", "Rini", "Sari",
		"Tuti", "Umi", "Vivi", "Winda", "Yanti", "Zahra", "Nining", "Euis", "Cucu", "Neneng", "Ni Luh", "Ni Made",
		"Rosita", "Suci", "Tia", "Uswatun", "Vera", "Wahyuni", "Yuni", "Erna", "Halimah", "Intan", "Lilis"}
	maleLast = []string{"Saputra", "Pratama", "Hidayat", "Santoso", "Setiawan", "Kurniawan", "Nugroho", "Wibowo",
		"Firmansyah", "Gunawan", "Susanto", "Hakim", "Ramadhan", "Maulana", "Prasetyo", "Syahputra", "Hermawan",
		"Sutrisno", "Wijaya", "Purnomo", "Suryadi", "Effendi", "Rahman", "Hasibuan", "Siregar", "Nasution", "Lubis",
		"Harahap", "Sinaga", "Simanjuntak", "Tambunan", "Pane", "Sembiring", "Ginting", "Tarigan", "Pangaribuan",
		"Situmorang", "Daulay", "Mahendra", "Permana", "Sudrajat", "Sugiarto", "Kusuma", "Anwar", "Fauzi"}
	femaleLast = []string{"Lestari", "Wati", "Handayani", "Rahmawati", "Susanti", "Purnamasari", "Puspitasari",
		"Wulandari", "Anggraini", "Safitri", "Permatasari", "Kusumawati", "Maharani", "Oktaviani", "Fitriani",
		"Nurhayati", "Yuliani", "Setyaningsih", "Astuti", "Rahayu", "Utami", "Suryani", "Kurniasih", "Hasanah",
		"Siregar", "Nasution", "Lubis", "Harahap", "Sinaga", "Simanjuntak", "Sembiring", "Ginting", "Novitasari",
		"Agustina", "Damayanti", "Ningsih", "Pertiwi", "Sulistyowati", "Ramadhani", "Aprilia", "Marlina"}
)

// personName draws a name with the degree titles that go with the
// employee's education, as names appear in personnel records.
func personName(r *rand.Rand, female bool, level, major string) string {
	first, last := maleFirst, maleLast
	if female {
		first, last = femaleFirst, femaleLast
	}
	var b strings.Builder
	fam := familyOfMajor(major)
	doctor := fam == famKedokteran || fam == famKedokteranGig
	if level == mutasi.PendidikanS3 {
		b.WriteString("Dr. ")
	}
	if doctor && mutasi.EducationRank(level) >= mutasi.EducationRank(mutasi.PendidikanS1) {
		if fam == famKedokteranGig {
			b.WriteString("drg. ")
		} else {
			b.WriteString("dr. ")
		}
	}
	b.WriteString(pick(r, first))
	switch n := r.IntN(10); {
	case n < 6:
		b.WriteByte(' ')
		b.WriteString(pick(r, last))
	case n < 8:
		b.WriteByte(' ')
		b.WriteString(pick(r, first))
		b.WriteByte(' ')
		b.WriteString(pick(r, last))
	}
	var title string
	f, ok := families[familyIndex[fam]], fam != ""
	switch level {
	case mutasi.PendidikanD3:
		title = "A.Md."
	case mutasi.PendidikanD4:
		title = "S.Tr."
	case mutasi.PendidikanS1:
		if ok {
			title = f.s1
		}
	case mutasi.PendidikanS2, mutasi.PendidikanS3:
		if ok {
			title = f.s1
			if title != "" {
				title += ", "
			}
			title += f.s2
		}
	}
	if title != "" {
		b.WriteString(", ")
		b.WriteString(title)
	}
	return b.String()
}

// familyOfMajor returns the family the generator drew major from, or "".
func familyOfMajor(major string) string { return majorFamily[major] }

var majorFamily = func() map[string]string {
	m := map[string]string{}
	for _, f := range families {
		for _, j := range f.higher {
			m[j] = f.name
		}
		for _, j := range f.secondary {
			m[j] = f.name
		}
	}
	m["Kedokteran Hewan"] = famKedokteran
	return m
}()
