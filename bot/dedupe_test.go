package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"
)

type memUpdates struct {
	id  int64
	at  time.Time
	err error
}

func (m *memUpdates) LastUpdate(context.Context, int64) (int64, time.Time, error) {
	return m.id, m.at, m.err
}

func (m *memUpdates) MarkUpdate(_ context.Context, _, id int64) error {
	m.id = id
	return m.err
}

func TestSeenTrustsOnlyAMarkTelegramCouldStillRedeliver(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	m := &memUpdates{id: 500, at: now.Add(-time.Hour)}
	b := New(Config{Updates: m, Now: func() time.Time { return now }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx := context.Background()
	for _, tc := range []struct {
		id   int64
		want bool
	}{{499, true}, {500, true}, {501, false}, {0, false}} {
		if got := b.seen(ctx, 7, tc.id); got != tc.want {
			t.Errorf("update %d after %d an hour ago: seen %v, want %v", tc.id, m.id, got, tc.want)
		}
	}
	// After a week without updates Telegram may number them from lower
	// down: a mark older than a day is no reason to drop anything.
	m.at = now.Add(-25 * time.Hour)
	if b.seen(ctx, 7, 12) {
		t.Error("update 12 dropped because of a mark 25 hours old")
	}
	// A store that fails lets the update through.
	m.at, m.err = now, errors.New("disk I/O error")
	if b.seen(ctx, 7, 12) {
		t.Error("update dropped because the store failed")
	}
	// Without a store nothing is dropped.
	if New(Config{}).seen(ctx, 7, 1) {
		t.Error("a bot without Updates dropped an update")
	}
}
