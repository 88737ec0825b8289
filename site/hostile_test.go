package site

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/hostile"
)

func hostileDataset(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := hostile.Dataset("../validate/testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var (
	scriptRE = regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`)
	hrefRE   = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)
	attrRE   = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	quotedRE = regexp.MustCompile(`"[^"]*"`)
)

// TestHostileInert builds the site of a dataset whose every text field is
// hostile and checks every page: one script element, the JSON-LD, whose
// JSON reads back to the hostile text; no element or attribute the data
// made; every link an http(s) URL, a relative path or a fragment.
func TestHostileInert(t *testing.T) {
	d := hostileDataset(t)
	dir := build(t, d, Options{})
	pages := 0
	for _, name := range mustFiles(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		t.Run(name, func(t *testing.T) {
			page := read(t, filepath.Join(dir, name))
			scripts := scriptRE.FindAllStringSubmatch(page, -1)
			wantScripts := 1
			if name == "index.html" {
				wantScripts = 0
			}
			if len(scripts) != wantScripts || strings.Count(strings.ToLower(page), "<script") != wantScripts {
				t.Fatalf("%d script elements, want %d", strings.Count(strings.ToLower(page), "<script"), wantScripts)
			}
			for _, s := range scripts {
				var doc any
				if err := json.Unmarshal([]byte(s[1]), &doc); err != nil {
					t.Errorf("the script is not JSON: %v", err)
				}
				if !strings.Contains(s[1], `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
					t.Error("the JSON-LD does not hold the hostile text, escaped")
				}
			}
			for _, bad := range []string{"<img src=x", "<!--", "<![CDATA[", "alert(1)</script>"} {
				if strings.Contains(strings.ToLower(page), strings.ToLower(bad)) {
					t.Errorf("the page holds %q", bad)
				}
			}
			for _, tag := range tagRE.FindAllString(page, -1) {
				if attrRE.MatchString(quotedRE.ReplaceAllString(tag, `""`)) {
					t.Errorf("tag with an event handler: %s", tag)
				}
			}
			for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
				u := m[1]
				if u == "data:," { // the theme's empty favicon
					continue
				}
				if !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "#") ||
					!strings.Contains(strings.SplitN(u, "/", 2)[0], ":")) {
					t.Errorf("link to %q", u)
				}
			}
			if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Error("the hostile text is not on the page, escaped")
			}
		})
	}
	if pages < 3 {
		t.Fatalf("%d pages, want the index, a person and a publication", pages)
	}
}
