package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// TestRecord fetches ORCID's record sample by iD, in XML and JSON, and
// checks the headers sent.
func TestRecord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		format   Format
		file     string
		accept   string
		wantName string
	}{
		{"xml", XML, "record-3.0.xml", "application/vnd.orcid+xml", "orcid:8888-8888-8888-8880/record.xml"},
		{"json", JSON, "record-3.0.json", "application/vnd.orcid+json", "orcid:8888-8888-8888-8880/record.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeORCID{t: t}
			c := f.start(nil)
			c.Format = tc.format
			c.Contact = "mailto:ada@example.org"
			doc, err := c.Record(context.Background(), "https://orcid.org/"+sampleID)
			if err != nil {
				t.Fatalf("Record: %v", err)
			}
			if doc.Name != tc.wantName {
				t.Errorf("Name = %q, want %q", doc.Name, tc.wantName)
			}
			want := readFile(t, tc.file)
			if tc.format == XML {
				want = f.sampleRecord()
			}
			if !bytes.Equal(doc.Data, want) {
				t.Errorf("Data is not %s as served", tc.file)
			}
			r, err := orcid.Decode(doc.Name, bytes.NewReader(doc.Data))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if r.ORCID == nil || r.ORCID.Path != sampleID {
				t.Errorf("decoded record's iD = %+v, want %s", r.ORCID, sampleID)
			}
			reqs := f.Requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			if got := reqs[0].URL.Path; got != "/v3.0/"+sampleID+"/record" {
				t.Errorf("path = %q", got)
			}
			if got := reqs[0].Header.Get("Accept"); got != tc.accept {
				t.Errorf("Accept = %q, want %q", got, tc.accept)
			}
			wantUA := "scholarld (+https://github.com/scholarld/scholarld; mailto:ada@example.org)"
			if got := reqs[0].Header.Get("User-Agent"); got != wantUA {
				t.Errorf("User-Agent = %q, want %q", got, wantUA)
			}
		})
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ua, contact, want string
	}{
		{"", "", DefaultUserAgent},
		{"", "mailto:a@example.org", "scholarld (+https://github.com/scholarld/scholarld; mailto:a@example.org)"},
		{"mytool/1.0", "", "mytool/1.0"},
		{"mytool/1.0", "https://example.org/contact", "mytool/1.0 (https://example.org/contact)"},
	} {
		c := &Client{UserAgent: tc.ua, Contact: tc.contact}
		if got := c.userAgent(); got != tc.want {
			t.Errorf("userAgent(%q, %q) = %q, want %q", tc.ua, tc.contact, got, tc.want)
		}
	}
}

