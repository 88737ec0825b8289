package publication

import "strings"

// PMID is a PubMed identifier in its canonical form, a positive decimal
// number of at most 9 digits without leading zeros, such as "31452104".
// The zero value is the empty string, meaning no PMID. Values made by
// [ParsePMID] are always well formed.
type PMID string

// ParsePMID parses a PubMed identifier written bare ("31452104"), with a
// "PMID:" prefix in any case, or as a URL
// ("https://pubmed.ncbi.nlm.nih.gov/31452104/", with http, and with or
// without the final slash). It returns the canonical form. Errors wrap
// [ErrMalformed].
func ParsePMID(s string) (PMID, error) {
	const kind = "PMID"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id := s
	if rest, ok := trimPrefixFold(s, "pmid:"); ok {
		id = rest
	} else if rest, ok := trimPrefixFold(s, "https://pubmed.ncbi.nlm.nih.gov/", "http://pubmed.ncbi.nlm.nih.gov/"); ok {
		id = strings.TrimSuffix(rest, "/")
	}
	switch {
	case id == "" || !allDigits(id):
		return "", parseError(kind, s, ErrMalformed, "want a decimal number, such as 31452104")
	case id[0] == '0':
		return "", parseError(kind, s, ErrMalformed, "number starts with 0")
	case len(id) > 9:
		return "", parseError(kind, s, ErrMalformed, "number has %d digits, want at most 9", len(id))
	}
	return PMID(id), nil
}

// String returns the canonical form of the PMID, such as "31452104".
func (id PMID) String() string { return string(id) }

// URL returns the address of the PubMed record, such as
// "https://pubmed.ncbi.nlm.nih.gov/31452104/", or "" for the zero PMID.
func (id PMID) URL() string {
	if id == "" {
		return ""
	}
	return "https://pubmed.ncbi.nlm.nih.gov/" + string(id) + "/"
}
