package site

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/validate"
)

// hostile is the text of export's hostile tests: it would break out of a
// script element, a comment, an attribute, a JSON string or a JavaScript
// string if written as it is.
const hostile = "</script><script>alert(1)</script> <!-- --> <![CDATA[ ]]> \" ' \\ ` & &amp; < > \u2028 \u2029 \"\"\" \n line <img src=x onerror=alert(2)>"

// notText are the string fields that hold ids, references, URLs or codes,
// not free text.
var notText = map[string]bool{
	"ID": true, "Ref": true, "Organization": true, "Parent": true, "Institution": true,
	"VersionOf": true, "URL": true, "PageURL": true, "Homepage": true, "Image": true, "Concept": true, "Country": true,
	"GoogleScholar": true, "DBLP": true, "SemanticScholar": true, "OpenReview": true, "Scopus": true,
	"ResearcherID": true, "Emails": true, "Countries": true, "Scheme": true,
}

// poison sets every free-text string field below v to hostile text.
func poison(v reflect.Value, field string) {
	switch v.Kind() {
	case reflect.Pointer:
		poison(v.Elem(), field)
	case reflect.Struct:
		for i := range v.NumField() {
			poison(v.Field(i), v.Type().Field(i).Name)
		}
	case reflect.Slice:
		for i := range v.Len() {
			poison(v.Index(i), field)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && !notText[field] && v.CanSet() {
			v.SetString(hostile + " " + field)
		}
	}
}

func hostileDataset(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(dataset.Load("../validate/testdata/ada.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	poison(reflect.ValueOf(d), "")
	if err := validate.Dataset(d); err != nil {
		t.Fatalf("hostile text should still be valid: %v", err)
	}
	if !strings.HasPrefix(d.People[0].Name.Display, "</script>") || !strings.HasPrefix(d.Publications[0].Venue.Name, "</script>") {
		t.Fatal("poison did not reach the text fields")
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
