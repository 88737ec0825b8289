package dataset

import (
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// The default patterns of [Names]: where the pages of people,
// publications and organizations are under the base, {id} standing for the
// record's id.
const (
	DefaultPersonPath       = "people/{id}/"
	DefaultPublicationPath  = "publications/{id}/"
	DefaultOrganizationPath = "organizations/{id}/"
)

// Names is the one rule by which scholarld names records, in every output:
// the linked-data dump, the site, the server, the JSON-LD embedded in a
// page. A record's IRI is the URL of its page followed by a fragment that
// says what it is:
//
//	https://example.org/people/ada/            the profile page of ada
//	https://example.org/people/ada/#person     ada herself
//	https://example.org/publications/w1/#work  a publication without DOI or arXiv id
//	https://example.org/organizations/o/#org   an organization without ROR ID
//
// The page and the thing it is about are two resources (a schema.org
// ProfilePage and its mainEntity), so they have two IRIs, which differ
// only by the fragment. A person whose data sets page_url
// (profile.Person.PageURL) has that page, and is PageURL+"#person". A
// publication with a DOI is named by its DOI's URL, else one with an arXiv
// id by its arXiv URL; an organization with a ROR ID by that ID; so the
// same work or organization has the same IRI in every dataset that holds
// it.
//
// The zero Names mints under "https://example.org/" with the default
// patterns; a dump and a site of one dataset with the same Base and
// patterns name every record alike.
type Names struct {
	// Base starts every minted IRI; a missing final slash is added. Empty
	// means https://example.org/. Callers check it (export.Options.Check).
	Base string
	// PersonPath and PublicationPath are the patterns of pages under Base;
	// empty means DefaultPersonPath and DefaultPublicationPath. (Package
	// site checks a pattern before it writes a page there.)
	PersonPath, PublicationPath string
	// Pages are the page URLs of people whose data sets one, by id: see
	// [Names.With].
	Pages map[string]string
}

// With returns n with the page URLs that the people of d set (page_url).
func (n Names) With(d *Dataset) Names {
	for i := range d.People {
		p := &d.People[i]
		if p.PageURL == "" {
			continue
		}
		if n.Pages == nil {
			n.Pages = make(map[string]string)
		}
		if _, ok := n.Pages[p.ID]; !ok {
			n.Pages[p.ID] = p.PageURL
		}
	}
	return n
}

// base returns the base with its final slash.
func (n Names) base() string {
	b := n.Base
	if b == "" {
		b = "https://example.org/"
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// expand puts id in a pattern. Ids are slugs: they need no escaping.
func expand(pattern, def, id string) string {
	if pattern == "" {
		pattern = def
	}
	return strings.ReplaceAll(pattern, "{id}", id)
}

// PersonPage returns the URL of the profile page of the person with the
// given id.
func (n Names) PersonPage(id string) string {
	if u, ok := n.Pages[id]; ok {
		return u
	}
	return n.base() + expand(n.PersonPath, DefaultPersonPath, id)
}

// Person returns the IRI of the person with the given id.
func (n Names) Person(id string) string { return n.PersonPage(id) + "#person" }

// PublicationPage returns the URL of the page of the publication with the
// given id.
func (n Names) PublicationPage(id string) string {
	return n.base() + expand(n.PublicationPath, DefaultPublicationPath, id)
}

// Publication returns the IRI of p: its DOI's URL, else its arXiv URL,
// else its page's URL and "#work".
func (n Names) Publication(p *publication.Publication) string {
	switch {
	case p.Identifiers.DOI != "":
		return p.Identifiers.DOI.URL()
	case p.Identifiers.ArXiv != "":
		return p.Identifiers.ArXiv.URL()
	}
	return n.MintedPublication(p.ID)
}

// MintedPublication returns the IRI of the publication with the given id
// when it has neither DOI nor arXiv id.
func (n Names) MintedPublication(id string) string { return n.PublicationPage(id) + "#work" }

// Organization returns the IRI of o: its ROR ID, else one minted from its id.
func (n Names) Organization(o *profile.Organization) string {
	if o.ROR != "" {
		return o.ROR.URL()
	}
	return n.MintedOrganization(o.ID)
}

// MintedOrganization returns the IRI of the organization with the given id
// when it has no ROR ID.
func (n Names) MintedOrganization(id string) string {
	return n.base() + expand("", DefaultOrganizationPath, id) + "#org"
}
