package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrClosed is returned by the waiting methods when the server has been closed.
var ErrClosed = errors.New("telegramtest: server closed")

// maxPollTimeout caps the timeout parameter of getUpdates (Telegram caps it at 50 seconds too).
const maxPollTimeout = 50 * time.Second

// maxBody is the largest request body accepted (Telegram accepts uploads of up to 50 MB).
const maxBody = 50 << 20

// Server is a fake Telegram Bot API server listening on 127.0.0.1.
// All its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give to the client, e.g. http://127.0.0.1:41234
	// (bot.WithServerURL(srv.URL)).
	URL string

	token       string
	botID       int64
	botUsername string
	botName     string
	retryMin    time.Duration
	retryMax    time.Duration

	hs        *http.Server
	ctx       context.Context // canceled by Close
	cancel    context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup

	mu      sync.Mutex
	closed  bool
	calls   map[string]int
	faults  map[string][]Fault
	chats   map[int64]*chatState
	subs    map[*subscriber]struct{}
	cmds    map[string][]BotCommand
	files   map[string]storedFile
	nextSeq int64 // for file and callback query ids

	// updates
	nextUpdateID int64
	queue        []queuedUpdate
	confirmed    []queuedUpdate // the newest confirmed ones, for Unconfirm
	queueChanged chan struct{}  // closed and replaced whenever the queue or the webhook changes
	allowed      map[string]bool
	pollKick     chan struct{} // closed to end the running getUpdates with 409 Conflict
	callbacks    map[string]*callbackState
	cbByUpdate   map[int64]*callbackState
	webhook      webhookState
}

// Option configures a Server.
type Option func(*Server)

// WithBotUser sets what getMe returns: the bot's user id and username.
// By default the id is the number before ':' in the token and the username is "mutasi_bot".
func WithBotUser(id int64, username string) Option {
	return func(s *Server) {
		s.botID = id
		s.botUsername = username
	}
}

// WithBotName sets the bot's first name (default "Mutasi").
func WithBotName(firstName string) Option {
	return func(s *Server) { s.botName = firstName }
}

// WithWebhookRetry sets the delays between attempts to deliver an update to a webhook
// that failed: the first retry waits min, each further one twice as long, up to max.
// The default is 50ms up to 2s (Telegram waits longer).
func WithWebhookRetry(min, max time.Duration) Option {
	return func(s *Server) {
		s.retryMin = min
		s.retryMax = max
	}
}

// NewServer starts a fake Bot API server for the given token on 127.0.0.1 at a free port.
// Only requests to /bot<token>/<method> are served; any other path gets 401 Unauthorized.
func NewServer(token string, opts ...Option) (*Server, error) {
	if strings.TrimSpace(token) == "" || strings.ContainsAny(token, "/?# ") {
		return nil, fmt.Errorf("telegramtest: invalid token %q", token)
	}
	s := &Server{
		token:        token,
		botUsername:  "mutasi_bot",
		botName:      "Mutasi",
		retryMin:     50 * time.Millisecond,
		retryMax:     2 * time.Second,
		done:         make(chan struct{}),
		calls:        map[string]int{},
		faults:       map[string][]Fault{},
		chats:        map[int64]*chatState{},
		subs:         map[*subscriber]struct{}{},
		cmds:         map[string][]BotCommand{},
		files:        map[string]storedFile{},
		queueChanged: make(chan struct{}),
		callbacks:    map[string]*callbackState{},
		cbByUpdate:   map[int64]*callbackState{},
	}
	if id, err := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64); err == nil && id > 0 {
		s.botID = id
	} else {
		s.botID = 1
	}
	for _, o := range opts {
		o(s)
	}
	if s.retryMin <= 0 {
		s.retryMin = time.Millisecond
	}
	if s.retryMax < s.retryMin {
		s.retryMax = s.retryMin
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("telegramtest: listen: %w", err)
	}
	s.URL = "http://" + ln.Addr().String()
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.hs = &http.Server{
		Handler:           http.HandlerFunc(s.serveHTTP),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(io.Discard, "", 0),
		BaseContext:       func(net.Listener) context.Context { return s.ctx },
	}
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		_ = s.hs.Serve(ln)
	}()
	go func() {
		defer s.wg.Done()
		s.deliverWebhooks()
	}()
	return s, nil
}

// Close ends pending long polls (they answer with no updates), stops webhook delivery,
// closes every subscription channel and shuts the listener down. It is safe to call
// more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.done)
		s.broadcastQueue()
		subs := s.subs
		s.subs = map[*subscriber]struct{}{}
		s.mu.Unlock()
		for sub := range subs {
			sub.cancel()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = s.hs.Shutdown(ctx)
		cancel()
		_ = s.hs.Close()
		s.cancel()
		s.wg.Wait()
	})
}

// Token returns the bot token the server accepts.
func (s *Server) Token() string { return s.token }

// Calls returns how many requests of a method were made (method names are
// case-insensitive, as in the Bot API), including requests that failed.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[strings.ToLower(method)]
}

// Fault describes a failure injected with FailNext.
type Fault struct {
	// Status is the HTTP status and error_code: 429, 5xx, 4xx…; -1 drops the
	// connection without an answer. 0 means 500.
	Status int
	// Description is the error description; empty gives Telegram's usual one
	// (e.g. "Too Many Requests: retry after 3" for 429).
	Description string
	// RetryAfter is parameters.retry_after of a 429 answer (at least 1 for 429).
	RetryAfter int
	// Body, if not empty, is sent verbatim as the response body instead of the JSON
	// error (e.g. the HTML page a proxy in front of Telegram answers with a 502).
	Body string
	// Applied makes the request take effect before the failure is returned,
	// as when a response is lost: the message is sent but the client sees an error.
	Applied bool
	// Delay holds the answer back this long (or until the client gives up or the
	// server closes).
	Delay time.Duration
}

