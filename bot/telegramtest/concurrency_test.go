package telegramtest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

const (
	concurrentUsers = 200
	messagesPerUser = 20
)

func echo(ctx context.Context, b *bot.Bot, u *models.Update) {
	if u.Message == nil {
		return
	}
	// An error here shows as a missing reply.
	_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "echo: " + u.Message.Text})
}

// checkReplies checks a chat's replies: all there, in order, with increasing ids.
func checkReplies(srv *Server, user int64) error {
	msgs := srv.Messages(user)
	if len(msgs) != messagesPerUser {
		return fmt.Errorf("chat %d: %d replies, want %d", user, len(msgs), messagesPerUser)
	}
	for i, m := range msgs {
		if want := fmt.Sprintf("echo: m%02d", i); m.Text != want || m.ChatID != user {
			return fmt.Errorf("chat %d: reply %d is %q in chat %d, want %q", user, i, m.Text, m.ChatID, want)
		}
		if i > 0 && m.ID <= msgs[i-1].ID {
			return fmt.Errorf("chat %d: message ids %d then %d", user, msgs[i-1].ID, m.ID)
		}
	}
	return nil
}

// TestConcurrentConversations: 200 users talk at once, each waiting for the
// reply before writing again; the bot's handlers run concurrently.
func TestConcurrentConversations(t *testing.T) {
	srv := newServer(t)
	startBot(t, srv, bot.WithDefaultHandler(echo))
	events, stop := srv.Subscribe(0)
	defer stop()
	const total = concurrentUsers * messagesPerUser
	counted := make(chan struct{})
	go func() {
		sends := 0
		for ev := range events {
			if ev.Kind == "send" {
				if sends++; sends == total {
					close(counted)
					return
				}
			}
		}
	}()
	ctx := timeout(t)
	errs := make(chan error, concurrentUsers)
	var wg sync.WaitGroup
	for u := 0; u < concurrentUsers; u++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := User{ID: int64(10000 + u), FirstName: fmt.Sprintf("U%d", u)}
			for i := 0; i < messagesPerUser; i++ {
				srv.SendText(user, fmt.Sprintf("m%02d", i))
				if _, err := srv.WaitMessages(ctx, user.ID, i+1); err != nil {
					errs <- fmt.Errorf("chat %d, message %d: %w", user.ID, i, err)
					return
				}
			}
			errs <- checkReplies(srv, user.ID)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	// User and bot messages share a chat's ids: 1, 2 … 40.
	if last := srv.Messages(10000)[messagesPerUser-1].ID; last != 2*messagesPerUser {
		t.Errorf("the last reply's id = %d, want %d", last, 2*messagesPerUser)
	}
	select {
	case <-counted:
		if n := srv.Calls("sendMessage"); n != total {
			t.Errorf("%d sendMessage calls, want %d", n, total)
		}
	case <-ctx.Done():
		t.Errorf("the subscription did not deliver %d send events", total)
	}
}

// TestConcurrentBurst: 200 users each send 20 messages without waiting; the bot
// handles updates one at a time, so every chat's replies must come in order.
func TestConcurrentBurst(t *testing.T) {
	srv := newServer(t)
	startBot(t, srv, bot.WithDefaultHandler(echo), bot.WithNotAsyncHandlers())
	var wg sync.WaitGroup
	for u := 0; u < concurrentUsers; u++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := User{ID: int64(20000 + u)}
			for i := 0; i < messagesPerUser; i++ {
				srv.SendText(user, fmt.Sprintf("m%02d", i))
			}
		}()
	}
	wg.Wait()
	ctx := timeout(t)
	for u := 0; u < concurrentUsers; u++ {
		id := int64(20000 + u)
		if _, err := srv.WaitMessages(ctx, id, messagesPerUser); err != nil {
			t.Fatalf("chat %d: %v", id, err)
		}
		if err := checkReplies(srv, id); err != nil {
			t.Error(err)
		}
	}
}
