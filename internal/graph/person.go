package graph

import (
	"github.com/scholarld/scholarld/profile"
)

// Person maps a person: name, identifiers, biography, topics, positions
// (schema.org's Role pattern), education, awards, and the students they
// supervise (VIVO-ISF advising relationships).
func (m *Mapper) Person(p *profile.Person) *Record {
	m.a.reset()
	self := IRI(m.PersonIRI(p.ID))
	n := m.nodeID(self, classPerson)
	// Blank node labels start with the person's id, unique in a dataset,
	// so records can be mapped in any order, or concurrently.
	rec := &Record{Nodes: []*Node{n}, label: "p-" + p.ID}

	n.Add(propName, Literal(p.Name.Display))
	n.Add(propGivenName, Literal(p.Name.Given))
	n.Add(propFamilyName, Literal(p.Name.Family))
	n.Add(propHonorificPrefix, Literal(p.Name.Prefix))
	n.Add(propHonorificSuffix, Literal(p.Name.Suffix))
	for _, o := range p.Name.Other {
		n.Add(propAlternateName, Literal(o))
	}
	n.Add(propDescription, Literal(p.Biography))
	n.Add(propUrl, iri(p.Homepage))
	n.Add(propImage, iri(p.Image))
	for _, e := range p.Emails {
		n.Add(propEmail, Literal(e))
	}
	m.identity(n, p)
	for _, x := range p.Positions {
		pred, role := m.position(x)
		n.Add(pred, Embed(role))
		if x.Kind == profile.PositionChair || x.Kind == profile.PositionDistinction {
			n.Add(propAward, Literal(x.Title))
		}
	}
	for _, a := range p.Awards {
		n.Add(propAward, Literal(a.Name))
	}
	for _, c := range p.Countries {
		a := m.node(classPostalAddress)
		a.Add(propAddressCountry, Literal(c))
		n.Add(propAddress, Embed(a))
	}
	for _, e := range p.Education {
		if e.Kind == profile.EducationQualification {
			n.Add(propHasCredential, Embed(m.qualification(e)))
		} else {
			n.Add(propAlumniOf, Embed(m.education(e)))
		}
	}
	for _, e := range p.Education {
		if len(e.Advisors) > 0 {
			n.Add(VIVONS+"relatedBy", m.educationAdvising(rec, self, e))
		}
	}
	for _, s := range p.Supervisions {
		n.Add(VIVONS+"relatedBy", m.supervision(rec, self, s))
	}
	return rec
}

// topic maps a research topic: its label, or a schema:DefinedTerm with the
// label and the concept's IRI.
func (m *Mapper) topic(t profile.Topic) Term {
	if t.Concept == "" {
		return Literal(t.Label)
	}
	n := m.node(classDefinedTerm)
	n.Add(propName, Literal(t.Label))
	n.Add(propSameAs, IRI(t.Concept))
	return Embed(n)
}

// position maps a position to a Role node and the property that links the
// person to it: worksFor for jobs, memberOf for memberships and service,
// affiliation for chairs, distinctions and invited positions.
func (m *Mapper) position(x profile.Position) (string, *Node) {
	pred, class := positionProperty(x.Kind)
	role := m.node(class)
	role.Add(propRoleName, Literal(x.Title))
	role.Add(propStartDate, date(x.Start))
	role.Add(propEndDate, date(x.End))
	role.Add(propDescription, Literal(positionNote(x)))
	role.Add(propUrl, iri(x.URL))
	role.Add(pred, m.unit(x.Organization, x.Department))
	return pred, role
}

// positionProperty returns the property that links a person to a position
// of kind k, and the class of its Role.
func positionProperty(k profile.PositionKind) (pred, class string) {
	switch k {
	case profile.PositionEmployment, profile.PositionPostdoc, profile.PositionVisiting:
		return propWorksFor, classEmployeeRole
	case profile.PositionMembership, profile.PositionService:
		return propMemberOf, classOrganizationRole
	}
	return propAffiliation, classOrganizationRole
}

// positionNote describes what the Role pattern has no property for.
func positionNote(x profile.Position) string {
	var s string
	if x.PartTime {
		s = "Part time"
	}
	if x.City != "" {
		if s != "" {
			s += ", "
		}
		s += x.City
	}
	return s
}

// unit returns the organization with the given id or, when a department is
// named, an anonymous schema:Organization for it, part of that organization.
func (m *Mapper) unit(org, department string) Term {
	if department == "" {
		return m.org(org)
	}
	d := m.node(classOrganization)
	d.Add(propName, Literal(department))
	d.Add(propParentOrganization, m.org(org))
	return Embed(d)
}

// education maps a degree to an alumniOf Role.
func (m *Mapper) education(e profile.Education) *Node {
	role := m.node(classOrganizationRole)
	name := e.Degree
	if e.Field != "" {
		name += ", " + e.Field
	}
	role.Add(propRoleName, Literal(name))
	role.Add(propStartDate, date(e.Start))
	role.Add(propEndDate, date(e.End))
	role.Add(propAlumniOf, m.unit(e.Organization, e.Department))
	return role
}

// qualification maps a qualification other than a degree to a credential
// recognized by the organization, created when it was earned.
func (m *Mapper) qualification(e profile.Education) *Node {
	c := m.node(classEducationalOccupationalCredential)
	c.Add(propName, Literal(e.Degree))
	c.Add(propAbout, Literal(e.Field))
	c.Add(propDateCreated, date(e.End))
	c.Add(propRecognizedBy, m.unit(e.Organization, e.Department))
	return c
}

// identity adds to a person's node what identifies them elsewhere and
// what they work on: sameAs each identifier's page and each link, the
// identifiers as schema:PropertyValue, and their topics. The full and the
// lean person share it.
func (m *Mapper) identity(n *Node, p *profile.Person) {
	ids := p.Identifiers.List()
	for _, id := range ids {
		n.Add(propSameAs, IRI(id.URL))
	}
	for _, l := range p.Links {
		n.Add(propSameAs, IRI(l.URL))
	}
	for _, id := range ids {
		n.Add(propIdentifier, m.propertyValue(id.Scheme, id.Value))
	}
	for _, t := range p.Topics {
		n.Add(propKnowsAbout, m.topic(t))
	}
}
