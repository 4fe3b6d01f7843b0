package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestGetMe(t *testing.T) {
	srv := newServer(t)
	b, err := bot.New(testToken, bot.WithServerURL(srv.URL)) // calls getMe
	if err != nil {
		t.Fatal(err)
	}
	me, err := b.GetMe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if me.ID != 123456 || me.Username != "mutasi_bot" || !me.IsBot || me.FirstName == "" {
		t.Errorf("getMe = %+v", me)
	}
	if n := srv.Calls("getMe"); n != 2 {
		t.Errorf("Calls(getMe) = %d, want 2", n)
	}

	srv2 := newServer(t, WithBotUser(42, "other_bot"))
	b2, err := bot.New(testToken, bot.WithServerURL(srv2.URL), bot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	if me, err := b2.GetMe(context.Background()); err != nil || me.ID != 42 || me.Username != "other_bot" {
		t.Errorf("getMe with WithBotUser = %+v, %v", me, err)
	}

	if _, err := bot.New("999:wrong", bot.WithServerURL(srv.URL)); !errors.Is(err, bot.ErrorUnauthorized) {
		t.Errorf("a wrong token: %v, want ErrorUnauthorized", err)
	}
}

func TestStartCommand(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 1)
	wrong := make(chan *models.Update, 1)
	b, _ := startBot(t, srv)
	// go-telegram/bot compares the command entity without its slash: a pattern
	// "/start" never matches, with Telegram or with this fake.
	b.RegisterHandler(bot.HandlerTypeMessageText, "/start", bot.MatchTypeCommand, func(_ context.Context, _ *bot.Bot, u *models.Update) {
		wrong <- u
	})
	b.RegisterHandler(bot.HandlerTypeMessageText, "start", bot.MatchTypeCommand, func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u
	})

	id := srv.SendText(alice, "/start abc")
	var u *models.Update
	select {
	case u = <-got:
	case <-timeout(t).Done():
		t.Fatal("the /start handler got nothing")
	}
	if u.ID != id {
		t.Errorf("update_id = %d, want %d", u.ID, id)
	}
	m := u.Message
	if m.Text != "/start abc" || m.Chat.ID != alice.ID || m.Chat.Type != models.ChatTypePrivate || m.From.ID != alice.ID ||
		m.From.FirstName != "Alice" || m.From.Username != "alice" || m.From.LanguageCode != "id" || m.ID != 1 || m.Date == 0 {
		t.Errorf("message = %+v", m)
	}
	want := []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: 6}}
	if len(m.Entities) != 1 || m.Entities[0] != want[0] {
		t.Errorf("entities = %+v, want %+v", m.Entities, want)
	}
	select {
	case <-wrong:
		t.Error(`the handler for "/start" matched`)
	default:
	}
}

func TestSendMessageWithKeyboardAndCallback(t *testing.T) {
	srv := newServer(t)
	answered := make(chan error, 1)
	b, _ := startBot(t, srv)
	b.RegisterHandler(bot.HandlerTypeMessageText, "start", bot.MatchTypeCommand, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{
			ChatID:    u.Message.Chat.ID,
			Text:      "<b>Pilih</b> satu:",
			ParseMode: models.ParseModeHTML,
			ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
				{{Text: "Ya", CallbackData: "yes:1"}, {Text: "Tidak", CallbackData: "no:1"}},
				{{Text: "Situs", URL: "https://example.org/x"}},
			}},
		})
		if err != nil {
			answered <- err
		}
	})
	b.RegisterHandler(bot.HandlerTypeCallbackQueryData, "yes:", bot.MatchTypePrefix, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		cq := u.CallbackQuery
		if cq.Message.Message == nil || cq.Message.Message.Text != "Pilih satu:" || len(cq.Message.Message.ReplyMarkup.InlineKeyboard) != 2 {
			answered <- errors.New("the callback query lacks its message")
			return
		}
		_, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID, Text: "Oke"})
		answered <- err
	})

	srv.SendText(alice, "/start")
	msgs, err := srv.WaitMessages(timeout(t), alice.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	m := msgs[0]
	if m.ID != 2 || m.ChatID != alice.ID || m.Text != "<b>Pilih</b> satu:" || m.PlainText != "Pilih satu:" || m.ParseMode != "HTML" {
		t.Errorf("message = %+v", m)
	}
	wantKB := [][]Button{
		{{Text: "Ya", CallbackData: "yes:1", Kind: "callback_data"}, {Text: "Tidak", CallbackData: "no:1", Kind: "callback_data"}},
		{{Text: "Situs", URL: "https://example.org/x", Kind: "url"}},
	}
	if !equalKeyboards(m.Keyboard, wantKB) {
		t.Errorf("keyboard = %+v, want %+v", m.Keyboard, wantKB)
	}

	upd := srv.PressButton(alice, m.ID, m.Keyboard[0][0].CallbackData)
	ans, err := srv.WaitCallbackAnswer(timeout(t), upd)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-answered; err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || ans.Text != "Oke" {
		t.Errorf("answer = %+v", ans)
	}
	// A press the bot does not answer stays unanswered.
	upd2 := srv.PressButton(alice, m.ID, "no:1")
	if a := srv.CallbackAnswer(upd2); a.Answered {
		t.Errorf("unanswered press recorded as answered: %+v", a)
	}
}

