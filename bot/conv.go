package bot

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
)

// conv is one update being answered.
type conv struct {
	ctx  context.Context
	b    *Bot
	tg   *tgbot.Bot
	u    *models.Update
	chat int64
	from int64
	name string
	text string // message text, "" for a callback
	data string // callback data
	cbID string

	user  *mutasi.User
	st    state
	saved string // the state as loaded, to save only a change
}

func (b *Bot) newConv(ctx context.Context, tg *tgbot.Bot, u *models.Update) *conv {
	c := &conv{ctx: ctx, b: b, tg: tg, u: u, chat: chatOf(u)}
	switch {
	case u == nil:
	case u.Message != nil:
		c.text = u.Message.Text
		if u.Message.From != nil {
			c.from, c.name = u.Message.From.ID, fullName(u.Message.From)
		}
	case u.CallbackQuery != nil:
		cq := u.CallbackQuery
		c.from, c.name, c.data, c.cbID = cq.From.ID, fullName(&cq.From), cq.Data, cq.ID
	}
	if c.from == 0 {
		c.from = c.chat
	}
	return c
}

func fullName(u *models.User) string {
	return strings.TrimSpace(u.FirstName + " " + u.LastName)
}

// command is the command of the update for the log ("callback" for a
// button, "text" for anything else).
func (c *conv) command() string {
	switch {
	case c.cbID != "":
		return "callback"
	case strings.HasPrefix(c.text, "/"):
		cmd, _ := splitCommand(c.text)
		return "/" + cmd
	}
	return "text"
}

// splitCommand separates "/cek@mutasi_bot Perawat" into "cek" and
// "Perawat": the library's matcher does not strip @botname.
func splitCommand(text string) (cmd, arg string) {
	text = strings.TrimSpace(text)
	head, rest, _ := strings.Cut(text, " ")
	head = strings.TrimPrefix(head, "/")
	head, _, _ = strings.Cut(head, "@")
	return strings.ToLower(head), strings.TrimSpace(rest)
}

// run answers the update and says how it went, for the log.
func (c *conv) run() (outcome string) {
	defer func() {
		if c.cbID != "" {
			c.answerCallback()
		}
	}()
	if c.u.Message != nil && c.text == "" {
		c.say(msgNotText)
		return "not-text"
	}
	if utf8.RuneCountInString(c.text) > 4096 || !utf8.ValidString(c.text) {
		c.say("Pesan itu terlalu panjang atau tidak terbaca. Silakan kirim yang lebih singkat.")
		return "bad-text"
	}
	user, err := c.b.cfg.Users.User(c.ctx, c.from)
	switch {
	case mutasi.ErrorCode(err) == mutasi.ENOTFOUND:
	case err != nil:
		return c.fail(err)
	default:
		c.user = user
	}
	cmd, arg := "", ""
	if strings.HasPrefix(c.text, "/") {
		cmd, arg = splitCommand(c.text)
	}
	if cmd == "start" {
		return c.start(arg)
	}
	if c.user == nil {
		c.say(msgRegister)
		return "unregistered"
	}
	if !c.user.Active {
		c.say(msgInactive)
		return "inactive"
	}
	raw, err := c.b.cfg.States.ChatState(c.ctx, c.from)
	if err != nil {
		return c.fail(err)
	}
	c.saved, c.st = raw, decodeState(raw)
	switch {
	case c.cbID != "":
		action := c.st.action(c.data)
		if action == "" {
			c.say(msgStale)
			outcome = "stale"
		} else {
			outcome = c.press(action)
		}
	case cmd != "":
		c.st.Flow, c.st.Ref = "", 0 // a command starts afresh
		outcome = c.dispatch(cmd, arg)
	default:
		outcome = c.reply(c.text)
	}
	if err := c.saveState(); err != nil {
		return c.fail(err)
	}
	return outcome
}

func (c *conv) saveState() error {
	s := c.st.encode()
	if s == c.saved {
		return nil
	}
	return c.b.cfg.States.SaveChatState(c.ctx, c.from, s)
}

func (c *conv) actor() placement.Actor { return placement.As(c.user) }

// fail answers an error: the user's own mistakes and refusals in their
// words; a busy or failing database with an apology, logged.
func (c *conv) fail(err error) string {
	switch mutasi.ErrorCode(err) {
	case mutasi.EINVALID, mutasi.ENOTFOUND, mutasi.EUNAUTHORIZED:
		c.say(esc(mutasi.ErrorMessage(err)))
		return "refused"
	case mutasi.ECONFLICT:
		if strings.Contains(mutasi.ErrorMessage(err), "sibuk") {
			c.say(msgBusy)
			return "busy"
		}
		c.say(esc(mutasi.ErrorMessage(err)))
		return "refused"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		c.say(msgBusy)
		return "timeout"
	}
	c.b.log.Error("internal error", "chat", c.chat, "err", redact(err))
	c.say(msgInternal)
	return "error"
}

// button is one inline button: its label and what it does.
type button struct{ label, action string }

// say sends a message (split if long), with buttons under the last part;
// each row of rows is one row of buttons.
func (c *conv) say(text string, rows ...[]button) {
	parts := split(text)
	for i, part := range parts {
		params := &tgbot.SendMessageParams{ChatID: c.chat, Text: part, ParseMode: models.ParseModeHTML}
		if i == len(parts)-1 && len(rows) > 0 {
			params.ReplyMarkup = c.keyboard(rows)
		}
		if _, err := c.tg.SendMessage(c.ctx, params); err != nil {
			c.b.log.Warn("send failed", "chat", c.chat, "err", redact(err))
			return
		}
	}
}

// keyboard turns rows of buttons into an inline keyboard whose callback
// data is "<nonce>:<i>", remembered in the state.
func (c *conv) keyboard(rows [][]button) *models.InlineKeyboardMarkup {
	var actions []string
	kb := &models.InlineKeyboardMarkup{}
	nonce := ""
	for _, row := range rows {
		for _, bt := range row {
			actions = append(actions, bt.action)
		}
	}
	nonce = c.st.remember(actions)
	i := 0
	for _, row := range rows {
		var r []models.InlineKeyboardButton
		for _, bt := range row {
			r = append(r, models.InlineKeyboardButton{Text: bt.label, CallbackData: nonce + ":" + itoa(i)})
			i++
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, r)
	}
	return kb
}

func (c *conv) answerCallback() {
	if _, err := c.tg.AnswerCallbackQuery(c.ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: c.cbID}); err != nil {
		c.b.log.Debug("answerCallbackQuery failed", "chat", c.chat, "err", redact(err))
	}
}

// photo sends a PNG with a caption.
func (c *conv) photo(png []byte, caption string) {
	_, err := c.tg.SendPhoto(c.ctx, &tgbot.SendPhotoParams{ChatID: c.chat, Caption: caption, ParseMode: models.ParseModeHTML,
		Photo: &models.InputFileUpload{Filename: "beban.png", Data: bytes.NewReader(png)}})
	if err != nil {
		c.b.log.Warn("send photo failed", "chat", c.chat, "err", redact(err))
		c.say(caption + "\n\n(Maaf, grafiknya gagal dikirim; coba lagi sebentar lagi.)")
	}
}

func (c *conv) wake() {
	if c.b.cfg.Wake != nil {
		c.b.cfg.Wake()
	}
}
