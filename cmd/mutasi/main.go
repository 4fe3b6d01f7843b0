// Command mutasi plans transfers of civil servants (mutasi ASN): it imports
// and exports the personnel data, generates a demo pemda, checks and tests
// the placement policy, explains decisions, and runs the Telegram bot.
//
// Flags, configuration and wiring live here and only here.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// ownProcess is true when main runs the command in a process of its own,
// so that a command may tune the runtime (tests call run in theirs).
var ownProcess bool

func main() {
	ownProcess = true
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// app is what every command gets: where its data lives, where to write, and
// the clock. Commands take it as an argument; nothing reads globals.
type app struct {
	DB       string // path of the SQLite database
	Policies string // directory of the policy files
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Now      func() time.Time
	// Getenv reads the environment (TELEGRAM_BOT_TOKEN …); tests pass
	// their own.
	Getenv func(string) string
	// Terminal is true when Stderr is a terminal, so progress may be drawn.
	Terminal bool
	// OwnProcess is true when the command has the process to itself (not
	// a test): it may then tune the runtime (see oneShotGC).
	OwnProcess bool
}

// usageError marks a mistake in how a command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run parses the global flags, picks the command and runs it; it returns the
// exit status. It is main without os, so that tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{
		DB:       envOr(getenv, "MUTASI_DB", "mutasi.db"),
		Policies: envOr(getenv, "MUTASI_POLICIES", "policies"),
		Stdin:    stdin,
		Stdout:   stdout,
		Stderr:   stderr,
		Now:      time.Now,
		Getenv:   getenv,
		Terminal: isTerminal(stderr),

		OwnProcess: ownProcess,
	}
	// Global flags may stand before the command; each command also accepts
	// them after its name (see newFlagSet).
	rest, err := parseGlobal(a, args)
	if err != nil {
		fmt.Fprintln(stderr, "mutasi:", err)
		return exitUsage
	}
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		if len(rest) > 1 {
			if c := findCommand(rest[1:]); c != nil {
				printCommandHelp(stdout, c)
				return exitOK
			}
		}
		printUsage(stdout)
		if len(rest) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, cargs := lookupCommand(rest)
	if c == nil {
		if group := commandGroup(rest[0]); len(group) > 0 {
			// "mutasi rules" alone: show what the group holds.
			w, code := stderr, exitUsage
			if len(rest) > 1 && (rest[1] == "-h" || rest[1] == "--help" || rest[1] == "help") {
				w, code = stdout, exitOK
			}
			printGroup(w, rest[0], group)
			return code
		}
		fmt.Fprintf(stderr, "mutasi: perintah tidak dikenal: %q (lihat 'mutasi help')\n", rest[0])
		return exitUsage
	}
	err = c.run(ctx, a, cargs)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "mutasi %s: %s\n(lihat 'mutasi %s --help')\n", c.name, ue.msg, c.name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "mutasi %s: %s\n", c.name, errorText(err))
		return exitFailure
	}
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
