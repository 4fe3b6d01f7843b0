package telegramtest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// Button is one button of an inline keyboard.
type Button struct {
	Text         string
	CallbackData string // set for a callback button
	URL          string // set for a URL button
	// Kind is the button's action as Telegram reads it: "callback_data", "url",
	// "web_app", "login_url", "switch_inline_query", "copy_text", "pay"…
	Kind string
}

// buttonKinds are the action fields of an InlineKeyboardButton in the order the
// Bot API looks for them: the first one present decides the kind, the others are
// ignored. (go-telegram/bot always sends "copy_text":{"text":""}, which is thus
// harmless next to callback_data but fails a button without any other action.)
var buttonKinds = []string{
	"url", "login_url", "callback_data", "callback_game", "pay",
	"switch_inline_query", "switch_inline_query_chosen_chat",
	"switch_inline_query_current_chat", "web_app", "copy_text",
}

// markup is a parsed reply_markup.
type markup struct {
	keyboard [][]Button     // inline keyboard, nil if none
	wire     map[string]any // the inline keyboard as Telegram returns it in a Message, nil if none
	key      string         // canonical JSON of wire, for "message is not modified"
}

// parseMarkup parses and validates a reply_markup parameter. Reply keyboards,
// ReplyKeyboardRemove and ForceReply are accepted but not recorded.
func parseMarkup(raw string) (markup, *apiError) {
	var m markup
	if strings.TrimSpace(raw) == "" {
		return m, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &obj); err != nil || obj == nil {
		return m, badRequest("can't parse reply keyboard markup JSON object")
	}
	ikRaw, ok := obj["inline_keyboard"]
	if !ok {
		if _, ok := obj["keyboard"]; ok {
			return m, nil
		}
		if _, ok := obj["remove_keyboard"]; ok {
			return m, nil
		}
		if _, ok := obj["force_reply"]; ok {
			return m, nil
		}
		return m, badRequest("can't parse reply keyboard markup JSON object")
	}
	var rows [][]map[string]json.RawMessage
	if err := json.Unmarshal(ikRaw, &rows); err != nil {
		return m, badRequest(`Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`)
	}
	var wireRows [][]map[string]any
	for _, row := range rows {
		var kbRow []Button
		var wireRow []map[string]any
		for _, b := range row {
			var text string
			if err := json.Unmarshal(b["text"], &text); err != nil {
				return m, badRequest(`can't parse inline keyboard button: Field "text" must be of type String`)
			}
			btn := Button{Text: text}
			w := map[string]any{"text": text}
			for _, kind := range buttonKinds {
				v, ok := b[kind]
				if !ok || string(bytes.TrimSpace(v)) == "null" {
					continue
				}
				btn.Kind = kind
				switch kind {
				case "callback_data":
					var data string
					if json.Unmarshal(v, &data) != nil || data == "" || len(data) > maxDataLen {
						return m, badRequest("BUTTON_DATA_INVALID")
					}
					btn.CallbackData = data
					w[kind] = data
				case "url":
					var u string
					_ = json.Unmarshal(v, &u)
					if !validButtonURL(u) {
						return m, badRequest("inline keyboard button URL '%s' is invalid: Wrong HTTP URL", u)
					}
					btn.URL = u
					w[kind] = u
				case "copy_text":
					var ct struct {
						Text string `json:"text"`
					}
					if json.Unmarshal(v, &ct) != nil || ct.Text == "" || len([]rune(ct.Text)) > 256 {
						return m, badRequest("BUTTON_COPY_TEXT_INVALID")
					}
					w[kind] = map[string]any{"text": ct.Text}
				default:
					var val any
					_ = json.Unmarshal(v, &val)
					w[kind] = val
				}
				break
			}
			if btn.Kind == "" {
				return m, badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
			}
			kbRow = append(kbRow, btn)
			wireRow = append(wireRow, w)
		}
		if len(kbRow) > 0 {
			m.keyboard = append(m.keyboard, kbRow)
			wireRows = append(wireRows, wireRow)
		}
	}
	if len(m.keyboard) == 0 {
		return markup{}, nil
	}
	m.wire = map[string]any{"inline_keyboard": wireRows}
	key, _ := json.Marshal(m.wire)
	m.key = string(key)
	return m, nil
}

func validButtonURL(s string) bool {
	u, err := url.Parse(s)
	if err == nil && u.Scheme == "" {
		// Telegram accepts "example.com/page" as http://example.com/page.
		u, err = url.Parse("http://" + s)
		if err == nil && !strings.Contains(u.Host, ".") {
			return false
		}
	}
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "tg", "ton", "mailto":
		return true
	}
	return false
}

func copyKeyboard(kb [][]Button) [][]Button {
	if kb == nil {
		return nil
	}
	out := make([][]Button, len(kb))
	for i, row := range kb {
		out[i] = append([]Button(nil), row...)
	}
	return out
}
