// Package cli is the code of the scholarld command, shared by cmd/scholarld
// and examples/export: a table of subcommands, each a function of its
// arguments and an [Env], the conventions they share (-h, -version, exit
// codes, messages on standard error) and the cleanup a signal runs.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/scholarld/scholarld/internal/suggest"
)

// Exit codes, as documented in the command's usage.
const (
	ExitOK      = 0 // done
	ExitInvalid = 1 // invalid data, or a file that cannot be read or written
	ExitUsage   = 2 // a mistake in the command line
)

// ErrInvalid means the data has problems, all of them printed already.
var ErrInvalid = errors.New("invalid data, problems reported")

// A usageError is a mistake in the command line: the command exits 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// ExitCode returns the exit code for the result of a command: 0 for nil
// and for -h, 2 for a usage error, 1 for anything else.
func ExitCode(err error) int {
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, new(usageError)):
		return ExitUsage
	}
	return ExitInvalid
}

// An Env is what a command runs with: where data and messages go, the date
// warnings are dated by, and whether to show progress.
type Env struct {
	Stdout io.Writer // data, and only with -out -
	Stderr io.Writer // every message
	Now    time.Time
	// Terminal says Stderr is a terminal: a progress line is shown there
	// on long runs, unless -q.
	Terminal bool
}

// A Command is one subcommand of scholarld.
type Command struct {
	Name    string
	Summary string // one line, for the command list
	Run     func(env *Env, args []string) error
}

// commands is the table of subcommands; it is never modified.
var commands = []Command{
	{Name: "export", Summary: "write a dataset as linked data, ORCID records or YAML", Run: Export},
	{Name: "site", Summary: "write a dataset as a static site: a page per person and per publication", Run: Site},
	{Name: "validate", Summary: "check a dataset: print its errors and warnings, write nothing", Run: Validate},
	{Name: "formats", Summary: "list the input and output formats with their media types", Run: Formats},
}

const usageText = `Usage: scholarld <command> [flags]

scholarld turns researcher profiles (YAML, JSON, ORCID records) into linked
data (JSON-LD, Turtle, N-Triples, HTML), ORCID records and editable YAML.

Commands:
%s
Flags:
  -h        print this help
  -version  print the version

Run "scholarld <command> -h" for the flags of a command.
Data goes to standard output only with -out -; every message goes to
standard error. Exit status: 0 done, 1 invalid data (or a file that cannot
be read or written), 2 a mistake in the command line.
`

func usage(w io.Writer) {
	var list strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&list, "  %-9s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(w, usageText, list.String())
}

// Main runs the scholarld command with args (without the program name)
// and returns its exit code, having printed any error.
func Main(env *Env, args []string) int {
	err := Scholarld(env, args)
	report(env.Stderr, err)
	return ExitCode(err)
}

// Run is the main function of a program that is one command, such as
// Scholarld or Export: it runs command with the process's arguments,
// streams and clock, SIGINT and SIGTERM handled, prints its error, and
// exits with its code.
func Run(command func(env *Env, args []string) error) {
	HandleSignals(os.Stderr)
	env := &Env{Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now(), Terminal: IsTerminal(os.Stderr)}
	err := command(env, os.Args[1:])
	report(env.Stderr, err)
	os.Exit(ExitCode(err))
}

// report prints err, unless it has been already.
func report(stderr io.Writer, err error) {
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.Is(err, ErrInvalid) {
		return
	}
	fmt.Fprintf(stderr, "scholarld: %v\n", err)
	if errors.As(err, new(usageError)) {
		fmt.Fprintln(stderr, `run "scholarld -h" or "scholarld <command> -h" for help`)
	}
}

// Scholarld runs the scholarld command: the subcommand that args[0] names,
// -h or -version.
func Scholarld(env *Env, args []string) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return usageError{errors.New("no command")}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stderr)
		return flag.ErrHelp
	case "-version", "--version", "version":
		fmt.Fprintln(env.Stdout, Version())
		return nil
	}
	i := slices.IndexFunc(commands, func(c Command) bool { return c.Name == args[0] })
	if i < 0 {
		names := make([]string, len(commands))
		for i, c := range commands {
			names[i] = c.Name
		}
		return usagef("unknown command %q%s; the commands are %s", args[0], suggest.Hint(args[0], names), strings.Join(names, ", "))
	}
	return commands[i].Run(env, args[1:])
}

// Version returns the module's version from the build information, such
// as "scholarld v0.3.0", or "(devel)" for a build from a work tree.
func Version() string {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	return "scholarld " + v
}

// newFlagSet returns a flag set for command name, with -version.
func newFlagSet(name string) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Parse prints nothing: -h prints the usage, and the caller the
	// mistakes, with a hint.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	version := fs.Bool("version", false, "print the version and exit")
	return fs, version
}

// parse parses args with fs: -h prints the usage text, then the flags, and
// returns flag.ErrHelp; other mistakes are usage errors; -version prints
// the version.
func parse(env *Env, fs *flag.FlagSet, version *bool, text string, args []string) (done bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stderr, text)
			fmt.Fprintln(env.Stderr, "\nFlags:")
			fs.SetOutput(env.Stderr)
			fs.PrintDefaults()
			fmt.Fprintln(env.Stderr, "\nExit status: 0 done, 1 invalid data (or a file that cannot be read or\nwritten), 2 a mistake in the command line.")
			return true, err
		}
		return true, usagef("%s: %w", fs.Name(), err)
	}
	if *version {
		fmt.Fprintln(env.Stdout, Version())
		return true, nil
	}
	if fs.NArg() > 0 {
		return true, usagef("unexpected argument %q (use -in to name input files)", fs.Arg(0))
	}
	return false, nil
}

// IsTerminal reports whether f is a terminal (a character device).
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
