package mutasi

// Unit is an organisational unit (perangkat daerah, bidang, kecamatan ...).
// Units form a tree through IndukID.
type Unit struct {
	ID      string // unit_id
	Nama    string
	IndukID string // parent unit, "" for a root
	// Active is false once a --replace import no longer lists the unit; it is
	// kept because positions, proposals and history may refer to it.
	Active bool
}

// Validate checks the unit on its own; the store checks that the parent
// exists and that no unit is its own ancestor.
func (u *Unit) Validate() error {
	var p problems
	checkID(&p, "unit_id", u.ID)
	if u.Nama == "" {
		p.add("nama", "wajib diisi")
	}
	checkText(&p, "nama", u.Nama, false)
	if u.IndukID != "" {
		if !validID(u.IndukID) {
			p.add("induk_id", "%q bukan kode unit yang sah", u.IndukID)
		} else if u.IndukID == u.ID {
			p.add("induk_id", "unit %s tidak boleh menjadi induk dirinya sendiri", u.ID)
		}
	}
	return p.err()
}
