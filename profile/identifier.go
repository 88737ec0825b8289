package profile

import "net/url"

// An Identifier is one identifier of a person or a publication, as pages
// show it and the linked data states it.
type Identifier struct {
	Scheme string // its propertyID in schema.org's PropertyValue: "orcid", "google-scholar", …
	Label  string // its name for readers: "ORCID", "Google Scholar", …
	Value  string
	URL    string // the page it names; empty for one that names none, such as an ISBN
}

// List returns the identifiers that are set, in a fixed order: ORCID,
// Google Scholar, DBLP, Semantic Scholar, OpenReview, Wikidata, Scopus,
// ResearcherID, OpenAlex.
func (id PersonIdentifiers) List() []Identifier {
	var ids []Identifier
	add := func(scheme, label, value, u string) {
		if value != "" {
			ids = append(ids, Identifier{scheme, label, value, u})
		}
	}
	add("orcid", "ORCID", string(id.ORCID), id.ORCID.URL())
	add("google-scholar", "Google Scholar", id.GoogleScholar, "https://scholar.google.com/citations?user="+url.QueryEscape(id.GoogleScholar))
	add("dblp", "DBLP", id.DBLP, "https://dblp.org/pid/"+id.DBLP)
	add("semantic-scholar", "Semantic Scholar", id.SemanticScholar, "https://www.semanticscholar.org/author/"+id.SemanticScholar)
	add("openreview", "OpenReview", id.OpenReview, "https://openreview.net/profile?id="+url.QueryEscape(id.OpenReview))
	add("wikidata", "Wikidata", string(id.Wikidata), id.Wikidata.EntityIRI())
	add("scopus", "Scopus", id.Scopus, "https://www.scopus.com/authid/detail.uri?authorId="+id.Scopus)
	add("researcherid", "ResearcherID", id.ResearcherID, "https://www.webofscience.com/wos/author/record/"+id.ResearcherID)
	add("openalex", "OpenAlex", id.OpenAlex, "https://openalex.org/"+id.OpenAlex)
	return ids
}
