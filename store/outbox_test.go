package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

func TestOutbox(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	var ids []int64
	for i, at := range []time.Time{testNow, testNow.Add(time.Minute), testNow.Add(time.Hour), {}} {
		n := &mutasi.Notification{TelegramID: int64(10 + i), Text: "Usulan mutasi untuk Anda", NextAttemptAt: at}
		if err := db.Enqueue(ctx, n); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	due := func(now time.Time, limit int) []int64 {
		t.Helper()
		list, err := db.Due(ctx, now, limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, n := range list {
			got = append(got, n.ID)
		}
		return got
	}
	// The fourth had no time: due at once (CreatedAt = testNow).
	if got, want := due(testNow.Add(30*time.Second), 10), []int64{ids[0], ids[3]}; !slices.Equal(got, want) {
		t.Errorf("due at +30s: %v, want %v", got, want)
	}
	if got, want := due(testNow.Add(2*time.Hour), 3), []int64{ids[0], ids[3], ids[1]}; !slices.Equal(got, want) {
		t.Errorf("due at +2h, limit 3: %v, want %v", got, want)
	}

	sentAt := testNow.Add(time.Second)
	if err := db.MarkSent(ctx, ids[0], sentAt); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkFailed(ctx, ids[3], "429 Too Many Requests", testNow.Add(10*time.Minute), false); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkFailed(ctx, ids[1], "403 Forbidden: bot was blocked", time.Time{}, true); err != nil {
		t.Fatal(err)
	}
	if got, want := due(testNow.Add(5*time.Minute), 10), []int64(nil); !slices.Equal(got, want) {
		t.Errorf("due at +5m: %v, want %v", got, want)
	}
	if got, want := due(testNow.Add(2*time.Hour), 10), []int64{ids[3], ids[2]}; !slices.Equal(got, want) {
		t.Errorf("due at +2h after marks: %v, want %v", got, want)
	}

	tests := []struct {
		id       int64
		status   mutasi.NotificationStatus
		attempts int
		lastErr  string
		sentAt   time.Time
	}{
		{ids[0], mutasi.NotificationSent, 1, "", sentAt},
		{ids[1], mutasi.NotificationFailed, 1, "403 Forbidden: bot was blocked", time.Time{}},
		{ids[3], mutasi.NotificationPending, 1, "429 Too Many Requests", time.Time{}},
	}
	for _, tc := range tests {
		n, err := db.Notification(ctx, tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if n.Status != tc.status || n.Attempts != tc.attempts || n.LastError != tc.lastErr || !n.SentAt.Equal(tc.sentAt) {
			t.Errorf("notification %d: %+v, want status %s attempts %d error %q sent %v", tc.id, n, tc.status, tc.attempts, tc.lastErr, tc.sentAt)
		}
	}
	if err := db.MarkSent(ctx, ids[0], sentAt); mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Errorf("marking a sent notification again: %v, want ECONFLICT", err)
	}
	if err := db.Enqueue(ctx, &mutasi.Notification{TelegramID: 1, Text: "x", ProposalID: 77}); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("enqueueing about an unknown proposal: %v, want ENOTFOUND", err)
	}
	if err := db.MarkSent(ctx, 999, sentAt); mutasi.ErrorCode(err) != mutasi.ENOTFOUND {
		t.Errorf("marking an unknown notification: %v, want ENOTFOUND", err)
	}
}

func TestAudit(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	entries := []*mutasi.AuditEntry{
		{Actor: "cli", Action: "import.employees", Subject: "employees.csv", Detail: "3 baru"},
		{Actor: "tg:7", Action: "proposal.create", Subject: "1", PolicyVersion: "mutasi-default 2026.1", At: testNow.Add(time.Hour)},
	}
	for _, e := range entries {
		if err := db.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Audit(ctx, &mutasi.AuditEntry{Action: "x"}); mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Errorf("entry without actor: %v, want EINVALID", err)
	}
	got, err := db.AuditEntries(ctx, "1", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || *got[0] != *entries[1] {
		t.Errorf("entries about 1: %+v, want %+v", got, entries[1])
	}
	all, err := db.AuditEntries(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || !all[0].At.Equal(testNow) {
		t.Errorf("all entries %+v, want 2, the first at %v", all, testNow)
	}
}
