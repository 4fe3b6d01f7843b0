//go:build race

package notify

// raceEnabled: a -race binary is several times slower, so the crash test
// delivers fewer notifications (its point there is data races).
const raceEnabled = true
