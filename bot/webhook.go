package bot

import (
	"crypto/subtle"
	"net/http"
)

// maxUpdateBody bounds one webhook request: an update is a few kilobytes.
const maxUpdateBody = 1 << 20

// Webhook guards the client's webhook handler. A request without the
// right X-Telegram-Bot-Api-Secret-Token is refused with 401 before any of
// it is read: the library itself answers 200 to a wrong secret (Telegram
// would not retry, and a forger would not learn it failed) and compares
// with != (timing). Only POST is accepted.
func Webhook(secret string, next http.Handler) http.Handler {
	want := []byte(secret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if len(want) == 0 || subtle.ConstantTimeCompare(got, want) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxUpdateBody)
		next.ServeHTTP(w, r)
	})
}
