package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mutasi/mutasi"
)

// command is one subcommand. Names with a space ("rules check") are
// subcommands of a group.
type command struct {
	name    string
	summary string // one line, Indonesian
	usage   string // arguments after the name
	help    string // longer description with examples
	run     func(ctx context.Context, a *app, args []string) error
}

// commands lists every subcommand, in the order `mutasi help` shows them.
func commands() []*command { return commandList() }

// commandList is a variable only so that tests can substitute a list.
var commandList = func() []*command {
	return []*command{
		importCommand(),
		exportCommand(),
		demoCommand(),
		statsCommand(),
		backupCommand(),
		checkCommand(),
		rulesCheckCommand(),
		rulesTestCommand(),
		rulesDiffCommand(),
		rulesWatchCommand(),
	}
}

var errHelpShown = errors.New("help shown")

// newFlagSet makes the flag set of a command, with the global --db and
// --policies flags and a --help that prints the command's help.
func newFlagSet(a *app, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("mutasi "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.DB, "db", a.DB, "berkas basis data SQLite (env MUTASI_DB)")
	fs.StringVar(&a.Policies, "policies", a.Policies, "direktori berkas kebijakan (env MUTASI_POLICIES)")
	fs.Usage = func() {}
	return fs
}

// parseFlags parses a command's flags; it turns -h into help and other flag
// mistakes into usage errors. Flags may come after positional arguments.
func parseFlags(a *app, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandHelpFlags(a.Stdout, c, fs)
				return nil, errHelpShown
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func parseGlobal(a *app, args []string) ([]string, error) {
	fs := flag.NewFlagSet("mutasi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.DB, "db", a.DB, "")
	fs.StringVar(&a.Policies, "policies", a.Policies, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil
		}
		return nil, err
	}
	return fs.Args(), nil
}

// lookupCommand finds the longest command name that prefixes args.
func lookupCommand(args []string) (*command, []string) {
	var best *command
	var bestLen int
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(words) > len(args) || len(words) <= bestLen {
			continue
		}
		match := true
		for i, w := range words {
			if args[i] != w {
				match = false
				break
			}
		}
		if match {
			best, bestLen = c, len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[bestLen:]
}

func findCommand(args []string) *command {
	c, _ := lookupCommand(args)
	return c
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "mutasi — perencanaan mutasi ASN")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Pemakaian: mutasi [--db BERKAS] [--policies DIR] PERINTAH [ARGUMEN]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Perintah:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-16s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Bantuan satu perintah: mutasi PERINTAH --help")
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Pemakaian: mutasi %s %s\n\n%s\n", c.name, c.usage, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(c.help, "\n"))
	}
}

func printCommandHelpFlags(w io.Writer, c *command, fs *flag.FlagSet) {
	printCommandHelp(w, c)
	fmt.Fprintln(w, "\nOpsi:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// errorText renders an error for the person at the terminal: domain errors
// by their message, anything else as it is (the CLI user is the operator,
// who needs the detail).
func errorText(err error) string {
	if mutasi.ErrorCode(err) == mutasi.EINTERNAL {
		return err.Error()
	}
	return mutasi.ErrorMessage(err)
}
