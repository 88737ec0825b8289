package publication

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DOI is a Digital Object Identifier in its canonical bare form, such as
// "10.1234/abc": "10.", a registrant code, "/" and a suffix, with the case
// of the suffix kept as given. DOIs are case-insensitive, so compare them
// with [DOI.Key]. The zero value is the empty string, meaning no DOI. Values
// made by [ParseDOI] are always well formed.
type DOI string

// ParseDOI parses a DOI written bare ("10.1234/abc"), with a "doi:" prefix,
// or as a URL at doi.org or dx.doi.org (http, https or without a scheme,
// as "doi.org/10.1234/abc" is pasted), whose path it
// percent-decodes. The registrant code is at least 4 digits with optional ".digits"
// subdivisions ("10.1000.10/x"); the suffix is one or more printable
// characters other than spaces. It returns the canonical bare form. Errors
// wrap [ErrMalformed].
func ParseDOI(s string) (DOI, error) {
	const kind = "DOI"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id := s
	if rest, ok := trimPrefixFold(s, "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", "doi.org/", "dx.doi.org/", "www.doi.org/"); ok {
		dec, err := url.PathUnescape(rest)
		if err != nil {
			return "", parseError(kind, s, ErrMalformed, "bad percent-encoding in URL")
		}
		id = dec
	} else if rest, ok := trimPrefixFold(s, "doi:"); ok {
		id = rest
	}

	prefix, suffix, ok := strings.Cut(id, "/")
	if !ok || !strings.HasPrefix(prefix, "10.") {
		return "", parseError(kind, s, ErrMalformed, `want "10.", a registrant code, "/" and a suffix, such as 10.1234/abc, doi:10.1234/abc or https://doi.org/10.1234/abc`)
	}
	for i, sub := range strings.Split(prefix[len("10."):], ".") {
		if sub == "" || strings.IndexFunc(sub, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return "", parseError(kind, s, ErrMalformed, "registrant code %q is not digits with optional .digits parts", prefix[len("10."):])
		}
		if i == 0 && len(sub) < 4 {
			return "", parseError(kind, s, ErrMalformed, "registrant code %q is shorter than the 4 digits every DOI prefix has", prefix[len("10."):])
		}
	}
	if suffix == "" {
		return "", parseError(kind, s, ErrMalformed, "empty suffix after %q", prefix+"/")
	}
	for i, r := range suffix {
		if r == utf8.RuneError && !strings.HasPrefix(suffix[i:], "\uFFFD") {
			return "", parseError(kind, s, ErrMalformed, "suffix is not valid UTF-8")
		}
		if r == ' ' || !unicode.IsPrint(r) {
			return "", parseError(kind, s, ErrMalformed, "suffix contains %q, which is not a printable non-space character", r)
		}
	}
	return DOI(id), nil
}

// String returns the canonical bare form of the DOI, such as "10.1234/abc".
func (d DOI) String() string { return string(d) }

// Key returns the DOI in upper case, the form in which two DOIs that differ
// only in letter case compare equal.
func (d DOI) Key() string { return strings.ToUpper(string(d)) }

// URL returns the DOI as a https URL at doi.org, such as
// "https://doi.org/10.1234/abc", or "" for the zero DOI. Every byte that is
// not allowed unescaped in a URL path, such as a space, '"', '<', '>', '#',
// '%', '?', '\', '^', '`', '{', '|', '}' or a byte of a non-ASCII
// character, is percent-encoded; '/' is kept. The result is both a URI and
// an IRI, and [ParseDOI] maps it back to d.
func (d DOI) URL() string {
	if d == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for i := range len(d) {
		if c := d[i]; isPathByte(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// isPathByte reports whether c may appear unescaped in a URL path: it is
// an RFC 3986 pchar (unreserved, sub-delims, ':' or '@') or '/'.
func isPathByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', isDigit(c):
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}
