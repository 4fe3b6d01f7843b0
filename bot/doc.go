// Package bot is the Telegram front of mutasi (github.com/go-telegram/bot):
// it parses updates, asks the placement service, and renders answers in
// Bahasa Indonesia. It holds no SQL and no rule logic: every decision comes
// from the same service the CLI calls.
//
// Shape of the adapter:
//   - One goroutine of the client hands every update, in order, to Bot,
//     which queues it per chat: a chat's updates are handled one after
//     another in the order Telegram sent them, chats in parallel. Shutdown
//     drains the queues, so an update that was received is answered.
//   - Every update runs behind a recover (a panic is logged and the user
//     gets an apology), a per-user rate limit with a polite reply, and one
//     structured log line (chat, command, duration, outcome).
//   - Conversation state (which question the bot asked, what each button
//     of the keyboards it showed means) lives in SQLite, so a restart in
//     the middle of /aspirasi continues where the user was. Callback data
//     is only "<keyboard>:<button>", never an id: a forged, stale or
//     foreign button finds nothing and gets a polite answer.
//   - The last update handled in each chat is kept in SQLite: Telegram
//     hands out again the updates a stopped (or dead) bot had not yet
//     confirmed with its next getUpdates, and they are not answered twice.
//     A chat's ids only rise, so one id per chat is enough; a mark older
//     than Telegram keeps updates (a day) is not trusted.
//   - Whatever comes from the database or from a person is HTML-escaped;
//     long answers are split below Telegram's 4,096 characters.
package bot
