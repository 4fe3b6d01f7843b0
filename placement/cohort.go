package placement

import (
	"context"
	"time"

	"github.com/mutasi/mutasi/rules"
)

// cohortParts is the subject side of every employee of an organisation
// under one policy and date (rules.Cohort), split in the contiguous ranges
// the workers evaluate, so that each is built and read by one goroutine.
type cohortParts struct {
	org    *Org
	policy *rules.Policy
	day    time.Time
	lo     []int
	parts  []*rules.Cohort
}

// cohort returns the cohort of org under p on day, built on first use and
// kept while the three are the same: the bot's recommendations then
// evaluate only the rules that read the target (the cohort of 100,000
// employees costs about 40 MB).
func (s *Service) cohort(ctx context.Context, org *Org, p *rules.Policy, day time.Time) (*cohortParts, error) {
	s.cohortMu.Lock()
	defer s.cohortMu.Unlock()
	if c := s.cohortCache; c != nil && c.org == org && c.policy == p && c.day.Equal(day) {
		return c, nil
	}
	c := &cohortParts{org: org, policy: p, day: day,
		lo: make([]int, s.cfg.Workers), parts: make([]*rules.Cohort, s.cfg.Workers)}
	subjects := org.subjects()
	err := parallel(ctx, s.cfg.Workers, len(subjects), func(w, lo, hi int) error {
		c.lo[w], c.parts[w] = lo, p.NewCohort(day, subjects[lo:hi])
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.cohortCache = c
	return c, nil
}
