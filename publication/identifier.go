package publication

import (
	"net/url"

	"github.com/scholarld/scholarld/profile"
)

// List returns the identifiers that are set, in a fixed order: DOI, arXiv,
// ISBN, PMID, OpenReview, DBLP, OpenAlex.
func (id Identifiers) List() []profile.Identifier {
	var ids []profile.Identifier
	add := func(scheme, label, value, u string) {
		if value != "" {
			ids = append(ids, profile.Identifier{Scheme: scheme, Label: label, Value: value, URL: u})
		}
	}
	add("doi", "DOI", string(id.DOI), id.DOI.URL())
	add("arxiv", "arXiv", string(id.ArXiv), id.ArXiv.URL())
	add("isbn", "ISBN", string(id.ISBN), "")
	add("pmid", "PMID", string(id.PMID), id.PMID.URL())
	add("openreview", "OpenReview", id.OpenReview, id.OpenReviewURL())
	add("dblp", "DBLP", id.DBLP, "https://dblp.org/rec/"+id.DBLP)
	add("openalex", "OpenAlex", id.OpenAlex, "https://openalex.org/"+id.OpenAlex)
	return ids
}

// OpenReviewURL returns the URL of the publication's OpenReview forum, or
// "" if it has no OpenReview id.
func (id Identifiers) OpenReviewURL() string {
	if id.OpenReview == "" {
		return ""
	}
	return "https://openreview.net/forum?id=" + url.QueryEscape(id.OpenReview)
}
