package export

import "github.com/scholarld/scholarld/profile"

// Organization maps an organization. Its IRI is its ROR ID's URL when it has one.
func (m *Mapper) Organization(o *profile.Organization) *Record {
	n := &Node{ID: m.org(o.ID), Types: []string{orgClass(o.Kind)}}
	n.Add(schema("name"), Literal(o.Name))
	for _, a := range o.OtherNames {
		n.Add(schema("alternateName"), Literal(a))
	}
	n.Add(schema("url"), iri(o.URL))
	if o.Wikidata != "" {
		n.Add(schema("sameAs"), IRI(o.Wikidata.EntityIRI()))
	}
	if o.ROR != "" {
		n.Add(schema("identifier"), propertyValue("ror", string(o.ROR)))
	}
	if o.Wikidata != "" {
		n.Add(schema("identifier"), propertyValue("wikidata", string(o.Wikidata)))
	}
	for _, id := range o.Identifiers {
		n.Add(schema("identifier"), propertyValue(id.Scheme, id.Value))
	}
	if o.Parent != "" {
		n.Add(schema("parentOrganization"), m.org(o.Parent))
	}
	if l := o.Location; l != (profile.Location{}) {
		a := &Node{Types: []string{schema("PostalAddress")}}
		a.Add(schema("addressLocality"), Literal(l.City))
		a.Add(schema("addressRegion"), Literal(l.Region))
		a.Add(schema("addressCountry"), Literal(l.Country))
		n.Add(schema("address"), Embed(a))
	}
	return &Record{Nodes: []*Node{n}}
}

// orgClass returns the schema.org class of an organization kind.
func orgClass(k profile.OrgKind) string {
	switch k {
	case profile.OrgUniversity:
		return schema("CollegeOrUniversity")
	case profile.OrgInstitute:
		return schema("ResearchOrganization")
	case profile.OrgCompany:
		return schema("Corporation")
	}
	return schema("Organization")
}
