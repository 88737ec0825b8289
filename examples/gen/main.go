// Command gen writes a synthetic research institute in scholarld's YAML
// format: the shared input of the benchmarks and scale tests.
//
//	go run ./examples/gen -people 2000 -pubs 20000 -out /tmp/institute
//
// The output is deterministic for a given -seed (see package
// internal/synth for what it holds).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/scholarld/scholarld/internal/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	var c synth.Config
	fs.IntVar(&c.People, "people", 2000, "the number of `people`")
	fs.IntVar(&c.Publications, "pubs", 20000, "the number of publication records (`n`), versions included")
	fs.IntVar(&c.PerFile, "per-file", 500, "publications per `file`")
	fs.Uint64Var(&c.Seed, "seed", 1, "the random `seed`")
	out := fs.String("out", "", "the `directory` to write (required; created if missing)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("gen: -out is required")
	}
	st, err := synth.Write(*out, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d organizations, %d people, %d publications in %d files to %s\n",
		st.Organizations, st.People, st.Publications, st.Files, *out)
	return nil
}
