package serve_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/serve"
)

const (
	personPath = "/people/ioannis-mitliagkas/"
	pubPath    = "/publications/feature-learning-as-alignment/"
)

// Accept headers as clients send them.
const (
	acceptChrome  = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	acceptFirefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	acceptSafari  = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	acceptCurl    = "*/*"
	// raptor 2.0.16's rapper -i guess, as it sent it to a test server.
	acceptRapper = "application/rdf+xml, text/rdf;q=0.6, application/n-triples, text/plain;q=0.1, text/turtle, application/x-turtle, application/turtle, text/n3;q=0.3, text/rdf+n3;q=0.3, application/rdf+n3;q=0.3, application/x-trig, application/rss;q=0.8, application/rss+xml;q=0.8, text/rss;q=0.8, application/xml;q=0.3, text/xml;q=0.3, application/atom+xml;q=0.3, text/html;q=0.2, application/xhtml+xml;q=0.4, text/html;q=0.6, application/xhtml+xml;q=0.8, application/json;q=0.1, text/json;q=0.1, text/x-nquads, */*;q=0.1"
	// N3.js has no HTTP client: what an N3.js application asks for with
	// fetch, the syntaxes N3.js parses, N-Triples first.
	acceptN3js = "application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8, application/trig;q=0.7, text/n3;q=0.6"
	// rdf-dereference, the fetcher of Comunica (which parses with N3.js).
	acceptComunica = "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,application/xml;q=0.3,image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,application/xhtml+xml;q=0.18,application/json;q=0.135,text/shaclc;q=0.1,text/shaclc-ext;q=0.05"
)

