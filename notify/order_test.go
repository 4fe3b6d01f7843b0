package notify

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// dueOnly hides the store's PendingReader: the dispatcher reads by Due.
type dueOnly struct{ mutasi.Outbox }

// Many chats at once, each in id order, under transient failures and 429s
// that hold a chat's later messages back; both limits kept.
func TestOrderPerChat(t *testing.T) {
	tests := []struct {
		name   string
		outbox func(*store.DB) mutasi.Outbox
	}{
		{"store", func(db *store.DB) mutasi.Outbox { return db }},
		{"due fallback", func(db *store.DB) mutasi.Outbox { return dueOnly{db} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			synctest.Test(t, func(t *testing.T) {
				db := openStore(t, dir)
				defer db.Close()
				const chats, each = 30, 10
				var order []int64
				for range each {
					for c := range chats {
						order = append(order, int64(1000+c))
					}
				}
				rand.New(rand.NewPCG(3, 4)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				ids := enqueue(t, db, order...)
				want := make(map[int64][]int64)
				for i, id := range ids {
					want[order[i]] = append(want[order[i]], id)
				}

				sender := &fakeSender{latency: 50 * time.Millisecond, fail: func(n *mutasi.Notification, k int) error {
					switch {
					case k == 1 && n.ID%7 == 0:
						return errBadGateway
					case k == 1 && n.ID%11 == 0:
						return &RetryAfterError{After: 2 * time.Second}
					}
					return nil
				}}
				opt := testOptions()
				opt.Global, opt.PerChat, opt.Workers, opt.Batch = 50, 1, 8, 20
				d := New(tc.outbox(db), sender, opt)
				r := start(d)
				waitSettled(t, db, time.Hour)
				r.stop(t)

				got := sender.delivered()
				for chat, w := range want {
					if !slices.Equal(got[chat], w) {
						t.Errorf("chat %d got %v, want %v", chat, got[chat], w)
					}
				}
				all := sender.attempts()
				lastOf := make(map[int64]attempt)
				for i, a := range all {
					prev, seen := lastOf[a.chat]
					switch {
					case seen && a.id < prev.id:
						t.Errorf("chat %d: %d attempted after %d", a.chat, a.id, prev.id)
					case seen && a.id > prev.id && prev.err != nil:
						t.Errorf("chat %d: %d attempted while %d was failing", a.chat, a.id, prev.id)
					case seen && a.at.Sub(prev.at) < time.Second:
						t.Errorf("chat %d: attempts %s apart, want at least 1 s", a.chat, a.at.Sub(prev.at))
					}
					lastOf[a.chat] = a
					if i > 0 && a.at.Sub(all[i-1].at) < 20*time.Millisecond-time.Microsecond {
						t.Errorf("attempts %d and %d %s apart, want at least 20 ms (50/s)", all[i-1].id, a.id, a.at.Sub(all[i-1].at))
					}
				}
				if sender.maxIn < 2 {
					t.Errorf("at most %d sends at once, want several chats concurrently", sender.maxIn)
				}
				if got, want := d.Stats(), (Stats{Sent: chats * each, Retried: int64(len(all) - chats*each)}); got != want || want.Retried == 0 {
					t.Errorf("stats %+v, want %+v (with retries)", got, want)
				}
				for _, id := range ids {
					if n := notification(t, db, id); n.Status != mutasi.NotificationSent {
						t.Errorf("notification %d is %s", id, n.Status)
					}
				}
			})
		})
	}
}

// A chat waiting for its token or in backoff holds no worker: with one
// worker, another chat goes meanwhile; the chat's own later message waits
// for the retry.
func TestWaitingChatDoesNotBlockOthers(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ids := enqueue(t, db, 1, 1, 2, 1)
		a1, a2, b, a3 := ids[0], ids[1], ids[2], ids[3]
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if n.ID == a1 && k == 1 {
				return errBadGateway
			}
			return nil
		}}
		opt := testOptions()
		opt.PerChat, opt.Workers = 1, 1
		opt.Backoff = func(int) time.Duration { return time.Minute }
		t0 := time.Now()
		r := start(New(db, sender, opt))
		waitSettled(t, db, time.Hour)
		r.stop(t)

		type call struct {
			id int64
			at time.Duration
		}
		var got []call
		for _, a := range sender.attempts() {
			got = append(got, call{a.id, a.at.Sub(t0)})
		}
		want := []call{{a1, 0}, {b, 0}, {a1, time.Minute}, {a2, time.Minute + time.Second}, {a3, time.Minute + 2*time.Second}}
		if !slices.Equal(got, want) {
			t.Errorf("attempts %v, want %v", got, want)
		}
	})
}

// A chat with far more queued than is held per chat does not crowd out
// the chats after it, and its own messages still go in order.
func TestCrowdedChat(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		var chats []int64
		for range 100 {
			chats = append(chats, 7)
		}
		for c := range 10 {
			chats = append(chats, int64(100+c))
		}
		ids := enqueue(t, db, chats...)
		sender := &fakeSender{}
		opt := testOptions()
		opt.PerChat, opt.Batch = 1, 5 // holds at most 50
		t0 := time.Now()
		r := start(New(db, sender, opt))
		waitSettled(t, db, time.Hour)
		r.stop(t)

		got := sender.delivered()
		if !slices.Equal(got[7], ids[:100]) {
			t.Errorf("chat 7 got %v, want %v", got[7], ids[:100])
		}
		for _, a := range sender.attempts() {
			if a.chat != 7 && a.at.Sub(t0) > time.Second {
				t.Errorf("chat %d waited %s behind the crowded chat", a.chat, a.at.Sub(t0))
			}
		}
		if len(got) != 11 {
			t.Errorf("%d chats got messages, want 11", len(got))
		}
	})
}