func equalKeyboards(a, b [][]Button) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func TestSendPhoto(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	b, _ := newBot(t, srv)
	ctx := timeout(t)
	pic := pngImage(t, 1000, 400)
	m, err := b.SendPhoto(ctx, &bot.SendPhotoParams{
		ChatID:    alice.ID,
		Photo:     &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(pic)},
		Caption:   "Grafik <i>beban</i>",
		ParseMode: models.ParseModeHTML,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Photo) == 0 || m.Caption != "Grafik beban" || len(m.CaptionEntities) != 1 || m.CaptionEntities[0].Type != models.MessageEntityTypeItalic {
		t.Fatalf("sendPhoto answered %+v", m)
	}
	largest := m.Photo[len(m.Photo)-1]
	if largest.Width != 1000 || largest.Height != 400 || largest.FileSize != len(pic) {
		t.Errorf("largest size = %+v", largest)
	}
	rec := srv.Messages(alice.ID)
	if len(rec) != 1 || !bytes.Equal(rec[0].Photo, pic) || rec[0].Text != "Grafik <i>beban</i>" || !rec[0].IsPhoto() {
		t.Fatalf("recorded %d messages; photo intact: %v", len(rec), len(rec) == 1 && bytes.Equal(rec[0].Photo, pic))
	}

	// Sent again by file_id: the same bytes.
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileString{Data: largest.FileID}}); err != nil {
		t.Fatal(err)
	}
	// By URL: recorded as a reference.
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileString{Data: "https://example.org/p.png"}}); err != nil {
		t.Fatal(err)
	}
	rec = srv.Messages(alice.ID)
	if len(rec) != 3 || !bytes.Equal(rec[1].Photo, pic) || rec[2].PhotoRef != "https://example.org/p.png" || rec[2].Photo != nil {
		t.Errorf("photos by file_id and URL recorded as %+v", rec[1:])
	}

	for _, tc := range []struct {
		photo models.InputFile
		want  string
	}{
		{&models.InputFileUpload{Filename: "x.png", Data: strings.NewReader("not a picture")}, "IMAGE_PROCESS_FAILED"},
		{&models.InputFileString{Data: "no-such-file-id"}, "wrong file identifier/HTTP URL specified"},
	} {
		_, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: tc.photo})
		if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("sendPhoto(%T): %v, want %q", tc.photo, err, tc.want)
		}
	}
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileUpload{Filename: "c.png", Data: bytes.NewReader(pic)},
		Caption: strings.Repeat("x", 1025)})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message caption is too long") {
		t.Errorf("a 1025-character caption: %v", err)
	}
}

