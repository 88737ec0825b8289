package resolve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// names returns the names of docs.
func names(docs []dataset.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Name)
	}
	return out
}

// TestFetchDOI fetches the real records of a Crossref and a DataCite DOI,
// asked in several forms, and checks the requests and that the documents
// are the responses as served.
func TestFetchDOI(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		id        string
		wantName  string // with HOST for the server's host
		wantPaths []string
		wantData  func(f *fakeRegistries) []byte
	}{
		{
			name:      "crossref",
			id:        "doi:" + crossrefDOI,
			wantName:  "doi:" + crossrefDOI + " (HOST)",
			wantPaths: []string{"/doi/ra/" + crossrefDOI, "/crossref/works/" + crossrefDOI},
			wantData:  func(f *fakeRegistries) []byte { return f.crossrefResponse(crossrefFile) },
		},
		{
			name:      "crossref URL in upper case",
			id:        "https://doi.org/10.7554/ELIFE.01567",
			wantName:  "doi:10.7554/ELIFE.01567 (HOST)",
			wantPaths: []string{"/doi/ra/10.7554/ELIFE.01567", "/crossref/works/10.7554/ELIFE.01567"},
			wantData:  func(f *fakeRegistries) []byte { return f.crossrefResponse(crossrefFile) },
		},
		{
			name:      "datacite",
			id:        "doi:https://doi.org/" + dataCiteDOI,
			wantName:  "doi:" + dataCiteDOI + " (HOST)",
			wantPaths: []string{"/doi/ra/" + dataCiteDOI, "/datacite/dois/" + dataCiteDOI},
			wantData:  func(f *fakeRegistries) []byte { return f.file(dataCiteFile) },
		},
		{
			name:      "datacite bare",
			id:        dataCiteDOI,
			wantName:  "doi:" + dataCiteDOI + " (HOST)",
			wantPaths: []string{"/doi/ra/" + dataCiteDOI, "/datacite/dois/" + dataCiteDOI},
			wantData:  func(f *fakeRegistries) []byte { return f.file(dataCiteFile) },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			c := f.start(nil)
			docs, err := c.Fetch(context.Background(), tc.id)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			want := []string{strings.ReplaceAll(tc.wantName, "HOST", host(c.DOIBaseURL))}
			if diff := cmp.Diff(want, names(docs)); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if !bytes.Equal(docs[0].Data, tc.wantData(f)) {
				t.Errorf("Data is not the response as served")
			}
			if diff := cmp.Diff(tc.wantPaths, f.paths()); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFetchDOIErrors checks the failures of a DOI: an agency that is not
// Crossref or DataCite, a DOI no one knows, a record missing at the
// agency, and a record that is not the one asked for.
func TestFetchDOIErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name        string
		id          string
		setup       func(f *fakeRegistries)
		want        error
		wantService string // "doi", "crossref" or "datacite"
		wantMessage string
		wantReqs    int
	}{
		{
			name:        "unknown agency",
			id:          "doi:10.1400/12345",
			setup:       func(f *fakeRegistries) { f.agencies["10.1400/12345"] = "mEDRA" },
			want:        ErrAgency,
			wantService: "doi",
			wantReqs:    1,
		},
		{
			name:        "unknown DOI",
			id:          "doi:10.7554/nope",
			want:        ErrNotFound,
			wantService: "doi",
			wantMessage: "DOI does not exist",
			wantReqs:    1,
		},
		{
			name:        "missing at Crossref",
			id:          "doi:10.7554/elife.99999",
			setup:       func(f *fakeRegistries) { f.agencies["10.7554/ELIFE.99999"] = "Crossref" },
			want:        ErrNotFound,
			wantService: "crossref",
			wantMessage: "Resource not found.",
			wantReqs:    2,
		},
		{
			name:        "missing at DataCite",
			id:          "doi:10.5438/nope",
			setup:       func(f *fakeRegistries) { f.agencies["10.5438/NOPE"] = "DataCite" },
			want:        ErrNotFound,
			wantService: "datacite",
			wantMessage: "The resource you are looking for doesn't exist.",
			wantReqs:    2,
		},
		{
			name: "another record from Crossref",
			id:   "doi:10.7554/elife.99999",
			setup: func(f *fakeRegistries) {
				f.agencies["10.7554/ELIFE.99999"] = "Crossref"
				f.crossref["10.7554/ELIFE.99999"] = crossrefFile
			},
			want:        ErrMismatch,
			wantService: "crossref",
			wantReqs:    2,
		},
		{
			name: "another record from DataCite",
			id:   "doi:10.5438/other",
			setup: func(f *fakeRegistries) {
				f.agencies["10.5438/OTHER"] = "DataCite"
				f.dataCite["10.5438/OTHER"] = dataCiteFile
			},
			want:        ErrMismatch,
			wantService: "datacite",
			wantReqs:    2,
		},
		{
			name: "another DOI from doi.org",
			id:   "doi:10.5438/other",
			setup: func(f *fakeRegistries) {
				f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
					writeJSON(w, http.StatusOK, []map[string]string{{"DOI": dataCiteDOI, "RA": "DataCite"}})
					return true
				}
			},
			want:        ErrMismatch,
			wantService: "doi",
			wantReqs:    1,
		},
		{
			name: "Crossref failed",
			id:   "doi:" + crossrefDOI,
			setup: func(f *fakeRegistries) {
				f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
					if n == 1 {
						return false
					}
					writeJSON(w, http.StatusOK, map[string]any{"status": "failed", "message-type": "validation-failure", "message": []map[string]string{{"message": "no"}}})
					return true
				}
			},
			want:        ErrInvalidResponse,
			wantService: "crossref",
			wantReqs:    2,
		},
		{
			name: "doi.org not JSON",
			id:   "doi:" + crossrefDOI,
			setup: func(f *fakeRegistries) {
				f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
					fmt.Fprint(w, "<html>hello</html>")
					return true
				}
			},
			want:        ErrInvalidResponse,
			wantService: "doi",
			wantReqs:    1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			c := f.start(nil)
			docs, err := c.Fetch(context.Background(), tc.id)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Fetch = %v, %v; want %v", names(docs), err, tc.want)
			}
			e, ok := errors.AsType[*Error](err)
			if !ok {
				t.Fatalf("Fetch = %T, want *Error", err)
			}
			wantID, _ := ParseID(tc.id)
			if e.ID != wantID {
				t.Errorf("ID = %q, want %q", e.ID, wantID)
			}
			u, _ := url.Parse(e.URL)
			if got := strings.Split(u.Path, "/")[1]; got != tc.wantService {
				t.Errorf("failed at %s, want %s", e.URL, tc.wantService)
			}
			if e.Message != tc.wantMessage {
				t.Errorf("Message = %q, want %q", e.Message, tc.wantMessage)
			}
			if n := len(f.Requests()); n != tc.wantReqs {
				t.Errorf("%d requests, want %d", n, tc.wantReqs)
			}
		})
	}
}

