package mutasi

import (
	"context"
	"time"
)

// PlanRecord is a stored transfer plan: its header, for listing, and its
// whole report as the placement service wrote it (JSON), so that a plan
// shown, exported or turned into proposals months later is exactly the
// one that was computed.
type PlanRecord struct {
	ID            int64
	CreatedAt     time.Time
	CreatedBy     int64     // Telegram id of the author, 0 for the CLI
	Date          time.Time // the evaluation date of every decision in it
	PolicyVersion string
	Objective     float64
	Moves         int
	Body          []byte // the plan report, JSON
}

// PlanStore keeps transfer plans.
type PlanStore interface {
	SavePlan(ctx context.Context, p *PlanRecord) error
	Plan(ctx context.Context, id int64) (*PlanRecord, error)
	// Plans lists plan headers (Body empty), newest first; limit 0 is all.
	Plans(ctx context.Context, limit int) ([]*PlanRecord, error)
}

// DataGeneration is implemented by stores whose organisation data (units,
// positions, employees, aspirations) carries a counter that every write of
// it raises, so that a long-running process knows when a cached copy is
// stale, even when another process wrote.
type DataGeneration interface {
	DataGeneration(ctx context.Context) (int64, error)
}
