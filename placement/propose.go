package placement

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// ProposeOutcome is what became of one move turned into a proposal.
type ProposeOutcome struct {
	Move     Move
	Proposal *mutasi.Proposal // nil when refused
	Notified bool             // the employee is registered with the bot and will be told
	Err      error            // why it was refused
}

// ProposeFromPlan turns the moves of a stored plan into proposals: move n
// (1-based), or every move when n is 0. A plan made under another policy
// version is refused whole; a move is refused when its employee already
// has an open proposal, the move is no longer eligible on the current
// data, or (for a manager) the receiving position is not theirs. Each
// proposal keeps the decision that justified it.
func (s *Service) ProposeFromPlan(ctx context.Context, a Actor, planID int64, n int) ([]ProposeOutcome, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	plan, _, err := s.LoadPlan(ctx, a, planID)
	if err != nil {
		return nil, err
	}
	p := s.Policy()
	if plan.PolicyVersion != p.VersionID() {
		return nil, mutasi.Errorf(mutasi.ECONFLICT,
			"rencana %d dibuat dengan kebijakan %s %s, sedangkan yang berlaku sekarang %s %s; buat rencana baru dengan mutasi plan",
			planID, plan.PolicyName, plan.PolicyVersion, p.Name, p.VersionID())
	}
	moves := plan.Moves
	if n != 0 {
		if n < 1 || n > len(plan.Moves) {
			return nil, mutasi.Errorf(mutasi.EINVALID, "rencana %d tidak punya pindah nomor %d (ada %d pindah)", planID, n, len(plan.Moves))
		}
		moves = plan.Moves[n-1 : n]
	}
	date, err := mutasi.ParseDate(plan.Date)
	if err != nil {
		return nil, err
	}
	var out []ProposeOutcome
	for _, m := range moves {
		prop, notified, err := s.propose(ctx, a, m.NIP, m.ToPosition, date, string(m.Decision), plan.ID)
		out = append(out, ProposeOutcome{Move: m, Proposal: prop, Notified: notified, Err: err})
	}
	return out, nil
}

// Propose proposes moving an employee to a position, after evaluating the
// move on the current data: only an eligible move is proposed, and the
// proposal keeps that decision. The employee, if registered with the bot,
// is told in the same transaction (through the outbox); notified says so.
func (s *Service) Propose(ctx context.Context, a Actor, nip, positionID string, date time.Time) (p *mutasi.Proposal, notified bool, err error) {
	return s.propose(ctx, a, nip, positionID, s.day(date), "", 0)
}

func (s *Service) propose(ctx context.Context, a Actor, nip, positionID string, date time.Time, justification string, planID int64) (*mutasi.Proposal, bool, error) {
	org, pos, err := s.managedPosition(ctx, a, positionID)
	if err != nil {
		return nil, false, err
	}
	e := org.Employee(strings.ReplaceAll(nip, " ", ""))
	if e == nil {
		return nil, false, mutasi.Errorf(mutasi.ENOTFOUND, "pegawai dengan NIP %s tidak ada atau tidak aktif", mutasi.NIP(clipID(nip)).Format())
	}
	open, err := s.openProposal(ctx, e.NIP)
	if err != nil {
		return nil, false, err
	}
	if open != nil {
		return nil, false, mutasi.Errorf(mutasi.ECONFLICT, "%s sudah punya usulan %d yang belum selesai (%s ke %s)",
			e.Nama, open.ID, open.Status, open.ToPosition)
	}
	p := s.Policy()
	subject, target := org.Subject(e), org.Target(pos)
	d := p.Evaluate(subject, target, date)
	if !d.Eligible {
		var failed []string
		for _, r := range d.Rules {
			if !r.Passed && r.Severity == rules.SeverityBlock {
				failed = append(failed, r.Rule.Title+": "+r.Message)
			}
		}
		return nil, false, mutasi.Errorf(mutasi.ECONFLICT, "%s tidak lagi memenuhi syarat untuk %s: %s", e.Nama, pos.Nama, strings.Join(failed, "; "))
	}
	if justification == "" {
		justification = string(decisionJSON(d))
	}
	reasons := Reasons(p, d, subject, target)
	prop := &mutasi.Proposal{NIP: e.NIP, FromPosition: e.JabatanID, ToPosition: pos.ID,
		Status: mutasi.ProposalProposed, Reason: reasonLine(reasons),
		Score: roundScore(d.Score), PolicyVersion: p.VersionID(), CreatedBy: a.TelegramID(),
		Justification: justification, PlanID: planID}
	employee, err := s.userOf(ctx, e.NIP)
	if err != nil {
		return nil, false, err
	}
	notice := proposalNotice(e, subject, target, reasons)
	err = s.cfg.Proposals.CreateProposalFlow(ctx, prop, func(pr *mutasi.Proposal) ([]*mutasi.Notification, *mutasi.AuditEntry) {
		var notes []*mutasi.Notification
		if employee != nil {
			notes = append(notes, &mutasi.Notification{TelegramID: employee.TelegramID, ProposalID: pr.ID, Text: notice(pr)})
		}
		detail := fmt.Sprintf("usulan %d: %s → %s, skor %s", pr.ID, pr.FromPosition, pr.ToPosition, mutasi.FormatDecimal(pr.Score, 2))
		if planID != 0 {
			detail += fmt.Sprintf(", dari rencana %d", planID)
		}
		return notes, &mutasi.AuditEntry{Actor: a.Name(), Action: "proposal.create", Subject: e.NIP,
			Detail: detail, PolicyVersion: pr.PolicyVersion}
	})
	if err != nil {
		return nil, false, err
	}
	return prop, employee != nil, nil
}

// userOf returns the active bot user of an employee, or nil.
func (s *Service) userOf(ctx context.Context, nip string) (*mutasi.User, error) {
	if s.cfg.Users == nil {
		return nil, nil
	}
	u, err := s.cfg.Users.UserByNIP(ctx, nip)
	switch {
	case mutasi.ErrorCode(err) == mutasi.ENOTFOUND:
		return nil, nil
	case err != nil:
		return nil, err
	case !u.Active:
		return nil, nil
	}
	return u, nil
}

// openProposal returns the employee's newest proposal that is not final.
func (s *Service) openProposal(ctx context.Context, nip string) (*mutasi.Proposal, error) {
	list, err := s.cfg.Proposals.Proposals(ctx, mutasi.ProposalFilter{NIP: nip})
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if !p.Status.Final() {
			return p, nil
		}
	}
	return nil, nil
}

// reasonLine is the proposal's reason for the employee: why this person,
// why this posting, in the score's own words.
func reasonLine(rs []Reason) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, r.Text)
	}
	if len(parts) == 0 {
		return "memenuhi seluruh syarat mutasi ke jabatan ini"
	}
	return "memenuhi seluruh syarat; " + strings.Join(parts, "; ")
}

// Proposals lists the proposals concerning an employee, newest first: an
// ASN their own, a manager those of their units' employees, policy staff
// and administrators anyone's.
func (s *Service) Proposals(ctx context.Context, a Actor, nip string) ([]*mutasi.Proposal, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	if !a.everything() {
		e, err := employeeByNIP(ctx, s.cfg.Directory, nip)
		if err != nil {
			return nil, err
		}
		if err := s.mayRead(ctx, a, e); err != nil {
			return nil, err
		}
	}
	return s.cfg.Proposals.Proposals(ctx, mutasi.ProposalFilter{NIP: strings.ReplaceAll(nip, " ", "")})
}
