package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/tool"
)

// chromium returns the path of Chromium (see package tool: the tests that
// run outside tools skip when one is missing, unless CI is true).
func chromium(t *testing.T) string {
	return tool.Need(t, "CHROME_PATH", "Debian chromium", "chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome")
}

// served builds the site of d whose base is the URL of a test server that
// serves it, and returns the server and the site's directory.
func served(t *testing.T, d *dataset.Dataset, opts Options) (*httptest.Server, string, *Site) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	opts.Base = srv.URL + "/"
	s, err := New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	return srv, dir, s
}

var scriptBodyRE = regexp.MustCompile(`(?s)^<script type="application/ld\+json">\n(.*)</script>\n$`)

// scriptJSON returns the JSON of a script element.
func scriptJSON(t testing.TB, script []byte) string {
	t.Helper()
	m := scriptBodyRE.FindSubmatch(script)
	if m == nil {
		t.Fatalf("not a JSON-LD script element: %.100s", script)
	}
	return string(m[1])
}

// visibleStrings returns the strings of a JSON-LD document that a reader
// must find on the page: names, titles, dates and identifiers.
func visibleStrings(t testing.TB, jsonld string) []string {
	var doc any
	if err := json.Unmarshal([]byte(jsonld), &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{
		"name": true, "headline": true, "alternativeHeadline": true, "alternateName": true, "jobTitle": true,
		"givenName": true, "familyName": true,
		"datePublished": true, "dateCreated": true, "dateModified": true, "startDate": true, "endDate": true,
		"value": true, "issn": true, "isbn": true, "volumeNumber": true, "issueNumber": true, "pagination": true,
		"knowsAbout": true,
	}
	var out []string
	var walk func(v any, key string)
	walk = func(v any, key string) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				if k != "@context" {
					walk(y, k)
				}
			}
		case []any:
			for _, y := range x {
				walk(y, key)
			}
		case string:
			if keys[key] {
				out = append(out, strings.Join(strings.Fields(x), " "))
			}
		}
	}
	walk(doc, "")
	return out
}
