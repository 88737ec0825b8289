package profile

// Wikidata is the identifier of a Wikidata item in its canonical form, "Q"
// followed by a positive decimal number without leading zeros, such as "Q42".
// The zero value is the empty string, meaning no item. Values made by
// [ParseWikidata] are always valid.
type Wikidata string

// ParseWikidata parses a Wikidata item identifier written bare ("Q42"), as
// its page URL ("https://www.wikidata.org/wiki/Q42") or as its entity IRI
// ("http://www.wikidata.org/entity/Q42"), with http or https. It returns the
// canonical form. Errors wrap [ErrMalformed].
func ParseWikidata(s string) (Wikidata, error) {
	const kind = "Wikidata item"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id, _ := trimPrefixFold(s,
		"https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/",
		"https://www.wikidata.org/entity/", "http://www.wikidata.org/entity/")
	if len(id) < 2 || id[0] != 'Q' {
		return "", parseError(kind, s, ErrMalformed, "want Q and a number, such as Q42")
	}
	if id[1] == '0' {
		return "", parseError(kind, s, ErrMalformed, "number starts with 0")
	}
	for i := 1; i < len(id); i++ {
		if !isDigit(id[i]) {
			return "", parseError(kind, s, ErrMalformed, "character %d is %q, want a digit", i+1, id[i])
		}
	}
	return Wikidata(id), nil
}

// String returns the canonical form of the identifier, such as "Q42".
func (id Wikidata) String() string { return string(id) }

// URL returns the address of the item's page, such as
// "https://www.wikidata.org/wiki/Q42", or "" for the zero Wikidata.
func (id Wikidata) URL() string {
	if id == "" {
		return ""
	}
	return "https://www.wikidata.org/wiki/" + string(id)
}

// EntityIRI returns the IRI that names the item in Wikidata's RDF data, such
// as "http://www.wikidata.org/entity/Q42", or "" for the zero Wikidata. The
// http scheme is part of the IRI and is not a mistake.
func (id Wikidata) EntityIRI() string {
	if id == "" {
		return ""
	}
	return "http://www.wikidata.org/entity/" + string(id)
}
