package placement

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// Config wires a Service. Directory, Policy and Now are required; Plans,
// Proposals and Audit only for the methods that use them.
type Config struct {
	Directory mutasi.Directory
	// Policy returns the policy in force; a reload swaps what it returns
	// (rules.Engine.Policy fits).
	Policy    func() *rules.Policy
	Plans     mutasi.PlanStore
	Proposals Proposals
	// Users finds whom to tell about a proposal (the bot's users); nil
	// when nobody is registered (the CLI on a database without the bot).
	Users       Recipients
	Aspirations mutasi.AspirationService
	Audit       mutasi.AuditLog
	// Outbox queues messages that are not part of a proposal's change
	// (announcements, a failed delivery reported to the proposer).
	Outbox mutasi.Outbox
	Now    func() time.Time
	// Workers evaluates employees on this many goroutines (default: the
	// number of CPUs).
	Workers int
	// Resident says the service answers many questions over its life (the
	// bot): it then keeps each employee's subject side between
	// recommendations (rules.Cohort, about 40 MB for 100,000 employees),
	// which a command that asks one question would only pay for.
	Resident bool
}

// Proposals keeps proposals and changes them together with the
// notifications and audit entries they owe (the store).
type Proposals interface {
	mutasi.ProposalService
	mutasi.ProposalFlow
}

// Recipients finds the bot users to tell (the store).
type Recipients interface {
	// UserByNIP is the user of an employee; ENOTFOUND when none.
	UserByNIP(ctx context.Context, nip string) (*mutasi.User, error)
	UsersByRole(ctx context.Context, role mutasi.Role) ([]*mutasi.User, error)
}

// Service is the one placement service. It is safe for concurrent use.
type Service struct {
	cfg Config

	mu  sync.Mutex
	org *Org // cached while the store's data generation is unchanged

	cohortMu    sync.Mutex
	cohortCache *cohortParts
}

// New returns a Service.
func New(cfg Config) *Service {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return &Service{cfg: cfg}
}

// Policy returns the policy in force.
func (s *Service) Policy() *rules.Policy { return s.cfg.Policy() }

// day returns the evaluation date: date if given, else today.
func (s *Service) day(date time.Time) time.Time {
	if date.IsZero() {
		return mutasi.Day(s.cfg.Now())
	}
	return mutasi.Day(date)
}

// snapshotStore keeps an encoded organisation per data generation (the
// store implements it); see orgcodec.go.
type snapshotStore interface {
	OrgSnapshot(ctx context.Context, format int) (generation int64, data []byte, err error)
	SaveOrgSnapshot(ctx context.Context, generation int64, format int, data []byte) error
}

// Organisation returns the organisation as evaluation needs it. A store
// that reports a data generation (mutasi.DataGeneration) lets the copy be
// kept while nothing changed, which a long-running process (the bot)
// relies on; one that also keeps snapshots lets a new process (the CLI)
// read the organisation in one blob instead of row by row. Otherwise
// every call reads afresh.
func (s *Service) Organisation(ctx context.Context) (*Org, error) {
	gen, cacheable := s.cfg.Directory.(mutasi.DataGeneration)
	if !cacheable {
		return loadOrg(ctx, s.cfg.Directory)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	current, err := gen.DataGeneration(ctx)
	if err != nil {
		return nil, err
	}
	if s.org != nil && s.org.Generation == current {
		return s.org, nil
	}
	snaps, _ := s.cfg.Directory.(snapshotStore)
	if snaps != nil {
		if g, data, err := snaps.OrgSnapshot(ctx, orgFormat); err == nil {
			if org, err := decodeOrg(data); err == nil {
				org.Generation = g
				s.org = org
				return org, nil
			}
		}
	}
	for attempt := 0; ; attempt++ {
		org, err := loadOrg(ctx, s.cfg.Directory)
		if err != nil {
			return nil, err
		}
		after, err := gen.DataGeneration(ctx)
		if err != nil {
			return nil, err
		}
		// The tables are read one after another: a write between two
		// reads would mix two states, so read again (a few times at most;
		// a store written without pause still gets an answer, never
		// cached).
		if after != current && attempt < 2 {
			current = after
			continue
		}
		org.Generation = -1
		if after == current {
			org.Generation = after
			if snaps != nil {
				// Best effort: a busy or read-only database only costs the
				// next process the slow read.
				_ = snaps.SaveOrgSnapshot(ctx, after, orgFormat, encodeOrg(org))
			}
		}
		s.org = org
		return org, nil
	}
}