// TestFetchOpenAlexWork fetches OpenAlex's work in its forms.
func TestFetchOpenAlexWork(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"openalex:" + openAlexWork, "https://openalex.org/" + openAlexWork, "openalex:https://openalex.org/w2741809807"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			c := f.start(nil)
			docs, err := c.Fetch(context.Background(), id)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			want := []string{"openalex:" + openAlexWork + " (" + host(c.OpenAlexURL) + ")"}
			if diff := cmp.Diff(want, names(docs)); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if !bytes.Equal(docs[0].Data, readFile(t, openAlexFile)) {
				t.Errorf("Data is not the work as served")
			}
			if diff := cmp.Diff([]string{"/openalex/works/" + openAlexWork}, f.paths()); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFetchOpenAlexErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		id    string
		setup func(f *fakeRegistries)
		want  error
	}{
		{"unknown work", "openalex:W1", nil, ErrNotFound},
		{"unknown author", "openalex:A1", nil, ErrNotFound},
		{"another work", "openalex:W1", func(f *fakeRegistries) { f.works["W1"] = openAlexFile }, ErrMismatch},
		{"a work with a longer id", "openalex:W741809807", func(f *fakeRegistries) { f.works["W741809807"] = openAlexFile }, ErrMismatch},
		{"no id", "openalex:W1", func(f *fakeRegistries) {
			f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
				fmt.Fprint(w, `{"display_name":"x"}`)
				return true
			}
		}, ErrInvalidResponse},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			c := f.start(nil)
			if _, err := c.Fetch(context.Background(), tc.id); !errors.Is(err, tc.want) {
				t.Errorf("Fetch = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestPolite checks the User-Agent sent to every service, the mailto sent
// to Crossref and OpenAlex, and the API key sent to OpenAlex only and
// hidden in errors.
func TestPolite(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	c := f.start(nil)
	c.Mailto = "mailto:ada@example.org"
	c.OpenAlexKey = "s3cret"
	ctx := context.Background()
	for _, id := range []string{crossrefDOI, dataCiteDOI, "openalex:" + openAlexWork} {
		if _, err := c.Fetch(ctx, id); err != nil {
			t.Fatalf("Fetch(%s): %v", id, err)
		}
	}
	_, err := c.Fetch(ctx, "openalex:W1")
	e, ok := errors.AsType[*Error](err)
	if !ok || strings.Contains(e.Error(), "s3cret") || strings.Contains(e.URL, "s3cret") {
		t.Errorf("Fetch(unknown) = %v, want an *Error without the API key", err)
	}
	type sent struct{ Path, Accept, UserAgent, Mailto, APIKey string }
	var got []sent
	for _, r := range f.Requests() {
		q := r.URL.Query()
		got = append(got, sent{strings.Split(r.URL.Path, "/")[1], r.Header.Get("Accept"), r.Header.Get("User-Agent"), q.Get("mailto"), q.Get("api_key")})
	}
	ua := "scholarld/" + version() + " (mailto:ada@example.org)"
	want := []sent{
		{"doi", "application/json", ua, "", ""},
		{"crossref", "application/json", ua, "ada@example.org", ""},
		{"doi", "application/json", ua, "", ""},
		{"datacite", "application/vnd.api+json", ua, "", ""},
		{"openalex", "application/json", ua, "ada@example.org", "s3cret"},
		{"openalex", "application/json", ua, "ada@example.org", "s3cret"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ua, mailto, want string
	}{
		{"", "", "scholarld/" + version()},
		{"", "ada@example.org", "scholarld/" + version() + " (mailto:ada@example.org)"},
		{"", " MAILTO:ada@example.org ", "scholarld/" + version() + " (mailto:ada@example.org)"},
		{"mytool/1.0", "", "mytool/1.0"},
		{"mytool/1.0", "ada@example.org", "mytool/1.0 (mailto:ada@example.org)"},
	} {
		c := &Client{UserAgent: tc.ua, Mailto: tc.mailto}
		if got := c.userAgent(); got != tc.want {
			t.Errorf("userAgent(%q, %q) = %q, want %q", tc.ua, tc.mailto, got, tc.want)
		}
	}
	if v := version(); v == "" || strings.ContainsAny(v, " ()/") {
		t.Errorf("version() = %q, not a product version", v)
	}
}

// TestTooLarge: a response over MaxResponseSize is refused, whether its
// length is announced or not, and not retried.
func TestTooLarge(t *testing.T) {
	t.Parallel()
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
				if !chunked {
					return false
				}
				w.Write(bytes.Repeat([]byte(" "), 600))
				w.(http.Flusher).Flush() // no Content-Length
				w.Write(bytes.Repeat([]byte(" "), 600))
				return true
			}
			c := f.start(nil)
			c.MaxResponseSize = 1000
			_, err := c.Fetch(context.Background(), "openalex:"+openAlexWork)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Fetch = %v, want ErrTooLarge", err)
			}
			if n := len(f.Requests()); n != 1 {
				t.Errorf("%d requests, want 1 (no retry)", n)
			}
		})
	}
	t.Run("at the limit", func(t *testing.T) {
		t.Parallel()
		f := newFake(t)
		c := f.start(nil)
		c.MaxResponseSize = int64(len(readFile(t, openAlexFile)))
		if _, err := c.Fetch(context.Background(), "openalex:"+openAlexWork); err != nil {
			t.Errorf("Fetch of exactly MaxResponseSize bytes: %v", err)
		}
	})
}

