package placement

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
)

// maxAnswer bounds an objection or a decision note: long enough for a
// reason, short enough for one Telegram message with its frame.
const maxAnswer = 1000

func cleanNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > maxAnswer {
		return "", mutasi.Errorf(mutasi.EINVALID, "alasan terlalu panjang (paling banyak %s huruf)", mutasi.FormatInt(maxAnswer))
	}
	return note, nil
}

// ProposalsFor lists the proposals that concern the actor, newest first:
// an ASN's own; the ones a manager made; for policy staff, those waiting
// for a decision.
func (s *Service) ProposalsFor(ctx context.Context, a Actor, limit int) ([]*mutasi.Proposal, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	f := mutasi.ProposalFilter{Limit: limit}
	switch a.role() {
	case mutasi.RoleASN:
		f.NIP = a.User.NIP
	case mutasi.RoleManager:
		f.CreatedBy = a.TelegramID()
	default:
		f.Statuses = []mutasi.ProposalStatus{mutasi.ProposalProposed, mutasi.ProposalAnswered, mutasi.ProposalObjected}
	}
	return s.cfg.Proposals.Proposals(ctx, f)
}

// AnswerProposal records an employee's answer to a proposal about them:
// understood, or an objection with its reason. The proposer is told.
func (s *Service) AnswerProposal(ctx context.Context, a Actor, id int64, understood bool, reason string) (*mutasi.Proposal, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	reason, err := cleanNote(reason)
	if err != nil {
		return nil, err
	}
	p, err := s.cfg.Proposals.Proposal(ctx, id)
	if err != nil && mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		return nil, err
	}
	if err != nil || a.User == nil || a.User.Role != mutasi.RoleASN || p.NIP != a.User.NIP {
		// One answer for "no such proposal" and "not yours": a guesser
		// learns nothing.
		return nil, mutasi.Errorf(mutasi.ENOTFOUND, "usulan %d tidak ada di antara usulan untuk Anda", id)
	}
	status := mutasi.ProposalAnswered
	if !understood {
		status = mutasi.ProposalObjected
		if reason == "" {
			return nil, mutasi.Errorf(mutasi.EINVALID, "keberatan wajib disertai alasan")
		}
	}
	e, err := employeeByNIP(ctx, s.cfg.Directory, p.NIP)
	if err != nil {
		return nil, err
	}
	to := s.positionLabel(ctx, p.ToPosition)
	return s.cfg.Proposals.TransitionProposalFlow(ctx, id, status, a.TelegramID(), reason,
		func(p *mutasi.Proposal) ([]*mutasi.Notification, *mutasi.AuditEntry) {
			var notes []*mutasi.Notification
			if p.CreatedBy != 0 {
				notes = append(notes, &mutasi.Notification{TelegramID: p.CreatedBy, ProposalID: p.ID, Text: answerNotice(p, e, to)})
			}
			return notes, &mutasi.AuditEntry{Actor: a.Name(), Action: "proposal." + string(p.Status), Subject: p.NIP,
				Detail: "usulan " + mutasi.FormatInt(int(p.ID)), PolicyVersion: p.PolicyVersion}
		})
}

// DecideProposal approves or rejects a proposal (policy staff); the
// employee and the proposer are told.
func (s *Service) DecideProposal(ctx context.Context, a Actor, id int64, approve bool, note string) (*mutasi.Proposal, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	if !a.everything() {
		return nil, denied("persetujuan usulan hanya oleh staf kebijakan")
	}
	note, err := cleanNote(note)
	if err != nil {
		return nil, err
	}
	to := mutasi.ProposalApproved
	if !approve {
		to = mutasi.ProposalRejected
		if note == "" {
			return nil, mutasi.Errorf(mutasi.EINVALID, "penolakan wajib disertai alasan")
		}
	}
	p, err := s.cfg.Proposals.Proposal(ctx, id)
	if err != nil {
		return nil, err
	}
	e, err := employeeByNIP(ctx, s.cfg.Directory, p.NIP)
	if err != nil {
		return nil, err
	}
	employee, err := s.userOf(ctx, p.NIP)
	if err != nil {
		return nil, err
	}
	target := s.positionLabel(ctx, p.ToPosition)
	return s.cfg.Proposals.TransitionProposalFlow(ctx, id, to, a.TelegramID(), note,
		func(p *mutasi.Proposal) ([]*mutasi.Notification, *mutasi.AuditEntry) {
			var notes []*mutasi.Notification
			if employee != nil {
				notes = append(notes, &mutasi.Notification{TelegramID: employee.TelegramID, ProposalID: p.ID, Text: decisionNotice(p, e, target, true)})
			}
			if p.CreatedBy != 0 && (employee == nil || p.CreatedBy != employee.TelegramID) {
				notes = append(notes, &mutasi.Notification{TelegramID: p.CreatedBy, ProposalID: p.ID, Text: decisionNotice(p, e, target, false)})
			}
			return notes, &mutasi.AuditEntry{Actor: a.Name(), Action: "proposal." + string(p.Status), Subject: p.NIP,
				Detail: "usulan " + mutasi.FormatInt(int(p.ID)), PolicyVersion: p.PolicyVersion}
		})
}

// positionLabel names a position for a person: "Bendahara (Badan
// Pendapatan Daerah)", or its id when it is no longer active.
func (s *Service) positionLabel(ctx context.Context, id string) string {
	org, err := s.Organisation(ctx)
	if err != nil {
		return id
	}
	p := org.Positions[id]
	if p == nil {
		return id
	}
	if u := org.Units[p.UnitID]; u != nil {
		return p.Nama + " (" + u.Nama + ")"
	}
	return p.Nama
}
