package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestProposalTransitions(t *testing.T) {
	clk := &clock{t: testNow}
	db := openTest(t, WithClock(clk.now))
	seed(t, db)
	ctx := context.Background()

	type step struct {
		to       mutasi.ProposalStatus
		by       int64
		note     string
		wantCode string
	}
	tests := []struct {
		name  string
		steps []step
		check func(t *testing.T, p *mutasi.Proposal)
	}{
		{
			name: "proposed, answered, approved",
			steps: []step{
				{to: mutasi.ProposalProposed, by: 7},
				{to: mutasi.ProposalAnswered, by: 0, note: "siap"},
				{to: mutasi.ProposalApproved, by: 9, note: "disetujui rapat Baperjakat"},
			},
			check: func(t *testing.T, p *mutasi.Proposal) {
				want := mutasi.Proposal{Status: mutasi.ProposalApproved, Answer: "siap", DecidedBy: 9,
					DecisionNote: "disetujui rapat Baperjakat"}
				if p.Status != want.Status || p.Answer != want.Answer || p.DecidedBy != want.DecidedBy || p.DecisionNote != want.DecisionNote {
					t.Errorf("got %+v, want %+v", p, want)
				}
				for name, ts := range map[string]time.Time{"ProposedAt": p.ProposedAt, "AnsweredAt": p.AnsweredAt, "DecidedAt": p.DecidedAt} {
					if ts.IsZero() {
						t.Errorf("%s not stamped", name)
					}
				}
				if !p.ProposedAt.Before(p.AnsweredAt) || !p.AnsweredAt.Before(p.DecidedAt) {
					t.Errorf("stamps out of order: %v %v %v", p.ProposedAt, p.AnsweredAt, p.DecidedAt)
				}
			},
		},
		{
			name: "objection needs a reason",
			steps: []step{
				{to: mutasi.ProposalProposed},
				{to: mutasi.ProposalObjected, note: "  ", wantCode: mutasi.EINVALID},
				{to: mutasi.ProposalObjected, note: "anak masih sekolah di sini"},
				{to: mutasi.ProposalRejected, by: 9},
			},
			check: func(t *testing.T, p *mutasi.Proposal) {
				if p.Status != mutasi.ProposalRejected || p.Answer != "anak masih sekolah di sini" {
					t.Errorf("got %+v", p)
				}
			},
		},
		{
			name: "illegal transitions are conflicts",
			steps: []step{
				{to: mutasi.ProposalApproved, wantCode: mutasi.ECONFLICT},
				{to: mutasi.ProposalAnswered, wantCode: mutasi.ECONFLICT},
				{to: mutasi.ProposalRejected, by: 9},
				{to: mutasi.ProposalProposed, wantCode: mutasi.ECONFLICT},
				{to: mutasi.ProposalRejected, wantCode: mutasi.ECONFLICT},
			},
			check: func(t *testing.T, p *mutasi.Proposal) {
				if p.Status != mutasi.ProposalRejected || !p.ProposedAt.IsZero() {
					t.Errorf("got %+v, want rejected, never proposed", p)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &mutasi.Proposal{NIP: fixtureEmployees[0].NIP, FromPosition: "P1", ToPosition: "P3",
				Reason: "pengembangan karier", Score: 0.75, PolicyVersion: "mutasi-default 2026.1", CreatedBy: 7}
			if err := db.CreateProposal(ctx, p); err != nil {
				t.Fatal(err)
			}
			if p.ID == 0 || p.Status != mutasi.ProposalDraft || !p.CreatedAt.Equal(clk.t) {
				t.Fatalf("created %+v, want an id, draft, CreatedAt %v", p, clk.t)
			}
			for i, s := range tc.steps {
				clk.t = clk.t.Add(time.Hour)
				before, _ := db.Proposal(ctx, p.ID)
				got, err := db.TransitionProposal(ctx, p.ID, s.to, s.by, s.note)
				if code := mutasi.ErrorCode(err); code != s.wantCode {
					t.Fatalf("step %d to %s: code %q (%v), want %q", i, s.to, code, err, s.wantCode)
				}
				if err != nil {
					after, _ := db.Proposal(ctx, p.ID)
					if *after != *before {
						t.Errorf("step %d: refused transition changed the proposal: %+v -> %+v", i, before, after)
					}
					continue
				}
				stored, err := db.Proposal(ctx, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				if *stored != *got {
					t.Errorf("step %d: returned %+v, stored %+v", i, got, stored)
				}
			}
			final, err := db.Proposal(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, final)
		})
	}
}

func TestTransitionUnknownProposal(t *testing.T) {
	db := openTest(t)
	if _, err := db.TransitionProposal(context.Background(), 99, mutasi.ProposalProposed, 1, ""); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("err %v, want ENOTFOUND", err)
	}
}

func TestCreateProposalChecksReferences(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	nip := fixtureEmployees[0].NIP
	tests := []struct {
		name     string
		p        mutasi.Proposal
		wantCode string
	}{
		{"unknown employee", mutasi.Proposal{NIP: employee(800, "").NIP, FromPosition: "P1", ToPosition: "P2"}, mutasi.ENOTFOUND},
		{"unknown target", mutasi.Proposal{NIP: nip, FromPosition: "P1", ToPosition: "PX"}, mutasi.ENOTFOUND},
		{"same position", mutasi.Proposal{NIP: nip, FromPosition: "P1", ToPosition: "P1"}, mutasi.EINVALID},
		{"created approved", mutasi.Proposal{NIP: nip, FromPosition: "P1", ToPosition: "P2", Status: mutasi.ProposalApproved}, mutasi.EINVALID},
		{"created proposed", mutasi.Proposal{NIP: nip, FromPosition: "P1", ToPosition: "P2", Status: mutasi.ProposalProposed}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			err := db.CreateProposal(ctx, &p)
			if got := mutasi.ErrorCode(err); got != tc.wantCode {
				t.Errorf("code %q (%v), want %q", got, err, tc.wantCode)
			}
		})
	}
}

func TestProposalsFilter(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	var ids []int64
	for _, e := range fixtureEmployees {
		p := &mutasi.Proposal{NIP: e.NIP, FromPosition: e.JabatanID, ToPosition: "P3"}
		if err := db.CreateProposal(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if _, err := db.TransitionProposal(ctx, ids[1], mutasi.ProposalProposed, 1, ""); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter mutasi.ProposalFilter
		want   []int64
	}{
		{"all, newest first", mutasi.ProposalFilter{}, []int64{ids[2], ids[1], ids[0]}},
		{"by status", mutasi.ProposalFilter{Status: mutasi.ProposalDraft}, []int64{ids[2], ids[0]}},
		{"by nip", mutasi.ProposalFilter{NIP: fixtureEmployees[1].NIP}, []int64{ids[1]}},
		{"limit", mutasi.ProposalFilter{Limit: 1}, []int64{ids[2]}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, err := db.Proposals(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, p := range list {
				got = append(got, p.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