// newSeedHandler returns a handler of the embedded example.
func newSeedHandler(t testing.TB) *serve.Handler {
	t.Helper()
	h, err := serve.New(func() (*dataset.Dataset, error) { return (&dataset.Loader{FS: seed.FS}).Load(".") }, serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// get sends a request to h and returns the response, its body read.
func get(t testing.TB, h http.Handler, method, target string, header ...string) (*http.Response, []byte) {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

// TestNegotiation is the table of what each client gets from each kind of
// resource.
func TestNegotiation(t *testing.T) {
	h := newSeedHandler(t)
	const (
		html    = "text/html; charset=utf-8"
		jsonld  = "application/ld+json"
		turtle  = "text/turtle; charset=utf-8"
		nt      = "application/n-triples"
		orcidX  = "application/vnd.orcid+xml"
		orcidJ  = "application/vnd.orcid+json"
		refused = "406"
	)
	for _, tc := range []struct {
		name, accept, query string
		person, pub, index  string // the Content-Type each answers, or "406"
	}{
		{"Chrome", acceptChrome, "", html, html, html},
		{"Firefox", acceptFirefox, "", html, html, html},
		{"Safari", acceptSafari, "", html, html, html},
		{"curl", acceptCurl, "", html, html, html},
		{"no Accept", "", "", html, html, html},
		{"rapper", acceptRapper, "", turtle, turtle, turtle},
		{"N3.js", acceptN3js, "", nt, nt, nt},
		{"Comunica", acceptComunica, "", jsonld, jsonld, jsonld},
		{"JSON-LD", "application/ld+json", "", jsonld, jsonld, jsonld},
		{"JSON", "application/json", "", jsonld, jsonld, jsonld},
		{"Turtle", "text/turtle", "", turtle, turtle, turtle},
		{"old Turtle", "application/x-turtle", "", turtle, turtle, turtle},
		{"N-Triples", "application/n-triples", "", nt, nt, nt},
		{"weights", "text/turtle;q=0.5, application/ld+json;q=0.9, text/html;q=0.1", "", jsonld, jsonld, jsonld},
		{"no HTML", "text/html;q=0, */*", "", jsonld, jsonld, jsonld},
		{"text/*", "text/*", "", html, html, html},
		{"ORCID XML", "application/vnd.orcid+xml", "", orcidX, refused, refused},
		{"ORCID JSON", "application/vnd.orcid+json, application/json;q=0.5", "", orcidJ, jsonld, jsonld},
		{"image", "image/png", "", refused, refused, refused},
		{"nothing", "*/*;q=0", "", refused, refused, refused},
		{"format=ttl", acceptChrome, "?format=ttl", turtle, turtle, turtle},
		{"format=nt", "", "?format=nt", nt, nt, nt},
		{"format=jsonld", "text/turtle", "?format=jsonld", jsonld, jsonld, jsonld},
		{"format=html", "text/turtle", "?format=html", html, html, html},
		{"format=orcid-json", "", "?format=orcid-json", orcidJ, refused, refused},
		{"format=bogus", "", "?format=bogus", refused, refused, refused},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []struct{ path, want string }{{personPath, tc.person}, {pubPath, tc.pub}, {"/", tc.index}} {
				res, body := get(t, h, "GET", r.path+tc.query, "Accept", tc.accept)
				got := res.Header.Get("Content-Type")
				if res.StatusCode == http.StatusNotAcceptable {
					got = refused
					if !bytes.Contains(body, []byte("text/turtle")) || !bytes.Contains(body, []byte("?format=ttl")) {
						t.Errorf("GET %s: the 406 does not list the types there are:\n%s", r.path, body)
					}
				} else if res.StatusCode != http.StatusOK {
					t.Fatalf("GET %s with Accept %q: status %d", r.path+tc.query, tc.accept, res.StatusCode)
				}
				if got != r.want {
					t.Errorf("GET %s with Accept %q = %s, want %s", r.path+tc.query, tc.accept, got, r.want)
				}
				if got != refused && res.Header.Get("Vary") != "Accept, Accept-Encoding" {
					t.Errorf("GET %s: Vary = %q", r.path, res.Header.Get("Vary"))
				}
			}
		})
	}
}

// TestCaching checks the validators and the answers to conditional requests.
func TestCaching(t *testing.T) {
	h := newSeedHandler(t)
	res, body := get(t, h, "GET", personPath, "Accept", "text/turtle")
	tag, lm := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	if !strings.HasPrefix(tag, `"`) || len(tag) < 10 {
		t.Fatalf("ETag = %q, want a strong entity tag", tag)
	}
	if lm != "Sat, 28 Nov 2026 00:00:00 GMT" {
		t.Errorf("Last-Modified = %q, want the person's updated date, Sat, 28 Nov 2026 00:00:00 GMT", lm)
	}
	htmlRes, _ := get(t, h, "GET", personPath)
	if htmlRes.Header.Get("ETag") == tag {
		t.Errorf("HTML and Turtle have the same ETag %s", tag)
	}
	if again, _ := get(t, newSeedHandler(t), "GET", personPath, "Accept", "text/turtle"); again.Header.Get("ETag") != tag {
		t.Errorf("a second load gives ETag %s, the first %s: tags must follow the bytes", again.Header.Get("ETag"), tag)
	}
	later := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	earlier := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	for _, tc := range []struct {
		name   string
		header []string
		want   int
	}{
		{"If-None-Match", []string{"If-None-Match", tag}, 304},
		{"If-None-Match weak", []string{"If-None-Match", "W/" + tag}, 304},
		{"If-None-Match list", []string{"If-None-Match", `"x", ` + tag}, 304},
		{"If-None-Match *", []string{"If-None-Match", "*"}, 304},
		{"If-None-Match other", []string{"If-None-Match", `"other"`}, 200},
		{"If-Modified-Since same", []string{"If-Modified-Since", lm}, 304},
		{"If-Modified-Since later", []string{"If-Modified-Since", later}, 304},
		{"If-Modified-Since earlier", []string{"If-Modified-Since", earlier}, 200},
		{"If-Modified-Since garbage", []string{"If-Modified-Since", "yesterday"}, 200},
		{"If-None-Match wins", []string{"If-None-Match", `"other"`, "If-Modified-Since", later}, 200},
		{"other representation", []string{"If-None-Match", htmlRes.Header.Get("ETag")}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, got := get(t, h, "GET", personPath, append([]string{"Accept", "text/turtle"}, tc.header...)...)
			if res.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.want)
			}
			if res.Header.Get("ETag") != tag || res.Header.Get("Vary") == "" {
				t.Errorf("ETag %q, Vary %q: a %d must carry the validators", res.Header.Get("ETag"), res.Header.Get("Vary"), tc.want)
			}
			if tc.want == 304 && len(got) != 0 {
				t.Errorf("a 304 with a body of %d bytes", len(got))
			}
			if tc.want == 200 && !bytes.Equal(got, body) {
				t.Errorf("a 200 with another body")
			}
		})
	}
}

