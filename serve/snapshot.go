package serve

import (
	"cmp"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/site"
)

// A representation is one of the forms a resource takes: its format and
// the header values that go with it, shared by every resource of a kind.
// Its body is rendered on demand (see render.go).
type representation struct {
	format      string // "html", or the name of an export format: "ttl"
	mediaType   string // "text/turtle"
	aliases     []string
	cors        bool     // an RDF document, that browser-side tools may read
	contentType []string // the Content-Type header
	f           export.Format
}

// A repSet is the representations a kind of resource offers, in the
// server's order of preference, with what negotiation needs.
type repSet struct {
	reps   []*representation
	offers [][]string // each representation's media types, for negotiate
	vary   []string   // the Vary header
}

// A resKind says how a resource's bodies are rendered.
type resKind uint8

const (
	resFile        resKind = iota // a file of the site, as the site writes it
	resPerson                     // a person's page and documents
	resPublication                // a publication's page and documents
	resIndex                      // the directory's index and the dumps
)

// A resource is what one URL path serves: how to render it, not what it
// renders to.
type resource struct {
	set          *repSet
	kind         resKind
	i            int    // the person or publication, in the dataset's order
	file         string // the site file of its HTML page, or the file
	page         string // the URL path of a record's page under the base
	modified     time.Time
	lastModified []string // modified, formatted; nil when unknown
}

// A snapshot is what the handler serves for one version of the data: the
// loaded, validated dataset, the site planned on it, the resource of each
// URL path, and the cache of the bodies rendered from it. Only its cache
// and its pool of renderers change once it is built.
type snapshot struct {
	d                    *dataset.Dataset
	site                 *site.Site
	x                    *dataset.Index
	eo                   export.Options
	res                  map[string]*resource // by URL path: "/people/ada/"
	people, publications int
	cache                *cache
	pool                 *pool
}

// Media types that clients send for our formats, besides the registered ones.
var aliases = map[string][]string{
	"ttl":    {"application/x-turtle", "application/turtle", "text/n3"},
	"jsonld": {"application/json"},
}

// rdfFormats are the formats of the documents of every page and of the
// dumps, in the server's order of preference after HTML; personFormats
// are those that people's pages have too.
var (
	rdfFormats    = []string{"jsonld", "ttl", "nt"}
	personFormats = []string{"orcid-xml", "orcid-json"}
)

// build plans the snapshot of a valid dataset: the paths it serves and
// the representations of each. It renders nothing to keep but checks that
// rendering works: the index and the first person's and publication's
// pages, and which people ORCID can hold.
func build(d *dataset.Dataset, opts site.Options, cacheSize int64) (*snapshot, error) {
	opts.Validated = true
	s, err := site.New(d, opts)
	if err != nil {
		return nil, err
	}
	snap := &snapshot{
		d: d, site: s, x: dataset.NewIndex(d), eo: s.ExportOptions(),
		res: make(map[string]*resource), people: len(d.People), publications: len(d.Publications),
		cache: newCache(cacheSize),
	}
	snap.pool = newPool(snap.newRenderer)
	rr, err := snap.pool.get()
	if err != nil {
		return nil, err
	}
	defer snap.pool.put(rr)

	html := func(file string) *representation { return fileRep(file) }
	doc := func(name string) (*representation, error) {
		f, err := export.Lookup(name)
		if err != nil {
			return nil, err
		}
		return docRep(f), nil
	}
	var rdf []*representation
	for _, name := range rdfFormats {
		rep, err := doc(name)
		if err != nil {
			return nil, err
		}
		rdf = append(rdf, rep)
	}
	var orcid []*representation
	for _, name := range personFormats {
		rep, err := doc(name)
		if err != nil {
			return nil, err
		}
		orcid = append(orcid, rep)
	}
	pageSet := newRepSet(slices.Concat([]*representation{html("index.html")}, rdf))
	personSets := make(map[uint]*repSet) // by the ORCID formats a person has, as bits
	fileSets := make(map[string]*repSet) // by extension

	dated := make(map[string]time.Time) // site file → the date of its data
	var newest time.Time
	for i := range d.People {
		p := &d.People[i]
		page, _ := s.PersonPath(p.ID)
		mod := dateTime(cmp.Or(p.Updated, opts.Date))
		newest = later(newest, mod)
		file := fileOf(page)
		dated[file] = mod
		dated[path.Join(path.Dir(file), p.ID+".jsonld")] = mod
		dated[path.Join(path.Dir(file), p.ID+".ttl")] = mod
		// A record ORCID cannot hold has no such representation.
		var bits uint
		for j, rep := range orcid {
			if _, err := rr.wr.WritePerson(io.Discard, rep.f, p.ID); err == nil {
				bits |= 1 << j
			}
		}
		set := personSets[bits]
		if set == nil {
			reps := slices.Concat([]*representation{html("index.html")}, rdf)
			for j, rep := range orcid {
				if bits&(1<<j) != 0 {
					reps = append(reps, rep)
				}
			}
			set = newRepSet(reps)
			personSets[bits] = set
		}
		snap.add("/"+page, &resource{set: set, kind: resPerson, i: i, file: file, page: page}, mod)
	}

	updated := make(map[string]time.Time, len(d.People))
	for i := range d.People {
		updated[d.People[i].ID] = dateTime(d.People[i].Updated)
	}
	for i := range d.Publications {
		pub := &d.Publications[i]
		page, _ := s.PublicationPath(pub.ID)
		var mod time.Time
		for _, a := range pub.Authors {
			mod = later(mod, updated[a.Ref])
		}
		if mod.IsZero() {
			mod = dateTime(opts.Date)
		}
		file := fileOf(page)
		dated[file] = mod
		snap.add("/"+page, &resource{set: pageSet, kind: resPublication, i: i, file: file, page: page}, mod)
	}
	if newest.IsZero() {
		newest = dateTime(opts.Date)
	}
	snap.add("/", &resource{set: pageSet, kind: resIndex, file: "index.html"}, newest)

	// Every file of the site, at its own path, in its own type.
	for _, name := range s.Files() {
		if _, ok := snap.res["/"+name]; ok {
			continue // a page at a path ending in .html: negotiated above
		}
		ext := path.Ext(name)
		set := fileSets[ext]
		if set == nil {
			set = newRepSet([]*representation{fileRep(name)})
			fileSets[ext] = set
		}
		mod, ok := dated[name]
		if !ok {
			mod = newest
		}
		snap.add("/"+name, &resource{set: set, kind: resFile, file: name}, mod)
	}

	// Templates fail when they run, not when they parse: fail the load,
	// not the requests, if the pages of each kind cannot be written.
	checks := []string{"index.html"}
	if len(d.People) > 0 {
		checks = append(checks, fileOf(must(s.PersonPath(d.People[0].ID))))
	}
	if len(d.Publications) > 0 {
		checks = append(checks, fileOf(must(s.PublicationPath(d.Publications[0].ID))))
	}
	for _, name := range checks {
		if err := rr.site.WriteFile(io.Discard, name); err != nil {
			return nil, fmt.Errorf("serve: writing %s: %w", name, err)
		}
	}
	return snap, nil
}

