package mutasi

import "time"

// ProposalStatus is a step of the proposal workflow:
//
//	draft → proposed → answered | objected → approved | rejected
//
// A draft or proposed move may also be rejected (withdrawn) directly.
type ProposalStatus string

const (
	ProposalDraft    ProposalStatus = "draft"
	ProposalProposed ProposalStatus = "proposed" // sent to the employee
	ProposalAnswered ProposalStatus = "answered" // the employee understood
	ProposalObjected ProposalStatus = "objected" // the employee objected, with a reason
	ProposalApproved ProposalStatus = "approved"
	ProposalRejected ProposalStatus = "rejected"
)

var proposalNext = map[ProposalStatus][]ProposalStatus{
	ProposalDraft:    {ProposalProposed, ProposalRejected},
	ProposalProposed: {ProposalAnswered, ProposalObjected, ProposalRejected},
	ProposalAnswered: {ProposalApproved, ProposalRejected},
	ProposalObjected: {ProposalApproved, ProposalRejected},
}

// CanTransition reports whether a proposal may go from one status to another.
func CanTransition(from, to ProposalStatus) bool {
	for _, s := range proposalNext[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Final reports whether no further transition is possible.
func (s ProposalStatus) Final() bool { return len(proposalNext[s]) == 0 }

// Proposal is a proposed move of one employee, with who did what and when.
type Proposal struct {
	ID            int64
	NIP           string
	FromPosition  string
	ToPosition    string
	Status        ProposalStatus
	Reason        string  // why this person and this posting, shown to the employee
	Score         float64 // score at the time of proposal
	PolicyVersion string  // the policy that judged the move
	CreatedBy     int64   // Telegram id of the manager, 0 for the CLI
	CreatedAt     time.Time
	ProposedAt    time.Time
	AnsweredAt    time.Time
	Answer        string // the employee's objection or remark
	DecidedAt     time.Time
	DecidedBy     int64
	DecisionNote  string
	// Justification is the decision (JSON, as `mutasi check --json`) that
	// justified the move when it was proposed; PlanID the plan it came
	// from, 0 for none.
	Justification string
	PlanID        int64
}

// Validate checks the proposal's fields.
func (p *Proposal) Validate() error {
	var pr problems
	if _, err := ParseNIP(p.NIP); err != nil {
		pr.add("nip", "%s", ErrorMessage(err))
	}
	checkID(&pr, "from_position", p.FromPosition)
	checkID(&pr, "to_position", p.ToPosition)
	if p.FromPosition != "" && p.FromPosition == p.ToPosition {
		pr.add("to_position", "sama dengan jabatan asal")
	}
	switch p.Status {
	case ProposalDraft, ProposalProposed, ProposalAnswered, ProposalObjected, ProposalApproved, ProposalRejected:
	default:
		pr.add("status", "%q tidak dikenal", string(p.Status))
	}
	if p.Status == ProposalObjected && p.Answer == "" {
		pr.add("answer", "keberatan wajib disertai alasan")
	}
	return pr.err()
}
