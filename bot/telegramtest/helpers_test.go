package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

const testToken = "123456:TEST-token_abc"

var alice = User{ID: 501, FirstName: "Alice", Username: "alice", LanguageCode: "id"}

// newServer starts a fake server closed at the end of the test.
func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv, err := NewServer(testToken, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// errLog collects the errors the client reports in the background.
type errLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *errLog) add(err error) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
}

func (l *errLog) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

// newBot makes a real go-telegram/bot client for srv (not started).
func newBot(t *testing.T, srv *Server, opts ...bot.Option) (*bot.Bot, *errLog) {
	t.Helper()
	log := &errLog{}
	all := append([]bot.Option{
		bot.WithServerURL(srv.URL),
		bot.WithSkipGetMe(),
		bot.WithErrorsHandler(log.add),
		bot.WithDefaultHandler(func(context.Context, *bot.Bot, *models.Update) {}),
	}, opts...)
	b, err := bot.New(srv.Token(), all...)
	if err != nil {
		t.Fatal(err)
	}
	return b, log
}

// startBot starts a client polling srv; it stops (and waits for that) at the end
// of the test, before srv closes.
func startBot(t *testing.T, srv *Server, opts ...bot.Option) (*bot.Bot, *errLog) {
	t.Helper()
	b, log := newBot(t, srv, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return b, log
}

func timeout(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// apiAnswer is a decoded Bot API answer.
type apiAnswer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// post sends a request with a body of the given content type and decodes the answer.
func post(t *testing.T, url, contentType, body string) (int, apiAnswer) {
	t.Helper()
	status, a, err := tryPost(url, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	return status, a
}

// tryPost is post for other goroutines than the test's.
func tryPost(url, contentType, body string) (int, apiAnswer, error) {
	var a apiAnswer
	resp, err := http.Post(url, contentType, strings.NewReader(body))
	if err != nil {
		return 0, a, err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &a); err != nil {
		return resp.StatusCode, a, fmt.Errorf("answer is not JSON: %v: %s", err, data)
	}
	return resp.StatusCode, a, nil
}

// callJSON calls a method with a JSON body.
func callJSON(t *testing.T, srv *Server, method string, params map[string]any) (int, apiAnswer) {
	t.Helper()
	status, a, err := tryCallJSON(srv, method, params)
	if err != nil {
		t.Fatal(err)
	}
	return status, a
}

func tryCallJSON(srv *Server, method string, params map[string]any) (int, apiAnswer, error) {
	body, err := json.Marshal(params)
	if err != nil {
		return 0, apiAnswer{}, err
	}
	return tryPost(srv.URL+"/bot"+srv.Token()+"/"+method, "application/json", string(body))
}

// pngImage encodes a w×h picture.
func pngImage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// eventually waits for cond, polling, up to a deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
