// Command export turns a scholarld dataset into linked data and ORCID
// records: the whole dataset as JSON-LD, Turtle and N-Triples, and for each
// person a profile page as JSON-LD and as an HTML snippet to embed in a web
// page, and an ORCID API v3.0 record in XML and JSON.
//
// With no flags it exports the embedded example (the profile page of
// Ioannis Mitliagkas) into ./dump:
//
//	go run ./examples/export
//	go run ./examples/export -in people/ -in publications.yaml -format ttl,nt -out site/data
//	go run ./examples/export -format ttl -out - > dataset.ttl
//	go run ./examples/export -in record.xml -in works.xml -format ttl,html
//
// -in takes YAML and JSON datasets and ORCID records (XML or JSON,
// recognised by content).
//
// Invalid input is reported with every problem's file:line:column and path,
// and nothing is written. The output directory is replaced whole or not at
// all: every file is written into a staging directory beside it, which is
// swapped in once complete. A run that fails, is interrupted (SIGINT,
// SIGTERM) or is killed leaves the previous output as it was; the next run
// removes what a killed run left. The output directory is the command's:
// it refuses to replace a directory holding files it did not write.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/outdir"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
	"github.com/scholarld/scholarld/validate"
)

func main() {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-signals
		cleanup.run()
		fmt.Fprintf(os.Stderr, "export: %v; nothing written\n", sig)
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	if err := run(os.Args[1:], os.Stdout, os.Stderr, time.Now()); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}

// cleanup is what a signal must undo before the command exits: the
// removal of the staging directory or temporary file being written.
var cleanup cleanups

type cleanups struct {
	mu sync.Mutex
	fs []func()
}

// add registers f, and returns a function that unregisters it.
func (c *cleanups) add(f func()) (remove func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fs = append(c.fs, f)
	n := len(c.fs) - 1
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.fs[n] = func() {}
	}
}

// run runs every function registered, once; it holds the lock, so that
// nothing else registers meanwhile.
func (c *cleanups) run() {
	c.mu.Lock()
	for _, f := range c.fs {
		f()
	}
}

// errReported means the problems have been printed already.
var errReported = errors.New("errors reported")

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(s string) error { *p = append(*p, s); return nil }

// run does the work of main: it writes the report to stdout, problems to
// stderr, and dates warnings by now.
func run(args []string, stdout, stderr io.Writer, now time.Time) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in pathList
	fs.Var(&in, "in", "a YAML or JSON `file or directory` to load (repeatable; default: the embedded example)")
	formatList := fs.String("format", "jsonld,ttl,nt,html,orcid-xml,orcid-json", "the `formats` to write, a comma list of jsonld, ttl, nt, html, orcid-xml and orcid-json")
	out := fs.String("out", "dump", "the `directory` to write into, or - for standard output (with one format)")
	base := fs.String("base", export.DefaultBase, "the base `IRI` of minted IRIs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export: unexpected argument %q (use -in to name input files)", fs.Arg(0))
	}
	formats, err := parseFormats(*formatList)
	if err != nil {
		return err
	}
	if *out == "-" && (len(formats) != 1 || formats[0].PerPerson) {
		return fmt.Errorf("export: -out - writes one format of whole datasets to standard output; -format names %q", *formatList)
	}
	opts := export.Options{Base: *base}
	if err := opts.Check(); err != nil {
		return err
	}
	loader := dataset.Loader{}
	if len(in) == 0 {
		loader.FS, in = seed.FS, []string{"."}
	}
	if !slices.ContainsFunc(formats, perPerson) {
		return streamDumps(stdout, stderr, loader, in, *out, formats, opts, now)
	}

	// Profile pages gather each person's publications, and ORCID records
	// each person's works: that needs the whole dataset in memory.
	d, err := validate.Check(loader.Load(in...))
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		for _, e := range list {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "%d %s; nothing written\n", len(list), plural(len(list), "error", "errors"))
		return errReported
	}
	if err != nil {
		return err
	}
	for _, w := range append(d.Warnings, validate.Warnings(d, now)...) {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}

	opts.Validated = true // by the loading above
	wr, err := export.NewWriter(d, opts)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := wr.Write(stdout, formats[0])
		return err
	}
	dir, err := outdir.Create(*out)
	if err != nil {
		return err
	}
	defer cleanup.add(dir.Abort)()
	defer dir.Abort()
	var report strings.Builder
	fmt.Fprintf(&report, "%s\n", summary(d))
	if err := writeDumps(&report, dir, *out, formats, wr); err != nil {
		return err
	}
	if err := writePeople(&report, dir, *out, formats, d, wr); err != nil {
		return err
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, report.String())
	return err
}

// perPerson reports whether the command writes a document per person in f:
// it does for every format whose documents hold one person (the HTML
// snippet, the ORCID records), and for JSON-LD, the document the snippet
// holds, for clients that fetch it alone, and for the bibliographies (a
// person's is their works), which the streaming path does not write.
func perPerson(f export.Format) bool { return f.PerPerson || f.Name == "jsonld" || f.Bibliography() }

