package jsonimport

import (
	"fmt"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// The Parse functions of packages profile and publication quote their
// whole input in their errors, which a message must not do for a hostile
// megabyte. The functions of this file refuse input longer than any
// identifier of their kind unparsed, with an error that quotes its start,
// and otherwise return what those functions do.

// parseShort returns parse(s), or, for s longer than max bytes, an error
// wrapping [profile.ErrMalformed].
func parseShort[T any](what, s string, max int, parse func(string) (T, error)) (T, error) {
	if len(s) > max {
		var zero T
		return zero, fmt.Errorf("%s %s: %d bytes, too long: %w", what, Quote(s, 40), len(s), profile.ErrMalformed)
	}
	return parse(s)
}

// ParseDOI is [publication.ParseDOI] for at most 1000 bytes.
func ParseDOI(s string) (publication.DOI, error) {
	return parseShort("DOI", s, 1000, publication.ParseDOI)
}

// ParseORCID is [profile.ParseORCID] for at most 64 bytes (an iD as a
// URL has 37).
func ParseORCID(s string) (profile.ORCID, error) {
	return parseShort("ORCID iD", s, 64, profile.ParseORCID)
}

// ParseISSN is [publication.ParseISSN] for at most 40 bytes.
func ParseISSN(s string) (publication.ISSN, error) {
	return parseShort("ISSN", s, 40, publication.ParseISSN)
}

// ParseISBN is [publication.ParseISBN] for at most 40 bytes.
func ParseISBN(s string) (publication.ISBN, error) {
	return parseShort("ISBN", s, 40, publication.ParseISBN)
}

// ParseArXiv is [publication.ParseArXiv] for at most 100 bytes.
func ParseArXiv(s string) (publication.ArXiv, error) {
	return parseShort("arXiv ID", s, 100, publication.ParseArXiv)
}

// ParseDate is [profile.ParseDate] for at most 40 bytes.
func ParseDate(s string) (profile.Date, error) {
	return parseShort("date", s, 40, profile.ParseDate)
}

// ParsePMID is [publication.ParsePMID] for at most 40 bytes.
func ParsePMID(s string) (publication.PMID, error) {
	return parseShort("PMID", s, 40, publication.ParsePMID)
}