func TestTelegramErrors(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	b, _ := newBot(t, srv)
	ctx := timeout(t)
	kb := func(data string) models.ReplyMarkup {
		return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "x", CallbackData: data}}}}
	}
	for _, tc := range []struct {
		name string
		p    *bot.SendMessageParams
		want string // "" for success
	}{
		{"4096 characters", &bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("a", 4096)}, ""},
		{"4097 characters", &bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("a", 4097)}, "Bad Request: message is too long"},
		{"2048 emoji are 4096 UTF-16 units", &bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("😀", 2048)}, ""},
		{"2049 emoji", &bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("😀", 2049)}, "message is too long"},
		{"markup does not count", &bot.SendMessageParams{ChatID: alice.ID, Text: "<b>" + strings.Repeat("a", 4096) + "</b>", ParseMode: models.ParseModeHTML}, ""},
		{"empty", &bot.SendMessageParams{ChatID: alice.ID, Text: ""}, "Bad Request: message text is empty"},
		{"only tags", &bot.SendMessageParams{ChatID: alice.ID, Text: "<b> </b>", ParseMode: models.ParseModeHTML}, "message text is empty"},
		{"unknown tag", &bot.SendMessageParams{ChatID: alice.ID, Text: "<div>x</div>", ParseMode: models.ParseModeHTML},
			`Bad Request: can't parse entities: Unsupported start tag "div" at byte offset 0`},
		{"unclosed tag", &bot.SendMessageParams{ChatID: alice.ID, Text: "<b>x", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"bare <", &bot.SendMessageParams{ChatID: alice.ID, Text: "1 < 2", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"bare &", &bot.SendMessageParams{ChatID: alice.ID, Text: "A & B", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"escaped", &bot.SendMessageParams{ChatID: alice.ID, Text: "1 &lt; 2 &amp; A &#38; B", ParseMode: models.ParseModeHTML}, ""},
		{"64-byte data", &bot.SendMessageParams{ChatID: alice.ID, Text: "x", ReplyMarkup: kb(strings.Repeat("d", 64))}, ""},
		{"65-byte data", &bot.SendMessageParams{ChatID: alice.ID, Text: "x", ReplyMarkup: kb(strings.Repeat("d", 65))}, "Bad Request: BUTTON_DATA_INVALID"},
		{"text button", &bot.SendMessageParams{ChatID: alice.ID, Text: "x", ReplyMarkup: &models.InlineKeyboardMarkup{
			InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "no action"}}}}}, "BUTTON_COPY_TEXT_INVALID"},
		{"unknown chat", &bot.SendMessageParams{ChatID: 777, Text: "x"}, "Bad Request: chat not found"},
		{"username", &bot.SendMessageParams{ChatID: "@alice", Text: "x"}, "Bad Request: chat not found"},
		{"bad parse_mode", &bot.SendMessageParams{ChatID: alice.ID, Text: "x", ParseMode: "XML"}, "unsupported parse_mode"},
		{"MarkdownV2 reserved", &bot.SendMessageParams{ChatID: alice.ID, Text: "Selesai.", ParseMode: models.ParseModeMarkdown},
			`Character '.' is reserved and must be escaped with the preceding '\'`},
		{"MarkdownV2", &bot.SendMessageParams{ChatID: alice.ID, Text: "*Selesai*\\.", ParseMode: models.ParseModeMarkdown}, ""},
	} {
		_, err := b.SendMessage(ctx, tc.p)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (!errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want a bad request with %q", tc.name, err, tc.want)
		}
	}
}

