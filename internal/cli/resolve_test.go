package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeRegistries serves the records of resolve/testdata as doi.org,
// Crossref and OpenAlex do: the DOI 10.7554/elife.01567, registered with
// Crossref, and the OpenAlex work W2741809807. It records the requests.
func fakeRegistries(t *testing.T) (*httptest.Server, func() []*http.Request) {
	t.Helper()
	read := func(name string) string {
		data, err := os.ReadFile("../../resolve/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	message := read("crossref/10.7554_elife.01567.json")
	work := read("openalex/W2741809807.json")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /doi/ra/{doi...}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("doi") != "10.7554/elife.01567" {
			fmt.Fprintf(w, `[{"DOI":%q,"status":"DOI does not exist"}]`, r.PathValue("doi"))
			return
		}
		fmt.Fprint(w, `[{"DOI":"10.7554/elife.01567","RA":"Crossref"}]`)
	})
	mux.HandleFunc("GET /crossref/works/10.7554/elife.01567", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"status":"ok","message-type":"work","message":%s}`, message)
	})
	mux.HandleFunc("GET /openalex/works/W2741809807", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, work)
	})
	var mu sync.Mutex
	var requests []*http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, r)
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []*http.Request {
		mu.Lock()
		defer mu.Unlock()
		return append([]*http.Request(nil), requests...)
	}
}

// TestFetchResolve checks -in doi: and -in openalex: with the flags that
// name the services: the records are fetched, politely, and reach the
// loader. What the loader makes of them depends on the input formats of
// Crossref and OpenAlex records; the test only checks that the fetched
// records got there, whether they load or are reported as invalid.
func TestFetchResolve(t *testing.T) {
	srv, requests := fakeRegistries(t)
	flags := []string{
		"-doi-api", srv.URL + "/doi/", "-crossref-api", srv.URL + "/crossref/", "-openalex-api", srv.URL + "/openalex/",
		"-mailto", "ada@example.org", "-openalex-key", "s3cret",
		"-format", "yaml", "-out", "-", "-q",
	}
	for _, tc := range []struct {
		in       string
		wantPath []string
		wantText string // in the output or the messages, case aside
	}{
		{"doi:10.7554/elife.01567", []string{"/doi/ra/10.7554/elife.01567", "/crossref/works/10.7554/elife.01567"}, "10.7554/elife.01567"},
		{"https://doi.org/10.7554/elife.01567", []string{"/doi/ra/10.7554/elife.01567", "/crossref/works/10.7554/elife.01567"}, "10.7554/elife.01567"},
		{"openalex:W2741809807", []string{"/openalex/works/W2741809807"}, "W2741809807"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			before := len(requests())
			var stdout, stderr bytes.Buffer
			env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
			err := Export(env, append([]string{"-in", tc.in}, flags...))
			if err != nil && err != ErrInvalid {
				t.Fatalf("export: %v\n%s", err, stderr.String())
			}
			var paths []string
			for _, r := range requests()[before:] {
				paths = append(paths, r.URL.Path)
				if got, want := r.Header.Get("User-Agent"), "(mailto:ada@example.org)"; !strings.HasSuffix(got, want) {
					t.Errorf("%s: User-Agent = %q, want it to end with %q", r.URL.Path, got, want)
				}
				q := r.URL.Query()
				if strings.HasPrefix(r.URL.Path, "/openalex/") && (q.Get("mailto") != "ada@example.org" || q.Get("api_key") != "s3cret") {
					t.Errorf("%s: query %q, want the mailto and the api_key", r.URL.Path, r.URL.RawQuery)
				}
			}
			if strings.Join(paths, " ") != strings.Join(tc.wantPath, " ") {
				t.Errorf("requests = %q, want %q", paths, tc.wantPath)
			}
			if text := strings.ToLower(stdout.String() + stderr.String()); !strings.Contains(text, strings.ToLower(tc.wantText)) {
				t.Errorf("neither the output nor the messages mention %s: the record did not reach the loader\nstdout:\n%s\nstderr:\n%s", tc.wantText, stdout.String(), stderr.String())
			}
		})
	}

	// A DOI no one knows: a clear error that names it, nothing written.
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr}
	err := Export(env, append([]string{"-in", "doi:10.7554/nope"}, flags...))
	if err == nil || !strings.Contains(err.Error(), "-in doi:10.7554/nope") || !strings.Contains(err.Error(), "not found") || stdout.Len() > 0 {
		t.Errorf("unknown DOI: err = %v, %d bytes written", err, stdout.Len())
	}
}
