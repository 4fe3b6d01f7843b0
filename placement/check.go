package placement

import (
	"context"
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
