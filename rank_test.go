package mutasi

import (
	"math"
	"testing"
)

func TestGolonganRank(t *testing.T) {
	tests := []struct {
		status Status
		g      string
		want   int
	}{
		{StatusPNS, "I/a", 1},
		{StatusPNS, "III/a", 9},
		{StatusPNS, "IV/e", 17},
		{StatusPNS, "II/e", 0}, // II stops at d
		{StatusPNS, "XVII", 0},
		{StatusPPPK, "XVII", 17},
		{StatusPPPK, "IX", 9},
		{StatusPPPK, "III/a", 0},
		{StatusPPPK, "XVIII", 0},
	}
	for _, tt := range tests {
		if got := GolonganRank(tt.status, tt.g); got != tt.want {
			t.Errorf("GolonganRank(%s, %q) = %d, want %d", tt.status, tt.g, got, tt.want)
		}
	}
}

func TestEducationRankD4EqualsS1(t *testing.T) {
	if EducationRank("D4") != EducationRank("S1") {
		t.Error("D4 must rank as S1")
	}
	if !(EducationRank("D3") < EducationRank("D4") && EducationRank("S1") < EducationRank("S2")) {
		t.Error("education levels out of order")
	}
	if EducationRank("S4") != 0 {
		t.Error("unknown level must rank 0")
	}
}

func TestEJAndGrade(t *testing.T) {
	tests := []struct {
		hours   float64
		holders int
		ej      float64
		grade   string
	}{
		{2500, 2, 1.0, "B"},
		{2600, 2, 1.04, "A"},
		{1250, 2, 0.5, "D"},
		{1000, 2, 0.4, "E"},
		{1000, 1, 0.8, "C"},
		{1255, 1, 1.0, "B"},  // 1.004 is published, compared and graded as 1.00
		{1257, 1, 1.01, "A"}, // 1.0056 rounds up
		{0, 0, 0, "E"},
	}
	for _, tt := range tests {
		got := EJ(tt.hours, tt.holders, 1250)
		if math.Abs(got-tt.ej) > 1e-9 {
			t.Errorf("EJ(%v, %d) = %v, want %v", tt.hours, tt.holders, got, tt.ej)
		}
		if g := EJGrade(got); g != tt.grade {
			t.Errorf("EJGrade(%v) = %s, want %s", got, g, tt.grade)
		}
	}
	if !math.IsInf(EJ(100, 0, 1250), 1) {
		t.Error("work with no holder must be +Inf")
	}
	if EJGrade(math.Inf(1)) != "A" {
		t.Error("+Inf must grade A")
	}
	// Published bounds are two-decimal: 0.805 rounds to 0.81 → B.
	if g := EJGrade(0.8049); g != "C" {
		t.Errorf("EJGrade(0.8049) = %s, want C", g)
	}
}

func TestProposalTransitions(t *testing.T) {
	allowed := map[[2]ProposalStatus]bool{
		{ProposalDraft, ProposalProposed}:    true,
		{ProposalDraft, ProposalRejected}:    true,
		{ProposalProposed, ProposalAnswered}: true,
		{ProposalProposed, ProposalObjected}: true,
		{ProposalProposed, ProposalRejected}: true,
		{ProposalAnswered, ProposalApproved}: true,
		{ProposalAnswered, ProposalRejected}: true,
		{ProposalObjected, ProposalApproved}: true,
		{ProposalObjected, ProposalRejected}: true,
	}
	all := []ProposalStatus{ProposalDraft, ProposalProposed, ProposalAnswered, ProposalObjected, ProposalApproved, ProposalRejected}
	for _, from := range all {
		for _, to := range all {
			if got, want := CanTransition(from, to), allowed[[2]ProposalStatus{from, to}]; got != want {
				t.Errorf("CanTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	if !ProposalApproved.Final() || !ProposalRejected.Final() || ProposalObjected.Final() {
		t.Error("Final wrong")
	}
}

// The parsing rank functions agree with the published order, position by
// position, and reject everything else.
func TestRanksFollowTheLists(t *testing.T) {
	for i, g := range GolonganPNS() {
		if got := GolonganRank(StatusPNS, g); got != i+1 {
			t.Errorf("GolonganRank(PNS, %s) = %d, want %d", g, got, i+1)
		}
		if GolonganRank(StatusPPPK, g) != 0 {
			t.Errorf("PNS rank %s accepted for PPPK", g)
		}
	}
	for i, g := range GolonganPPPK() {
		if got := GolonganRank(StatusPPPK, g); got != i+1 {
			t.Errorf("GolonganRank(PPPK, %s) = %d, want %d", g, got, i+1)
		}
	}
	for _, g := range []string{"", "/", "I/", "/a", "V/a", "III/A", "III/ab", "IV/f", "I/e", "III-a", "iii/a", "XVIII", "IIII"} {
		if GolonganRank(StatusPNS, g) != 0 || GolonganRank(StatusPPPK, g) != 0 {
			t.Errorf("%q accepted as a golongan", g)
		}
	}
	// S1 shares 7 with D4 and is left out of this list.
	for i, level := range []string{"SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S2", "S3"} {
		if got, want := EducationRank(level), i+1; got != want {
			t.Errorf("EducationRank(%s) = %d, want %d", level, got, want)
		}
	}
	for i, k := range KinerjaRatings() {
		if got := KinerjaRank(k); got != 5-i {
			t.Errorf("KinerjaRank(%s) = %d, want %d", k, got, 5-i)
		}
	}
}
