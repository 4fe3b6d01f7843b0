package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"
)

type queuedUpdate struct {
	id  int64
	raw json.RawMessage
}

type webhookState struct {
	url, secret   string
	maxConns      int
	lastErrorDate int64
	lastError     string
	delay         time.Duration // wait before the next attempt after a failure
	retryAt       time.Time
}

// defaultSkipped are the update types Telegram sends only if allowed_updates asks.
var defaultSkipped = map[string]bool{"chat_member": true, "message_reaction": true, "message_reaction_count": true}

// broadcastQueue wakes the long polls and the webhook sender. s.mu must be held.
func (s *Server) broadcastQueue() {
	close(s.queueChanged)
	s.queueChanged = make(chan struct{})
}

// enqueue adds an update of a kind ("message", "callback_query"…) whose content is
// payload and returns its update_id. Like Telegram, it does not create updates of
// a kind allowed_updates excludes (the id is still used up). s.mu must be held.
func (s *Server) enqueue(kind string, payload any) int64 {
	s.nextUpdateID++
	id := s.nextUpdateID
	body, err := json.Marshal(payload)
	if err != nil {
		panic("telegramtest: " + err.Error())
	}
	raw := []byte(`{"update_id":` + strconv.FormatInt(id, 10) + `,"` + kind + `":`)
	raw = append(raw, body...)
	raw = append(raw, '}')
	s.push(id, kind, raw)
	return id
}

func (s *Server) push(id int64, kind string, raw []byte) {
	if s.allowed != nil && !s.allowed[kind] || s.allowed == nil && defaultSkipped[kind] {
		return
	}
	s.queue = append(s.queue, queuedUpdate{id: id, raw: raw})
	s.broadcastQueue()
}

// SendText delivers a private text message from a user to the bot, as Telegram
// would: with the user's chat, a message id of that chat and bot_command entities
// for the commands in the text ("/start abc" gets one for "/start"). It returns the
// update_id.
func (s *Server) SendText(from User, text string) (updateID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.startChat(from)
	c.lastID++
	m := &msgRecord{Message: Message{ID: c.lastID, ChatID: c.id, Text: text, PlainText: text}, date: time.Now().Unix()}
	m.f = formatted{text: text, entities: botCommandEntities(text)}
	c.byID[m.ID] = m
	return s.enqueue("message", s.wireMessage(c, m))
}

// PressButton delivers a callback_query: the user pressed a button carrying data
// under the bot's message messageID in their chat. The current state of the message
// is included; a message that does not exist or was deleted comes as an
// inaccessible message (date 0), as Telegram sends for old messages. data is not
// checked against the keyboard. The bot should answer with answerCallbackQuery:
// see CallbackAnswer. It returns the update_id.
func (s *Server) PressButton(from User, messageID int, data string) (updateID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.startChat(from)
	var msg any
	if m := c.byID[messageID]; m != nil && m.fromBot && !m.Deleted {
		msg = s.wireMessage(c, m)
	} else {
		msg = map[string]any{"chat": c.wire(), "message_id": messageID, "date": 0}
	}
	s.nextSeq++
	cb := &callbackState{
		id:        fmt.Sprintf("%d%06d", s.nextSeq, uint64(from.ID)%1000000),
		chatID:    c.id,
		messageID: messageID,
	}
	payload := map[string]any{
		"id":            cb.id,
		"from":          from.wire(),
		"message":       msg,
		"chat_instance": strconv.FormatInt(s.botID^c.id^0x5ca1ab1e, 10),
		"data":          data,
	}
	cb.updateID = s.enqueue("callback_query", payload)
	s.callbacks[cb.id] = cb
	s.cbByUpdate[cb.updateID] = cb
	return cb.updateID
}

// SendRaw delivers any update JSON object; its update_id is set to the next id,
// which SendRaw returns. If it is a private message or a callback query, its user
// becomes known to the bot. It returns 0 and delivers nothing if update is not a
// JSON object.
func (s *Server) SendRaw(update json.RawMessage) int64 {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(update, &obj); err != nil || obj == nil {
		return 0
	}
	delete(obj, "update_id")
	kind := ""
	for k := range obj {
		kind = k // an update has one field besides update_id
	}
	var probe struct {
		Message *struct {
			From *struct {
				ID           int64  `json:"id"`
				FirstName    string `json:"first_name"`
				LastName     string `json:"last_name"`
				Username     string `json:"username"`
				LanguageCode string `json:"language_code"`
			} `json:"from"`
			Chat struct {
				ID   int64  `json:"id"`
				Type string `json:"type"`
			} `json:"chat"`
		} `json:"message"`
		CallbackQuery *struct {
			From struct {
				ID int64 `json:"id"`
			} `json:"from"`
		} `json:"callback_query"`
	}
	_ = json.Unmarshal(update, &probe)

	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case probe.Message != nil && probe.Message.Chat.Type == "private" && probe.Message.Chat.ID > 0:
		u := User{ID: probe.Message.Chat.ID}
		if f := probe.Message.From; f != nil {
			u = User{ID: u.ID, FirstName: f.FirstName, LastName: f.LastName, Username: f.Username, LanguageCode: f.LanguageCode}
		}
		s.startChat(u)
	case probe.CallbackQuery != nil && probe.CallbackQuery.From.ID > 0:
		s.chat(probe.CallbackQuery.From.ID).started = true
	}
	s.nextUpdateID++
	id := s.nextUpdateID
	obj["update_id"] = json.RawMessage(strconv.FormatInt(id, 10))
	raw, _ := json.Marshal(obj)
	s.push(id, kind, raw)
	return id
}

