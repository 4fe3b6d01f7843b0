package placement

import (
	"context"
	"strings"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// CheckResult is an explained decision with what the front needs to show
// it: the employee with their position, the target, and the policy.
type CheckResult struct {
	Decision rules.Decision
	Subject  rules.Subject
	Target   *rules.Target // nil for the general question
	Policy   *rules.Policy
}

// Check answers "may this employee move?" (targetID "") or "may they move
// to this position?" as of date (zero: today). It reads only the rows the
// question needs.
func (s *Service) Check(ctx context.Context, a Actor, nip, targetID string, date time.Time) (*CheckResult, error) {
	if err := a.active(); err != nil {
		return nil, err
	}
	if s.cfg.Resident {
		if res, ok, err := s.checkResident(ctx, a, nip, targetID, date); ok || err != nil {
			return res, err
		}
	}
	dir := s.cfg.Directory
	e, err := employeeByNIP(ctx, dir, nip)
	if err != nil {
		return nil, err
	}
	if err := s.mayRead(ctx, a, e); err != nil {
		return nil, err
	}
	var target *rules.Target
	if targetID != "" {
		if target, err = targetOf(ctx, dir, targetID); err != nil {
			return nil, err
		}
	}
	subject, err := subjectOf(ctx, dir, e)
	if err != nil {
		return nil, err
	}
	p := s.Policy()
	return &CheckResult{Decision: p.Evaluate(subject, target, s.day(date)), Subject: subject, Target: target, Policy: p}, nil
}

// mayRead checks the actor's access to an employee's record, reading the
// unit tree only for a manager.
func (s *Service) mayRead(ctx context.Context, a Actor, e *mutasi.Employee) error {
	if a.everything() {
		return nil
	}
	if a.User.Role == mutasi.RoleASN {
		return a.mayReadEmployee(nil, e)
	}
	org, err := s.Organisation(ctx)
	if err != nil {
		return err
	}
	return a.mayReadEmployee(org, e)
}

// checkResident answers from the organisation a resident service keeps
// (fresh by its data generation), without a query per question: the bot
// asks this for every /cek. ok is false when the organisation cannot say
// (an inactive or unknown employee or target: the directory words those
// errors), and Check then reads the directory as a command does.
func (s *Service) checkResident(ctx context.Context, a Actor, nip, targetID string, date time.Time) (*CheckResult, bool, error) {
	org, err := s.Organisation(ctx)
	if err != nil {
		return nil, false, err
	}
	e := org.Employee(strings.ReplaceAll(nip, " ", ""))
	if e == nil {
		return nil, false, nil
	}
	if err := a.mayReadEmployee(org, e); err != nil {
		return nil, true, err
	}
	var target *rules.Target
	if targetID != "" {
		p := org.Positions[targetID]
		if p == nil {
			return nil, false, nil
		}
		target = org.Target(p)
	}
	subject := org.Subject(e)
	p := s.Policy()
	return &CheckResult{Decision: p.Evaluate(subject, target, s.day(date)), Subject: subject, Target: target, Policy: p}, true, nil
}