// streamDumps writes the dataset dumps of formats without holding the
// dataset in memory: records flow from the files through validation to the
// encoders. Each dump goes to a temporary file, renamed into place (or
// copied to stdout, for -out -) only if the whole dataset is valid.
func streamDumps(stdout, stderr io.Writer, loader dataset.Loader, in []string, out string, formats []export.Format, opts export.Options, now time.Time) error {
	var outs []stream.Output
	var files []*os.File
	var dir *outdir.Dir
	if out == "-" {
		// One format, to standard output once the data proves valid: a
		// temporary file holds it meanwhile.
		tmp, err := os.CreateTemp("", "scholarld-export-*"+formats[0].Ext)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		remove := func() { tmp.Close(); os.Remove(tmp.Name()) }
		defer cleanup.add(remove)()
		defer remove()
		files = append(files, tmp)
	} else {
		var err error
		if dir, err = outdir.Create(out); err != nil {
			return err
		}
		defer cleanup.add(dir.Abort)()
		defer dir.Abort()
		for _, f := range formats {
			file, err := os.Create(dir.Path("dataset" + f.Ext))
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			defer file.Close()
			files = append(files, file)
		}
	}
	for i, f := range formats {
		outs = append(outs, stream.Output{Format: f, W: files[i]})
	}
	res, err := stream.Export(in, outs, stream.Options{Export: opts, Loader: loader, AsOf: now})
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		for _, e := range list {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "%d %s; nothing written\n", len(list), plural(len(list), "error", "errors"))
		return errReported
	}
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}
	if out == "-" {
		if _, err := files[0].Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		_, err := io.Copy(stdout, files[0])
		return err
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	for _, f := range formats {
		fmt.Fprintf(stdout, "%-40s %-6s %4d records %6d triples\n", filepath.Join(out, "dataset"+f.Ext), f.Name, res.Records, res.Triples)
	}
	return nil
}

// parseFormats looks up a comma list of format names, each once.
func parseFormats(list string) ([]export.Format, error) {
	var fs []export.Format
	for name := range strings.SplitSeq(list, ",") {
		f, err := export.Lookup(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	return fs, nil
}

// writeDumps writes the dataset in each format of whole datasets into dir
// as dataset.<ext>.
func writeDumps(stdout io.Writer, dir *outdir.Dir, out string, formats []export.Format, wr *export.Writer) error {
	for _, f := range formats {
		if f.PerPerson {
			continue
		}
		name := filepath.Join(out, "dataset"+f.Ext)
		var st export.Stats
		err := dir.WriteFile("dataset"+f.Ext, func(w io.Writer) (err error) {
			st, err = wr.Write(w, f)
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%-40s %-6s %4d records %6d triples\n", name, f.Name, st.Records, st.Triples)
	}
	return nil
}

// writePeople writes the documents of each person: their profile page as
// people/<id>.jsonld and .html, and their ORCID record, with the full works
// that go with it, as orcid/<id>.xml and <id>.works.xml (orcid-xml) or
// .json and .works.json (orcid-json), then lists what ORCID could not hold.
func writePeople(stdout io.Writer, dir *outdir.Dir, out string, formats []export.Format, d *dataset.Dataset, wr *export.Writer) error {
	for _, f := range formats {
		if _, ok := f.Works(); ok || !perPerson(f) {
			continue
		}
		for _, p := range d.People {
			rel := "people/" + p.ID + f.Ext
			name := filepath.Join(out, filepath.FromSlash(rel))
			var st export.Stats
			err := dir.WriteFile(rel, func(w io.Writer) (err error) {
				st, err = wr.WritePerson(w, f, p.ID)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%-40s %-6s %4d records %6d triples (profile page)\n", name, f.Name, st.Records, st.Triples)
		}
	}
	for _, p := range d.People {
		var loss orcid.Loss
		for _, f := range formats {
			works, ok := f.Works()
			if !ok {
				continue
			}
			for _, doc := range []export.Format{f, works} {
				rel := "orcid/" + p.ID + doc.Ext
				name := filepath.Join(out, filepath.FromSlash(rel))
				err := dir.WriteFile(rel, func(w io.Writer) error {
					st, err := wr.WritePerson(w, doc, p.ID)
					loss = st.Loss
					return err
				})
				if err != nil {
					return err
				}
				fmt.Fprintf(stdout, "%-40s %s\n", name, f.Name)
			}
		}
		if len(loss) > 0 {
			fmt.Fprintf(stdout, "ORCID cannot hold %d items of %s:\n", len(loss), p.ID)
			for _, l := range loss {
				fmt.Fprintf(stdout, "  %v\n", l)
			}
		}
	}
	return nil
}

// summary says what d holds.
func summary(d *dataset.Dataset) string {
	var positions, students int
	for _, p := range d.People {
		positions += len(p.Positions)
		students += len(p.Supervisions)
	}
	works := 0
	for _, p := range d.Publications {
		if p.VersionOf == "" {
			works++
		}
	}
	return fmt.Sprintf("loaded %d %s, %d organizations, %d positions, %d students, %d publications (%d works)",
		len(d.People), plural(len(d.People), "person", "people"), len(d.Organizations), positions, students, len(d.Publications), works)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
