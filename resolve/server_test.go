package resolve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The records the fake serves, from testdata.
const (
	crossrefDOI    = "10.7554/elife.01567"
	crossrefFile   = "crossref/10.7554_elife.01567.json"
	dataCiteDOI    = "10.5438/zhyx-n122"
	dataCiteFile   = "datacite/10.5438_zhyx-n122.json"
	openAlexWork   = "W2741809807"
	openAlexFile   = "openalex/W2741809807.json"
	openAlexAuthor = "A5023888391"
)

// fakeRegistries stands in for doi.org, Crossref, DataCite and OpenAlex,
// each under its own path on one server:
//
//	GET /doi/ra/{doi}            [{"DOI":…,"RA":…}] from agencies, else "DOI does not exist"
//	GET /crossref/works/{doi}    {"status":"ok","message-type":"work","message":<file>}, else 404 "Resource not found."
//	GET /datacite/dois/{doi}     <file>, else 404 {"errors":[…]}
//	GET /openalex/works/{id}     <file>, else 404 {"error":…,"message":…}
//	GET /openalex/authors/{id}   an author object for openAlexAuthor
//	GET /openalex/works?filter=author.id:{id}&cursor=…
//	                             pages pages of one copy of the work each, then
//	                             an empty page (unless noEmptyEnd), meta.count
//	                             count (pages if 0)
//
// Files are keyed by the DOI in upper case or by the OpenAlex id, so a
// test can serve a record under another identifier. Before serving, it
// calls fail, if set, with the number of the request (from 1); if fail
// writes a response, that is all the request gets.
type fakeRegistries struct {
	t          *testing.T
	agencies   map[string]string // DOI key → agency
	crossref   map[string]string // DOI key → file of the message
	dataCite   map[string]string // DOI key → file
	works      map[string]string // OpenAlex work id → file
	pages      int
	count      int
	noEmptyEnd bool
	fail       func(w http.ResponseWriter, r *http.Request, n int) bool

	mu       sync.Mutex
	requests []*http.Request
}

func newFake(t *testing.T) *fakeRegistries {
	return &fakeRegistries{
		t: t,
		agencies: map[string]string{
			strings.ToUpper(crossrefDOI): "Crossref",
			strings.ToUpper(dataCiteDOI): "DataCite",
		},
		crossref: map[string]string{strings.ToUpper(crossrefDOI): crossrefFile},
		dataCite: map[string]string{strings.ToUpper(dataCiteDOI): dataCiteFile},
		works:    map[string]string{openAlexWork: openAlexFile},
		pages:    3,
	}
}

// Requests returns the requests served so far.
func (f *fakeRegistries) Requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.requests...)
}

// paths returns the paths and queries of the requests, without the
// polite parameters.
func (f *fakeRegistries) paths() []string {
	var out []string
	for _, r := range f.Requests() {
		p := r.URL.EscapedPath()
		q := r.URL.Query()
		q.Del("mailto")
		q.Del("api_key")
		if len(q) > 0 {
			p += "?" + q.Encode()
		}
		out = append(out, p)
	}
	return out
}

// start serves f and returns a Client of it that does not sleep: its
// waits are appended to *waits, if not nil.
func (f *fakeRegistries) start(waits *[]time.Duration) *Client {
	f.t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /doi/ra/{doi...}", f.agency)
	mux.HandleFunc("GET /crossref/works/{doi...}", f.crossrefWork)
	mux.HandleFunc("GET /datacite/dois/{doi...}", f.dataCiteDOI)
	mux.HandleFunc("GET /openalex/works/{id}", f.openAlexWork)
	mux.HandleFunc("GET /openalex/authors/{id}", f.openAlexAuthor)
	mux.HandleFunc("GET /openalex/works", f.openAlexWorks)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r)
		n := len(f.requests)
		f.mu.Unlock()
		if f.fail != nil && f.fail(w, r, n) {
			return
		}
		mux.ServeHTTP(w, r)
	}))
	f.t.Cleanup(srv.Close)
	var mu sync.Mutex
	return &Client{
		DOIBaseURL:  srv.URL + "/doi/",
		CrossrefURL: srv.URL + "/crossref/",
		DataCiteURL: srv.URL + "/datacite/",
		OpenAlexURL: srv.URL + "/openalex/",
		HTTPClient:  srv.Client(),
		backoff:     time.Millisecond,
		sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			if waits != nil {
				*waits = append(*waits, d)
			}
			return ctx.Err()
		},
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeRegistries) agency(w http.ResponseWriter, r *http.Request) {
	doi := r.PathValue("doi")
	if ra, ok := f.agencies[strings.ToUpper(doi)]; ok {
		writeJSON(w, http.StatusOK, []map[string]string{{"DOI": doi, "RA": ra}})
		return
	}
	writeJSON(w, http.StatusOK, []map[string]string{{"DOI": doi, "status": "DOI does not exist"}})
}

