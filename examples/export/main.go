// Command export loads a scholarld dataset, validates it and reports what
// it holds, or every problem with it.
//
// With no flags it uses the embedded example (the profile page of Ioannis
// Mitliagkas); -in names files or directories of YAML or JSON instead.
//
//	go run ./examples/export
//	go run ./examples/export -in people/ -in publications.yaml
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, time.Now()); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}

// errReported means the problems have been printed already.
var errReported = errors.New("errors reported")

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(s string) error { *p = append(*p, s); return nil }

// run does the work of main, writing to stdout; now dates the warnings.
func run(args []string, stdout io.Writer, now time.Time) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stdout)
	var in pathList
	fs.Var(&in, "in", "a YAML or JSON `file or directory` to load (repeatable; default: the embedded example)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export: unexpected argument %q (use -in to name input files)", fs.Arg(0))
	}

	var d *dataset.Dataset
	var err error
	if len(in) == 0 {
		d, err = validate.LoadFS(seed.FS, ".")
	} else {
		d, err = validate.Load(in...)
	}
	var list source.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintf(stdout, "error: %v\n", e)
		}
		fmt.Fprintf(stdout, "%d %s\n", len(list), plural(len(list), "error", "errors"))
		return errReported
	}
	if err != nil {
		return err
	}
	for _, w := range validate.Warnings(d, now) {
		fmt.Fprintf(stdout, "warning: %v\n", w)
	}
	printSummary(stdout, d)
	return nil
}

// printSummary prints what d holds.
func printSummary(w io.Writer, d *dataset.Dataset) {
	var positions, current, education, students, awards int
	for _, p := range d.People {
		positions += len(p.Positions)
		for _, x := range p.Positions {
			if x.Current {
				current++
			}
		}
		education += len(p.Education)
		students += len(p.Supervisions)
		awards += len(p.Awards)
	}
	works := 0
	for _, p := range d.Publications {
		if p.VersionOf == "" {
			works++
		}
	}
	fmt.Fprintf(w, "people:        %d\n", len(d.People))
	fmt.Fprintf(w, "organizations: %d\n", len(d.Organizations))
	fmt.Fprintf(w, "positions:     %d (%d current)\n", positions, current)
	fmt.Fprintf(w, "education:     %d\n", education)
	fmt.Fprintf(w, "awards:        %d\n", awards)
	fmt.Fprintf(w, "students:      %d\n", students)
	fmt.Fprintf(w, "publications:  %d (%d works)\n", len(d.Publications), works)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
