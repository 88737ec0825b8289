package graph

import "github.com/scholarld/scholarld/profile"

// Organization maps an organization. Its IRI is its ROR ID's URL when it has one.
func (m *Mapper) Organization(o *profile.Organization) *Record {
	m.a.reset()
	n := m.nodeID(m.org(o.ID), orgClass(o.Kind))
	n.Add(propName, Literal(o.Name))
	for _, a := range o.OtherNames {
		n.Add(propAlternateName, Literal(a))
	}
	n.Add(propUrl, iri(o.URL))
	if o.Wikidata != "" {
		n.Add(propSameAs, IRI(o.Wikidata.EntityIRI()))
	}
	if o.ROR != "" {
		n.Add(propIdentifier, m.propertyValue("ror", string(o.ROR)))
	}
	if o.Wikidata != "" {
		n.Add(propIdentifier, m.propertyValue("wikidata", string(o.Wikidata)))
	}
	for _, id := range o.Identifiers {
		n.Add(propIdentifier, m.propertyValue(id.Scheme, id.Value))
	}
	if o.Parent != "" {
		n.Add(propParentOrganization, m.org(o.Parent))
	}
	if l := o.Location; l != (profile.Location{}) {
		a := m.node(classPostalAddress)
		a.Add(propAddressLocality, Literal(l.City))
		a.Add(propAddressRegion, Literal(l.Region))
		a.Add(propAddressCountry, Literal(l.Country))
		n.Add(propAddress, Embed(a))
	}
	return &Record{Nodes: []*Node{n}}
}

// orgClass returns the schema.org class of an organization kind.
func orgClass(k profile.OrgKind) string {
	switch k {
	case profile.OrgUniversity:
		return classCollegeOrUniversity
	case profile.OrgInstitute:
		return classResearchOrganization
	case profile.OrgCompany:
		return classCorporation
	}
	return classOrganization
}