// TestHEAD checks that HEAD answers GET's headers without the body.
func TestHEAD(t *testing.T) {
	h := newSeedHandler(t)
	for _, accept := range []string{"text/html", "text/turtle", "application/ld+json"} {
		g, body := get(t, h, "GET", personPath, "Accept", accept)
		hd, hbody := get(t, h, "HEAD", personPath, "Accept", accept)
		if hd.StatusCode != 200 || len(hbody) != 0 {
			t.Errorf("HEAD %s: status %d, %d bytes of body", accept, hd.StatusCode, len(hbody))
		}
		for _, k := range []string{"Content-Type", "Content-Length", "ETag", "Last-Modified", "Vary"} {
			if hd.Header.Get(k) != g.Header.Get(k) {
				t.Errorf("HEAD %s: %s = %q, GET's %q", accept, k, hd.Header.Get(k), g.Header.Get(k))
			}
		}
		if g.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Errorf("GET %s: Content-Length %s for %d bytes", accept, g.Header.Get("Content-Length"), len(body))
		}
	}
	if res, _ := get(t, h, "POST", personPath); res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
}

// TestGzip checks compression: asked for, it is the same bytes compressed,
// under a tag of its own.
func TestGzip(t *testing.T) {
	h := newSeedHandler(t)
	for _, path := range []string{personPath, pubPath, "/"} {
		for _, accept := range []string{"text/html", "text/turtle", "application/ld+json", "application/n-triples"} {
			plain, want := get(t, h, "GET", path, "Accept", accept)
			res, body := get(t, h, "GET", path, "Accept", accept, "Accept-Encoding", "gzip, deflate, br, zstd")
			if res.Header.Get("Content-Encoding") != "gzip" {
				t.Errorf("GET %s as %s: Content-Encoding %q, want gzip", path, accept, res.Header.Get("Content-Encoding"))
				continue
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("GET %s as %s: gzip body is not the plain body (%v)", path, accept, err)
			}
			if res.Header.Get("ETag") == plain.Header.Get("ETag") {
				t.Errorf("GET %s as %s: gzip and plain share ETag %s", path, accept, res.Header.Get("ETag"))
			}
			if r304, _ := get(t, h, "GET", path, "Accept", accept, "Accept-Encoding", "gzip", "If-None-Match", res.Header.Get("ETag")); r304.StatusCode != 304 {
				t.Errorf("GET %s as %s, gzip, If-None-Match: status %d", path, accept, r304.StatusCode)
			}
			if res, _ := get(t, h, "GET", path, "Accept", accept, "Accept-Encoding", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
				t.Errorf("gzip;q=0 gets Content-Encoding %q", res.Header.Get("Content-Encoding"))
			}
		}
	}
}

// TestCORS checks that RDF documents, and only they, may be read by any origin.
func TestCORS(t *testing.T) {
	h := newSeedHandler(t)
	for _, tc := range []struct {
		path, accept string
		want         string
	}{
		{personPath, "text/html", ""},
		{personPath, "text/turtle", "*"},
		{personPath, "application/ld+json", "*"},
		{personPath, "application/n-triples", "*"},
		{personPath, "application/vnd.orcid+json", "*"},
		{pubPath, "text/turtle", "*"},
		{"/", "application/n-triples", "*"},
		{personPath + "ioannis-mitliagkas.ttl", "", "*"},
		{"/sitemap.xml", "", ""},
	} {
		res, _ := get(t, h, "GET", tc.path, "Accept", tc.accept)
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != tc.want || res.StatusCode != 200 {
			t.Errorf("GET %s as %q: status %d, Access-Control-Allow-Origin %q, want %q", tc.path, tc.accept, res.StatusCode, got, tc.want)
		}
	}
}

