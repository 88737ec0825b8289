package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// loadYAML loads people.yaml with the given text from a new directory.
func loadYAML(t *testing.T, text string) *dataset.Dataset {
	t.Helper()
	path := filepath.Join(t.TempDir(), "people.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPagePathClash checks that two pages whose files differ only by case,
// or only by percent-encoding, are refused with the positions of both,
// where they used to be both written (one replacing the other on macOS
// and Windows).
func TestPagePathClash(t *testing.T) {
	for _, tc := range []struct {
		name, url string
	}{
		{"case", "https://example.org/People/Carol/"},
		{"percent-encoding", "https://example.org/people/%63arol/"},
		{"both", "https://example.org/PEOPLE/%43AROL/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := loadYAML(t, `people:
  - {id: carol, name: {display: Carol Doe}}
  - {id: carol-b, name: {display: Carol B}, page_url: "`+tc.url+`"}
`)
			_, err := New(d, Options{})
			list, ok := errors.AsType[source.ErrorList](err)
			if !ok || !errors.Is(err, validate.ErrDuplicate) {
				t.Fatalf("New = %v, want a source.ErrorList of ErrDuplicate", err)
			}
			e := list[0]
			if e.Pos.Line != 3 || e.Path != "people[1].page_url" || !strings.HasSuffix(e.Pos.File, "people.yaml") {
				t.Errorf("the clash is at %v %s, want people.yaml:3 people[1].page_url", e.Pos, e.Path)
			}
			if !strings.Contains(e.Error(), "people.yaml:2:") {
				t.Errorf("the error %q does not name the other page's position", e)
			}
		})
	}
}

// TestPageURLEncodings checks that a page_url whose path encodes a slash,
// a dot segment or a control is refused before anything is written: by
// validation, with its position, and by New when the data is said to be
// validated; a path with an encoded letter is written decoded, where a
// server looks for it.
func TestPageURLEncodings(t *testing.T) {
	for _, u := range []string{
		"https://example.org/people/%2e%2e/x/",
		"https://example.org/people/a%2Fb/",
		"https://example.org/people/a%5Cb/",
		"https://example.org/people/c%00/",
		"https://example.org/people/%2E/",
		"https://example.org/people/a:b/",
	} {
		d := loadYAML(t, `people:
  - {id: carol, name: {display: Carol}, page_url: "`+u+`"}
`)
		_, err := New(d, Options{})
		if u != "https://example.org/people/a:b/" { // a colon is valid in a URL; the site refuses it
			list, ok := errors.AsType[source.ErrorList](err)
			if !ok || !errors.Is(err, validate.ErrInvalid) || list[0].Path != "people[0].page_url" || list[0].Pos.Line != 2 {
				t.Errorf("%s: New = %v, want ErrInvalid at people.yaml:2 people[0].page_url", u, err)
			}
		}
		if _, err := New(d, Options{Validated: true}); err == nil {
			t.Errorf("%s: New(Validated) accepted it", u)
		}
	}

	d := loadYAML(t, `people:
  - {id: carol, name: {display: Carol}, page_url: "https://example.org/people/caf%C3%A9/"}
`)
	s, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "people", "café", "index.html")); err != nil {
		t.Errorf("the page is not where a server looks for /people/caf%%C3%%A9/: %v", err)
	}
	sitemap, _ := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if !strings.Contains(string(sitemap), "https://example.org/people/caf%C3%A9/") {
		t.Errorf("the sitemap lacks the page's URL:\n%s", sitemap)
	}
}

// FuzzPageFile checks that a page path pageFile accepts is a file inside
// the site: no dot segment, no backslash or control, no empty segment
// from an encoded slash, and that foldPath is stable.
func FuzzPageFile(f *testing.F) {
	for _, s := range []string{"people/carol/", "people/caf%C3%A9/", "p/%2e%2e/x/", "a%2Fb/", "c%00/", "x/y.html", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		if checkPattern(rest) != nil {
			return
		}
		file, err := pageFile(rest)
		if err != nil {
			return
		}
		segs := strings.Split(file, "/")
		if strings.Count(file, "/") != strings.Count(fileOf(rest), "/") {
			t.Errorf("pageFile(%q) = %q: segments changed", rest, file)
		}
		for _, s := range segs {
			if s == "" || s == "." || s == ".." || strings.ContainsAny(s, "\\\x00") {
				t.Errorf("pageFile(%q) = %q: segment %q", rest, file, s)
			}
		}
		if k := foldPath(file); foldPath(k) != k {
			t.Errorf("foldPath(%q) = %q is not stable", file, k)
		}
	})
}
