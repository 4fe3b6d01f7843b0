package quality

import (
	"encoding/json"
	"time"

	"github.com/mutasi/mutasi"
)

// Severity says how much a kind of doubtful data can mislead a placement
// decision.
type Severity string

const (
	// Tinggi: the policy decides wrongly for the person or the post (a
	// rule fails closed, a move is permitted that should not be).
	Tinggi Severity = "tinggi"
	// Sedang: the picture is distorted (EJ, vacancies, ranking, scope).
	Sedang Severity = "sedang"
	// Rendah: worth a look, often harmless.
	Rendah Severity = "rendah"
)

// Report is the outcome of Check: every kind that was looked for, in a
// fixed order, with its findings.
type Report struct {
	Date          time.Time
	PolicyName    string // "" when checked without a policy
	PolicyVersion string // VersionID of the policy, "" without one
	Records       Records
	Kinds         []*Kind
}

// Records counts what was read.
type Records struct {
	Units       int `json:"units"`
	Positions   int `json:"positions"`
	Employees   int `json:"employees"`
	Aspirations int `json:"aspirations"`
}

// Kind is one kind of doubtful data and the records that show it.
type Kind struct {
	ID       string   `json:"id"`       // stable, kebab-case; also the XLSX sheet name
	Severity Severity `json:"severity"` // tinggi, sedang, rendah
	Title    string   `json:"title"`
	Why      string   `json:"why"`   // why it matters for placement, one line
	Table    string   `json:"table"` // the exchange table whose rows are listed
	// Skipped says why the kind was not checked (no policy, no reference
	// file, a missing param); its Items are then empty.
	Skipped string `json:"skipped,omitempty"`
	Count   int    `json:"count"`
	Items   []Item `json:"items"`
}

// Item is one doubtful record. The identifying fields are those of its
// table in the exchange format, plus the unit it belongs to, so that the
// list can be split and sent to the units that correct it.
type Item struct {
	NIP       string `json:"nip,omitempty"`
	Nama      string `json:"nama,omitempty"` // of the employee, position or unit
	UnitID    string `json:"unit_id,omitempty"`
	JabatanID string `json:"jabatan_id,omitempty"`
	IndukID   string `json:"induk_id,omitempty"`
	// Column is the exchange column whose value is doubtful (two joined
	// by ", " when both are).
	Column string `json:"column"`
	Value  string `json:"value"` // as exported; "" when empty
	// Suggestion is a corrected value, where one can be proposed.
	Suggestion string `json:"suggestion,omitempty"`
	Note       string `json:"note"` // this record's case, in words
}

// Total is the number of findings over every kind: the records "perlu
// diperiksa". A record in two kinds counts twice.
func (r *Report) Total() int {
	n := 0
	for _, k := range r.Kinds {
		n += k.Count
	}
	return n
}

// BySeverity counts the findings of each severity.
func (r *Report) BySeverity() map[Severity]int {
	m := map[Severity]int{}
	for _, k := range r.Kinds {
		m[k.Severity] += k.Count
	}
	return m
}

// Kind returns the kind with the given id, or nil.
func (r *Report) Kind(id string) *Kind {
	for _, k := range r.Kinds {
		if k.ID == id {
			return k
		}
	}
	return nil
}

// jsonReport is the stable JSON form of a report.
type jsonReport struct {
	Date          string  `json:"date"`
	PolicyVersion string  `json:"policy_version"`
	Records       Records `json:"records"`
	Total         int     `json:"total"`
	Kinds         []*Kind `json:"kinds"`
}

// MarshalJSON writes {date, policy_version, records, total, kinds}; every
// kind is present, with items [] when it found nothing.
func (r *Report) MarshalJSON() ([]byte, error) {
	kinds := make([]*Kind, len(r.Kinds))
	for i, k := range r.Kinds {
		c := *k
		if c.Items == nil {
			c.Items = []Item{}
		}
		kinds[i] = &c
	}
	return json.Marshal(jsonReport{
		Date:          mutasi.FormatDate(r.Date),
		PolicyVersion: r.PolicyVersion,
		Records:       r.Records,
		Total:         r.Total(),
		Kinds:         kinds,
	})
}
