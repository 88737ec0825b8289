// Command gen writes a synthetic research institute in scholarld's YAML
// format: the shared input of the benchmarks and scale tests.
//
//	go run ./examples/gen -people 2000 -pubs 20000 -out /tmp/institute
//
// With -openalex FILE it writes the publications as OpenAlex works in JSON
// Lines instead (gzip-compressed if FILE ends in .gz), an OpenAlex
// snapshot's partition:
//
//	go run ./examples/gen -pubs 300000 -openalex /tmp/part_000.gz
//
// The output is deterministic for a given -seed (see package
// internal/synth for what it holds).
package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

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
	out := fs.String("out", "", "the `directory` to write (required, unless -openalex; created if missing)")
	oa := fs.String("openalex", "", "write the publications as OpenAlex works in JSON Lines to `file` instead (gzip-compressed if it ends in .gz)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *oa != "" {
		return writeOpenAlex(*oa, c, stdout)
	}
	if *out == "" {
		return errors.New("gen: -out or -openalex is required")
	}
	st, err := synth.Write(*out, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d organizations, %d people, %d publications in %d files to %s\n",
		st.Organizations, st.People, st.Publications, st.Files, *out)
	return nil
}

// writeOpenAlex writes the institute's publications as an OpenAlex JSON
// Lines partition to name.
func writeOpenAlex(name string, c synth.Config, stdout io.Writer) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(name, ".gz") {
		zw = gzip.NewWriter(f)
		w = zw
	}
	n, err := synth.WriteOpenAlex(w, c)
	if zw != nil {
		err = errors.Join(err, zw.Close())
	}
	if err = errors.Join(err, f.Close()); err != nil {
		os.Remove(name) // written here, and half-written
		return err
	}
	fmt.Fprintf(stdout, "wrote %d OpenAlex works to %s\n", n, name)
	return nil
}