// FailNext makes the next n requests of method fail with f.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := strings.ToLower(method)
	for i := 0; i < n; i++ {
		s.faults[m] = append(s.faults[m], f)
	}
}

func (s *Server) takeFault(method string) (Fault, bool) {
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	f := q[0]
	if len(q) == 1 {
		delete(s.faults, method)
	} else {
		s.faults[method] = q[1:]
	}
	return f, true
}

// apiError is a Bot API error answer.
type apiError struct {
	code        int
	description string
	retryAfter  int
}

func (e *apiError) Error() string { return e.description }

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, description: "Bad Request: " + fmt.Sprintf(format, args...)}
}

var (
	errUnauthorized = &apiError{code: http.StatusUnauthorized, description: "Unauthorized"}
	errNotFound     = &apiError{code: http.StatusNotFound, description: "Not Found"}
	errBlocked      = &apiError{code: http.StatusForbidden, description: "Forbidden: bot was blocked by the user"}
	errChatNotFound = badRequest("chat not found")
)

// call is one request to a method.
type call struct {
	ctx    context.Context
	method string
	p      params
	files  map[string][]byte
}

type methodFunc func(s *Server, c *call) (any, *apiError)

var methods = map[string]methodFunc{
	"getme":                  (*Server).getMe,
	"getupdates":             (*Server).getUpdates,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"getwebhookinfo":         (*Server).getWebhookInfo,
	"sendmessage":            (*Server).sendMessage,
	"sendphoto":              (*Server).sendPhoto,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagecaption":     (*Server).editMessageCaption,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"deletemessage":          (*Server).deleteMessage,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"sendchataction":         (*Server).sendChatAction,
	"getchat":                (*Server).getChat,
	"setmycommands":          (*Server).setMyCommands,
	"deletemycommands":       (*Server).deleteMyCommands,
	"getmycommands":          (*Server).getMyCommands,
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	if !ok {
		writeError(w, errUnauthorized)
		return
	}
	token, method, _ := strings.Cut(rest, "/")
	if token != s.token {
		writeError(w, errUnauthorized)
		return
	}
	lm := strings.ToLower(method)
	s.mu.Lock()
	s.calls[lm]++
	fault, faulty := s.takeFault(lm)
	s.mu.Unlock()

	handler, known := methods[lm]
	if !known { // also "test/<method>" of the test environment
		if faulty {
			s.writeFault(w, r, fault)
			return
		}
		writeError(w, errNotFound)
		return
	}
	p, files, perr := parseRequest(r)
	if faulty && !fault.Applied {
		s.writeFault(w, r, fault)
		return
	}
	if perr != nil {
		writeError(w, perr)
		return
	}
	res, aerr := handler(s, &call{ctx: r.Context(), method: lm, p: p, files: files})
	if faulty {
		s.writeFault(w, r, fault)
		return
	}
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	if res == nil {
		// The client went away during a long poll: nobody reads the answer.
		return
	}
	body, err := json.Marshal(res)
	if err != nil {
		writeError(w, &apiError{code: 500, description: "Internal Server Error: " + err.Error()})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"ok":true,"result":`))
	_, _ = w.Write(body)
	_, _ = w.Write([]byte(`}`))
}

func writeError(w http.ResponseWriter, e *apiError) {
	type respParams struct {
		RetryAfter int `json:"retry_after,omitempty"`
	}
	out := struct {
		OK          bool        `json:"ok"`
		ErrorCode   int         `json:"error_code"`
		Description string      `json:"description"`
		Parameters  *respParams `json:"parameters,omitempty"`
	}{OK: false, ErrorCode: e.code, Description: e.description}
	if e.retryAfter > 0 {
		out.Parameters = &respParams{RetryAfter: e.retryAfter}
	}
	body, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.code)
	_, _ = w.Write(body)
}

func (s *Server) writeFault(w http.ResponseWriter, r *http.Request, f Fault) {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
		case <-s.done:
		}
		t.Stop()
	}
	if f.Status == -1 {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // aborts the response without an answer
	}
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if f.Body != "" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, f.Body)
		return
	}
	e := &apiError{code: status, description: f.Description, retryAfter: f.RetryAfter}
	if status == http.StatusTooManyRequests && e.retryAfter < 1 {
		e.retryAfter = 1
	}
	if e.description == "" {
		switch status {
		case http.StatusTooManyRequests:
			e.description = fmt.Sprintf("Too Many Requests: retry after %d", e.retryAfter)
		case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
			e.description = http.StatusText(status)
			if status == http.StatusBadRequest {
				e.description = "Bad Request"
			}
		default:
			e.description = http.StatusText(status)
			if e.description == "" {
				e.description = "Error " + strconv.Itoa(status)
			}
		}
	}
	writeError(w, e)
}

// getMe answers what WithBotUser configured.
func (s *Server) getMe(*call) (any, *apiError) {
	return map[string]any{
		"id":                          s.botID,
		"is_bot":                      true,
		"first_name":                  s.botName,
		"username":                    s.botUsername,
		"can_join_groups":             true,
		"can_read_all_group_messages": false,
		"supports_inline_queries":     false,
		"can_connect_to_business":     false,
		"has_main_web_app":            false,
	}, nil
}

// botWireUser is the bot as the "from" of the messages it sends.
func (s *Server) botWireUser() *wireUser {
	return &wireUser{ID: s.botID, IsBot: true, FirstName: s.botName, Username: s.botUsername}
}
