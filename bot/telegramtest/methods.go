package telegramtest

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

const errNotModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

// chatFor resolves the chat_id parameter to a chat the bot may write to. s.mu must be held.
func (s *Server) chatFor(p params) (*chatState, *apiError) {
	if strings.TrimSpace(p.str("chat_id")) == "" {
		return nil, badRequest("chat_id is empty")
	}
	id, ok := p.int64("chat_id")
	if !ok {
		return nil, errChatNotFound // @username: users cannot be addressed by username
	}
	c := s.chats[id]
	if c == nil || !c.started {
		return nil, errChatNotFound
	}
	return c, nil
}

// checkReply validates reply_to_message_id / reply_parameters. s.mu must be held.
func checkReply(c *chatState, p params) *apiError {
	id, ok := p.int64("reply_to_message_id")
	allow := p.bool("allow_sending_without_reply")
	if raw := p.str("reply_parameters"); raw != "" {
		var rp struct {
			MessageID                int             `json:"message_id"`
			ChatID                   json.RawMessage `json:"chat_id"`
			AllowSendingWithoutReply bool            `json:"allow_sending_without_reply"`
		}
		if err := json.Unmarshal([]byte(raw), &rp); err != nil {
			return badRequest("can't parse reply parameters JSON object")
		}
		id, ok, allow = int64(rp.MessageID), true, rp.AllowSendingWithoutReply
	}
	if !ok || allow {
		return nil
	}
	if m := c.byID[int(id)]; m == nil || m.Deleted {
		return badRequest("message to be replied not found")
	}
	return nil
}

// newMessage adds a message of the bot to a chat. s.mu must be held.
func (s *Server) newMessage(c *chatState, m *msgRecord) {
	c.lastID++
	m.ID = c.lastID
	m.ChatID = c.id
	m.fromBot = true
	m.date = time.Now().Unix()
	c.msgs = append(c.msgs, m)
	c.byID[m.ID] = m
	s.emit(c, Event{Kind: "send", Message: m.copy()})
}

