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
		dataCheckCommand(),
		backupCommand(),
		checkCommand(),
		recommendCommand(),
		planCommand(),
		planListCommand(),
		planShowCommand(),
		planExportCommand(),
		planProposeCommand(),
		chartWorkloadCommand(),
		serveCommand(),
		usersInviteCommand(),
		usersListCommand(),
		usersRevokeCommand(),
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
			return nil, usageError{flagProblem(err)}
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

// flagProblem says in Indonesian what the flag package found wrong; its
// own messages are English and name flags with one dash.
func flagProblem(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("opsi --%s perlu nilai", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Sprintf("opsi --%s tidak dikenal", name)
	}
	// invalid value "abc" for flag -seed: parse error
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, flagPart, ok := strings.Cut(rest, " for flag -"); ok {
			name, _, _ := strings.Cut(flagPart, ":")
			return fmt.Sprintf("nilai %s tidak sah untuk opsi --%s", value, name)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		if value, flagPart, ok := strings.Cut(rest, " for -"); ok {
			name, _, _ := strings.Cut(flagPart, ":")
			return fmt.Sprintf("nilai %s tidak sah untuk opsi --%s (pakai --%s atau --%s=false)", value, name, name, name)
		}
	}
	return msg
}

func parseGlobal(a *app, args []string) ([]string, error) {
	fs := flag.NewFlagSet("mutasi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.DB, "db", a.DB, "")
	fs.StringVar(&a.Policies, "policies", a.Policies, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			// "mutasi --help" and "mutasi -h" ask for the help, as
			// "mutasi help" does, and are answered with status 0.
			return []string{"help"}, nil
		}
		return nil, errors.New(flagProblem(err))
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

// commandGroup returns the commands whose name starts with the word
// group followed by a space ("rules" → rules check, rules test, …).
func commandGroup(group string) []*command {
	var out []*command
	for _, c := range commands() {
		if strings.HasPrefix(c.name, group+" ") {
			out = append(out, c)
		}
	}
	return out
}

func printGroup(w io.Writer, group string, cmds []*command) {
	fmt.Fprintf(w, "Pemakaian: mutasi %s PERINTAH [ARGUMEN]\n\nPerintah:\n", group)
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-16s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nBantuan satu perintah: mutasi %s PERINTAH --help\n", group)
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
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		arg := ""
		switch name {
		case "":
		case "string":
			arg = " TEKS"
		case "int", "uint", "float":
			arg = " ANGKA"
		default:
			arg = " " + strings.ToUpper(name)
		}
		fmt.Fprintf(w, "  --%s%s\n        %s", f.Name, arg, usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (bawaan: %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
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
