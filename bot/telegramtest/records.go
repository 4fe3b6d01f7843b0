package telegramtest

import (
	"context"
	"slices"
	"strconv"
	"sync"
)

// User is a user of the fake Telegram. Each user has a private chat with the bot
// whose id is the user's id.
type User struct {
	ID           int64
	FirstName    string
	LastName     string
	Username     string
	LanguageCode string
}

// Message is the fake's record of one message the bot sent (the latest state
// after edits).
type Message struct {
	ID     int
	ChatID int64
	// Text is the text as the bot sent it (markup included), or the caption of a photo.
	Text      string
	ParseMode string
	// PlainText is Text as the user sees it: parsed with ParseMode (tags removed,
	// character references decoded) and trimmed, as Telegram returns it.
	PlainText string
	Keyboard  [][]Button // inline keyboard, nil if none
	Photo     []byte     // the uploaded file of a photo (also when sent again by file_id), nil otherwise
	PhotoRef  string     // the URL of a photo sent by URL, empty otherwise
	Edited    bool       // changed by editMessageText/Caption/ReplyMarkup after sending
	Deleted   bool
}

// IsPhoto reports whether the message is a photo (Text is then its caption).
func (m Message) IsPhoto() bool { return m.Photo != nil || m.PhotoRef != "" }

// Event is one thing the bot did in a chat, as delivered by Subscribe.
type Event struct {
	// Kind is "send", "edit", "delete", "answer" (answerCallbackQuery for a button
	// pressed on Message) or "action" (sendChatAction).
	Kind    string
	ChatID  int64
	Message Message // the message concerned (latest state); zero for "action"
	// CallbackText and ShowAlert are the answer to a callback query ("answer").
	CallbackText string
	ShowAlert    bool
	// Action is the chat action ("typing", "upload_photo"…) of an "action" event.
	Action string
}

// CallbackAnswer is what the bot answered to a callback query.
type CallbackAnswer struct {
	Answered  bool
	Text      string
	ShowAlert bool
	URL       string
}

type callbackState struct {
	id        string
	updateID  int64
	chatID    int64
	messageID int
	answer    CallbackAnswer
}

type chatState struct {
	id      int64
	user    User
	started bool // the user has written to the bot: the bot may send to the chat
	blocked bool
	lastID  int
	msgs    []*msgRecord       // the bot's messages in order of sending
	byID    map[int]*msgRecord // the bot's and the user's messages
	changed chan struct{}      // closed and replaced on every change
}

type msgRecord struct {
	Message
	fromBot  bool
	f        formatted // PlainText with its entities
	markup   markup
	date     int64
	editDate int64
	photo    []wirePhotoSize
}

func (m *msgRecord) copy() Message {
	c := m.Message
	c.Keyboard = copyKeyboard(m.Keyboard)
	if m.Photo != nil {
		c.Photo = slices.Clone(m.Photo)
	}
	return c
}

// chat returns the state of a chat, creating an empty one (not started) if needed.
// s.mu must be held.
func (s *Server) chat(id int64) *chatState {
	c := s.chats[id]
	if c == nil {
		c = &chatState{id: id, byID: map[int]*msgRecord{}, changed: make(chan struct{})}
		c.user.ID = id
		s.chats[id] = c
	}
	return c
}

// startChat records that a user talks to the bot. s.mu must be held.
func (s *Server) startChat(u User) *chatState {
	c := s.chat(u.ID)
	c.user = u
	c.started = true
	return c
}

// changedLocked wakes the waiters of a chat. s.mu must be held.
func (c *chatState) changedLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// AddUser makes a user known to the bot as if they had started it earlier, without
// sending an update: the bot may send to their chat.
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.startChat(u)
}

// Messages returns copies of the messages the bot sent to a chat, in order of sending.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID)
}

func (s *Server) messagesLocked(chatID int64) []Message {
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	out := make([]Message, len(c.msgs))
	for i, m := range c.msgs {
		out[i] = m.copy()
	}
	return out
}

