package bot

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
)

// state is where a user is in a conversation, kept in the store between
// updates (and restarts).
type state struct {
	// Flow is the question the bot asked and is waiting text for:
	// "cek_cari", "asp_cari", "asp_alasan", "keberatan", "tolak",
	// "rek_cari"; "" when none.
	Flow string `json:"flow,omitempty"`
	// Ref is what the flow is about (a proposal number).
	Ref int64 `json:"ref,omitempty"`
	// Picks are the aspiration choices made so far, Note its reason.
	Picks []string `json:"picks,omitempty"`
	Note  string   `json:"note,omitempty"`
	// Keys are the keyboards shown lately, newest last: a button's
	// callback data names a keyboard and a button, and only what is kept
	// here gives it a meaning.
	Keys []keyboard `json:"keys,omitempty"`
}

// keyboard is what the buttons of one shown keyboard mean.
type keyboard struct {
	Nonce   string   `json:"n"`
	Actions []string `json:"a"`
}

// maxKeyboards is how many recent keyboards stay pressable.
const maxKeyboards = 8

func decodeState(s string) state {
	var st state
	if s != "" {
		_ = json.Unmarshal([]byte(s), &st) // a damaged state is a fresh one
	}
	return st
}

func (st state) encode() string {
	if st.Flow == "" && st.Ref == 0 && len(st.Picks) == 0 && st.Note == "" && len(st.Keys) == 0 {
		return ""
	}
	b, _ := json.Marshal(st)
	return string(b)
}

// remember keeps a new keyboard's actions and returns its nonce.
func (st *state) remember(actions []string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	nonce := hex.EncodeToString(b[:])
	st.Keys = append(st.Keys, keyboard{Nonce: nonce, Actions: actions})
	if len(st.Keys) > maxKeyboards {
		st.Keys = st.Keys[len(st.Keys)-maxKeyboards:]
	}
	return nonce
}

// action resolves callback data "<nonce>:<i>" to what the button means;
// "" for anything forged, stale or malformed.
func (st *state) action(data string) string {
	nonce, idx, ok := strings.Cut(data, ":")
	if !ok || len(data) > 64 {
		return ""
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 {
		return ""
	}
	for _, k := range st.Keys {
		if k.Nonce == nonce && i < len(k.Actions) {
			return k.Actions[i]
		}
	}
	return ""
}
