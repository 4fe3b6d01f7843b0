package mutasi

import (
	"errors"
	"fmt"
)

// Error codes. The bot and the CLI turn them into Indonesian text; only
// EINTERNAL is logged, because the others are the user's to fix.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
)

// Error is the one error type of the domain: a code for programs and a
// message for people.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("mutasi error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: the code of an *Error (or of a
// ValidationError, EINVALID, or an ImportError, EINVALID) anywhere in its
// chain, EINTERNAL for any other non-nil error, "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var v ValidationError
	if errors.As(err, &v) {
		return EINVALID
	}
	var ie *ImportError
	if errors.As(err, &ie) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of err. Internal errors get a
// generic message so that details never reach a user.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	var v ValidationError
	if errors.As(err, &v) {
		return v.Error()
	}
	var ie *ImportError
	if errors.As(err, &ie) {
		return ie.Error()
	}
	return "Terjadi kesalahan internal."
}
