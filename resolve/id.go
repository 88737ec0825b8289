package resolve

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/publication"
)

// Schemes of an [ID], the prefixes of its canonical form.
const (
	DOIScheme      = "doi:"
	OpenAlexScheme = "openalex:"
)

// maxOpenAlexDigits bounds the number of an OpenAlex id, as package
// validate does ("W" or "A", then 1 to 12 digits, no leading zero).
const maxOpenAlexDigits = 12

// An ID names a record a [Client] fetches, in canonical form: a DOI,
// "doi:10.7717/peerj.4375" (the DOI as [publication.ParseDOI] gives it),
// an OpenAlex work, "openalex:W2741809807", or an OpenAlex author,
// "openalex:A5023888391". The zero value is no identifier. Values made by
// [ParseID] are always well formed.
type ID string

// ParseID parses an identifier of a record to fetch:
//
//   - a DOI with "doi:" before it, "doi:10.7717/peerj.4375", or in any
//     form [publication.ParseDOI] takes after it or alone: bare
//     ("10.7717/peerj.4375") or a URL at doi.org
//     ("https://doi.org/10.7717/peerj.4375", "doi:https://doi.org/…");
//   - an OpenAlex work or author id with "openalex:" before it,
//     "openalex:W2741809807", or as OpenAlex's URL,
//     "https://openalex.org/A5023888391" (with or without "openalex:");
//     the letter may be in either case.
//
// It returns the canonical form. A DOI or OpenAlex id that is not one
// is an error wrapping [publication.ErrMalformed]; an OpenAlex id of
// another kind of entity (a source, an institution) or an identifier of
// another scheme is an error wrapping [ErrUnsupported].
func ParseID(s string) (ID, error) {
	rest, isOpenAlex := cutPrefixFold(s, OpenAlexScheme)
	if u, ok := cutOpenAlexURL(rest); ok {
		rest, isOpenAlex = u, true
	}
	if isOpenAlex {
		id, err := parseOpenAlexID(rest)
		if err != nil {
			return "", fmt.Errorf("resolve: %q: %w", s, err)
		}
		return ID(OpenAlexScheme + id), nil
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && isScheme(scheme) {
		switch strings.ToLower(scheme) {
		case "doi", "http", "https":
		default:
			return "", fmt.Errorf("resolve: %q: scheme %q: want doi: or openalex: (%w)", s, scheme+":", ErrUnsupported)
		}
	}
	if rest, ok := cutPrefixFold(s, DOIScheme); ok {
		s = rest // ParseDOI takes a URL alone, not after "doi:"
	}
	doi, err := publication.ParseDOI(s)
	if err != nil {
		return "", fmt.Errorf("resolve: %w", err)
	}
	return ID(DOIScheme + doi.String()), nil
}

// String returns the canonical form of the identifier, which [ParseID]
// maps back to it.
func (id ID) String() string { return string(id) }

// DOI returns the DOI that id names, or "" if it names none.
func (id ID) DOI() publication.DOI {
	if d, ok := strings.CutPrefix(string(id), DOIScheme); ok {
		return publication.DOI(d)
	}
	return ""
}

// OpenAlex returns the OpenAlex id that id names, such as "W2741809807",
// or "" if it names none.
func (id ID) OpenAlex() string {
	if o, ok := strings.CutPrefix(string(id), OpenAlexScheme); ok {
		return o
	}
	return ""
}

// parseOpenAlexID checks an OpenAlex work or author id, such as
// "W2741809807", and returns it with its letter in upper case.
func parseOpenAlexID(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty OpenAlex id: %w", publication.ErrMalformed)
	}
	letter := strings.ToUpper(s[:1])
	digits := s[1:]
	switch letter {
	case "W", "A":
	case "S", "I", "P", "F", "T", "C", "K", "G":
		return "", fmt.Errorf("OpenAlex id %q: not a work (W…) or an author (A…): %w", s, ErrUnsupported)
	default:
		return "", fmt.Errorf("OpenAlex id %q: want W or A and digits, such as W2741809807: %w", s, publication.ErrMalformed)
	}
	if digits == "" || len(digits) > maxOpenAlexDigits || digits[0] == '0' || strings.Trim(digits, "0123456789") != "" {
		return "", fmt.Errorf("OpenAlex id %q: want %s and 1 to %d digits, no leading zero: %w", s, letter, maxOpenAlexDigits, publication.ErrMalformed)
	}
	return letter + digits, nil
}

// cutOpenAlexURL returns the id at the end of an OpenAlex URL such as
// https://openalex.org/W2741809807.
func cutOpenAlexURL(s string) (string, bool) {
	for _, p := range []string{"https://openalex.org/", "http://openalex.org/", "openalex.org/"} {
		if rest, ok := cutPrefixFold(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// isScheme reports whether s is a URI scheme (RFC 3986: a letter, then
// letters, digits, "+", "-" or "."), such as "pmid"; a bare DOI, which
// starts with "10.", is not.
func isScheme(s string) bool {
	if s == "" || !('a' <= s[0]|0x20 && s[0]|0x20 <= 'z') {
		return false
	}
	return strings.Trim(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz0123456789+-.") == ""
}
