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
// page of p, a person of the dataset x indexes: the schema:ProfilePage (dateCreated,
// dateModified), whose mainEntity is the person (name, description, image,
// sameAs, identifier, topics, current job titles and organizations), the
// organizations of their current positions (named, with their parents),
// their works, each authored by them in byline order and found at
// workPage(id), and every other person of the dataset among the authors,
// named. workPage may be nil: the works then have no url.
func (m *Mapper) LeanProfilePage(x *dataset.Index, p *profile.Person, workPage func(pubID string) string) iter.Seq[*Record] {
	d := x.Dataset()
	return func(yield func(*Record) bool) {
		if !yield(m.Page(p)) || !yield(m.leanPerson(p)) {
			return
		}
		var current []string
		for _, e := range p.Positions {
			if e.Current {
				current = append(current, e.Organization)
			}
		}
		for _, j := range x.WithParents(current...) {
			if !yield(m.leanOrg(&d.Organizations[j])) {
				return
			}
		}
		var people []string
		for _, j := range x.Authored(p.ID) {
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
			if !yield(m.namedPerson(x, id)) {
				return
			}
		}
	}
}

// PublicationPage yields the records of the document of the page of a
// publication of d, found at pageURL: the publication as [Mapper.pageWork]
// maps it, the main entity of the page, with its versions in d as
// workExamples and, if it is a version, a node giving the class and title
// of the work it is a version of; and a node naming each of its authors
// that is a person of d, whose profile page is their url.
func (m *Mapper) PublicationPage(x *dataset.Index, pub *publication.Publication, pageURL string) iter.Seq[*Record] {
	return func(yield func(*Record) bool) {
		rec := m.pageWork(x, pub, func(string) bool { return false })
		rec.Nodes[0].Add(propMainEntityOfPage, IRI(pageURL))
		if !yield(rec) {
			return
		}
		var people []string
		for _, a := range pub.Authors {
			if a.Ref != "" && !slices.Contains(people, a.Ref) {
				people = append(people, a.Ref)
				if !yield(m.namedPerson(x, a.Ref)) {
					return
				}
			}
		}
	}
}

// pageWork maps a publication of x's dataset for the document of a page,
// where every node has a type (rich-results validators report a node
// without one as an error): as [Mapper.Publication] maps it, except for the
// link between a version and the work it is a version of. The main
// publication's workExamples are stated in its own node, which lists its
// versions in the dataset. A version's exampleOfWork stays a reference to
// the work's IRI: a page that does not describe that work (described(id)
// is false) has a node for it with its class, its title and the version as
// a workExample, where [Mapper.Publication] has one with that statement
// alone.
func (m *Mapper) pageWork(x *dataset.Index, p *publication.Publication, described func(pubID string) bool) *Record {
	d := x.Dataset()
	rec := m.work(p)
	n := rec.Nodes[0]
	for _, j := range x.Versions(p.ID) {
		n.Add(propWorkExample, m.pub(d.Publications[j].ID))
	}
	if p.VersionOf == "" || described(p.VersionOf) {
		return rec
	}
	if j, ok := x.Publication(p.VersionOf); ok {
		w := &d.Publications[j]
		main := m.nodeID(m.pub(w.ID), workClass(w.Kind))
		main.Add(propName, Literal(w.Title))
		main.Add(propWorkExample, n.ID)
		rec.Nodes = append(rec.Nodes, main)
	}
	return rec
}

// leanPerson maps what a profile page shows of a person at a glance.
func (m *Mapper) leanPerson(p *profile.Person) *Record {
	m.a.reset()
	n := m.nodeID(IRI(m.PersonIRI(p.ID)), classPerson)
	n.Add(propName, Literal(p.Name.Display))
	n.Add(propGivenName, Literal(p.Name.Given))
	n.Add(propFamilyName, Literal(p.Name.Family))
	n.Add(propDescription, Literal(p.Biography))
	n.Add(propImage, iri(p.Image))
	n.Add(propUrl, iri(p.Homepage))
	m.identity(n, p)
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
	m.a.reset()
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
	m.a.reset()
	n := m.nodeID(IRI(m.names.Publication(p)), workClass(p.Kind))
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
func (m *Mapper) namedPerson(x *dataset.Index, id string) *Record {
	m.a.reset()
	n := m.nodeID(IRI(m.PersonIRI(id)), classPerson)
	if i, ok := x.Person(id); ok {
		n.Add(propName, Literal(x.Dataset().People[i].Name.Display))
	}
	n.Add(propUrl, IRI(m.PageIRI(id)))
	return &Record{Nodes: []*Node{n}}
}
