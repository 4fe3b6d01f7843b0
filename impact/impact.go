// Package impact shows what a change of policy would do before it goes
// live: it evaluates every employee, and every (employee, vacancy) pair,
// under the old and the new policy and reports which verdicts change, in
// which direction, which rules cause it, how scores and the best candidate
// of each vacancy move, with a sample of the people concerned.
package impact

import (
	"time"

	"github.com/mutasi/mutasi/rules"
)

// Options says what to compare.
type Options struct {
	Today   time.Time
	Targets []*rules.Target // the vacancies for the pair comparison
	// Samples is how many people to name per direction (default 10).
	Samples int
	// Workers evaluates in this many goroutines (default 1).
	Workers int
	// Progress, if set, is called now and then with employees done.
	Progress func(done int)
}

// Report is the impact of replacing Old by New.
type Report struct {
	Old       PolicyInfo  `json:"old"`
	New       PolicyInfo  `json:"new"`
	Date      time.Time   `json:"-"`
	Employees int         `json:"employees"`
	Vacancies int         `json:"vacancies"`
	Changes   FileChanges `json:"changes"`
	General   Outcome     `json:"general"` // the question "may I be moved?"
	Pairs     Outcome     `json:"pairs"`   // "may I move to this vacancy?"
	// TopChanged counts the vacancies whose best eligible candidate (by
	// score, then NIP) is another person under the new policy.
	TopChanged int `json:"top_candidate_changed"`
}

// PolicyInfo identifies one side of the comparison.
type PolicyInfo struct {
	Name    string `json:"name"`
	Version string `json:"policy_version"`
}

// Outcome counts verdicts under both policies.
type Outcome struct {
	Total       int     `json:"total"`
	EligibleOld int     `json:"eligible_old"`
	EligibleNew int     `json:"eligible_new"`
	Gained      int     `json:"became_eligible"`   // not eligible before, eligible now
	Lost        int     `json:"became_ineligible"` // eligible before, not eligible now
	Causes      []Cause `json:"causes"`
	// Score movement over the evaluations eligible under both policies.
	ScoreChanged  int      `json:"score_changed"`
	ScoreAbsDelta float64  `json:"score_abs_delta_sum"` // sum of |new − old|
	ScoreMaxDelta float64  `json:"score_max_delta"`     // the largest |new − old|
	LostSamples   []Sample `json:"became_ineligible_sample"`
	GainedSamples []Sample `json:"became_eligible_sample"`
}

// MeanScoreDelta is the mean |Δ score| over the evaluations whose score
// changed.
func (o *Outcome) MeanScoreDelta() float64 {
	if o.ScoreChanged == 0 {
		return 0
	}
	return o.ScoreAbsDelta / float64(o.ScoreChanged)
}

// Cause is a rule that decided changed verdicts: NewlyBlocking counts
// verdicts it now blocks and did not before (among those lost), and
// NoLongerBlocking those it blocked before and no longer does (among those
// gained). A verdict can have several causes.
type Cause struct {
	RuleID           string `json:"rule"`
	Title            string `json:"title"`
	NewlyBlocking    int    `json:"newly_blocking"`
	NoLongerBlocking int    `json:"no_longer_blocking"`
}

// Sample names one changed verdict.
type Sample struct {
	NIP    string   `json:"nip"`
	Nama   string   `json:"nama"`
	Target string   `json:"target,omitempty"` // jabatan_id; "" for the general question
	Rules  []string `json:"rules"`            // the rules that cause the change
	// Count is, for pairs, how many of this person's pairs changed the same
	// way (Target names the first): a sample shows people, not one person
	// many times.
	Count int `json:"count"`
}
