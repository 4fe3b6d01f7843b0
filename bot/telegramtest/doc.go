// Package telegramtest is a fake Telegram Bot API server on 127.0.0.1, for
// end-to-end tests in which a real client (github.com/go-telegram/bot with
// bot.WithServerURL(srv.URL)) talks to it, and for the terminal try-out, where the
// product's bot runs against it in-process and the terminal plays the phone.
//
// It does not depend on package testing, and all its methods are safe for
// concurrent use: one mutex guards the state, and no request waits on another
// (a long poll waits outside the lock).
//
//	srv, err := telegramtest.NewServer(token)
//	defer srv.Close()
//	b, _ := bot.New(token, bot.WithServerURL(srv.URL))
//	go b.Start(ctx)
//	srv.SendText(telegramtest.User{ID: 501, FirstName: "Rina"}, "/start")
//	msgs, err := srv.WaitMessages(ctx, 501, 1)
//
// # What it emulates
//
// Requests go to /bot<token>/<method>, by GET or POST, with parameters in the
// query string, multipart/form-data (what go-telegram/bot sends: objects such as
// reply_markup and scope arrive as JSON text in form fields, files as file parts),
// application/x-www-form-urlencoded or application/json. Method names are
// case-insensitive. Answers are {"ok":true,"result":…} or {"ok":false,
// "error_code":N,"description":"…","parameters":{"retry_after":N}} with N as the
// HTTP status. Another token or path answers 401 Unauthorized, an unknown method
// 404 Not Found.
//
// Methods: getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
// sendMessage, sendPhoto, editMessageText, editMessageCaption,
// editMessageReplyMarkup, deleteMessage, answerCallbackQuery, sendChatAction,
// getChat, setMyCommands, deleteMyCommands, getMyCommands.
//
// Chats are private chats with one user each (chat id == user id). A chat is known
// once its user has written (SendText, PressButton, SendRaw) or was added with
// AddUser; sending to any other chat (or to an @username) answers 400 "Bad
// Request: chat not found". In a chat, the user's and the bot's messages share one
// id sequence from 1; update ids increase from 1 across the server.
//
// Updates (SendText, PressButton, SendRaw, and my_chat_member for Block and
// Unblock) queue up until confirmed. getUpdates honours offset (negative too),
// limit and timeout (capped at 50 s): it blocks until an update arrives, the
// timeout passes or the server closes; a second getUpdates ends a running one
// with 409 "Conflict: terminated by other getUpdates request…". allowed_updates
// filters updates created afterwards (by default chat_member, message_reaction and
// message_reaction_count are not created). While a webhook is set, getUpdates
// answers 409 and the updates are POSTed to it as JSON, one at a time and in order,
// with the X-Telegram-Bot-Api-Secret-Token header; an update is retried (after
// 50 ms, doubling up to 2 s: WithWebhookRetry) until the webhook answers 2xx.
// drop_pending_updates forgets the queue. Unconfirm hands confirmed updates out
// again, as Telegram does to a bot that died before confirming them.
//
// Validation, with Telegram's descriptions: empty text ("message text is empty",
// also when only markup or white space is left), text over 4096 and captions over
// 1024 UTF-16 code units after entity parsing ("message is too long", "message
// caption is too long"), parse_mode HTML and MarkdownV2 ("can't parse entities:
// …"; HTML allows b, strong, i, em, u, ins, s, strike, del, span
// class="tg-spoiler", tg-spoiler, a href, code, pre (with code class="language-…"),
// blockquote [expandable] and tg-emoji emoji-id, properly nested, and the
// references &lt; &gt; &amp; &quot; and numeric ones), unsupported parse_mode, inline keyboards
// (callback_data of 1-64 bytes "BUTTON_DATA_INVALID", button URLs, a button without
// an action, copy_text with empty text "BUTTON_COPY_TEXT_INVALID" as
// go-telegram/bot provokes it for buttons with no other action), edits ("message
// to edit not found", "message can't be edited", "message is not modified: …" when
// text, entities and keyboard are unchanged; an edit without reply_markup removes
// the keyboard, as on Telegram), deletes ("message to delete not found"),
// answerCallbackQuery for an unknown or already answered query ("query is too old
// and response timeout expired or query ID is invalid"), photos (must decode as
// JPEG, PNG, GIF or WebP: "IMAGE_PROCESS_FAILED"; sides and ratio:
// "PHOTO_INVALID_DIMENSIONS"; unknown file_id: "wrong file identifier/HTTP URL
// specified"), reply_to_message_id/reply_parameters ("message to be replied not
// found"), bot commands (lower-case [a-z0-9_]{1,32}: "BOT_COMMAND_INVALID").
//
// Messages from users carry bot_command entities exactly where Telegram puts them
// (with UTF-16 offsets, "/start@botname" included), so bot.MatchTypeCommand
// handlers work. Note that go-telegram/bot matches the command without its slash:
// register "start", not "/start".
//
// Records: Messages (the bot's messages with text as sent, the plain text Telegram
// would show, parse mode, inline keyboard, uploaded photo bytes, Edited, Deleted),
// Subscribe (every send, edit, delete, callback answer and chat action as it
// happens), CallbackAnswer, Calls, Commands, Webhook, Pending.
//
// Faults: FailNext(method, n, Fault) answers the next n requests of a method with
// 429 (with retry_after), 5xx, any other status, a raw non-JSON body (a proxy's
// error page), or a dropped connection; optionally after a delay, or after the
// request took effect (a lost answer). Block makes the bot's sends, edits and chat
// actions in a chat answer 403 "Forbidden: bot was blocked by the user".
//
// # What it does not emulate
//
//   - Groups, supergroups, channels, forum topics, business connections, inline
//     mode, payments, games, and every method not listed above (404).
//   - Other media (documents, audio, media groups…), getFile and file downloads.
//     Photos are not resized: every PhotoSize refers to the uploaded bytes, and a
//     photo given by URL is not fetched (it is recorded as PhotoRef with a nominal
//     1280×720 size).
//   - Entities other than bot_command in users' messages (URLs, mentions,
//     hashtags…); the entities and caption_entities parameters are ignored.
//   - Legacy Markdown is not parsed; MarkdownV2 is parsed close to Telegram's rules
//     but not in every corner (nested italic/underline "___", expandable quotes).
//   - Stricter than Telegram: with parse_mode HTML a bare '&' that does not start
//     &lt; &gt; &amp; &quot; or a numeric reference is an error (Telegram shows it as
//     is); inside attribute values it is accepted.
//   - Telegram's rate limits (use FailNext with 429), flood waits, the 48-hour limits
//     on editing and deleting, the expiry of callback queries and of updates.
//   - Webhooks over plain http on any port are accepted (Telegram requires https on
//     ports 443, 80, 88 or 8443), max_connections is ignored (one delivery at a time),
//     a webhook's answer is not executed as a method call, and failed deliveries are
//     retried forever.
//   - Reply keyboards, ReplyKeyboardRemove and ForceReply are accepted but not
//     recorded; parameters such as disable_notification, protect_content,
//     link_preview_options and message_thread_id are ignored.
//   - A user who blocked the bot and writes to it stays blocked until Unblock
//     (Telegram would make them unblock first).
package telegramtest