func must(s string, _ bool) string { return s }

// add serves r at a URL path.
func (snap *snapshot) add(urlPath string, r *resource, mod time.Time) {
	r.modified = mod
	if !mod.IsZero() {
		r.lastModified = []string{mod.UTC().Format(http.TimeFormat)}
	}
	snap.res[urlPath] = r
}

// newRepSet returns the set of reps, with what negotiation needs.
func newRepSet(reps []*representation) *repSet {
	set := &repSet{reps: reps}
	for _, rep := range reps {
		set.offers = append(set.offers, append([]string{rep.mediaType}, rep.aliases...))
	}
	if len(reps) > 1 {
		set.vary = []string{"Accept, Accept-Encoding"}
	} else {
		set.vary = []string{"Accept-Encoding"}
	}
	return set
}

// fileOf returns the site file of the page at a URL path.
func fileOf(urlPath string) string {
	if strings.HasSuffix(urlPath, "/") {
		return urlPath + "index.html"
	}
	return urlPath
}

// fileRep returns the representation of a file of the static site.
func fileRep(name string) *representation {
	rep := &representation{format: strings.TrimPrefix(path.Ext(name), ".")}
	switch path.Ext(name) {
	case ".html":
		rep.format, rep.mediaType = "html", "text/html"
	case ".jsonld":
		rep.mediaType, rep.cors = "application/ld+json", true
	case ".ttl":
		rep.format, rep.mediaType, rep.cors = "ttl", "text/turtle", true
	case ".txt":
		rep.mediaType = "text/plain"
	case ".xml":
		rep.mediaType = "application/xml"
	default:
		rep.mediaType = "application/octet-stream"
		if t, _, err := mime.ParseMediaType(mime.TypeByExtension(path.Ext(name))); err == nil {
			rep.mediaType = t
		}
	}
	rep.aliases = aliases[rep.format]
	return rep.finish()
}

// docRep returns the representation of a document in an export format.
func docRep(f export.Format) *representation {
	rep := &representation{format: f.Name, mediaType: f.MediaType, aliases: aliases[f.Name], cors: true, f: f}
	return rep.finish()
}

// finish sets the header values that follow from the media type.
func (rep *representation) finish() *representation {
	ct := rep.mediaType
	if strings.HasPrefix(ct, "text/") {
		ct += "; charset=utf-8"
	}
	rep.contentType = []string{ct}
	return rep
}

// dateTime returns the time of a date of the data: midnight UTC at the
// start of its first day; zero for no date.
func dateTime(d profile.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.Earliest()
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