// TestPaths checks the answers to paths that are not pages: the site's
// other files, redirects, unknown paths, and tricks.
func TestPaths(t *testing.T) {
	h := newSeedHandler(t)
	for _, tc := range []struct {
		target string
		want   int
		typ    string
	}{
		{"/", 200, "text/html; charset=utf-8"},
		{"/index.html", 200, "text/html; charset=utf-8"},
		{"/sitemap.xml", 200, "application/xml"},
		{"/robots.txt", 200, "text/plain; charset=utf-8"},
		{personPath + "index.html", 200, "text/html; charset=utf-8"},
		{personPath + "ioannis-mitliagkas.jsonld", 200, "application/ld+json"},
		{personPath + "ioannis-mitliagkas.ttl", 200, "text/turtle; charset=utf-8"},
		{strings.TrimSuffix(personPath, "/"), 301, ""},
		{"/people/", 404, ""},
		{"/people/nobody/", 404, ""},
		{"/etc/passwd", 404, ""},
		{"/go.mod", 404, ""},
		{"/serve/handler.go", 404, ""},
		{"/people/../../../../etc/passwd", 400, ""},
		{"/people/%2e%2e/%2e%2e/etc/passwd", 400, ""},
		{"/people%2Fioannis-mitliagkas/", 400, ""},
		{"/people/ioannis-mitliagkas%2findex.html", 400, ""},
		{"/people/ioannis-mitliagkas/%5c..%5c..%5cetc", 400, ""},
		{"/people/./ioannis-mitliagkas/", 400, ""},
		{"//people/ioannis-mitliagkas/", 400, ""},
		{"/people/ioannis-mitliagkas/%00", 400, ""},
		{"/" + strings.Repeat("a/", serve.MaxPath), 400, ""},
		{"/" + strings.Repeat("%61", serve.MaxPath), 400, ""},
	} {
		res, _ := get(t, h, "GET", tc.target)
		if res.StatusCode != tc.want || tc.typ != "" && res.Header.Get("Content-Type") != tc.typ {
			t.Errorf("GET %.60s = %d %q, want %d %q", tc.target, res.StatusCode, res.Header.Get("Content-Type"), tc.want, tc.typ)
		}
	}
	if res, _ := get(t, h, "GET", strings.TrimSuffix(personPath, "/")+"?format=ttl"); res.Header.Get("Location") != "ioannis-mitliagkas/?format=ttl" {
		t.Errorf("redirect to %q, want %q", res.Header.Get("Location"), "ioannis-mitliagkas/?format=ttl")
	}
}

// TestStatus checks the status endpoint.
func TestStatus(t *testing.T) {
	h := newSeedHandler(t)
	res, body := get(t, h, "GET", serve.StatusPath)
	var st serve.Status
	if err := json.Unmarshal(body, &st); err != nil || res.StatusCode != 200 {
		t.Fatalf("status %d, %v:\n%s", res.StatusCode, err, body)
	}
	if !st.OK || st.Generation != 1 || st.People != 1 || st.Publications == 0 {
		t.Errorf("status = %+v, want OK, generation 1, one person", st)
	}
}

// TestCacheSizes checks that what a handler sends does not depend on its
// cache: with none, every request renders; with some, bodies are held,
// and the least recently used dropped.
func TestCacheSizes(t *testing.T) {
	load := func() (*dataset.Dataset, error) { return (&dataset.Loader{FS: seed.FS}).Load(".") }
	var hs []*serve.Handler
	for _, size := range []int64{-1, 0, 4096} {
		h, err := serve.New(load, serve.Options{CacheSize: size})
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	for _, target := range []string{personPath, personPath + "?format=ttl", personPath + "?format=orcid-json", pubPath + "?format=nt", "/", "/?format=ttl", "/sitemap.xml", "/robots.txt"} {
		for _, enc := range []string{"identity", "gzip"} {
			var want []byte
			var wantTag string
			for i, h := range hs {
				for range 2 { // rendered, then from the cache
					res, body := get(t, h, "GET", target, "Accept-Encoding", enc)
					if res.StatusCode != 200 {
						t.Fatalf("%s %s: %s", target, enc, res.Status)
					}
					if res.Header.Get("Content-Encoding") == "gzip" {
						zr, err := gzip.NewReader(bytes.NewReader(body))
						if err != nil {
							t.Fatal(err)
						}
						body, _ = io.ReadAll(zr)
					} else if enc == "gzip" && len(body) > 1024 {
						t.Errorf("%s: %d bytes not gzipped", target, len(body))
					}
					if cl := res.Header.Get("Content-Length"); cl == "" {
						t.Errorf("%s %s: no Content-Length", target, enc)
					}
					tag := res.Header.Get("ETag")
					if i == 0 && want == nil {
						want, wantTag = body, tag
						continue
					}
					if !bytes.Equal(body, want) || tag != wantTag {
						t.Errorf("%s %s: handler %d sends %d bytes, ETag %s; handler 0 %d bytes, ETag %s", target, enc, i, len(body), tag, len(want), wantTag)
					}
				}
			}
		}
	}
}