// enqueueMember sends the my_chat_member update of a user blocking or unblocking
// the bot. s.mu must be held.
func (s *Server) enqueueMember(c *chatState, oldStatus, newStatus string) {
	member := func(status string) map[string]any {
		m := map[string]any{"user": s.botWireUser(), "status": status}
		if status == "kicked" {
			m["until_date"] = 0
		}
		return m
	}
	s.enqueue("my_chat_member", map[string]any{
		"chat":            c.wire(),
		"from":            c.user.wire(),
		"date":            time.Now().Unix(),
		"old_chat_member": member(oldStatus),
		"new_chat_member": member(newStatus),
	})
}

// Pending returns the number of updates not yet confirmed by getUpdates or
// delivered to the webhook.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// dropConfirmed forgets the updates an offset confirms. s.mu must be held.
func (s *Server) dropConfirmed(offset int64) {
	if offset < 0 {
		// -N: only the last N updates are kept.
		if keep := int(-offset); keep < len(s.queue) {
			s.queue = append([]queuedUpdate(nil), s.queue[len(s.queue)-keep:]...)
		}
		return
	}
	i := 0
	for i < len(s.queue) && s.queue[i].id < offset {
		i++
	}
	if i > 0 {
		s.remember(s.queue[:i])
		s.queue = append([]queuedUpdate(nil), s.queue[i:]...)
	}
}

// confirmedKept is how many confirmed updates Unconfirm can hand out again.
const confirmedKept = 1000

// remember keeps the newest confirmed updates for Unconfirm. s.mu must be held.
func (s *Server) remember(done []queuedUpdate) {
	s.confirmed = append(s.confirmed, done...)
	if extra := len(s.confirmed) - confirmedKept; extra > 0 {
		s.confirmed = append([]queuedUpdate(nil), s.confirmed[extra:]...)
	}
}

// Unconfirm puts the last n confirmed updates (at most the last 1,000)
// back in front of the queue, as if the bot had never confirmed them: what
// Telegram does when a bot stops or dies between receiving updates and its
// next getUpdates. It returns how many went back.
func (s *Server) Unconfirm(n int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n = min(max(n, 0), len(s.confirmed))
	back := s.confirmed[len(s.confirmed)-n:]
	s.confirmed = s.confirmed[:len(s.confirmed)-n]
	s.queue = append(append([]queuedUpdate(nil), back...), s.queue...)
	s.broadcastQueue()
	return n
}

const errWebhookActive = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"

func (s *Server) getUpdates(cl *call) (any, *apiError) {
	offset, _ := cl.p.int64("offset")
	limit, ok := cl.p.int64("limit")
	if !ok || limit < 1 || limit > 100 {
		limit = 100
	}
	timeoutSec, _ := cl.p.int64("timeout")
	timeout := min(time.Duration(max(timeoutSec, 0))*time.Second, maxPollTimeout)
	var allowed map[string]bool
	setAllowed := false
	if raw := cl.p.str("allowed_updates"); raw != "" {
		var list []string
		if err := json.Unmarshal([]byte(raw), &list); err == nil {
			setAllowed = true
			if len(list) > 0 {
				allowed = map[string]bool{}
				for _, k := range list {
					allowed[k] = true
				}
			}
		}
	}

	s.mu.Lock()
	if s.webhook.url != "" {
		s.mu.Unlock()
		return nil, &apiError{code: http.StatusConflict, description: errWebhookActive}
	}
	if setAllowed {
		s.allowed = allowed
	}
	if s.pollKick != nil {
		close(s.pollKick) // the previous getUpdates ends with 409
	}
	kick := make(chan struct{})
	s.pollKick = kick
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.pollKick == kick {
			s.pollKick = nil
		}
		s.mu.Unlock()
	}()

	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	expired := timeout == 0
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return []json.RawMessage{}, nil
		}
		if s.webhook.url != "" {
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, description: errWebhookActive}
		}
		select {
		case <-kick:
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		default:
		}
		s.dropConfirmed(offset)
		if offset < 0 {
			offset = 0
		}
		out := []json.RawMessage{}
		for _, u := range s.queue {
			if int64(len(out)) == limit {
				break
			}
			if u.id >= offset {
				out = append(out, u.raw)
			}
		}
		wait := s.queueChanged
		s.mu.Unlock()
		if len(out) > 0 || expired {
			return out, nil
		}
		select {
		case <-wait:
		case <-deadline.C:
			expired = true
		case <-kick:
		case <-s.done:
		case <-cl.ctx.Done():
			return nil, nil
		}
	}
}

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

