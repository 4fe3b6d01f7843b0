package rules

import (
	"testing"

	"github.com/mutasi/mutasi"
)

// TestTargetNilGuardedReads: an expression that reads the target only
// behind its own nil check (`target != nil && target.x`, `target == nil ||
// target.x`, `target == nil ? … : target.x`) answers the general question
// instead of failing it for want of a target.
func TestTargetNilGuardedReads(t *testing.T) {
	policy := testHeader +
		rule("jpt-masa-kerja", "    when: employee.status == 'PNS' && target != nil && target.jenis_jabatan == 'jpt'\n    require: employee.masa_kerja_tahun >= 10\n    severity: block\n") +
		rule("lowongan", "    require: target == nil || target.lowongan >= 1\n    severity: block\n") +
		rule("pendidikan", "    require: not (target != nil) or pendidikan_sesuai(employee, target)\n    severity: block\n") +
		"  - id: pesan\n    title: Uji\n    require: \"true\"\n    severity: info\n    message: \"{{ target == nil ? 'umum' : target.nama }}\"\n    basis: PP\n" +
		rule("tanpa-penjaga", "    require: target.lowongan >= 1\n    severity: block\n")
	p, err := Compile([]File{{Name: "uji.yaml", Data: []byte(policy)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	emp := &mutasi.Employee{NIP: "199004122015032001", Status: mutasi.StatusPNS, TMTCPNS: benchToday.AddDate(-3, 0, 0),
		PendidikanJurusan: "Sastra Inggris"}
	s := Subject{Employee: emp, Current: &mutasi.Position{ID: "J1", Holders: 1}}
	jpt := &Target{Position: &mutasi.Position{ID: "J2", Nama: "Kepala Dinas", Jenis: mutasi.JenisJPT, Kebutuhan: 1,
		RumpunPendidikan: []string{"Komputer"}}}
	tests := []struct {
		target *Target
		passed map[string]bool
		msg    string
	}{
		{nil, map[string]bool{"jpt-masa-kerja": true, "lowongan": true, "pendidikan": true, "tanpa-penjaga": false}, "umum"},
		{jpt, map[string]bool{"jpt-masa-kerja": false, "lowongan": true, "pendidikan": false, "tanpa-penjaga": true}, "Kepala Dinas"},
	}
	for _, forceVM := range []bool{false, true} {
		p.forceVM = forceVM
		for _, tt := range tests {
			d := p.Evaluate(s, tt.target, benchToday)
			for _, r := range d.Rules {
				want, ok := tt.passed[r.Rule.ID]
				if ok && r.Passed != want {
					t.Errorf("forceVM=%v target=%v: %s passed=%v (%q), want %v", forceVM, d.Target, r.Rule.ID, r.Passed, r.Message, want)
				}
				if r.Rule.ID == "pesan" && r.Message != tt.msg {
					t.Errorf("forceVM=%v target=%v: message %q, want %q", forceVM, d.Target, r.Message, tt.msg)
				}
			}
			if tt.target == nil {
				b := p.NewBatch(benchToday)
				if v := b.Check(s, nil)[0]; v.Eligible != d.Eligible || v.Failed.Len() != len(d.Failed()) {
					t.Errorf("forceVM=%v: general batch eligible=%v failed=%d, evaluate %v %v", forceVM, v.Eligible, v.Failed.Len(), d.Eligible, d.Failed())
				}
				b.Close()
			}
		}
	}
}