// TestBadID: an identifier that is not one is refused before any request.
func TestBadID(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	c := f.start(nil)
	for _, tc := range []struct {
		id   string
		want error
	}{
		{"doi:11.1234/x", publication.ErrMalformed},
		{"", publication.ErrMalformed},
		{"openalex:W0123", publication.ErrMalformed},
		{"openalex:I136199984", ErrUnsupported},
		{"pmid:29456894", ErrUnsupported},
	} {
		if _, err := c.Fetch(context.Background(), tc.id); !errors.Is(err, tc.want) {
			t.Errorf("Fetch(%q) = %v, want %v", tc.id, err, tc.want)
		}
	}
	if _, err := c.Agency(context.Background(), "openalex:W1"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Agency(openalex:W1) = %v, want ErrUnsupported", err)
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

func TestAgency(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.agencies["10.1400/12345"] = "mEDRA"
	c := f.start(nil)
	for doi, want := range map[string]string{crossrefDOI: "Crossref", "https://doi.org/" + dataCiteDOI: "DataCite", "10.1400/12345": "mEDRA"} {
		if got, err := c.Agency(context.Background(), doi); got != want || err != nil {
			t.Errorf("Agency(%s) = %q, %v; want %q", doi, got, err, want)
		}
	}
}

// TestEscapeDOI: a DOI's characters that are not allowed in a path are
// escaped, and the path the server sees is the DOI.
func TestEscapeDOI(t *testing.T) {
	t.Parallel()
	const doi = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O#x?y%z"
	f := newFake(t)
	f.agencies[strings.ToUpper(doi)] = "Crossref"
	c := f.start(nil)
	_, err := c.Fetch(context.Background(), "doi:"+doi)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Fetch = %v, want ErrNotFound from Crossref", err)
	}
	var got []string
	for _, r := range f.Requests() {
		got = append(got, r.URL.Path)
	}
	if diff := cmp.Diff([]string{"/doi/ra/" + doi, "/crossref/works/" + doi}, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err  *Error
		want string
	}{
		{
			&Error{ID: "doi:10.1234/nope", URL: "https://api.crossref.org/works/10.1234/nope", StatusCode: 404, Message: "Resource not found.", Err: ErrNotFound},
			`resolve: doi:10.1234/nope: not found at api.crossref.org (GET https://api.crossref.org/works/10.1234/nope: 404 Not Found: "Resource not found.")`,
		},
		{
			&Error{ID: "openalex:W1", URL: "https://api.openalex.org/works/W1", StatusCode: 503, Retries: 4, Err: ErrUnavailable},
			`resolve: openalex:W1: GET https://api.openalex.org/works/W1: 503 Service Unavailable (after 4 retries): service unavailable`,
		},
		{
			&Error{ID: "doi:10.1400/1", URL: "https://doi.org/ra/10.1400/1", Err: fmt.Errorf(`registered with "mEDRA": %w`, ErrAgency)},
			`resolve: doi:10.1400/1: GET https://doi.org/ra/10.1400/1: registered with "mEDRA": unsupported registration agency`,
		},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() =\n%s\nwant\n%s", got, tc.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body, want string
	}{
		{"Resource not found.", "Resource not found."},
		{"Resource not found.\nmore", "Resource not found."},
		{`{"status":"failed","message-type":"validation-failure","message":[{"type":"mailto","value":"x","message":"Mailto must be a valid email"}]}`, "Mailto must be a valid email"},
		{`{"errors":[{"status":"404","title":"The resource you are looking for doesn't exist."}]}`, "The resource you are looking for doesn't exist."},
		{`{"error":"404 Not Found","message":"The requested URL was not found on the server."}`, "The requested URL was not found on the server."},
		{`{"error":"Invalid query parameters error."}`, "Invalid query parameters error."},
		{`<html><body>Bad gateway</body></html>`, ""},
		{`{broken`, ""},
		{"\xff\xfe", ""},
		{"", ""},
		{strings.Repeat("é", 150), strings.Repeat("é", 100) + "…"},
	} {
		if got := errorMessage([]byte(tc.body)); got != tc.want {
			t.Errorf("errorMessage(%.40q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://api.openalex.org/works/W1?api_key=s3cret&mailto=a%40b.org": "https://api.openalex.org/works/W1?api_key=REDACTED&mailto=a%40b.org",
		"https://api.openalex.org/works/W1?mailto=a%40b.org":                "https://api.openalex.org/works/W1?mailto=a%40b.org",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%s) = %s, want %s", in, got, want)
		}
	}
}
