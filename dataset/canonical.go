package dataset

import (
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// canonicalize rewrites every identifier that parses into its canonical
// form, so that "https://orcid.org/0000-…" and "0000-…" are the same value.
// Identifiers that do not parse are left as written, for validation to report.
func canonicalize(d *Dataset) {
	for i := range d.People {
		p := &d.People[i]
		canon(&p.Identifiers.ORCID, profile.ParseORCID)
		canon(&p.Identifiers.Wikidata, profile.ParseWikidata)
		p.Identifiers.OpenAlex = openAlexID(p.Identifiers.OpenAlex)
		for j := range p.Education {
			refs(p.Education[j].Advisors)
		}
		for j := range p.Supervisions {
			s := &p.Supervisions[j]
			canon(&s.Student.ORCID, profile.ParseORCID)
			for k := range s.Others {
				canon(&s.Others[k].Person.ORCID, profile.ParseORCID)
			}
		}
	}
	for i := range d.Organizations {
		o := &d.Organizations[i]
		canon(&o.ROR, profile.ParseROR)
		canon(&o.Wikidata, profile.ParseWikidata)
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		refs(p.Authors)
		canon(&p.Venue.ISSN, publication.ParseISSN)
		id := &p.Identifiers
		canon(&id.DOI, publication.ParseDOI)
		canon(&id.ArXiv, publication.ParseArXiv)
		canon(&id.ISBN, publication.ParseISBN)
		canon(&id.PMID, publication.ParsePMID)
		id.OpenAlex = openAlexID(id.OpenAlex)
	}
}

// openAlexID returns an OpenAlex id without the https://openalex.org/
// that OpenAlex's own records put before it, its letter in upper case.
func openAlexID(s string) string {
	for _, p := range []string{"https://openalex.org/", "http://openalex.org/", "openalex.org/"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
			break
		}
	}
	if len(s) > 1 && (s[0] == 'w' || s[0] == 'a') {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func refs(rs []profile.PersonRef) {
	for i := range rs {
		canon(&rs[i].ORCID, profile.ParseORCID)
	}
}

// canon replaces *v by its canonical form if it parses.
func canon[T ~string](v *T, parse func(string) (T, error)) {
	if *v == "" {
		return
	}
	if c, err := parse(string(*v)); err == nil {
		*v = c
	}
}
