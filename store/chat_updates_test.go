package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestLastUpdateIsKeptPerChatAcrossAReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "u.db")
	ctx := context.Background()
	day := time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC)
	db, err := Open(ctx, path, WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	if id, at, err := db.LastUpdate(ctx, 7); err != nil || id != 0 || !at.IsZero() {
		t.Fatalf("nothing handled yet: %d %v %v", id, at, err)
	}
	for _, m := range [][2]int64{{7, 10}, {8, 11}, {7, 12}} {
		if err := db.MarkUpdate(ctx, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for chat, want := range map[int64]int64{7: 12, 8: 11, 9: 0} {
		id, at, err := db.LastUpdate(ctx, chat)
		if err != nil || id != want || want != 0 && !at.Equal(day) {
			t.Errorf("chat %d: %d at %v (%v), want %d at %v", chat, id, at, err, want, day)
		}
	}
}
