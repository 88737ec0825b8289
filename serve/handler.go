package serve

import (
	"errors"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/site"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// StatusPath is the path of the status endpoint, a JSON [Status].
const StatusPath = "/.well-known/scholarld/status"

// MaxPath is the length of the longest request path the handler looks
// up; longer ones are answered 400 Bad Request.
const MaxPath = 1024

// Options configure a [Handler]. The zero value is usable: the site has
// the defaults of [site.Options], nothing is logged.
type Options struct {
	// Site sets the site's base, title, page paths and templates, as for
	// the static site; its Validated field is ignored, since the handler
	// validates every load. The paths served are those of the site's
	// files, from the root: a site whose base has a path, such as
	// https://example.edu/research/, is mounted under it with
	// [http.StripPrefix].
	Site site.Options
	// Logger receives the reloads and their problems; nil means none.
	Logger *slog.Logger
	// AccessLog receives a record per request; nil means none.
	AccessLog *slog.Logger
	// WatchQuiet is how long the input files must stay unchanged before
	// [Handler.Watch] reloads them; it is rounded up to a whole number of
	// Watch's polls, and 0 means one poll.
	WatchQuiet time.Duration
	// StatusDetails says which clients of the status endpoint see the
	// problems of a failed reload; the zero value, DetailsLoopback, shows
	// them to direct loopback clients only.
	StatusDetails StatusDetails
	// CacheSize bounds, in bytes, the rendered bodies the handler keeps:
	// the least recently used are dropped to make room. 0 means
	// [DefaultCacheSize]; a negative size keeps none, so that every
	// request renders its body.
	CacheSize int64
}

// DefaultCacheSize is the size of the cache of rendered bodies when
// Options.CacheSize is 0.
const DefaultCacheSize = 64 << 20

// A Handler serves a dataset as linked data: the pages of its static site
// (see package site) at the same paths, each page also in JSON-LD, Turtle
// and N-Triples, people's pages in ORCID XML and JSON too, and the
// directory's index with the whole dataset, chosen by the request's Accept
// header or its format query parameter.
//
// Bodies are rendered when first asked for, from the dataset loaded, and
// kept in a cache bounded in bytes (Options.CacheSize), so that memory
// is bounded by the dataset and the cache, not by all it renders to.
// [Handler.Reload] loads the data again; while it works, and if the data
// it finds is invalid, requests get the data loaded before.
// A Handler is safe for concurrent use. Its zero value is not usable: use
// [New].
type Handler struct {
	load   func() (*dataset.Dataset, error)
	opts   Options
	snap   atomic.Pointer[snapshot]
	status atomic.Pointer[Status]
	mu     sync.Mutex // serializes reloads
}

// Status says what a [Handler] serves and how its last load went. It is
// what the status endpoint returns, as JSON, to the clients that may see
// details (see [StatusDetails]); others get it without Errors.
type Status struct {
	Generation   int       `json:"generation"` // the loads that succeeded
	Loaded       time.Time `json:"loaded"`     // when the data served was loaded
	People       int       `json:"people"`
	Publications int       `json:"publications"`
	Resources    int       `json:"resources"` // the URL paths served
	// LastAttempt is when the last load was tried; OK says whether it
	// succeeded, and State says the same in words: "ok", or "failed,
	// since" the first of the loads that have failed in a row
	// (FailedSince). When the last load failed, Problems counts its
	// problems, Errors lists them, each as file:line:column: path:
	// message, and the data loaded before is still served.
	LastAttempt time.Time `json:"last_attempt"`
	OK          bool      `json:"ok"`
	State       string    `json:"state"`
	FailedSince time.Time `json:"failed_since,omitzero"`
	Problems    int       `json:"problems"`
	Errors      []string  `json:"errors,omitempty"`
	// Cache is what the cache of rendered bodies of the data served
	// holds; it starts empty at each successful load.
	Cache CacheStatus `json:"cache"`
}

// New returns a Handler of the dataset that load returns, which it checks
// with [validate.Check]; load is called again by every [Handler.Reload].
// New fails if the first load fails or finds the data invalid, with the
// error of validate.Check, often a [source.ErrorList].
func New(load func() (*dataset.Dataset, error), opts Options) (*Handler, error) {
	h := &Handler{load: load, opts: opts}
	if err := h.Reload(); err != nil {
		return nil, err
	}
	return h, nil
}

// Reload loads the data again, checks it, plans what it serves beside the
// data served, and then swaps it in at once, with an empty cache: requests
// already running finish with the data before, later ones get the new. If
// the data is invalid, or cannot be read, Reload returns the error, logs
// it, and records it in the [Status]; the handler keeps serving the data
// it had. Reloads are serialized.
func (h *Handler) Reload() error {
	return h.reload(nil)
}

// errChanged is the error of a reload whose input changed while it read
// it; nothing of it is kept.
var errChanged = errors.New("serve: the input changed while it was read; not reloaded")

// reload is Reload; if same is not nil, it is asked, once the new data is
// read and rendered, whether the input is still as it was before the read:
// if not, reload returns errChanged and changes nothing, status included.
func (h *Handler) reload(same func() bool) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	start := time.Now()
	st := Status{LastAttempt: start}
	if old := h.status.Load(); old != nil {
		st = *old
		st.LastAttempt, st.Errors = start, nil
	}
	d, err := validate.Check(h.load())
	var snap *snapshot
	if err == nil {
		snap, err = build(d, h.opts.Site, h.cacheSize())
	}
	if same != nil && !same() {
		if l := h.opts.Logger; l != nil {
			l.Info("input changed while it was read; waiting for it to settle")
		}
		return errChanged
	}
	if err != nil {
		if st.OK || st.FailedSince.IsZero() {
			st.FailedSince = start
		}
		st.OK = false
		if list, ok := errors.AsType[source.ErrorList](err); ok {
			for _, e := range list {
				st.Errors = append(st.Errors, e.Error())
			}
		} else {
			st.Errors = []string{err.Error()}
		}
		st.Problems = len(st.Errors)
		st.State = "failed, since " + st.FailedSince.UTC().Format(time.RFC3339)
		h.status.Store(&st)
		if l := h.opts.Logger; l != nil {
			l.Error("reload failed; serving the data loaded before", "generation", st.Generation, "problems", len(st.Errors))
			for _, e := range st.Errors {
				l.Error("problem", "error", e)
			}
		}
		return err
	}
	h.snap.Store(snap)
	st.Generation++
	st.Loaded, st.OK, st.State = start, true, "ok"
	st.FailedSince, st.Problems = time.Time{}, 0
	st.People, st.Publications, st.Resources = snap.people, snap.publications, len(snap.res)
	h.status.Store(&st)
	if l := h.opts.Logger; l != nil {
		l.Info("loaded", "generation", st.Generation, "people", st.People, "publications", st.Publications,
			"resources", st.Resources, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// cacheSize returns the size of the cache of each snapshot.
func (h *Handler) cacheSize() int64 {
	switch n := h.opts.CacheSize; {
	case n == 0:
		return DefaultCacheSize
	case n < 0:
		return 0
	default:
		return n
	}
}

// Status returns the status of the handler.
func (h *Handler) Status() Status {
	st := *h.status.Load()
	st.Errors = append([]string(nil), st.Errors...)
	st.Cache = h.snap.Load().cache.stats()
	return st
}

// ServeHTTP answers GET and HEAD requests for the paths of the site.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.opts.AccessLog == nil {
		h.serve(w, r)
		return
	}
	start := time.Now()
	lw := &logWriter{ResponseWriter: w, status: http.StatusOK}
	h.serve(lw, r)
	h.opts.AccessLog.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
		slog.Int("status", lw.status), slog.Int("bytes", lw.n), slog.String("type", lw.Header().Get("Content-Type")),
		slog.String("accept", r.Header.Get("Accept")), slog.String("remote", r.RemoteAddr),
		slog.Duration("took", time.Since(start)))
}

