package bot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/bot/telegramtest"
)

// BenchmarkChats200x20 is 200 ASN chats each asking 20 times "may I move
// to this position?" (/cek toward a position, by its button) on the
// 100,000-employee demo, through the real client and the fake Bot API: it
// reports p50 and p99 from update to reply, errors and peak heap.
//
//	go test ./bot -run '^$' -bench Chats200x20 -benchtime 1x -timeout 20m
func BenchmarkChats200x20(b *testing.B) { benchChats(b, 0) }

// BenchmarkChats200x20Paced is the same with people's pace: each chat
// waits 0,5–1,5 s (about a second) after a reply before its next message,
// so the bot sees about 200 questions a second, each timed alone.
func BenchmarkChats200x20Paced(b *testing.B) { benchChats(b, time.Second) }

func benchChats(b *testing.B, pause time.Duration) {
	const chats, rounds = 200, 20
	h := newHarnessN(b, 100_000)
	ctx := context.Background()
	org, err := h.svc.Organisation(ctx)
	if err != nil {
		b.Fatal(err)
	}
	pos := org.Positions[h.target]
	users := make([]telegramtest.User, chats)
	for i := range users {
		e := org.Employees[i*len(org.Employees)/chats]
		users[i] = telegramtest.User{ID: int64(10_000 + i), FirstName: "Uji"}
		if err := h.db.SaveUser(ctx, &mutasi.User{TelegramID: users[i].ID, Role: mutasi.RoleASN, NIP: e.NIP, Nama: e.Nama, Active: true}); err != nil {
			b.Fatal(err)
		}
	}
	// Each round, a chat finds the position (not timed), then presses it
	// (timed): the press asks the service for the decision.
	if kb := h.say(users[0], "/cek "+pos.ID, 1)[0]; len(kb.Keyboard) == 0 {
		b.Fatalf("no keyboard for %s: %q", pos.ID, kb.Text)
	}
	events, stop := h.srv.Subscribe(0)
	defer stop()
	type reply struct {
		at  time.Time
		msg telegramtest.Message
	}
	replies := make([]chan reply, chats)
	for i := range replies {
		replies[i] = make(chan reply, 4*rounds)
	}
	go func() {
		for ev := range events {
			if ev.Kind == "send" && ev.ChatID >= 10_000 && ev.ChatID < 10_000+chats {
				replies[ev.ChatID-10_000] <- reply{time.Now(), ev.Message}
			}
		}
	}()
	var peak uint64
	stopPeak := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stopPeak:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	b.ResetTimer()
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wait := func() (reply, bool) {
				select {
				case r := <-replies[i]:
					return r, true
				case <-time.After(30 * time.Second):
					mu.Lock()
					errs++
					mu.Unlock()
					return reply{}, false
				}
			}
			r := rand.New(rand.NewPCG(uint64(i), 1))
			for range rounds {
				if pause > 0 {
					time.Sleep(pause/2 + time.Duration(r.Int64N(int64(pause))))
				}
				h.srv.SendText(u, "/cek "+pos.ID)
				kb, ok := wait()
				if !ok || len(kb.msg.Keyboard) == 0 {
					continue
				}
				start := time.Now()
				h.srv.PressButton(u, kb.msg.ID, kb.msg.Keyboard[0][0].CallbackData)
				if r, ok := wait(); ok {
					mu.Lock()
					lat = append(lat, r.at.Sub(start))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	close(stopPeak)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		b.Fatal("no replies")
	}
	p := func(q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
	b.ReportMetric(float64(p(0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(errs), "errors")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.Log(fmt.Sprintf("%d replies, %d errors, p50 %v, p99 %v, max %v", len(lat), errs, p(0.5), p(0.99), lat[len(lat)-1]))
}