// Message returns the bot's message id in a chat.
func (s *Server) Message(chatID int64, id int) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil {
		if m := c.byID[id]; m != nil && m.fromBot {
			return m.copy(), true
		}
	}
	return Message{}, false
}

// WaitMessages waits until the bot has sent at least n messages to a chat and
// returns them all. If ctx ends or the server closes first, it returns the
// messages so far with the error.
func (s *Server) WaitMessages(ctx context.Context, chatID int64, n int) ([]Message, error) {
	for {
		s.mu.Lock()
		c := s.chat(chatID)
		if len(c.msgs) >= n {
			out := s.messagesLocked(chatID)
			s.mu.Unlock()
			return out, nil
		}
		ch := c.changed
		closed := s.closed
		s.mu.Unlock()
		if closed {
			return s.Messages(chatID), ErrClosed
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return s.Messages(chatID), ctx.Err()
		case <-s.done:
		}
	}
}

// CallbackAnswer returns what the bot answered to the callback query of the
// update PressButton returned (Answered is false while it has not answered).
func (s *Server) CallbackAnswer(updateID int64) CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cb := s.cbByUpdate[updateID]; cb != nil {
		return cb.answer
	}
	return CallbackAnswer{}
}

// WaitCallbackAnswer waits until the bot has answered the callback query of the
// update PressButton returned.
func (s *Server) WaitCallbackAnswer(ctx context.Context, updateID int64) (CallbackAnswer, error) {
	for {
		s.mu.Lock()
		cb := s.cbByUpdate[updateID]
		if cb == nil {
			s.mu.Unlock()
			return CallbackAnswer{}, errUnknownUpdate(updateID)
		}
		if cb.answer.Answered {
			s.mu.Unlock()
			return cb.answer, nil
		}
		ch := s.chat(cb.chatID).changed
		closed := s.closed
		s.mu.Unlock()
		if closed {
			return CallbackAnswer{}, ErrClosed
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return CallbackAnswer{}, ctx.Err()
		case <-s.done:
		}
	}
}

type errUnknownUpdate int64

func (e errUnknownUpdate) Error() string {
	return "telegramtest: update " + strconv.FormatInt(int64(e), 10) + " is not a callback query"
}

// Block makes the user of a chat block the bot: from now on every message the bot
// sends to that chat (and every edit and chat action) answers 403 "Forbidden: bot
// was blocked by the user", and the bot gets a my_chat_member update (status
// "kicked") as from Telegram. The user stays blocked until Unblock, even if they
// write (Telegram would have them unblock first).
func (s *Server) Block(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chat(chatID)
	if c.blocked {
		return
	}
	c.blocked = true
	if c.started {
		s.enqueueMember(c, "member", "kicked")
	}
}

// Unblock undoes Block; the bot gets a my_chat_member update (status "member").
func (s *Server) Unblock(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chat(chatID)
	if !c.blocked {
		return
	}
	c.blocked = false
	if c.started {
		s.enqueueMember(c, "kicked", "member")
	}
}

// BotCommand is one command of setMyCommands.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// Commands returns the command lists set with setMyCommands, by scope key:
// "default", "all_private_chats", "all_group_chats", "all_chat_administrators",
// "chat:<chat_id>", "chat_administrators:<chat_id>", "chat_member:<chat_id>:<user_id>",
// followed by "/<language_code>" when one was given (e.g. "default/id").
func (s *Server) Commands() map[string][]BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string][]BotCommand, len(s.cmds))
	for k, v := range s.cmds {
		out[k] = slices.Clone(v)
	}
	return out
}

// subscriber delivers events in order through an unbounded queue, so that a slow
// reader never holds the server up.
type subscriber struct {
	chatID int64
	out    chan Event
	signal chan struct{}
	stop   chan struct{}
	once   sync.Once

	mu    sync.Mutex
	queue []Event
}

func (sub *subscriber) push(ev Event) {
	sub.mu.Lock()
	sub.queue = append(sub.queue, ev)
	sub.mu.Unlock()
	select {
	case sub.signal <- struct{}{}:
	default:
	}
}