// serve answers a request.
func (h *Handler) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !cleanPath(p, r.URL.RawPath) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if p == StatusPath {
		h.serveStatus(w, r)
		return
	}
	snap := h.snap.Load()
	res, ok := snap.res[p]
	if !ok {
		if _, ok := snap.res[p+"/"]; ok {
			// Relative, so that it holds under http.StripPrefix too.
			target := path.Base(p) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr["Vary"] = res.set.vary
	i := res.choose(r)
	if i < 0 {
		notAcceptable(w, res)
		return
	}
	rep := res.set.reps[i]
	b, err := snap.body(res, i)
	if err != nil {
		h.renderFailed(w, r, err)
		return
	}
	tag, length := b.etag, b.length
	gz := b.gzETag != nil && acceptsGzip(r.Header.Get("Accept-Encoding"))
	if gz {
		tag, length = b.gzETag, b.gzLength
		hdr["Content-Encoding"] = gzipHeader
	}
	hdr["Content-Type"] = rep.contentType
	hdr["Etag"] = tag
	if res.lastModified != nil {
		hdr["Last-Modified"] = res.lastModified
	}
	hdr["Cache-Control"] = cacheControl
	hdr["X-Content-Type-Options"] = nosniff
	if rep.cors {
		hdr["Access-Control-Allow-Origin"] = anyOrigin
	}
	if notModified(r, tag[0], res.modified) {
		delete(hdr, "Content-Type")
		delete(hdr, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr["Content-Length"] = length
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	// A streamed body is rendered again as it is sent: the headers are
	// gone, and a failure can only cut the response short, which its
	// length shows.
	if err := snap.send(w, res, rep, b, gz); err != nil {
		if l := h.opts.Logger; l != nil {
			l.Error("sending failed", "path", r.URL.Path, "format", rep.format, "error", err)
		}
	}
}

// renderFailed answers 500 for a body that could not be rendered, which
// valid data does not cause, and logs why.
func (h *Handler) renderFailed(w http.ResponseWriter, r *http.Request, err error) {
	if l := h.opts.Logger; l != nil {
		l.Error("rendering failed", "path", r.URL.Path, "error", err)
	}
	hdr := w.Header()
	delete(hdr, "Vary")
	http.Error(w, "internal server error", http.StatusInternalServerError)
}

// Header values shared by every response; never modified.
var (
	gzipHeader   = []string{"gzip"}
	cacheControl = []string{"no-cache"}
	nosniff      = []string{"nosniff"}
	anyOrigin    = []string{"*"}
)

// choose returns the index of the representation a request asks for, or
// -1 if the resource has none it accepts. The format query parameter, a
// name of an export format or "html", overrides the Accept header.
func (res *resource) choose(r *http.Request) int {
	reps := res.set.reps
	if r.URL.RawQuery != "" {
		if name := r.URL.Query().Get("format"); name != "" {
			for i, rep := range reps {
				if rep.format == name {
					return i
				}
			}
			return -1
		}
	}
	if len(reps) == 1 {
		return 0 // a file of the site: its type, whatever is asked
	}
	return negotiate(r.Header.Get("Accept"), res.set.offers)
}

// notAcceptable answers 406, listing the types and formats there are.
func notAcceptable(w http.ResponseWriter, res *resource) {
	var b strings.Builder
	b.WriteString("406 not acceptable: this resource is available as\n")
	for _, rep := range res.set.reps {
		b.WriteString("  " + rep.mediaType + " (?format=" + rep.format + ")\n")
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusNotAcceptable)
	w.Write([]byte(b.String()))
}

// cleanPath reports whether a request path is one the handler looks up:
// absolute, short, with no "." or ".." segment, no empty segment, no
// backslash or control character, and no encoded slash or backslash.
func cleanPath(p, raw string) bool {
	if len(p) > MaxPath || len(raw) > 3*MaxPath || !strings.HasPrefix(p, "/") {
		return false
	}
	if raw != "" {
		lower := strings.ToLower(raw)
		if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
			return false
		}
	}
	for i := range len(p) {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return !strings.Contains(p, "//")
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip.
func acceptsGzip(header string) bool {
	if header == "" {
		return false
	}
	q := -1
	for elem := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(elem, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		w := 1000
		for p := range strings.SplitSeq(params, ";") {
			if name, value, ok := strings.Cut(p, "="); ok && strings.EqualFold(strings.TrimSpace(name), "q") {
				w = parseQ(strings.TrimSpace(value))
			}
		}
		if coding != "*" || q < 0 {
			q = w // gzip named outright overrides *
		}
	}
	return q > 0
}

// notModified reports whether the client's copy, named by If-None-Match
// or dated by If-Modified-Since, is current (RFC 9110, section 13.2.2).
func notModified(r *http.Request, tag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for t := range strings.SplitSeq(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/") // weak comparison
			if t == "*" || t == tag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// logWriter records the status and size of a response.
type logWriter struct {
	http.ResponseWriter
	status, n int
}

func (w *logWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *logWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += n
	return n, err
}