// Chats are forgotten once idle, limiters and all.
func TestIdleChatsForgotten(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		var chats []int64
		for c := range 200 {
			chats = append(chats, int64(c+1), int64(c+1))
		}
		enqueue(t, db, chats...)
		opt := testOptions()
		opt.PerChat, opt.Poll = 1, time.Second // idle chats are swept at each poll
		d := New(db, &fakeSender{}, opt)
		r := start(d)
		synctest.Wait()
		if n := d.chats.Load(); n != 200 {
			t.Errorf("%d chats in memory while sending, want 200", n)
		}
		waitSettled(t, db, time.Hour)
		time.Sleep(3 * time.Second)
		if n := d.chats.Load(); n != 0 {
			t.Errorf("%d chats in memory when idle, want 0", n)
		}
		r.stop(t)
		if got := d.Stats().Sent; got != 400 {
			t.Errorf("sent %d, want 400", got)
		}
	})
}

// Wake makes the dispatcher look at once instead of at its next poll.
func TestWake(t *testing.T) {
	for _, wake := range []bool{true, false} {
		dir := t.TempDir()
		synctest.Test(t, func(t *testing.T) {
			db := openStore(t, dir)
			defer db.Close()
			sender := &fakeSender{}
			opt := testOptions()
			opt.Poll = time.Hour
			d := New(db, sender, opt)
			r := start(d)
			time.Sleep(time.Minute)
			t0 := time.Now()
			enqueue(t, db, 5)
			if wake {
				d.Wake()
			}
			waitSettled(t, db, 2*time.Hour)
			r.stop(t)
			at := sender.attempts()[0].at.Sub(t0)
			if want := 59 * time.Minute; wake && at != 0 || !wake && at != want {
				t.Errorf("wake %v: sent after %s", wake, at)
			}
		})
	}
}

// After a restart, a chat's notification in backoff still holds back its
// later ones, and the stored attempts count against MaxAttempts.
func TestRestartKeepsOrderAndAttempts(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, dir)
		defer db.Close()
		ctx := context.Background()
		ids := enqueue(t, db, 1, 1, 2)
		// The first was tried three times before the restart and waits
		// until +10 min; the second of chat 1 is due now.
		for range 3 {
			if err := db.MarkFailed(ctx, ids[0], "502 Bad Gateway", time.Now().Add(10*time.Minute), false); err != nil {
				t.Fatal(err)
			}
		}
		sender := &fakeSender{fail: func(n *mutasi.Notification, k int) error {
			if n.ID == ids[0] {
				return errBadGateway
			}
			return nil
		}}
		var gave giveUps
		opt := testOptions()
		opt.MaxAttempts = 4
		opt.OnGiveUp = gave.hook(db)
		t0 := time.Now()
		r := start(New(db, sender, opt))
		waitSettled(t, db, time.Hour)
		r.stop(t)

		var got []int64
		for _, a := range sender.attempts() {
			got = append(got, a.id)
			if a.id == ids[1] && a.at.Sub(t0) < 10*time.Minute {
				t.Errorf("chat 1's second went at +%s, before its first's retry at +10m", a.at.Sub(t0))
			}
		}
		if want := []int64{ids[2], ids[0], ids[1]}; !slices.Equal(got, want) {
			t.Errorf("attempts %v, want %v", got, want)
		}
		if n := notification(t, db, ids[0]); n.Status != mutasi.NotificationFailed || n.Attempts != 4 {
			t.Errorf("first: %s after %d attempts, want failed after 4", n.Status, n.Attempts)
		}
		if g := gave.list(); len(g) != 1 || g[0].id != ids[0] || !errors.Is(g[0].cause, errBadGateway) {
			t.Errorf("OnGiveUp calls %+v", g)
		}
	})
}

// A worker that found no token for the chat (only if the clock went back)
// leaves the chat waiting for it, not handed out again in a loop.
func TestNoTokenWaits(t *testing.T) {
	now := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	s := newScheduler(New(dueOnly{}, &fakeSender{}, testOptions()))
	s.admit(&mutasi.Notification{ID: 1, TelegramID: 9, NextAttemptAt: now}, now, false)
	if len(s.ready) != 1 {
		t.Fatalf("%d chats ready, want 1", len(s.ready))
	}
	c := s.ready[0]
	s.ready, c.ready, c.busy = nil, false, true // handed to a worker
	s.apply(context.Background(), result{job: job{chatID: 9, item: c.queue[0]}, outcome: notTried, at: now.Add(5 * time.Second)}, now)
	if len(s.ready) != 0 || len(s.waiting) != 1 || !s.waiting[0].at.Equal(now.Add(5*time.Second)) {
		t.Errorf("after no token: %d ready, %d waiting (at %v), want the chat waiting 5 s", len(s.ready), len(s.waiting), c.at)
	}
	s.release(now.Add(5 * time.Second))
	if len(s.ready) != 1 {
		t.Errorf("%d chats ready after the wait, want 1", len(s.ready))
	}
}