func (sub *subscriber) cancel() { sub.once.Do(func() { close(sub.stop) }) }

func (sub *subscriber) run() {
	defer close(sub.out)
	for {
		sub.mu.Lock()
		q := sub.queue
		sub.queue = nil
		sub.mu.Unlock()
		for _, ev := range q {
			select {
			case sub.out <- ev:
			case <-sub.stop:
				return
			}
		}
		select {
		case <-sub.signal:
		case <-sub.stop:
			return
		}
	}
}

// Subscribe returns a channel of every send, edit, delete, callback answer and
// chat action of the bot in a chat (chatID 0: in every chat), as they happen, in
// order, and a func that ends the subscription and closes the channel. Events
// queue up without limit while the reader is busy; those not yet received when the
// subscription ends are dropped. Close ends every subscription.
func (s *Server) Subscribe(chatID int64) (<-chan Event, func()) {
	sub := &subscriber{
		chatID: chatID,
		out:    make(chan Event),
		signal: make(chan struct{}, 1),
		stop:   make(chan struct{}),
	}
	go sub.run()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		sub.cancel()
		return sub.out, func() {}
	}
	s.subs[sub] = struct{}{}
	s.mu.Unlock()
	return sub.out, func() {
		s.mu.Lock()
		delete(s.subs, sub)
		s.mu.Unlock()
		sub.cancel()
	}
}

// emit records a change in a chat: it wakes the chat's waiters and tells the
// subscribers. s.mu must be held.
func (s *Server) emit(c *chatState, ev Event) {
	ev.ChatID = c.id
	c.changedLocked()
	for sub := range s.subs {
		if sub.chatID == 0 || sub.chatID == c.id {
			sub.push(ev)
		}
	}
}

// Wire types: what Telegram sends.

type wireUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name,omitempty"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

type wireChat struct {
	ID        int64  `json:"id"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
	Username  string `json:"username,omitempty"`
	Type      string `json:"type"`
}

type wirePhotoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int    `json:"file_size,omitempty"`
}

type wireMessage struct {
	MessageID       int             `json:"message_id"`
	From            *wireUser       `json:"from,omitempty"`
	Chat            wireChat        `json:"chat"`
	Date            int64           `json:"date"`
	EditDate        int64           `json:"edit_date,omitempty"`
	Text            string          `json:"text,omitempty"`
	Entities        []entity        `json:"entities,omitempty"`
	Photo           []wirePhotoSize `json:"photo,omitempty"`
	Caption         string          `json:"caption,omitempty"`
	CaptionEntities []entity        `json:"caption_entities,omitempty"`
	ReplyMarkup     map[string]any  `json:"reply_markup,omitempty"`
}

func (u User) wire() *wireUser {
	first := u.FirstName
	if first == "" {
		first = "User " + strconv.FormatInt(u.ID, 10) // Telegram users always have a first name
	}
	return &wireUser{ID: u.ID, FirstName: first, LastName: u.LastName, Username: u.Username, LanguageCode: u.LanguageCode}
}

func (c *chatState) wire() wireChat {
	w := c.user.wire()
	return wireChat{ID: c.id, FirstName: w.FirstName, LastName: w.LastName, Username: w.Username, Type: "private"}
}

// wire is the message as Telegram returns it. s.mu must be held.
func (s *Server) wireMessage(c *chatState, m *msgRecord) wireMessage {
	w := wireMessage{MessageID: m.ID, Chat: c.wire(), Date: m.date, EditDate: m.editDate, ReplyMarkup: m.markup.wire}
	if m.fromBot {
		w.From = s.botWireUser()
	} else {
		w.From = c.user.wire()
	}
	if m.IsPhoto() {
		w.Photo = m.photo
		w.Caption, w.CaptionEntities = m.f.text, m.f.entities
	} else {
		w.Text, w.Entities = m.f.text, m.f.entities
	}
	return w
}