func TestFaults(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	b, _ := newBot(t, srv)
	ctx := timeout(t)
	send := func(text string) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: text})
		return err
	}

	srv.FailNext("sendMessage", 2, Fault{Status: 429, RetryAfter: 7})
	for i := 0; i < 2; i++ {
		var tooMany *bot.TooManyRequestsError
		if err := send("x"); !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 || !strings.Contains(tooMany.Message, "Too Many Requests: retry after 7") {
			t.Errorf("429 #%d: %v", i, err)
		}
	}
	if err := send("after 429"); err != nil {
		t.Errorf("the third request: %v", err)
	}

	srv.FailNext("sendMessage", 1, Fault{Status: 502})
	if err := send("x"); err == nil || !strings.Contains(err.Error(), "502 Bad Gateway") {
		t.Errorf("502: %v", err)
	}
	srv.FailNext("sendMessage", 1, Fault{Status: 502, Body: "<html><body>502 Bad Gateway</body></html>"})
	if err := send("x"); err == nil || !strings.Contains(err.Error(), "error decode response body") {
		t.Errorf("502 from a proxy: %v", err)
	}
	srv.FailNext("sendMessage", 1, Fault{Status: -1})
	if err := send("dropped"); err == nil {
		t.Error("a dropped connection gave no error")
	}
	srv.FailNext("sendMessage", 1, Fault{Status: -1, Applied: true})
	if err := send("sent, answer lost"); err == nil {
		t.Error("a lost answer gave no error")
	}
	srv.FailNext("sendMessage", 1, Fault{Status: 500, Delay: 20 * time.Millisecond})
	if err := send("x"); err == nil || !strings.Contains(err.Error(), "500 Internal Server Error") {
		t.Errorf("500: %v", err)
	}

	var texts []string
	for _, m := range srv.Messages(alice.ID) {
		texts = append(texts, m.Text)
	}
	if strings.Join(texts, "|") != "after 429|sent, answer lost" {
		t.Errorf("recorded %q: only successful and applied sends count", texts)
	}
	if n := srv.Calls("sendMessage"); n != 8 {
		t.Errorf("Calls(sendMessage) = %d, want 8", n)
	}

	srv.Block(alice.ID)
	if err := send("x"); !errors.Is(err, bot.ErrorForbidden) || !strings.Contains(err.Error(), "bot was blocked by the user") {
		t.Errorf("blocked: %v", err)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: alice.ID, Action: models.ChatActionTyping}); !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("chat action when blocked: %v", err)
	}
	srv.Unblock(alice.ID)
	if err := send("back"); err != nil {
		t.Errorf("after Unblock: %v", err)
	}
}

func TestBlockSendsMyChatMember(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 4)
	startBot(t, srv, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	srv.SendText(alice, "hi")
	srv.Block(alice.ID)
	var member *models.ChatMemberUpdated
	for member == nil {
		select {
		case u := <-got:
			member = u.MyChatMember
		case <-timeout(t).Done():
			t.Fatal("no my_chat_member update")
		}
	}
	if member.Chat.ID != alice.ID || member.NewChatMember.Type != models.ChatMemberTypeBanned || member.OldChatMember.Type != models.ChatMemberTypeMember {
		t.Errorf("my_chat_member = %+v", member)
	}
}

func TestEditDeleteAndEvents(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	events, stop := srv.Subscribe(alice.ID)
	defer stop()
	b, _ := newBot(t, srv)
	ctx := timeout(t)
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "A", CallbackData: "a"}}}}
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "satu", ReplyMarkup: kb})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != 1 || m.ReplyMarkup == nil || m.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "a" {
		t.Errorf("sendMessage answered %+v", m)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: alice.ID, Action: models.ChatActionTyping}); err != nil {
		t.Fatal(err)
	}
	edit := &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: m.ID, Text: "satu", ReplyMarkup: kb}
	if _, err := b.EditMessageText(ctx, edit); !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("an identical edit: %v", err)
	}
	edit.Text = "dua"
	em, err := b.EditMessageText(ctx, edit)
	if err != nil || em.Text != "dua" || em.EditDate == 0 {
		t.Fatalf("edit: %+v, %v", em, err)
	}
	// Without reply_markup, Telegram removes the keyboard.
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: m.ID, Text: "dua"}); err != nil {
		t.Errorf("an edit removing the keyboard: %v", err)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: alice.ID, MessageID: m.ID, ReplyMarkup: kb}); err != nil {
		t.Errorf("editMessageReplyMarkup: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: 99, Text: "x"}); !errors.Is(err, bot.ErrorBadRequest) ||
		!strings.Contains(err.Error(), "message to edit not found") {
		t.Errorf("editing a missing message: %v", err)
	}
	if ok, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: alice.ID, MessageID: m.ID}); !ok || err != nil {
		t.Errorf("deleteMessage: %v %v", ok, err)
	}
	if _, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: alice.ID, MessageID: m.ID}); !strings.Contains(fmtErr(err), "message to delete not found") {
		t.Errorf("deleting twice: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: m.ID, Text: "tiga"}); !strings.Contains(fmtErr(err), "message to edit not found") {
		t.Errorf("editing a deleted message: %v", err)
	}

	rec := srv.Messages(alice.ID)
	if len(rec) != 1 || rec[0].Text != "dua" || !rec[0].Edited || !rec[0].Deleted || len(rec[0].Keyboard) != 1 {
		t.Errorf("record = %+v", rec)
	}
	var kinds []string
	for len(kinds) < 6 {
		select {
		case ev := <-events:
			if ev.ChatID != alice.ID {
				t.Errorf("event for chat %d", ev.ChatID)
			}
			kinds = append(kinds, ev.Kind)
		case <-ctx.Done():
			t.Fatalf("events so far: %v", kinds)
		}
	}
	if got := strings.Join(kinds, ","); got != "send,action,edit,edit,edit,delete" {
		t.Errorf("events = %s", got)
	}
}

func fmtErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestSetMyCommands(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(alice)
	b, _ := newBot(t, srv)
	ctx := timeout(t)
	def := []models.BotCommand{{Command: "start", Description: "Mulai"}, {Command: "bantuan", Description: "Bantuan"}}
	set := func(p *bot.SetMyCommandsParams) {
		t.Helper()
		if ok, err := b.SetMyCommands(ctx, p); !ok || err != nil {
			t.Fatalf("setMyCommands: %v %v", ok, err)
		}
	}
	set(&bot.SetMyCommandsParams{Commands: def})
	set(&bot.SetMyCommandsParams{Commands: def[:1], Scope: &models.BotCommandScopeChat{ChatID: alice.ID}})
	set(&bot.SetMyCommandsParams{Commands: def[1:], Scope: &models.BotCommandScopeAllPrivateChats{}, LanguageCode: "id"})
	got := srv.Commands()
	if len(got) != 3 || len(got["default"]) != 2 || got["chat:501"][0].Command != "start" || got["all_private_chats/id"][0].Command != "bantuan" {
		t.Errorf("Commands() = %v", got)
	}
	cmds, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{Scope: &models.BotCommandScopeChat{ChatID: alice.ID}})
	if err != nil || len(cmds) != 1 || cmds[0].Description != "Mulai" {
		t.Errorf("getMyCommands = %v, %v", cmds, err)
	}
	if _, err := b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.Commands()["default"]; ok {
		t.Error("deleteMyCommands kept the default commands")
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Start", Description: "x"}}}); !strings.Contains(fmtErr(err), "BOT_COMMAND_INVALID") {
		t.Errorf("an upper-case command: %v", err)
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: def, Scope: &models.BotCommandScopeChat{ChatID: 404}}); !strings.Contains(fmtErr(err), "chat not found") {
		t.Errorf("a scope of an unknown chat: %v", err)
	}
	if n := srv.Calls("setMyCommands"); n != 5 {
		t.Errorf("Calls(setMyCommands) = %d", n)
	}
}

func TestSendRaw(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 1)
	b, _ := startBot(t, srv, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	id := srv.SendRaw([]byte(`{"update_id":1,"message":{"message_id":5,"date":1700000000,"chat":{"id":900,"type":"private"},"from":{"id":900,"is_bot":false,"first_name":"Raw"},"text":"\u0000weird"}}`))
	select {
	case u := <-got:
		if u.ID != id || u.Message == nil || u.Message.Text != "\x00weird" {
			t.Errorf("update = %+v", u)
		}
	case <-timeout(t).Done():
		t.Fatal("the raw update did not arrive")
	}
	// Its chat is now known.
	if _, err := b.SendMessage(timeout(t), &bot.SendMessageParams{ChatID: 900, Text: "ok"}); err != nil {
		t.Error(err)
	}
	if SendRawID := srv.SendRaw([]byte(`[1,2]`)); SendRawID != 0 {
		t.Errorf("SendRaw of an array = %d, want 0", SendRawID)
	}
}
