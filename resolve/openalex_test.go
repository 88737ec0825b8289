package resolve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// worksPath is the path and query of page cursor of the author's works,
// as fakeRegistries.paths gives it.
func worksPath(cursor string) string {
	return "/openalex/works?cursor=" + cursor + "&filter=author.id%3A" + openAlexAuthor + "&per-page=200"
}

// TestFetchOpenAlexAuthor fetches an author and three pages of their
// works by cursor; OpenAlex's empty last page is left out.
func TestFetchOpenAlexAuthor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		noEmptyEnd bool
		wantPaths  []string
	}{
		{"empty last page", false, []string{"/openalex/authors/" + openAlexAuthor, worksPath("%2A"), worksPath("p2"), worksPath("p3"), worksPath("p4")}},
		{"no empty last page", true, []string{"/openalex/authors/" + openAlexAuthor, worksPath("%2A"), worksPath("p2"), worksPath("p3")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.noEmptyEnd = tc.noEmptyEnd
			c := f.start(nil)
			docs, err := c.Fetch(context.Background(), "https://openalex.org/"+openAlexAuthor)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			h := " (" + host(c.OpenAlexURL) + ")"
			id := "openalex:" + openAlexAuthor
			wantNames := []string{id + h, id + "/works/1" + h, id + "/works/2" + h, id + "/works/3" + h}
			if diff := cmp.Diff(wantNames, names(docs)); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantPaths, f.paths()); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			if !bytes.Equal(docs[0].Data, authorObject()) {
				t.Errorf("docs[0] is not the author as served")
			}
			work := readFile(t, openAlexFile)
			for i, doc := range docs[1:] {
				var page struct {
					Results []json.RawMessage `json:"results"`
				}
				if err := json.Unmarshal(doc.Data, &page); err != nil {
					t.Fatalf("page %d: %v", i+1, err)
				}
				if len(page.Results) != 1 || !bytes.Equal(page.Results[0], bytes.TrimSpace(work)) {
					t.Errorf("page %d does not hold the work as served", i+1)
				}
			}
		})
	}
}

// TestMaxWorks: an author with more works than MaxWorks fails, at once if
// OpenAlex counts them, else when the pages pass the limit.
func TestMaxWorks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		maxWorks  int
		count     int // meta.count; 0 means the number of pages
		wantErr   error
		wantPages int // requests of pages of works
	}{
		{name: "under", maxWorks: 4, wantPages: 4},
		{name: "at", maxWorks: 3, wantPages: 4},
		{name: "over, counted", maxWorks: 2, wantErr: ErrTooMany, wantPages: 1},
		{name: "over, miscounted", maxWorks: 2, count: 1, wantErr: ErrTooMany, wantPages: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.count = tc.count
			c := f.start(nil)
			c.MaxWorks = tc.maxWorks
			docs, err := c.Fetch(context.Background(), "openalex:"+openAlexAuthor)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Fetch = %v, want %v", err, tc.wantErr)
			}
			if err != nil && docs != nil {
				t.Errorf("Fetch returned %d documents with its error", len(docs))
			}
			if n := len(f.Requests()) - 1; n != tc.wantPages {
				t.Errorf("%d pages requested, want %d", n, tc.wantPages)
			}
		})
	}
}

// TestPagesBadResponse: pages that are not as OpenAlex's list of works.
func TestPagesBadResponse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		page string
	}{
		{"empty page with a cursor", `{"meta":{"count":5,"next_cursor":"again"},"results":[]}`},
		{"no results", `{"meta":{"count":5,"next_cursor":null}}`},
		{"no meta", `{"results":[]}`},
		{"not JSON", `<html></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
				if n == 1 {
					return false // the author
				}
				fmt.Fprint(w, tc.page)
				return true
			}
			c := f.start(nil)
			_, err := c.Fetch(context.Background(), "openalex:"+openAlexAuthor)
			if !errors.Is(err, ErrInvalidResponse) {
				t.Errorf("Fetch = %v, want ErrInvalidResponse", err)
			}
			if n := len(f.Requests()); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}