func (s *Server) sendMessage(cl *call) (any, *apiError) {
	text, pm := cl.p.str("text"), cl.p.str("parse_mode")
	f, ferr := format(text, pm)
	mk, merr := parseMarkup(cl.p.str("reply_markup"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(text) == "" {
		return nil, badRequest("message text is empty")
	}
	c, err := s.chatFor(cl.p)
	if err != nil {
		return nil, err
	}
	if ferr != nil {
		return nil, ferr
	}
	if f.text == "" {
		return nil, badRequest("message text is empty")
	}
	if utf16Len(f.text) > maxTextLen {
		return nil, badRequest("message is too long")
	}
	if merr != nil {
		return nil, merr
	}
	if err := checkReply(c, cl.p); err != nil {
		return nil, err
	}
	if c.blocked {
		return nil, errBlocked
	}
	m := &msgRecord{
		Message: Message{Text: text, ParseMode: pm, PlainText: f.text, Keyboard: copyKeyboard(mk.keyboard)},
		f:       f,
		markup:  mk,
	}
	s.newMessage(c, m)
	return s.wireMessage(c, m), nil
}

func (s *Server) sendPhoto(cl *call) (any, *apiError) {
	caption, pm := cl.p.str("caption"), cl.p.str("parse_mode")
	f, ferr := format(caption, pm)
	mk, merr := parseMarkup(cl.p.str("reply_markup"))
	var upload []byte
	uploaded := false
	if data, ok := cl.files["photo"]; ok {
		upload, uploaded = data, true
	} else if name, ok := strings.CutPrefix(cl.p.str("photo"), "attach://"); ok {
		if data, ok := cl.files[name]; ok {
			upload, uploaded = data, true
		}
	}
	var img imageInfo
	var imgErr *apiError
	if uploaded {
		img, imgErr = inspectImage(upload)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatFor(cl.p)
	if err != nil {
		return nil, err
	}
	ref := strings.TrimSpace(cl.p.str("photo"))
	var stored storedFile
	switch {
	case uploaded:
		if imgErr != nil {
			return nil, imgErr
		}
		stored = storedFile{data: upload, img: img}
	case ref == "":
		return nil, badRequest("there is no photo in the request")
	case strings.HasPrefix(ref, "attach://"):
		return nil, badRequest("wrong file identifier/HTTP URL specified")
	case strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://"):
		stored = storedFile{url: ref, img: imageInfo{width: 1280, height: 720}}
	default:
		fs, ok := s.files[ref]
		if !ok {
			return nil, badRequest("wrong file identifier/HTTP URL specified")
		}
		stored = fs
	}
	if ferr != nil {
		return nil, ferr
	}
	if utf16Len(f.text) > maxCaptionLen {
		return nil, badRequest("message caption is too long")
	}
	if merr != nil {
		return nil, merr
	}
	if err := checkReply(c, cl.p); err != nil {
		return nil, err
	}
	if c.blocked {
		return nil, errBlocked
	}
	m := &msgRecord{
		Message: Message{Text: caption, ParseMode: pm, PlainText: f.text, Keyboard: copyKeyboard(mk.keyboard),
			Photo: stored.data, PhotoRef: stored.url},
		f:      f,
		markup: mk,
		photo:  s.photoSizes(stored),
	}
	s.newMessage(c, m)
	return s.wireMessage(c, m), nil
}

// editTarget finds the bot's message an edit method is about. s.mu must be held.
func (s *Server) editTarget(p params) (*chatState, *msgRecord, *apiError) {
	if p.str("inline_message_id") != "" && p.str("chat_id") == "" {
		return nil, nil, badRequest("MESSAGE_ID_INVALID") // inline messages are not emulated
	}
	c, err := s.chatFor(p)
	if err != nil {
		return nil, nil, err
	}
	id, ok := p.int64("message_id")
	if !ok {
		return nil, nil, badRequest("message identifier is not specified")
	}
	m := c.byID[int(id)]
	if m == nil || m.Deleted {
		return nil, nil, badRequest("message to edit not found")
	}
	if !m.fromBot {
		return nil, nil, badRequest("message can't be edited")
	}
	return c, m, nil
}

func sameFormatted(a, b formatted) bool {
	return a.text == b.text && slices.Equal(a.entities, b.entities)
}

func (s *Server) applyEdit(c *chatState, m *msgRecord) wireMessage {
	m.Edited = true
	m.editDate = max(time.Now().Unix(), m.date)
	s.emit(c, Event{Kind: "edit", Message: m.copy()})
	return s.wireMessage(c, m)
}

func (s *Server) editMessageText(cl *call) (any, *apiError) {
	text, pm := cl.p.str("text"), cl.p.str("parse_mode")
	f, ferr := format(text, pm)
	mk, merr := parseMarkup(cl.p.str("reply_markup"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(text) == "" {
		return nil, badRequest("message text is empty")
	}
	c, m, err := s.editTarget(cl.p)
	if err != nil {
		return nil, err
	}
	if ferr != nil {
		return nil, ferr
	}
	if f.text == "" {
		return nil, badRequest("message text is empty")
	}
	if utf16Len(f.text) > maxTextLen {
		return nil, badRequest("message is too long")
	}
	if merr != nil {
		return nil, merr
	}
	if c.blocked {
		return nil, errBlocked
	}
	if m.IsPhoto() {
		return nil, badRequest("there is no text in the message to edit")
	}
	if sameFormatted(f, m.f) && mk.key == m.markup.key {
		return nil, badRequest(errNotModified)
	}
	m.Text, m.ParseMode, m.PlainText, m.f = text, pm, f.text, f
	m.markup, m.Keyboard = mk, copyKeyboard(mk.keyboard)
	return s.applyEdit(c, m), nil
}

func (s *Server) editMessageCaption(cl *call) (any, *apiError) {
	caption, pm := cl.p.str("caption"), cl.p.str("parse_mode")
	f, ferr := format(caption, pm)
	mk, merr := parseMarkup(cl.p.str("reply_markup"))
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, err := s.editTarget(cl.p)
	if err != nil {
		return nil, err
	}
	if ferr != nil {
		return nil, ferr
	}
	if utf16Len(f.text) > maxCaptionLen {
		return nil, badRequest("message caption is too long")
	}
	if merr != nil {
		return nil, merr
	}
	if c.blocked {
		return nil, errBlocked
	}
	if !m.IsPhoto() {
		return nil, badRequest("there is no caption in the message to edit")
	}
	if sameFormatted(f, m.f) && mk.key == m.markup.key {
		return nil, badRequest(errNotModified)
	}
	m.Text, m.ParseMode, m.PlainText, m.f = caption, pm, f.text, f
	m.markup, m.Keyboard = mk, copyKeyboard(mk.keyboard)
	return s.applyEdit(c, m), nil
}

func (s *Server) editMessageReplyMarkup(cl *call) (any, *apiError) {
	mk, merr := parseMarkup(cl.p.str("reply_markup"))
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, err := s.editTarget(cl.p)
	if err != nil {
		return nil, err
	}
	if merr != nil {
		return nil, merr
	}
	if c.blocked {
		return nil, errBlocked
	}
	if mk.key == m.markup.key {
		return nil, badRequest(errNotModified)
	}
	m.markup, m.Keyboard = mk, copyKeyboard(mk.keyboard)
	return s.applyEdit(c, m), nil
}

func (s *Server) deleteMessage(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatFor(cl.p)
	if err != nil {
		return nil, err
	}
	id, ok := cl.p.int64("message_id")
	if !ok {
		return nil, badRequest("message identifier is not specified")
	}
	m := c.byID[int(id)]
	if m == nil || m.Deleted {
		return nil, badRequest("message to delete not found")
	}
	m.Deleted = true
	s.emit(c, Event{Kind: "delete", Message: m.copy()})
	return true, nil
}

func (s *Server) answerCallbackQuery(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cb := s.callbacks[cl.p.str("callback_query_id")]
	if cb == nil || cb.answer.Answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	cb.answer = CallbackAnswer{Answered: true, Text: cl.p.str("text"), ShowAlert: cl.p.bool("show_alert"), URL: cl.p.str("url")}
	c := s.chat(cb.chatID)
	var msg Message
	if m := c.byID[cb.messageID]; m != nil {
		msg = m.copy()
	}
	s.emit(c, Event{Kind: "answer", Message: msg, CallbackText: cb.answer.Text, ShowAlert: cb.answer.ShowAlert})
	return true, nil
}

var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatFor(cl.p)
	if err != nil {
		return nil, err
	}
	action := cl.p.str("action")
	if !chatActions[action] {
		return nil, badRequest("wrong parameter action in request")
	}
	if c.blocked {
		return nil, errBlocked
	}
	s.emit(c, Event{Kind: "action", Action: action})
	return true, nil
}

func (s *Server) getChat(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatFor(cl.p)
	if err != nil {
		return nil, err
	}
	w := c.wire()
	return map[string]any{
		"id": w.ID, "type": w.Type, "first_name": w.FirstName, "last_name": w.LastName,
		"username": w.Username, "accent_color_id": 0, "max_reaction_count": 11,
	}, nil
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// scopeKey turns the scope and language_code parameters into a Commands key. s.mu must be held.
func (s *Server) scopeKey(p params) (string, *apiError) {
	key := "default"
	if raw := strings.TrimSpace(p.str("scope")); raw != "" {
		var sc struct {
			Type   string          `json:"type"`
			ChatID json.RawMessage `json:"chat_id"`
			UserID int64           `json:"user_id"`
		}
		if err := json.Unmarshal([]byte(raw), &sc); err != nil {
			return "", badRequest("can't parse BotCommandScope JSON object")
		}
		chat := func() (string, *apiError) {
			var id int64
			if err := json.Unmarshal(sc.ChatID, &id); err != nil {
				var str string
				if json.Unmarshal(sc.ChatID, &str) != nil {
					return "", badRequest("chat_id is empty")
				}
				n, err := strconv.ParseInt(str, 10, 64)
				if err != nil {
					return "", errChatNotFound
				}
				id = n
			}
			if c := s.chats[id]; c == nil || !c.started {
				return "", errChatNotFound
			}
			return strconv.FormatInt(id, 10), nil
		}
		switch sc.Type {
		case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
			key = sc.Type
		case "chat", "chat_administrators":
			id, err := chat()
			if err != nil {
				return "", err
			}
			key = sc.Type + ":" + id
		case "chat_member":
			id, err := chat()
			if err != nil {
				return "", err
			}
			key = "chat_member:" + id + ":" + strconv.FormatInt(sc.UserID, 10)
		default:
			return "", badRequest("unsupported bot command scope type")
		}
	}
	if lang := p.str("language_code"); lang != "" {
		key += "/" + lang
	}
	return key, nil
}

func (s *Server) setMyCommands(cl *call) (any, *apiError) {
	var cmds []BotCommand
	if err := json.Unmarshal([]byte(cl.p.str("commands")), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON array")
	}
	if len(cmds) > 100 {
		return nil, badRequest("BOT_COMMANDS_TOO_MUCH")
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := len([]rune(strings.TrimSpace(c.Description))); n < 1 || n > 256 {
			return nil, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key, err := s.scopeKey(cl.p)
	if err != nil {
		return nil, err
	}
	if len(cmds) == 0 {
		delete(s.cmds, key)
	} else {
		s.cmds[key] = cmds
	}
	return true, nil
}

func (s *Server) deleteMyCommands(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, err := s.scopeKey(cl.p)
	if err != nil {
		return nil, err
	}
	delete(s.cmds, key)
	return true, nil
}

func (s *Server) getMyCommands(cl *call) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, err := s.scopeKey(cl.p)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(s.cmds[key])
	if out == nil {
		out = []BotCommand{}
	}
	return out, nil
}
