package cli

import (
	"fmt"
	"os"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/outdir"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/site"
)

const siteUsage = `Usage: scholarld site [-in PATH]... [-out DIR] [-base URL] [flags]

Site writes a dataset as a static researcher directory: a page per person
and per publication (with Google Scholar's citation tags and schema.org
JSON-LD), the directory's index, sitemap.xml, robots.txt, a style sheet,
and each person's data as JSON-LD and Turtle beside their page. With no -in
it writes the site of the embedded example.

-templates names a directory whose layout.html, person.html,
publication.html, index.html or style.css replace those of the default
theme. -date and -created give the dates the data lacks (pages' modified
and created dates, the sitemap's lastmod): the clock is never read, and the
same input gives the same bytes.

Invalid input is reported with every problem's file:line:column and path,
and nothing is written. The output directory is replaced whole or not at
all, and only if it is empty or an earlier output of scholarld.
`

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

// Site runs the site command.
func Site(env *Env, args []string) error {
	fs, version := newFlagSet("site")
	var in inputFlags
	in.register(fs)
	var opts site.Options
	out := fs.String("out", "_site", "the `directory` to write the site into")
	fs.StringVar(&opts.Base, "base", export.DefaultBase, "the site's base `URL`, also the base of minted IRIs")
	templates := fs.String("templates", "", "a `directory` of templates that replace those of the default theme")
	fs.StringVar(&opts.Title, "title", "", "the site's `name` (default \"Researcher directory\")")
	fs.StringVar(&opts.PersonPath, "person-path", site.DefaultPersonPath, "the `pattern` of the paths of people's pages")
	fs.StringVar(&opts.PublicationPath, "publication-path", site.DefaultPublicationPath, "the `pattern` of the paths of publications' pages")
	fs.Var(dateFlag{&opts.Date}, "date", "the `date` of pages whose data has none: their dateModified and lastmod")
	fs.Var(dateFlag{&opts.Created}, "created", "the dateCreated of profile pages whose data has none (a `date`)")
	quiet := fs.Bool("q", false, "no progress line")
	if done, err := parse(env, fs, version, siteUsage, args); done {
		return err
	}
	if *out == "-" || *out == "" {
		return usagef("-out %q: a site is a directory of files; name one", *out)
	}
	if *templates != "" {
		info, err := os.Stat(*templates)
		if err == nil && !info.IsDir() {
			err = fmt.Errorf("%s is not a directory", *templates)
		}
		if err != nil {
			return usagef("-templates: %v", err)
		}
		opts.Templates = os.DirFS(*templates)
	}
	// The options are checked before any data is read.
	if err := opts.Check(); err != nil {
		return usageError{err}
	}
	opts.Validated = true // by the loading below
	// The output directory is checked, and what killed runs left beside
	// it removed, before the data is read.
	dir, err := outdir.Create(*out)
	if err != nil {
		return err
	}
	defer cleanup.add(dir.Abort)()
	defer dir.Abort()
	d, err := loadInputs(env, in, *quiet)
	if err != nil {
		return err
	}
	s, err := site.New(d, opts) // validated by the loading above
	if err != nil {
		return err
	}
	st, err := s.WriteFiles(dir.Path(""))
	if err != nil {
		return err
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%s\nwrote %s: %d %s, %d publication pages, %d files, %.1f MB\n",
		summary(d), *out, st.People, plural(st.People, "person page", "person pages"), st.Publications, st.Files, float64(st.Bytes)/1e6)
	return nil
}