func (f *fakeRegistries) crossrefWork(w http.ResponseWriter, r *http.Request) {
	name, ok := f.crossref[strings.ToUpper(r.PathValue("doi"))]
	if !ok {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "Resource not found.")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(f.crossrefResponse(name))
}

// crossrefResponse returns the message in the file name as Crossref's
// REST API serves it.
func (f *fakeRegistries) crossrefResponse(name string) []byte {
	return []byte(`{"status":"ok","message-type":"work","message-version":"1.0.0","message":` + string(f.file(name)) + "}")
}

func (f *fakeRegistries) dataCiteDOI(w http.ResponseWriter, r *http.Request) {
	name, ok := f.dataCite[strings.ToUpper(r.PathValue("doi"))]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"errors": []map[string]string{{"status": "404", "title": "The resource you are looking for doesn't exist."}}})
		return
	}
	w.Header().Set("Content-Type", "application/vnd.api+json")
	w.Write(f.file(name))
}

func (f *fakeRegistries) openAlexWork(w http.ResponseWriter, r *http.Request) {
	name, ok := f.works[r.PathValue("id")]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "404 Not Found", "message": "The requested URL was not found on the server."})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(f.file(name))
}

func (f *fakeRegistries) openAlexAuthor(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") != openAlexAuthor {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "404 Not Found", "message": "The requested URL was not found on the server."})
		return
	}
	w.Write(authorObject())
}

// authorObject returns an OpenAlex author object for openAlexAuthor, made
// from the work's authorship.
func authorObject() []byte {
	return []byte(`{"id":"https://openalex.org/` + openAlexAuthor + `","orcid":"https://orcid.org/0000-0001-6187-6610","display_name":"Jason Priem","works_count":3,"ids":{"openalex":"https://openalex.org/` + openAlexAuthor + `","orcid":"https://orcid.org/0000-0001-6187-6610"}}`)
}

// openAlexWorks serves the pages of the works of openAlexAuthor: the
// cursor "*" is page 1, "p2" page 2 and so on.
func (f *fakeRegistries) openAlexWorks(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("filter") != "author.id:"+openAlexAuthor {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "Invalid query parameters error.", "message": "filter " + q.Get("filter")})
		return
	}
	page := 1
	if c := q.Get("cursor"); c != "*" {
		if _, err := fmt.Sscanf(c, "p%d", &page); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad cursor"})
			return
		}
	}
	results := "[]"
	if page <= f.pages {
		results = "[" + string(bytes.TrimSpace(f.file(openAlexFile))) + "]"
	}
	next := "null"
	if page < f.pages || page == f.pages && !f.noEmptyEnd {
		next = fmt.Sprintf(`"p%d"`, page+1)
	}
	count := f.count
	if count == 0 {
		count = f.pages
	}
	// Written by hand, so that the work in it is the file's bytes.
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"meta":{"count":%d,"db_response_time_ms":12,"page":null,"per_page":200,"next_cursor":%s},"results":%s,"group_by":[]}`, count, next, results)
}

// file returns a file of testdata; in handlers, which must not call t.Fatal.
func (f *fakeRegistries) file(name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.t.Error(err)
	}
	return data
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