// TestWorks checks that the full works are fetched in bulks of at most
// 100 put-codes, in the order of the works summary.
func TestWorks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		format    Format
		works     int
		wantPaths []string
	}{
		{"xml 250", XML, 250, []string{"works", "works/{100}", "works/{100}", "works/{50}"}},
		{"xml 100", XML, 100, []string{"works", "works/{100}"}},
		{"xml 101", XML, 101, []string{"works", "works/{100}", "works/{1}"}},
		{"json 3", JSON, 3, []string{"works", "works/{3}"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeORCID{t: t, works: tc.works}
			c := f.start(nil)
			c.Format = tc.format
			docs, err := c.Works(context.Background(), sampleID)
			if err != nil {
				t.Fatalf("Works: %v", err)
			}
			var paths []string
			for _, p := range f.paths() {
				paths = append(paths, strings.TrimPrefix(p, sampleID+"/"))
			}
			if diff := cmp.Diff(tc.wantPaths, paths); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			var got []orcid.PutCode
			for i, doc := range docs {
				if want := fmt.Sprintf("orcid:%s/works/%d.%s", sampleID, i+1, tc.format.ext()); doc.Name != want {
					t.Errorf("docs[%d].Name = %q, want %q", i, doc.Name, want)
				}
				r, err := orcid.Decode(doc.Name, bytes.NewReader(doc.Data))
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				for _, w := range r.Works {
					got = append(got, w.PutCode)
				}
			}
			var want []orcid.PutCode
			for i := 1; i <= tc.works; i++ {
				want = append(want, orcid.PutCode(i))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("put-codes of the full works (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFetchRead is the whole path: Fetch from the server, then
// orcid.Read, which gives the person and their full work.
func TestFetchRead(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	c := f.start(nil)
	docs, err := c.Fetch(context.Background(), sampleID)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	wantNames := []string{"orcid:" + sampleID + "/record.xml", "orcid:" + sampleID + "/works/1.xml"}
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{sampleID + "/record", sampleID + "/works/{1}"}, f.paths()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	d, err := orcid.Read(docs...)
	if err != nil {
		t.Fatalf("orcid.Read: %v", err)
	}
	if len(d.People) != 1 || d.People[0].Identifiers.ORCID != profile.ORCID(sampleID) {
		t.Fatalf("people = %+v, want one with iD %s", d.People, sampleID)
	}
	if len(d.Publications) != 1 {
		t.Fatalf("%d publications, want 1", len(d.Publications))
	}
	// The abstract is in the full work only, not in the record's summary.
	if got, want := d.Publications[0].Abstract, "work:short-description"; got != want {
		t.Errorf("abstract = %q, want %q (from the full work)", got, want)
	}
}

// TestBadID checks that an iD that is not one is refused before any
// request.
func TestBadID(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	c := f.start(nil)
	ctx := context.Background()
	calls := map[string]func(id string) error{
		"Record": func(id string) error { _, err := c.Record(ctx, id); return err },
		"Works":  func(id string) error { _, err := c.Works(ctx, id); return err },
		"Fetch":  func(id string) error { _, err := c.Fetch(ctx, id); return err },
	}
	for _, tc := range []struct {
		id   string
		want error
	}{
		{"8888-8888-8888-8881", profile.ErrChecksum},
		{"not an iD", profile.ErrMalformed},
		{"", profile.ErrMalformed},
	} {
		for name, call := range calls {
			if err := call(tc.id); !errors.Is(err, tc.want) {
				t.Errorf("%s(%q) = %v, want %v", name, tc.id, err, tc.want)
			}
		}
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

// TestNotFound checks a 404 with ORCID's error document.
func TestNotFound(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	c := f.start(nil)
	_, err := c.Fetch(context.Background(), "0000-0002-1825-0097")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Fetch = %v, want ErrNotFound", err)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Fetch = %T, want *Error", err)
	}
	want := &Error{
		URL:        c.BaseURL + "0000-0002-1825-0097/record",
		StatusCode: http.StatusNotFound,
		Message:    "error:developer-message",
		Err:        ErrNotFound,
	}
	if diff := cmp.Diff(*want, *e, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (no retry on 404)", n)
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body, want string
	}{
		{string(readFile(t, "error-3.0.xml")), "error:developer-message"},
		{`{"response-code": 404, "developer-message": "404 Not Found: The resource was not found.", "user-message": "The resource was not found.", "error-code": 9016}`, "404 Not Found: The resource was not found."},
		{`{"user-message": "Only this."}`, "Only this."},
		{`<html><body>Bad gateway</body></html>`, ""},
		{`not a document`, ""},
		{``, ""},
	} {
		if got := errorMessage([]byte(tc.body)); got != tc.want {
			t.Errorf("errorMessage(%.40q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestTooLarge(t *testing.T) {
	t.Parallel()
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			t.Parallel()
			f := &fakeORCID{t: t, fail: func(w http.ResponseWriter, r *http.Request, n int) bool {
				if chunked {
					w.Write(bytes.Repeat([]byte("x"), 600))
					w.(http.Flusher).Flush() // no Content-Length
					w.Write(bytes.Repeat([]byte("x"), 600))
					return true
				}
				return false
			}}
			c := f.start(nil)
			c.MaxResponseSize = 1000
			_, err := c.Record(context.Background(), sampleID)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Record = %v, want ErrTooLarge", err)
			}
			if n := len(f.Requests()); n != 1 {
				t.Errorf("%d requests, want 1 (no retry)", n)
			}
		})
	}
	t.Run("at the limit", func(t *testing.T) {
		t.Parallel()
		f := &fakeORCID{t: t}
		c := f.start(nil)
		c.MaxResponseSize = int64(len(f.sampleRecord()))
		if _, err := c.Record(context.Background(), sampleID); err != nil {
			t.Errorf("Record of exactly MaxResponseSize bytes: %v", err)
		}
	})
}

func TestBaseURL(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	c := f.start(nil)
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") // no trailing slash
	if _, err := c.Record(context.Background(), sampleID); err != nil {
		t.Fatalf("Record: %v", err)
	}
	if got := f.paths(); !slices.Equal(got, []string{sampleID + "/record"}) {
		t.Errorf("requests = %q", got)
	}
}

// TestMalformed: a record that does not decode fails Fetch with errors
// positioned in the document's name.
func TestMalformed(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t, fail: func(w http.ResponseWriter, r *http.Request, n int) bool {
		w.Write([]byte(`<record:record xmlns:record="http://www.orcid.org/ns/record"><broken`))
		return true
	}}
	c := f.start(nil)
	_, err := c.Fetch(context.Background(), sampleID)
	var list source.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("Fetch = %v, want a source.ErrorList", err)
	}
	if got, want := list[0].Pos.File, "orcid:"+sampleID+"/record.xml"; got != want {
		t.Errorf("error in %q, want %q", got, want)
	}
}
