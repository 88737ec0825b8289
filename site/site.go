package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/validate"
)

// Default URL patterns of the pages; see [Options].
const (
	DefaultPersonPath      = dataset.DefaultPersonPath
	DefaultPublicationPath = dataset.DefaultPublicationPath
)

// Options configure a site. The zero value is usable: pages go under
// [export.DefaultBase] with the default patterns, in English, and the
// dataset is validated first.
type Options struct {
	// Base is the URL of the site's root, an absolute http(s) URL; a
	// missing final slash is added. Empty means [export.DefaultBase]. It
	// is also the base of the IRIs the linked data mints.
	Base string
	// Title is the site's name, shown on every page and as the index's
	// heading. Empty means "Researcher directory".
	Title string
	// Lang is the language of the pages, a BCP 47 tag. Empty means "en".
	Lang string
	// PersonPath and PublicationPath are the paths of the pages of people
	// and publications under Base, where {id} stands for the record's id:
	// a path ending in "/" is a directory whose index.html is the page, one
	// ending in ".html" is the page itself. Empty means
	// [DefaultPersonPath] and [DefaultPublicationPath]. A person whose
	// data sets page_url (profile.Person.PageURL) has their page there
	// instead; it must lie under Base.
	PersonPath, PublicationPath string
	// Templates overrides the templates of the embedded theme, file by
	// file: layout.html, person.html, publication.html, index.html and
	// style.css at its root. Nil means the embedded theme alone.
	Templates fs.FS
	// Created is the dateCreated of the profile pages of people whose
	// data has none (profile.Person.Created); Date is their dateModified
	// when the data has no updated date, and the lastmod of the sitemap
	// entries that no data dates. Zero means none: the clock is never read.
	Created, Date profile.Date
	// Validated says the caller has checked the dataset with package
	// validate and found no problem; otherwise New checks it first.
	Validated bool
}

// A Site is the plan of a static site of one dataset: the path of every
// file and what goes in it. It is safe for concurrent use, as long as
// nothing modifies the dataset.
type Site struct {
	d      *dataset.Dataset
	opts   Options
	base   string // Base, with its final slash
	theme  *theme
	people []entry                // in the order of d.People
	pubs   []entry                // in the order of d.Publications
	x      *dataset.Index         // finds records by id, a person's works, a work's versions
	byName func() map[string]file // the files by name, built on first use
}

// An entry is where the page of one record goes.
type entry struct {
	path string // URL path under the base: "people/ada/"
	file string // file path in the site: "people/ada/index.html"
}

// A kind is a kind of file of the site.
type kind uint8

const (
	kindIndex kind = iota
	kindRobots
	kindSitemap
	kindStyle
	kindPerson
	kindPersonJSONLD
	kindPersonTurtle
	kindPublication
)

// A file is one file of the site: its kind and the index of its record.
type file struct {
	kind kind
	i    int
	name string
}

