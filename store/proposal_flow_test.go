package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestProposalFlowQueuesItsNotificationsWithTheChange(t *testing.T) {
	db := openTest(t)
	seed(t, db)
	ctx := context.Background()
	change := func(text string) mutasi.ProposalChange {
		return func(p *mutasi.Proposal) ([]*mutasi.Notification, *mutasi.AuditEntry) {
			return []*mutasi.Notification{{TelegramID: 42, ProposalID: p.ID, Text: fmt.Sprintf("%s %d %s", text, p.ID, p.Status)}},
				&mutasi.AuditEntry{Actor: "tg:7", Action: "proposal." + string(p.Status), Subject: p.NIP}
		}
	}
	p := &mutasi.Proposal{NIP: employee(1, "").NIP, FromPosition: "P1", ToPosition: "P2", Status: mutasi.ProposalProposed, CreatedBy: 7}
	if err := db.CreateProposalFlow(ctx, p, change("usulan")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TransitionProposalFlow(ctx, p.ID, mutasi.ProposalObjected, 0, "jauh dari rumah", change("keberatan")); err != nil {
		t.Fatal(err)
	}
	due, err := db.Due(ctx, time.Now().Add(time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 || due[0].Text != fmt.Sprintf("usulan %d proposed", p.ID) || due[1].Text != fmt.Sprintf("keberatan %d objected", p.ID) {
		t.Fatalf("outbox = %+v", due)
	}
	entries, _ := db.AuditEntries(ctx, p.NIP, 10)
	if len(entries) != 2 {
		t.Errorf("audit entries = %d, want 2", len(entries))
	}
	// A change whose notification is invalid does not happen at all.
	bad := func(p *mutasi.Proposal) ([]*mutasi.Notification, *mutasi.AuditEntry) {
		return []*mutasi.Notification{{TelegramID: 42, Text: ""}}, nil
	}
	if _, err := db.TransitionProposalFlow(ctx, p.ID, mutasi.ProposalApproved, 9, "", bad); mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Fatalf("invalid notification: %v, want EINVALID", err)
	}
	got, _ := db.Proposal(ctx, p.ID)
	if got.Status != mutasi.ProposalObjected {
		t.Errorf("status after a refused change = %s, want objected", got.Status)
	}
	list, _ := db.Proposals(ctx, mutasi.ProposalFilter{CreatedBy: 7, Statuses: []mutasi.ProposalStatus{mutasi.ProposalObjected, mutasi.ProposalAnswered}})
	if len(list) != 1 {
		t.Errorf("filter by creator and statuses: %d proposals, want 1", len(list))
	}
	list, _ = db.Proposals(ctx, mutasi.ProposalFilter{CreatedBy: 8})
	if len(list) != 0 {
		t.Errorf("another creator: %d proposals, want 0", len(list))
	}
}
