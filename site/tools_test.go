package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/ldtest"
)

// The tests that run outside tools (Chromium, Lighthouse, html-validate)
// skip when the tool is missing, unless CI is true: there they fail.

// tool returns the path of an outside tool: the value of the environment
// variable env, else the first of names found on PATH or as a path.
func tool(t *testing.T, env string, names ...string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s=%s: %v", env, p, err)
		}
		return p
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required when CI=true: install it or set %s", names[0], env)
	}
	t.Skipf("%s not found (set %s); skipped outside CI", names[0], env)
	return ""
}

// chromium returns the path of Chromium.
func chromium(t *testing.T) string {
	return tool(t, "CHROME_PATH", "chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome")
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

// canonical returns the URDNA2015 canonical N-Quads of a JSON-LD document.
func canonical(t testing.TB, jsonld string) string {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(jsonld), &doc); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v", err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = ldtest.Loader()
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	opts.ProcessingMode = ld.JsonLd_1_1
	out, err := ld.NewJsonLdProcessor().Normalize(doc, opts)
	if err != nil {
		t.Fatalf("json-gold Normalize: %v", err)
	}
	return out.(string)
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
