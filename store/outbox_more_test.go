package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestOutboxPending(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	// Chats 1 and 2 alternate; ids[2] waits an hour, as if in backoff.
	var ids []int64
	for i := range 6 {
		n := &mutasi.Notification{TelegramID: int64(1 + i%2), Text: "Usulan mutasi untuk Anda"}
		if i == 2 {
			n.NextAttemptAt = testNow.Add(time.Hour)
		}
		if err := db.Enqueue(ctx, n); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if err := db.MarkSent(ctx, ids[0], testNow); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkFailed(ctx, ids[3], "403 Forbidden", testNow, true); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkFailed(ctx, ids[4], "502 Bad Gateway", testNow.Add(2*time.Hour), false); err != nil {
		t.Fatal(err)
	}
	idsOf := func(list []*mutasi.Notification, err error) []int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, n := range list {
			got = append(got, n.ID)
		}
		return got
	}
	tests := []struct {
		name string
		got  []int64
		want []int64
	}{
		// Pending in id order, whatever the next attempt time: sent and
		// failed ones are left out.
		{"after 0", idsOf(db.PendingAfter(ctx, 0, 10)), []int64{ids[1], ids[2], ids[4], ids[5]}},
		{"after 0, limit 2", idsOf(db.PendingAfter(ctx, 0, 2)), []int64{ids[1], ids[2]}},
		{"after ids[2]", idsOf(db.PendingAfter(ctx, ids[2], 10)), []int64{ids[4], ids[5]}},
		{"after the last", idsOf(db.PendingAfter(ctx, ids[5], 10)), nil},
		{"limit 0", idsOf(db.PendingAfter(ctx, 0, 0)), nil},
		{"chat 1", idsOf(db.PendingForChat(ctx, 1, 0, 10)), []int64{ids[2], ids[4]}},
		{"chat 1 after ids[2]", idsOf(db.PendingForChat(ctx, 1, ids[2], 10)), []int64{ids[4]}},
		{"chat 2, limit 1", idsOf(db.PendingForChat(ctx, 2, 0, 1)), []int64{ids[1]}},
		{"chat 3", idsOf(db.PendingForChat(ctx, 3, 0, 10)), nil},
		{"chat limit 0", idsOf(db.PendingForChat(ctx, 1, 0, 0)), nil},
	}
	for _, tc := range tests {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	list, err := db.PendingAfter(ctx, ids[3], 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := list[0]; n.ID != ids[4] || n.TelegramID != 1 || n.Attempts != 1 || n.LastError != "502 Bad Gateway" ||
		!n.NextAttemptAt.Equal(testNow.Add(2*time.Hour)) || n.Status != mutasi.NotificationPending {
		t.Errorf("notification read back as %+v", n)
	}
}
