package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// sampleID is the iD of ORCID's samples.
const sampleID = "8888-8888-8888-8880"

// samplePutCode replaces the put-code 0 of the one work summary in
// ORCID's record sample, so that the record names a work to fetch.
const samplePutCode = 3356

// fakeORCID is a stand-in for ORCID's public API v3.0 that serves ORCID's
// samples for sampleID and ORCID's error document (404) for any other iD:
//
//	GET /v3.0/{id}/record          record-3.0.xml or .json, by Accept
//	GET /v3.0/{id}/works           works summary: works put-codes 1…works, or the record's one work
//	GET /v3.0/{id}/works/{codes}   a bulk of copies of work-full-3.0.*, one per put-code
//
// Before serving, it calls fail, if set, with the number of the request
// (from 1); if fail writes a response, that is all the request gets.
type fakeORCID struct {
	t     *testing.T
	works int
	fail  func(w http.ResponseWriter, r *http.Request, n int) bool

	mu       sync.Mutex
	requests []*http.Request
}

// Requests returns the requests served so far.
func (f *fakeORCID) Requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.requests...)
}

// paths returns the paths of the requests, bulks' put-codes counted as "works/{n codes}".
func (f *fakeORCID) paths() []string {
	var out []string
	for _, r := range f.Requests() {
		p := strings.TrimPrefix(r.URL.Path, "/v3.0/")
		if i := strings.Index(p, "/works/"); i >= 0 {
			p = fmt.Sprintf("%s/works/{%d}", p[:i], len(strings.Split(p[i+len("/works/"):], ",")))
		}
		out = append(out, p)
	}
	return out
}

// start serves f and returns a Client of it that does not sleep: its
// waits are appended to *waits.
func (f *fakeORCID) start(waits *[]time.Duration) *Client {
	f.t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v3.0/{id}/record", f.record)
	mux.HandleFunc("GET /v3.0/{id}/works", f.summary)
	mux.HandleFunc("GET /v3.0/{id}/works/{codes}", f.bulk)
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
		BaseURL:    srv.URL + "/v3.0/",
		HTTPClient: srv.Client(),
		backoff:    time.Millisecond,
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

func isJSON(r *http.Request) bool { return strings.Contains(r.Header.Get("Accept"), "json") }

// known answers 404 with ORCID's error document for iDs other than sampleID.
func (f *fakeORCID) known(w http.ResponseWriter, r *http.Request) bool {
	if r.PathValue("id") == sampleID {
		return true
	}
	w.Header().Set("Content-Type", "application/vnd.orcid+xml")
	w.WriteHeader(http.StatusNotFound)
	w.Write(f.file("error-3.0.xml"))
	return false
}

func (f *fakeORCID) record(w http.ResponseWriter, r *http.Request) {
	if !f.known(w, r) {
		return
	}
	if isJSON(r) {
		w.Write(f.file("record-3.0.json"))
		return
	}
	w.Write(f.sampleRecord())
}

// sampleRecord returns ORCID's record sample with its work's put-code
// set to samplePutCode.
func (f *fakeORCID) sampleRecord() []byte {
	rec := string(f.file("record-3.0.xml"))
	const pc0 = `<work:work-summary put-code="0"`
	if strings.Count(rec, pc0) != 1 {
		f.t.Errorf("record-3.0.xml: want one %s", pc0)
	}
	return []byte(strings.Replace(rec, pc0, fmt.Sprintf(`<work:work-summary put-code="%d"`, samplePutCode), 1))
}

func (f *fakeORCID) summary(w http.ResponseWriter, r *http.Request) {
	if !f.known(w, r) {
		return
	}
	codes := []int{samplePutCode}
	if f.works > 0 {
		codes = codes[:0]
		for i := 1; i <= f.works; i++ {
			codes = append(codes, i)
		}
	}
	if isJSON(r) {
		type summary struct {
			PutCode int    `json:"put-code"`
			Path    string `json:"path"`
			Title   any    `json:"title"`
			Type    string `json:"type"`
		}
		type group struct {
			Summaries []summary `json:"work-summary"`
		}
		doc := struct {
			Path  string  `json:"path"`
			Group []group `json:"group"`
		}{Path: "/" + sampleID + "/works"}
		for _, pc := range codes {
			doc.Group = append(doc.Group, group{[]summary{{pc, fmt.Sprintf("/%s/work/%d", sampleID, pc),
				map[string]any{"title": map[string]string{"value": fmt.Sprintf("Work %d", pc)}}, "journal-article"}}})
		}
		json.NewEncoder(w).Encode(doc)
		return
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<activities:works path="/` + sampleID + `/works" xmlns:activities="http://www.orcid.org/ns/activities" xmlns:common="http://www.orcid.org/ns/common" xmlns:work="http://www.orcid.org/ns/work">
`)
	for _, pc := range codes {
		fmt.Fprintf(&b, `<activities:group><common:external-ids/><work:work-summary put-code="%d" path="/%s/work/%d"><work:title><common:title>Work %d</common:title></work:title><work:type>journal-article</work:type></work:work-summary></activities:group>
`, pc, sampleID, pc, pc)
	}
	b.WriteString("</activities:works>\n")
	w.Write([]byte(b.String()))
}

var putCodeAttr = regexp.MustCompile(`^(<work:work) put-code="123"`)

func (f *fakeORCID) bulk(w http.ResponseWriter, r *http.Request) {
	if !f.known(w, r) {
		return
	}
	var codes []int
	for s := range strings.SplitSeq(r.PathValue("codes"), ",") {
		pc, err := strconv.Atoi(s)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		codes = append(codes, pc)
	}
	if len(codes) > MaxBulk {
		w.WriteHeader(http.StatusBadRequest)
		w.Write(f.file("error-3.0.xml"))
		return
	}
	if isJSON(r) {
		var entries []map[string]any
		for _, pc := range codes {
			var work map[string]any
			if err := json.Unmarshal(f.file("work-full-3.0.json"), &work); err != nil {
				f.t.Error(err)
			}
			work["put-code"] = pc
			work["path"] = fmt.Sprintf("/%s/work/%d", sampleID, pc)
			entries = append(entries, map[string]any{"work": work})
		}
		json.NewEncoder(w).Encode(map[string]any{"bulk": entries})
		return
	}
	sample := string(f.file("work-full-3.0.xml"))
	sample = strings.TrimSpace(sample[strings.Index(sample, "?>")+2:]) // the work:work element
	if !putCodeAttr.MatchString(sample) {
		f.t.Error("work-full-3.0.xml: no put-code 123")
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<bulk:bulk xmlns:bulk="http://www.orcid.org/ns/bulk">` + "\n")
	for _, pc := range codes {
		b.WriteString(putCodeAttr.ReplaceAllString(sample, fmt.Sprintf(`$1 put-code="%d" path="/%s/work/%d"`, pc, sampleID, pc)))
		b.WriteString("\n")
	}
	b.WriteString("</bulk:bulk>\n")
	w.Write([]byte(b.String()))
}

// file returns a file of testdata; in handlers, which must not call t.Fatal.
func (f *fakeORCID) file(name string) []byte {
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
