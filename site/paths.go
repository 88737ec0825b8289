package site

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// A pathOwner is what a file of the site holds: a record's page or data,
// or one of the site's own files (rec is false).
type pathOwner struct {
	what string // "the page of person ada", for messages
	file string // the file, as the site writes it
	rec  bool
	sec  dataset.Section
	i    int
	sub  string // the field that sets the path: "page_url" or "id"
}

// claims gives each file of the site one owner. Two files whose names
// differ only by case are one file on macOS and Windows, where the second
// written replaces the first, and on any server that folds case: so files
// are compared case-insensitively (page paths are compared decoded, as
// they are written).
type claims struct {
	d     *dataset.Dataset
	files map[string]pathOwner // by foldPath of the file
	errs  source.ErrorList     // clashes of records, positioned
	other error                // a clash of the site's own files
}

func newClaims(d *dataset.Dataset) *claims {
	c := &claims{d: d, files: map[string]pathOwner{}}
	for _, f := range []pathOwner{{what: "the index", file: "index.html"}, {what: "robots.txt", file: "robots.txt"},
		{what: "the sitemap", file: "sitemap.xml"}, {what: "the style sheet", file: "style.css"}} {
		c.claim(f)
	}
	return c
}

// claim records o as the owner of its file, or the clash with the owner
// it already has.
func (c *claims) claim(o pathOwner) {
	key := foldPath(o.file)
	prev, ok := c.files[key]
	if !ok {
		c.files[key] = o
		return
	}
	how := "to the same file"
	if prev.file != o.file {
		how = fmt.Sprintf("to files whose names differ only by case (%s and %s), which are one file on macOS and Windows", prev.file, o.file)
	}
	switch {
	case o.rec:
		pos, path := c.d.Locate(o.sec, o.i, o.sub)
		also := ""
		if prev.rec {
			if p, _ := c.d.Locate(prev.sec, prev.i, prev.sub); p.Line > 0 {
				also = " (at " + p.String() + ")"
			}
		}
		c.errs.Add(pos, path, fmt.Errorf("%s and %s%s are written %s: %w", o.what, prev.what, also, how, validate.ErrDuplicate))
	case c.other == nil:
		c.other = fmt.Errorf("site: %s and %s are written %s", prev.what, o.what, how)
	}
}

// err returns the clashes found: a sorted source.ErrorList when records
// clash.
func (c *claims) err() error {
	if len(c.errs) > 0 {
		c.errs.Sort()
		return c.errs.Err()
	}
	return c.other
}

// foldPath is the key under which files that differ only by case meet:
// each rune replaced by the least of its case-folding orbit (the runes
// that strings.EqualFold takes as one: k, K and the Kelvin sign).
func foldPath(p string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, p)
}

// pageFile returns the file of a page at the path rest under the base, as
// given by a page_url: percent-decoded, since a server looks the decoded
// path up. It fails on encodings that change the path's segments (an
// encoded slash or backslash, an encoded dot segment, a control) and on
// characters that file systems refuse, so that no page is written to a
// name that its URL does not reach.
func pageFile(rest string) (string, error) {
	dec, err := url.PathUnescape(rest)
	if err != nil {
		return "", fmt.Errorf("a %% that starts no percent-encoding: %w", err)
	}
	segs := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	for i, dseg := range strings.Split(strings.TrimSuffix(dec, "/"), "/") {
		switch {
		case i >= len(segs):
			return "", fmt.Errorf("an encoded slash (%%2F): want a plain path")
		case dseg == "." || dseg == "..":
			return "", fmt.Errorf("the segment %q is a dot segment, encoded: want a plain path", segs[i])
		case strings.ContainsFunc(dseg, func(r rune) bool { return r < 0x20 || r == 0x7f || strings.ContainsRune(`\:*?"<>|`, r) }):
			return "", fmt.Errorf("the segment %q holds a control or one of \\:*?\"<>|, which file systems refuse: want a plain path", segs[i])
		case strings.HasSuffix(dseg, ".") || strings.HasSuffix(dseg, " "):
			return "", fmt.Errorf("the segment %q ends in a dot or a space, which Windows drops from file names: want a plain path", segs[i])
		}
	}
	return fileOf(dec), nil
}
