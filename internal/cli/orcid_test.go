package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scholarld/scholarld/orcid/api"
)

// fakeORCID serves ORCID's own samples (in orcid/api/testdata) as ORCID's
// public API does: the record of iD 8888-8888-8888-8880 and its full works.
func fakeORCID(t *testing.T, requests *atomic.Int32) *httptest.Server {
	t.Helper()
	read := func(name string) string {
		data, err := os.ReadFile("../../orcid/api/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	record := strings.Replace(read("record-3.0.xml"), `<work:work-summary put-code="0"`, `<work:work-summary put-code="7"`, 1)
	work := read("work-full-3.0.xml")
	work = strings.TrimSpace(work[strings.Index(work, "?>")+2:])
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3.0/8888-8888-8888-8880/record", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, record)
	})
	mux.HandleFunc("GET /v3.0/8888-8888-8888-8880/works/7", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<bulk:bulk xmlns:bulk="http://www.orcid.org/ns/bulk">%s</bulk:bulk>`, strings.Replace(work, `put-code="123"`, `put-code="7"`, 1))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFetchORCID checks -in orcid:iD: the record and its works are fetched
// from the API and exported with the data of the files named beside it.
func TestFetchORCID(t *testing.T) {
	var requests atomic.Int32
	srv := fakeORCID(t, &requests)
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	err := Export(env, []string{"-in", "orcid:https://orcid.org/8888-8888-8888-8880", "-orcid-api", srv.URL + "/v3.0/", "-format", "ttl", "-out", "-"})
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{`schema:name "credit-name"`, "<https://orcid.org/8888-8888-8888-8880>", `schema:abstract "work:short-description"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the Turtle lacks %s:\n%s", want, out)
		}
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("%d requests, want the record's and one bulk of works", n)
	}

	// An iD ORCID does not know: a clear error, nothing written.
	stdout.Reset()
	err = Export(env, []string{"-in", "orcid:0000-0002-1825-0097", "-orcid-api", srv.URL + "/v3.0/", "-format", "ttl", "-out", "-"})
	if err == nil || !strings.Contains(err.Error(), "orcid:0000-0002-1825-0097") || stdout.Len() > 0 {
		t.Errorf("unknown iD: err = %v, %d bytes written", err, stdout.Len())
	}
}

// TestFetchORCIDWrongID checks that a record of another iD than the one
// asked for is refused: an error naming both, nothing written.
func TestFetchORCIDWrongID(t *testing.T) {
	var requests atomic.Int32
	srv := fakeORCID(t, &requests)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, srv.URL+strings.Replace(r.URL.Path, "0000-0002-1825-0097", "8888-8888-8888-8880", 1), http.StatusFound)
	}))
	t.Cleanup(other.Close)
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// The redirect goes to another host: refused.
	err := Export(env, []string{"-in", "orcid:0000-0002-1825-0097", "-orcid-api", other.URL + "/v3.0/", "-format", "ttl", "-out", "-"})
	if !errors.Is(err, api.ErrRedirect) || stdout.Len() > 0 {
		t.Errorf("cross-host redirect: err = %v, %d bytes written", err, stdout.Len())
	}
	// The record served is another iD's.
	same := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(srv.URL + strings.Replace(r.URL.Path, "0000-0002-1825-0097", "8888-8888-8888-8880", 1))
		if err != nil {
			t.Error(err)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	}))
	t.Cleanup(same.Close)
	err = Export(env, []string{"-in", "orcid:0000-0002-1825-0097", "-orcid-api", same.URL + "/v3.0/", "-format", "ttl", "-out", "-"})
	if !errors.Is(err, api.ErrMismatch) || stdout.Len() > 0 {
		t.Errorf("another iD's record: err = %v, %d bytes written", err, stdout.Len())
	}
	if err != nil && !strings.Contains(err.Error(), "8888-8888-8888-8880") {
		t.Errorf("the error %q does not name the iD served", err)
	}
}