// New plans the site of d. Unless opts.Validated, it first checks d with
// [validate.Dataset] and returns its error, a source.ErrorList. It fails
// too for an invalid base, URL pattern, page_url or template.
func New(d *dataset.Dataset, opts Options) (*Site, error) {
	if !opts.Validated {
		if err := validate.Dataset(d); err != nil {
			return nil, err
		}
	}
	opts, base, th, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	s := &Site{
		d: d, opts: opts, base: base, theme: th, x: dataset.NewIndex(d),
	}
	c := newClaims(d)
	for i := range d.People {
		p := &d.People[i]
		path := expand(opts.PersonPath, p.ID)
		file, sub := fileOf(path), "id"
		if p.PageURL != "" {
			rest, ok := strings.CutPrefix(p.PageURL, base)
			if !ok {
				return nil, fmt.Errorf("site: person %q: page_url %q is not under the site's base %q", p.ID, p.PageURL, base)
			}
			if err := checkPattern(rest); err != nil {
				return nil, fmt.Errorf("site: person %q: page_url %q: %w", p.ID, p.PageURL, err)
			}
			if file, err = pageFile(rest); err != nil {
				return nil, fmt.Errorf("site: person %q: page_url %q: %w", p.ID, p.PageURL, err)
			}
			path, sub = rest, "page_url"
		}
		e := entry{path: path, file: file}
		c.claim(pathOwner{what: "the page of person " + p.ID, file: e.file, rec: true, sec: dataset.People, i: i, sub: sub})
		for _, ext := range []string{".jsonld", ".ttl"} {
			c.claim(pathOwner{what: "the data of person " + p.ID, file: s.beside(e, p.ID, ext), rec: true, sec: dataset.People, i: i, sub: sub})
		}
		s.people = append(s.people, e)
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		path := expand(opts.PublicationPath, p.ID)
		e := entry{path: path, file: fileOf(path)}
		c.claim(pathOwner{what: "the page of publication " + p.ID, file: e.file, rec: true, sec: dataset.Publications, i: i, sub: "id"})
		s.pubs = append(s.pubs, e)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	s.byName = sync.OnceValue(s.fileIndex)
	return s, nil
}

// Check returns an error if the options are not usable: a base that is
// not an absolute http(s) URL without a query or fragment, a bad URL
// pattern, or a template that does not parse. New checks them too; a
// command may check them before it reads any data.
func (opts Options) Check() error {
	_, _, _, err := opts.resolve()
	return err
}

// resolve checks the options and returns them with their defaults filled
// in, the base with its final slash, and the theme.
func (opts Options) resolve() (Options, string, *theme, error) {
	base := cmp.Or(opts.Base, export.DefaultBase)
	if (export.Options{Base: base}).Check() != nil {
		return opts, "", nil, fmt.Errorf("site: base %q: want an absolute http or https URL without a query or a fragment", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	opts.Title = cmp.Or(opts.Title, "Researcher directory")
	opts.Lang = cmp.Or(opts.Lang, "en")
	opts.PersonPath = cmp.Or(opts.PersonPath, DefaultPersonPath)
	opts.PublicationPath = cmp.Or(opts.PublicationPath, DefaultPublicationPath)
	for _, x := range []struct{ name, pattern string }{{"person", opts.PersonPath}, {"publication", opts.PublicationPath}} {
		if err := checkPattern(x.pattern); err != nil {
			return opts, "", nil, fmt.Errorf("site: %s path %q: %w", x.name, x.pattern, err)
		}
	}
	th, err := loadTheme(opts.Templates)
	return opts, base, th, err
}

// checkPattern checks a URL path pattern or a path under the base.
func checkPattern(p string) error {
	switch {
	case p == "" || strings.HasPrefix(p, "/"):
		return errors.New("want a relative path, such as people/{id}/")
	case !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html"):
		return errors.New(`want a path ending in "/" or ".html"`)
	case strings.ContainsAny(p, "?#\\ \"'<>`") || strings.Contains(p, "//"):
		return errors.New("want a plain path, without a query, a fragment, spaces or quotes")
	}
	for seg := range strings.SplitSeq(strings.TrimSuffix(p, "/"), "/") {
		if seg == "." || seg == ".." {
			return errors.New(`want a path without "." or ".." segments`)
		}
	}
	return nil
}

// expand puts id in a pattern. Ids are slugs: they need no escaping.
func expand(pattern, id string) string { return strings.ReplaceAll(pattern, "{id}", id) }

// fileOf returns the file of the page at a URL path.
func fileOf(path string) string {
	if strings.HasSuffix(path, "/") {
		return path + "index.html"
	}
	return path
}

// beside returns the file of a person's document in the directory of their page.
func (s *Site) beside(e entry, id, ext string) string {
	return e.file[:strings.LastIndex(e.file, "/")+1] + id + ext
}

// besideURL returns the URL path, under the base, of a person's document
// in the directory of their page: beside's file, as the page's URL path
// (percent-encoded) names its directory.
func (s *Site) besideURL(e entry, id, ext string) string {
	return e.path[:strings.LastIndex(e.path, "/")+1] + id + ext
}

// personURL returns the URL of the page of the person with the given id.
func (s *Site) personURL(id string) string {
	if i, ok := s.x.Person(id); ok {
		return s.base + s.people[i].path
	}
	return s.base + expand(s.opts.PersonPath, id)
}

func (s *Site) pubURL(id string) string {
	if i, ok := s.x.Publication(id); ok {
		return s.base + s.pubs[i].path
	}
	return s.base + expand(s.opts.PublicationPath, id)
}

// files lists the files of the site: the index, robots.txt, the sitemap,
// the style sheet every page links to (one file, not a copy in each of
// thousands of pages), then each person's page and documents, then each
// publication's page.
func (s *Site) files() []file {
	fs := []file{{kindIndex, 0, "index.html"}, {kindRobots, 0, "robots.txt"}, {kindSitemap, 0, "sitemap.xml"}, {kindStyle, 0, "style.css"}}
	for i, e := range s.people {
		id := s.d.People[i].ID
		fs = append(fs, file{kindPerson, i, e.file},
			file{kindPersonJSONLD, i, s.beside(e, id, ".jsonld")},
			file{kindPersonTurtle, i, s.beside(e, id, ".ttl")})
	}
	for i, e := range s.pubs {
		fs = append(fs, file{kindPublication, i, e.file})
	}
	return fs
}

// Files returns the paths of the files of the site, relative to its root,
// with "/" separators.
func (s *Site) Files() []string {
	var names []string
	for _, f := range s.files() {
		names = append(names, f.name)
	}
	return names
}

// A worker renders files; it holds what is not safe for concurrent use.
type worker struct {
	s    *Site
	m    *graph.Mapper
	pw   *export.Writer
	buf  bytes.Buffer // a page's JSON-LD
	page bytes.Buffer // a page, as the template writes it
}

// exec executes the theme's template of a kind of page with the view v,
// and writes the page to w.
func (wk *worker) exec(w io.Writer, kind string, v any) error {
	wk.page.Reset()
	if err := wk.s.theme.pages[kind].Execute(&wk.page, v); err != nil {
		return fmt.Errorf("site: %s page: %w", kind, err)
	}
	_, err := w.Write(trimLines(wk.page.Bytes()))
	return err
}

func (s *Site) exportOptions() export.Options {
	return export.Options{Base: s.base, PersonPath: s.opts.PersonPath, PublicationPath: s.opts.PublicationPath, Validated: true, FullProfile: true}
}

func (s *Site) newWorker() (*worker, error) {
	m, err := graph.NewMapper(s.d, graph.Options{Names: s.exportOptions().Names(s.d)})
	if err != nil {
		return nil, err
	}
	pw, err := export.NewWriter(s.d, s.exportOptions())
	if err != nil {
		return nil, err
	}
	return &worker{s: s, m: m, pw: pw}, nil
}

// WriteFile writes the file of the site called name (one of [Site.Files])
// to w.
func (s *Site) WriteFile(w io.Writer, name string) error {
	r, err := s.NewRenderer()
	if err != nil {
		return err
	}
	return r.WriteFile(w, name)
}

// write writes one file.
func (wk *worker) write(w io.Writer, f file) error {
	s := wk.s
	switch f.kind {
	case kindIndex:
		return wk.exec(w, "index", s.indexView())
	case kindRobots:
		_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n", s.base)
		return err
	case kindSitemap:
		return s.writeSitemap(w)
	case kindStyle:
		_, err := io.WriteString(w, string(s.theme.css))
		return err
	case kindPerson:
		v, err := wk.personView(f.i)
		if err != nil {
			return err
		}
		return wk.exec(w, "person", v)
	case kindPersonJSONLD, kindPersonTurtle:
		name := "jsonld"
		if f.kind == kindPersonTurtle {
			name = "ttl"
		}
		format, err := export.Lookup(name)
		if err != nil {
			return err
		}
		_, err = wk.pw.WritePerson(w, format, s.d.People[f.i].ID)
		return err
	case kindPublication:
		v, err := wk.pubView(f.i)
		if err != nil {
			return err
		}
		return wk.exec(w, "publication", v)
	}
	return fmt.Errorf("site: unknown file kind %d", f.kind)
}

// personJSONLD returns the lean JSON-LD document of the profile page of
// the i-th person, as a script element.
func (wk *worker) personJSONLD(i int) (template.HTML, error) {
	s := wk.s
	p := s.d.People[i] // a copy: dates the data lacks come from the options
	p.Created = cmp.Or(p.Created, s.opts.Created)
	p.Updated = cmp.Or(p.Updated, s.opts.Date)
	wk.buf.Reset()
	_, _, err := graph.Write(wk.scriptEncoder(), wk.m.LeanProfilePage(s.x, &p, s.pubURL))
	return template.HTML(wk.buf.String()), err
}

// scriptEncoder returns an encoder of a page's JSON-LD into wk.buf: a
// script element holding the document on one line, which only machines
// read (the indented document is a quarter larger; the alternates, which
// people open, stay indented).
func (wk *worker) scriptEncoder() *graph.JSONLDEncoder {
	e := graph.NewScriptEncoder(&wk.buf)
	e.SetCompact()
	return e
}

// pubJSONLD returns the JSON-LD document of the page of the i-th
// publication, as a script element.
func (wk *worker) pubJSONLD(i int) (template.HTML, error) {
	s := wk.s
	wk.buf.Reset()
	_, _, err := graph.Write(wk.scriptEncoder(), wk.m.PublicationPage(s.x, &s.d.Publications[i], s.base+s.pubs[i].path))
	return template.HTML(wk.buf.String()), err
}

// lastmod returns the date of the i-th person's page: their data's, else
// the site's.
func (s *Site) personDate(i int) profile.Date {
	return cmp.Or(s.d.People[i].Updated, s.opts.Date)
}

// pubDate returns the date of the i-th publication's page: the latest of
// its authors' pages that have one, else the site's.
func (s *Site) pubDate(i int) profile.Date {
	var latest profile.Date
	for _, a := range s.d.Publications[i].Authors {
		if j, ok := s.x.Person(a.Ref); ok && s.d.People[j].Updated > latest {
			latest = s.d.People[j].Updated
		}
	}
	return cmp.Or(latest, s.opts.Date)
}

// writeSitemap writes sitemap.xml: the index, then every page.
func (s *Site) writeSitemap(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	add := func(path string, lastmod profile.Date) {
		b.WriteString("  <url><loc>")
		xmlEscape(&b, s.base+path)
		b.WriteString("</loc>")
		if lastmod != "" {
			b.WriteString("<lastmod>")
			xmlEscape(&b, string(lastmod))
			b.WriteString("</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	var latest profile.Date
	for i := range s.people {
		latest = max(latest, s.personDate(i))
	}
	add("", latest)
	for i, e := range s.people {
		add(e.path, s.personDate(i))
	}
	for i, e := range s.pubs {
		add(e.path, s.pubDate(i))
	}
	b.WriteString("</urlset>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func xmlEscape(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteRune(r)
		}
	}
}

// pubsOf returns the indexes of the publications of a person, newest first,
// in data order among those of the same date, undated last.
func (s *Site) pubsOf(id string) []int {
	idx := slices.Clone(s.x.Authored(id))
	slices.SortStableFunc(idx, func(a, b int) int {
		return strings.Compare(string(s.d.Publications[b].Date), string(s.d.Publications[a].Date))
	})
	return idx
}
