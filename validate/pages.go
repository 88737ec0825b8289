package validate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/scholarld/scholarld/dataset"
)

// pageURLs checks the path of each person's page_url. The page is a file
// of a static site and a path that servers look up, and both decode
// percent-encodings: an encoded slash or backslash (%2F, %5C) would be one
// segment here and two there, an encoded dot segment (%2E%2E) climbs out
// of the site, a control (%00) ends a file name. They are refused, as are
// plain dot segments and encodings that do not decode.
func (c *checker) pageURLs() {
	for i := range c.d.People {
		u := c.d.People[i].PageURL
		if u == "" {
			continue
		}
		if problem := pagePathProblem(u); problem != "" {
			c.report(dataset.People, i, "page_url", fmt.Errorf("%s: %s: %w", quote(u), problem, ErrInvalid))
		}
	}
}

// pagePathProblem says what is wrong with the path of the URL u, or ""
// if nothing is (or if u is not a URL at all, which the shape rules
// report).
func pagePathProblem(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return ""
	}
	// The path as written: after the host, before any query or fragment.
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	i := strings.IndexAny(rest, "/?#")
	if i < 0 || rest[i] != '/' {
		return ""
	}
	path := rest[i:]
	if j := strings.IndexAny(path, "?#"); j >= 0 {
		path = path[:j]
	}
	for seg := range strings.SplitSeq(path[1:], "/") {
		dec, err := url.PathUnescape(seg)
		switch {
		case err != nil:
			return fmt.Sprintf("the path segment %q has a %% that starts no percent-encoding; write %%25 for a %%", seg)
		case seg == "." || seg == "..":
			return fmt.Sprintf("the path has a %q segment; write the path it leads to", seg)
		case dec == "." || dec == "..":
			return fmt.Sprintf("the path segment %q is %q encoded, which servers and file systems read as a step up or nowhere", seg, dec)
		case strings.ContainsAny(dec, `/\`):
			return fmt.Sprintf("the path segment %q encodes a slash or a backslash (%%2F, %%5C), which would make it two segments in a file name", seg)
		case strings.ContainsFunc(dec, func(r rune) bool { return r < 0x20 || r == 0x7f }):
			return fmt.Sprintf("the path segment %q encodes a control character (such as %%00), which no file name holds", seg)
		}
	}
	return ""
}
