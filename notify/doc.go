// Package notify delivers the outbox: the notifications that creating,
// answering, approving or rejecting a transfer proposal owes, written to
// the outbox (mutasi.Outbox) in the same transaction as the change. A
// Dispatcher reads them and sends each through a Sender (the bot's
// SendMessage) within Telegram's limits, in order per chat, retrying what
// can succeed and giving up, loudly, on what cannot. Nothing is lost: a
// notification leaves the outbox's pending state only as sent (after
// Telegram took it) or failed (given up, with OnGiveUp told).
//
// # Reading
//
// One scheduler goroutine reads the pending notifications in id order,
// whatever their next attempt time (PendingReader; *store.DB has it, any
// other Outbox is read through Due), from a cursor: every pending id up to
// the cursor is held in memory, unless its chat is crowded (below). Reading by id, not by due time, is what
// keeps a chat's order across a restart: a notification in backoff is
// read, and holds its chat, before that chat's later ones. Memory is
// bounded: at most ten batches are held (a fan-out to 100,000 chats is
// read as it is sent), and at most 16 per chat; the rest of a crowded
// chat's queue stays in the outbox and is read for that chat
// (PendingForChat) when it is ready, so one chat with thousands queued
// does not crowd out the others. A notification enqueued with a next
// attempt time in the future also holds its chat's later ones back: the
// outbox is a delivery queue, not a scheduler. Wake reads at once; else
// every Poll.
//
// # Limits
//
// Two limits hold at once. Globally, one message every 1/Global s
// (default 30/s, Telegram's bulk limit), each taking the next slot: 1,000
// chats take 33.3 s. Per chat, one message every 1/PerChat s (default
// 1/s), a rate.Limiter per chat; a chat with nothing queued is forgotten,
// limiter and all, once its limiter is as full as a new one (about a
// second), so 100,000 chats do not keep 100,000 limiters. Workers
// (default 16) send to several chats at once; a chat's messages go one at
// a time, in id order. A chat that waits (for its own token, a backoff or
// a retry_after) waits in the scheduler, not in a worker, so it never
// blocks the other chats; a worker waits only for the global slot, which
// every chat waits for alike.
//
// # Failures
//
// The Sender's error decides:
//
//   - *RetryAfterError (429): that chat's next attempt is not before
//     retry_after; the attempt is recorded (MarkFailed, not given up).
//     Since a 429 is usually flood control for the whole bot, the global
//     rate is halved for that long too (again on another 429 in the
//     window, down to 1/s); it is a slowdown, not a stop, because a 429
//     can also be one chat's own limit. A 429 does not count against
//     MaxAttempts in the process that got it; after a restart the stored
//     attempts, 429s included, are where the count starts.
//   - ErrUndeliverable (403 blocked or deactivated, 400 chat not found):
//     marked failed at once, never retried; OnGiveUp is called once, after
//     the mark.
//   - Anything else (5xx, network): tried again after Backoff (1 s·2^(n-1),
//     capped at 10 min, ±20 % jitter from Options.Rand), recorded each
//     time; after MaxAttempts (default 8) failures, given up as above.
//
// Later messages of the chat wait while one is retried: order per chat
// wins over speed. Cancelling Run stops every wait (limiter, backoff,
// retry_after, poll) at once, but never a Send in flight: that Send runs on
// a context that cancellation does not reach (bounded by SendTimeout) and
// its outcome is marked before Run returns nil.
//
// # The duplicate window
//
// A notification is marked sent only after Send returned nil. A crash
// between the two (Telegram has the message, the outbox still says
// pending) sends it again after the restart: that is the one duplicate
// window, at most one message per worker per crash, and the repeat comes
// right after the first in that chat. Marking first would turn the same
// crash into a lost message. TestCrashRestart kills a dispatcher every
// 50-150 ms while it delivers 1,000 notifications and restarts it until
// the outbox is empty: every notification arrives, each chat in order.
// Over 20 such runs (1,078 kills), 226 kills (21 %) fell in the window;
// 229 messages were sent twice, 6 to 21 per run of 1,000, none three
// times. Six runs on another day (327 kills): 92 (28 %) in the window, 4
// to 28 messages sent twice per run of 1,000. (A -race binary is slower between Send and MarkSent: about half
// to four fifths of its kills fall in the window.)
//
// The window widens when MarkSent fails (the database busy with another
// writer): the notification is kept in memory as sent, so this process
// never sends it again, its chat goes on, and the mark is tried again (1 s,
// then doubling up to a minute) until it lands. If the process dies
// before that, the notification is sent again after the restart, possibly
// after later messages of its chat that were marked; when Run stops with
// marks still unrecorded it tries each once more and logs, at ERROR, every
// id that will be sent again. A give-up whose mark fails is handled the
// same way, and OnGiveUp waits for the mark. A failed attempt that cannot
// be recorded is retried on time all the same (the stored count of
// attempts is then lower than the real one).
//
// One Dispatcher per database: two would each send what they read.
//
// # Time
//
// Options.Now is the clock of everything: outbox timestamps, limiters,
// backoffs. Waits sleep on timers, so it must advance like the wall
// clock; the tests run in testing/synctest bubbles, where it does, in
// fake time.
package notify
