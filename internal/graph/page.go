package graph

import (
	"iter"
	"slices"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// The lean documents of this file go in the head of a web page: they say
// what search engines use, and only what the page shows. The full graph
// stays in the documents of [Mapper.ProfilePage] and [Mapper.Dataset].
// Every schema:Person of a lean document is named: a reference to a person
// of the dataset comes with a node that names them, and unnamed people
// (students, supervisors, authors the source withholds) are left out.

// LeanProfilePage yields the records of the lean document of the profile
// page of p, a person of d: the schema:ProfilePage (dateCreated,
// dateModified), whose mainEntity is the person (name, description, image,
// sameAs, identifier, topics, current job titles and organizations), the
// organizations of their current positions (named, with their parents),
// their works, each authored by them in byline order and found at
// workPage(id), and every other person of the dataset among the authors,
// named. workPage may be nil: the works then have no url.
func (m *Mapper) LeanProfilePage(d *dataset.Dataset, p *profile.Person, workPage func(pubID string) string) iter.Seq[*Record] {
	return func(yield func(*Record) bool) {
		if !yield(m.Page(p)) || !yield(m.leanPerson(p)) {
			return
		}
		orgs := make(map[string]bool)
		for _, x := range p.Positions {
			if x.Current {
				orgs[x.Organization] = true
			}
		}
		addParents(d, orgs)
		for j := range d.Organizations {
			if o := &d.Organizations[j]; orgs[o.ID] && !yield(m.leanOrg(o)) {
				return
			}
		}
		var people []string
		m.index(d)
		for _, j := range m.authored[p.ID] {
			pub := &d.Publications[j]
			if !yield(m.leanWork(pub, workPage)) {
				return
			}
			for _, a := range pub.Authors {
				if a.Ref != "" && a.Ref != p.ID && !slices.Contains(people, a.Ref) {
					people = append(people, a.Ref)
				}
			}
		}
		for _, id := range people {
			if !yield(m.namedPerson(d, id)) {
				return
			}
		}
	}
}

// PublicationPage yields the records of the document of the page of a
// publication of d, found at pageURL: the publication as [Mapper.Publication]
// maps it, the main entity of the page, with its versions in d as
// workExamples, and a node naming each of its authors that is a person of
// d, whose profile page is their url.
func (m *Mapper) PublicationPage(d *dataset.Dataset, pub *publication.Publication, pageURL string) iter.Seq[*Record] {
	return func(yield func(*Record) bool) {
		rec := m.Publication(pub)
		n := rec.Nodes[0]
		n.Add(propMainEntityOfPage, IRI(pageURL))
		m.index(d)
		for _, j := range m.versions[pub.ID] {
			n.Add(propWorkExample, m.pub(d.Publications[j].ID))
		}
		if !yield(rec) {
			return
		}
		var people []string
		for _, a := range pub.Authors {
			if a.Ref != "" && !slices.Contains(people, a.Ref) {
				people = append(people, a.Ref)
				if !yield(m.namedPerson(d, a.Ref)) {
					return
				}
			}
		}
	}
}

// leanPerson maps what a profile page shows of a person at a glance.
func (m *Mapper) leanPerson(p *profile.Person) *Record {
	m.a.reset(m.reuse)
	n := m.nodeID(IRI(m.PersonIRI(p.ID)), classPerson)
	n.Add(propName, Literal(p.Name.Display))
	n.Add(propGivenName, Literal(p.Name.Given))
	n.Add(propFamilyName, Literal(p.Name.Family))
	n.Add(propDescription, Literal(p.Biography))
	n.Add(propImage, iri(p.Image))
	n.Add(propUrl, iri(p.Homepage))
	ids := personIdentifiers(p.Identifiers)
	for _, id := range ids {
		n.Add(propSameAs, IRI(id.url))
	}
	for _, l := range p.Links {
		n.Add(propSameAs, IRI(l.URL))
	}
	for _, id := range ids {
		n.Add(propIdentifier, m.propertyValue(id.scheme, id.value))
	}
	for _, t := range p.Topics {
		n.Add(propKnowsAbout, m.topic(t))
	}
	for _, x := range p.Positions {
		if !x.Current {
			continue
		}
		n.Add(propJobTitle, Literal(x.Title))
		pred, _ := positionProperty(x.Kind)
		n.Add(pred, m.unit(x.Organization, x.Department))
	}
	return &Record{Nodes: []*Node{n}}
}

// leanOrg maps an organization by its name and parent.
func (m *Mapper) leanOrg(o *profile.Organization) *Record {
	m.a.reset(m.reuse)
	n := m.nodeID(m.org(o.ID), orgClass(o.Kind))
	n.Add(propName, Literal(o.Name))
	n.Add(propUrl, iri(o.URL))
	if o.Parent != "" {
		n.Add(propParentOrganization, m.org(o.Parent))
	}
	return &Record{Nodes: []*Node{n}}
}

// leanWork maps a work by its title, date, page and named authors in
// order.
func (m *Mapper) leanWork(p *publication.Publication, workPage func(string) string) *Record {
	m.a.reset(m.reuse)
	n := m.nodeID(IRI(m.pubIRI(p)), workClass(p.Kind))
	n.Add(propName, Literal(p.Title))
	authors := make([]Term, 0, len(p.Authors))
	for _, a := range p.Authors {
		if !a.IsZero() {
			authors = append(authors, m.person(a))
		}
	}
	n.Add(propAuthor, List(authors...))
	n.Add(propDatePublished, date(p.Date))
	if workPage != nil {
		n.Add(propUrl, iri(workPage(p.ID)))
	}
	return &Record{Nodes: []*Node{n}}
}

// namedPerson names the person of d called id, whose profile page is their url.
func (m *Mapper) namedPerson(d *dataset.Dataset, id string) *Record {
	m.a.reset(m.reuse)
	n := m.nodeID(IRI(m.PersonIRI(id)), classPerson)
	m.index(d)
	if i, ok := m.people[id]; ok && i < len(d.People) && d.People[i].ID == id {
		n.Add(propName, Literal(d.People[i].Name.Display))
	}
	n.Add(propUrl, IRI(m.PageIRI(id)))
	return &Record{Nodes: []*Node{n}}
}

// addParents adds to ids the ancestors of the organizations in it.
func addParents(d *dataset.Dataset, ids map[string]bool) {
	parent := make(map[string]string, len(d.Organizations))
	for _, o := range d.Organizations {
		parent[o.ID] = o.Parent
	}
	for id := range ids {
		for p := parent[id]; p != "" && !ids[p]; p = parent[p] {
			ids[p] = true
		}
	}
}
