package serve

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"net/http"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/site"
)

// A representation is one immutable response body of a resource, with the
// header values that go with it, computed once when the data is loaded.
type representation struct {
	format    string // "html", or the name of an export format: "ttl"
	mediaType string // "text/turtle"
	aliases   []string
	cors      bool // an RDF document, that browser-side tools may read

	body, gz         []byte // gz is nil when compression does not pay
	contentType      []string
	etag, gzETag     []string
	length, gzLength []string  // Content-Length of body and gz
	modified         time.Time // zero: unknown
	lastModified     []string  // modified, formatted; nil when unknown
}

// A resource is what one URL path serves: one representation, or several
// that the request chooses from by Accept or ?format=.
type resource struct {
	reps   []*representation // in the server's order of preference
	offers [][]string        // each representation's media types, for negotiate
	vary   []string          // the Vary header
}

// A snapshot is the whole of what the handler serves for one version of
// the data. It is never modified once built.
type snapshot struct {
	res                  map[string]*resource // by URL path: "/people/ada/"
	people, publications int
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

// gzipMin is the size below which bodies are not compressed.
const gzipMin = 512

// build loads nothing: it renders every representation of a valid dataset.
func build(d *dataset.Dataset, opts site.Options) (*snapshot, error) {
	opts.Validated = true
	s, err := site.New(d, opts)
	if err != nil {
		return nil, err
	}
	eo := s.ExportOptions()
	wr, err := export.NewWriter(d, eo)
	if err != nil {
		return nil, err
	}
	m, err := graph.NewMapper(d, graph.Options{Names: eo.Names(d), Reuse: true})
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte)
	var mu sync.Mutex
	if _, err := s.Render(func(name string, data []byte) error {
		mu.Lock()
		files[name] = data
		mu.Unlock()
		return nil
	}); err != nil {
		return nil, err
	}

	snap := &snapshot{res: make(map[string]*resource), people: len(d.People), publications: len(d.Publications)}
	var all []*representation
	add := func(urlPath string, reps ...*representation) {
		r := &resource{reps: reps}
		for _, rep := range reps {
			r.offers = append(r.offers, append([]string{rep.mediaType}, rep.aliases...))
		}
		if len(reps) > 1 {
			r.vary = []string{"Accept, Accept-Encoding"}
		} else {
			r.vary = []string{"Accept-Encoding"}
		}
		snap.res[urlPath] = r
		all = append(all, reps...)
	}
	dated := make(map[string]time.Time) // site file → the date of its data
	var newest time.Time

	// People: their page, and their documents in every format.
	for i := range d.People {
		p := &d.People[i]
		page, _ := s.PersonPath(p.ID)
		mod := dateTime(cmp.Or(p.Updated, opts.Date))
		newest = later(newest, mod)
		file := fileOf(page)
		dated[file] = mod
		dated[path.Join(path.Dir(file), p.ID+".jsonld")] = mod
		dated[path.Join(path.Dir(file), p.ID+".ttl")] = mod
		reps := []*representation{fileRep(file, files[file], mod)}
		for _, name := range slices.Concat(rdfFormats, personFormats) {
			f, err := export.Lookup(name)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if _, err := wr.WritePerson(&buf, f, p.ID); err != nil {
				if f.RDF() {
					return nil, err
				}
				continue // a record ORCID cannot hold: no such representation
			}
			reps = append(reps, docRep(f, buf.Bytes(), mod))
		}
		add("/"+page, reps...)
	}

	updated := make(map[string]time.Time, len(d.People))
	for i := range d.People {
		updated[d.People[i].ID] = dateTime(d.People[i].Updated)
	}

	// Publications: their page, and the document of the page in each RDF
	// format, the graph of the JSON-LD the page holds.
	x := dataset.NewIndex(d)
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
		reps := []*representation{fileRep(file, files[file], mod)}
		for _, name := range rdfFormats {
			f, err := export.Lookup(name)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			enc, ok := graph.NewEncoder(name, &buf)
			if !ok {
				return nil, fmt.Errorf("serve: no encoder for %s", name)
			}
			if _, _, err := graph.Write(enc, m.PublicationPage(x, pub, s.Base()+page)); err != nil {
				return nil, fmt.Errorf("serve: publication %q: %w", pub.ID, err)
			}
			reps = append(reps, docRep(f, buf.Bytes(), mod))
		}
		add("/"+page, reps...)
	}
	if newest.IsZero() {
		newest = dateTime(opts.Date)
	}

	// The directory: its index page, and the whole dataset in each RDF format.
	reps := []*representation{fileRep("index.html", files["index.html"], newest)}
	for _, name := range rdfFormats {
		f, err := export.Lookup(name)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if _, err := wr.Write(&buf, f); err != nil {
			return nil, err
		}
		reps = append(reps, docRep(f, buf.Bytes(), newest))
	}
	add("/", reps...)

	// Every file of the static site, at its own path, in its own type.
	for name, data := range files {
		if _, ok := snap.res["/"+name]; ok {
			continue // a page at a path ending in .html: negotiated above
		}
		mod, ok := dated[name]
		if !ok {
			mod = newest
		}
		add("/"+name, fileRep(name, data, mod))
	}
	compress(all)
	return snap, nil
}

// fileOf returns the site file of the page at a URL path.
func fileOf(urlPath string) string {
	if strings.HasSuffix(urlPath, "/") {
		return urlPath + "index.html"
	}
	return urlPath
}

// fileRep returns the representation of a file of the static site.
func fileRep(name string, data []byte, mod time.Time) *representation {
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
	return rep.finish(data, mod)
}

// docRep returns the representation of a document in an export format.
func docRep(f export.Format, data []byte, mod time.Time) *representation {
	rep := &representation{format: f.Name, mediaType: f.MediaType, aliases: aliases[f.Name], cors: true}
	return rep.finish(data, mod)
}

// finish sets the body and the header values that follow from it.
func (rep *representation) finish(data []byte, mod time.Time) *representation {
	rep.body = data
	ct := rep.mediaType
	if strings.HasPrefix(ct, "text/") {
		ct += "; charset=utf-8"
	}
	rep.contentType = []string{ct}
	rep.etag = []string{etag(data)}
	rep.length = []string{strconv.Itoa(len(data))}
	rep.modified = mod
	if !mod.IsZero() {
		rep.lastModified = []string{mod.UTC().Format(http.TimeFormat)}
	}
	return rep
}

// compress sets the gzip bodies of the representations, concurrently.
func compress(reps []*representation) {
	var wg sync.WaitGroup
	work := make(chan *representation)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
			for rep := range work {
				if len(rep.body) < gzipMin {
					continue
				}
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(rep.body) // a bytes.Buffer cannot fail
				zw.Close()
				if buf.Len() < len(rep.body) {
					rep.gz = bytes.Clone(buf.Bytes())
					rep.gzETag = []string{etag(rep.gz)}
					rep.gzLength = []string{strconv.Itoa(len(rep.gz))}
				}
			}
		})
	}
	for _, rep := range reps {
		work <- rep
	}
	close(work)
	wg.Wait()
}

// etag returns a strong entity tag of a body: a hash of its bytes.
func etag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
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
