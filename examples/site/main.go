// Command site writes a scholarld dataset as a static researcher
// directory: a page per person and per publication, the directory's index,
// sitemap.xml and robots.txt, and each person's data as JSON-LD and Turtle
// beside their page (see package site).
//
// With no flags it writes the site of the embedded example (the profile
// page of Ioannis Mitliagkas) into ./_site (not ./site, the directory of
// package site in this repository):
//
//	go run ./examples/site
//	go run ./examples/site -in people/ -in publications.yaml -base https://research.example.edu/ -out public
//	go run ./examples/site -templates mytheme/ -date 2026-11-30
//
// -in, -out and -base work as in examples/export. -templates names a
// directory whose layout.html, person.html, publication.html, index.html
// or style.css replace those of the default theme. -date and -created give
// the dates the data lacks: the clock is never read.
//
// Invalid input is reported with every problem's file:line:column and path,
// and nothing is written. The site is written whole or not at all.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/site"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
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

// dateFlag is a flag holding a profile.Date.
type dateFlag struct{ d *profile.Date }

func (f dateFlag) String() string {
	if f.d == nil {
		return ""
	}
	return string(*f.d)
}

func (f dateFlag) Set(s string) error {
	d, err := profile.ParseDate(s)
	if err != nil {
		return err
	}
	*f.d = d
	return nil
}

// run does the work of main: it writes the report to stdout and problems
// to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in pathList
	var opts site.Options
	fs.Var(&in, "in", "a YAML or JSON `file or directory` to load (repeatable; default: the embedded example)")
	out := fs.String("out", "_site", "the `directory` to write the site into; an existing one must be a site written before")
	fs.StringVar(&opts.Base, "base", export.DefaultBase, "the site's base `URL`, also the base of minted IRIs")
	templates := fs.String("templates", "", "a `directory` of templates that replace those of the default theme")
	fs.StringVar(&opts.Title, "title", "", "the site's `name` (default \"Researcher directory\")")
	fs.StringVar(&opts.PersonPath, "person-path", site.DefaultPersonPath, "the `pattern` of the paths of people's pages")
	fs.StringVar(&opts.PublicationPath, "publication-path", site.DefaultPublicationPath, "the `pattern` of the paths of publications' pages")
	fs.Var(dateFlag{&opts.Date}, "date", "the `date` of pages whose data has none: their dateModified and lastmod")
	fs.Var(dateFlag{&opts.Created}, "created", "the dateCreated of profile pages whose data has none (a `date`)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("site: unexpected argument %q (use -in to name input files)", fs.Arg(0))
	}
	if *templates != "" {
		opts.Templates = os.DirFS(*templates)
	}
	loader := dataset.Loader{}
	if len(in) == 0 {
		loader.FS, in = seed.FS, []string{"."}
	}
	d, err := validate.Check(loader.Load(in...))
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		for _, e := range list {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "%d errors; nothing written\n", len(list))
		return errReported
	}
	if err != nil {
		return err
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}
	opts.Validated = true // by the loading above
	s, err := site.New(d, opts)
	if err != nil {
		return err
	}
	st, err := s.Write(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d people, %d publications, %d files, %d bytes\n", *out, st.People, st.Publications, st.Files, st.Bytes)
	return nil
}