func (s *Server) setWebhook(cl *call) (any, *apiError) {
	raw := cl.p.str("url")
	secret := cl.p.str("secret_token")
	if raw != "" {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, badRequest("bad webhook: Failed to resolve host: Name or service not known")
		}
		if secret != "" && !secretToken.MatchString(secret) {
			return nil, badRequest("secret token contains unallowed characters")
		}
	}
	maxConns, ok := cl.p.int64("max_connections")
	if !ok || maxConns < 1 || maxConns > 100 {
		maxConns = 40
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if raw := cl.p.str("allowed_updates"); raw != "" {
		var list []string
		if json.Unmarshal([]byte(raw), &list) == nil {
			s.allowed = nil
			if len(list) > 0 {
				s.allowed = map[string]bool{}
				for _, k := range list {
					s.allowed[k] = true
				}
			}
		}
	}
	if cl.p.bool("drop_pending_updates") {
		s.queue = nil
	}
	if raw == "" {
		s.webhook = webhookState{}
	} else {
		s.webhook = webhookState{url: raw, secret: secret, maxConns: int(maxConns)}
	}
	s.broadcastQueue()
	return true, nil
}

func (s *Server) deleteWebhook(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cl.p.bool("drop_pending_updates") {
		s.queue = nil
	}
	s.webhook = webhookState{}
	s.broadcastQueue()
	return true, nil
}

func (s *Server) getWebhookInfo(*call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := map[string]any{
		"url":                    s.webhook.url,
		"has_custom_certificate": false,
		"pending_update_count":   len(s.queue),
	}
	if s.webhook.url != "" {
		info["max_connections"] = s.webhook.maxConns
		if s.webhook.lastErrorDate != 0 {
			info["last_error_date"] = s.webhook.lastErrorDate
			info["last_error_message"] = s.webhook.lastError
		}
	}
	if s.allowed != nil {
		var list []string
		for k := range s.allowed {
			list = append(list, k)
		}
		info["allowed_updates"] = list
	}
	return info, nil
}

// Webhook returns the URL and secret token of the last setWebhook (empty if
// there is no webhook).
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.secret
}

// deliverWebhooks POSTs the pending updates to the webhook, one at a time and in
// order; a failed delivery (transport error or a status other than 2xx) is retried
// after a growing delay.
func (s *Server) deliverWebhooks() {
	tr := &http.Transport{MaxIdleConnsPerHost: 4, IdleConnTimeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	client := &http.Client{
		Transport: tr,
		Timeout:   30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		wait := s.queueChanged
		hook := s.webhook
		if hook.url == "" || len(s.queue) == 0 || time.Now().Before(hook.retryAt) {
			backingOff := hook.url != "" && len(s.queue) > 0
			s.mu.Unlock()
			var t *time.Timer
			var timer <-chan time.Time
			if backingOff {
				t = time.NewTimer(time.Until(hook.retryAt))
				timer = t.C
			}
			select {
			case <-wait:
			case <-timer:
			case <-s.done:
			}
			if t != nil {
				t.Stop()
			}
			continue
		}
		head := s.queue[0]
		s.mu.Unlock()

		err := s.post(client, hook, head.raw)

		s.mu.Lock()
		if s.webhook.url == hook.url {
			if err == nil {
				s.webhook.delay = 0
				s.webhook.retryAt = time.Time{}
			} else {
				s.webhook.lastErrorDate = time.Now().Unix()
				s.webhook.lastError = err.Error()
				if s.webhook.delay == 0 {
					s.webhook.delay = s.retryMin
				} else {
					s.webhook.delay = min(2*s.webhook.delay, s.retryMax)
				}
				s.webhook.retryAt = time.Now().Add(s.webhook.delay)
			}
		}
		if err == nil && len(s.queue) > 0 && s.queue[0].id == head.id {
			s.queue = s.queue[1:]
			s.broadcastQueue()
		}
		s.mu.Unlock()
	}
}

func (s *Server) post(client *http.Client, hook webhookState, body []byte) error {
	req, err := http.NewRequestWithContext(s.ctx, http.MethodPost, hook.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if hook.secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", hook.secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("Connection failed: %v", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("Wrong response from the webhook: %s", resp.Status)
	}
	return nil
}
