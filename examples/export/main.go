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
// and nothing is written. Files are written whole or not at all: each goes
// to a temporary file that is renamed into place.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
	"github.com/scholarld/scholarld/validate"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, time.Now()); err != nil {
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
	if *out == "-" {
		_, err := export.Write(stdout, formats[0], d, opts)
		return err
	}
	fmt.Fprintf(stdout, "%s\n", summary(d))
	if err := writeDumps(stdout, *out, formats, d, opts); err != nil {
		return err
	}
	return writePeople(stdout, *out, formats, d, opts)
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
func streamDumps(stdout, stderr io.Writer, loader dataset.Loader, in []string, dir string, formats []export.Format, opts export.Options, now time.Time) error {
	var outs []stream.Output
	var files []*os.File
	discard := func() {
		for _, f := range files {
			f.Close()
			os.Remove(f.Name())
		}
	}
	tmpDir := dir
	if dir == "-" {
		tmpDir = "" // the system's temporary directory
	} else if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range formats {
		tmp, err := os.CreateTemp(tmpDir, ".dataset"+f.Ext+".*")
		if err != nil {
			discard()
			return fmt.Errorf("export: %w", err)
		}
		files = append(files, tmp)
		outs = append(outs, stream.Output{Format: f, W: tmp})
	}
	res, err := stream.Export(in, outs, stream.Options{Export: opts, Loader: loader, AsOf: now})
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		discard()
		for _, e := range list {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "%d %s; nothing written\n", len(list), plural(len(list), "error", "errors"))
		return errReported
	}
	if err != nil {
		discard()
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}
	if dir == "-" {
		defer discard()
		if _, err := files[0].Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		_, err := io.Copy(stdout, files[0])
		return err
	}
	for i, f := range files {
		name := filepath.Join(dir, "dataset"+formats[i].Ext)
		if err := errors.Join(f.Chmod(0o644), f.Close(), os.Rename(f.Name(), name)); err != nil {
			discard()
			return fmt.Errorf("export: writing %s: %w", name, err)
		}
		fmt.Fprintf(stdout, "%-40s %-6s %4d records %6d triples\n", name, formats[i].Name, res.Records, res.Triples)
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
func writeDumps(stdout io.Writer, dir string, formats []export.Format, d *dataset.Dataset, opts export.Options) error {
	for _, f := range formats {
		if f.PerPerson {
			continue
		}
		name := filepath.Join(dir, "dataset"+f.Ext)
		var st export.Stats
		err := writeFile(name, func(w io.Writer) (err error) {
			st, err = export.Write(w, f, d, opts)
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
func writePeople(stdout io.Writer, dir string, formats []export.Format, d *dataset.Dataset, opts export.Options) error {
	for _, f := range formats {
		if _, ok := f.Works(); ok || !perPerson(f) {
			continue
		}
		for _, p := range d.People {
			name := filepath.Join(dir, "people", p.ID+f.Ext)
			var st export.Stats
			err := writeFile(name, func(w io.Writer) (err error) {
				st, err = export.WritePerson(w, f, d, p.ID, opts)
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
				name := filepath.Join(dir, "orcid", p.ID+doc.Ext)
				err := writeFile(name, func(w io.Writer) error {
					st, err := export.WritePerson(w, doc, d, p.ID, opts)
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

// writeFile writes a file whole or not at all: to a temporary file in the
// same directory, renamed into place once complete.
func writeFile(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	err = errors.Join(write(tmp), tmp.Chmod(0o644), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("export: writing %s: %w", name, err)
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
