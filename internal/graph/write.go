package graph

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// Write encodes the records with enc, then closes enc, and returns how
// many records and RDF statements it encoded.
func Write(enc Encoder, records iter.Seq[*Record]) (nrec, ntriples int, err error) {
	for r := range records {
		if err = enc.Encode(r); err != nil {
			break
		}
		nrec++
		ntriples += r.Len()
	}
	return nrec, ntriples, errors.Join(err, enc.Close())
}

// Dataset yields the records of every record of d. The order is fixed:
// publications, then organizations, then people, each in the order of the
// dataset; it is the order in which package stream writes a dataset read
// from one file.
func (m *Mapper) Dataset(d *dataset.Dataset) iter.Seq[*Record] {
	return func(yield func(*Record) bool) {
		for i := range d.Publications {
			if !yield(m.Publication(&d.Publications[i])) {
				return
			}
		}
		for i := range d.Organizations {
			if !yield(m.Organization(&d.Organizations[i])) {
				return
			}
		}
		for i := range d.People {
			if !yield(m.Person(&d.People[i])) {
				return
			}
		}
	}
}

// FindPerson returns the person of d called id, or an error.
func FindPerson(x *dataset.Index, id string) (*profile.Person, error) {
	if i, ok := x.Person(id); ok {
		return &x.Dataset().People[i], nil
	}
	return nil, fmt.Errorf("no person has id %q", id)
}

// ProfilePage yields the records of the document of the profile page of
// p, a person of the dataset x indexes: a schema:ProfilePage whose
// mainEntity is the person, the person, the organizations their
// positions, education and students refer to (with their parents), and
// the publications they authored, so that the document stands alone. Its
// cost is what the person holds, not the size of the dataset. Every node
// has a type: the publications are mapped as [Mapper.pageWork] maps them,
// the work a version is an exampleOfWork of described by its class and
// title where the person did not author it.
func (m *Mapper) ProfilePage(x *dataset.Index, p *profile.Person) iter.Seq[*Record] {
	d := x.Dataset()
	return func(yield func(*Record) bool) {
		if !yield(m.Page(p)) || !yield(m.Person(p)) {
			return
		}
		for _, j := range x.OrganizationsOf(p) {
			if !yield(m.Organization(&d.Organizations[j])) {
				return
			}
		}
		authored := x.Authored(p.ID)
		described := func(pubID string) bool {
			j, ok := x.Publication(pubID)
			if ok {
				_, ok = slices.BinarySearch(authored, j)
			}
			return ok
		}
		for _, j := range authored {
			if !yield(m.pageWork(x, &d.Publications[j], described)) {
				return
			}
		}
	}
}

// Page maps the profile page of a person: a schema:ProfilePage whose
// mainEntity is the person, created and modified when the data says (never
// the time of writing).
func (m *Mapper) Page(p *profile.Person) *Record {
	m.a.reset()
	n := m.nodeID(IRI(m.PageIRI(p.ID)), classProfilePage)
	n.Add(propName, Literal(p.Name.Display))
	n.Add(propMainEntity, IRI(m.PersonIRI(p.ID)))
	n.Add(propDateCreated, date(p.Created))
	n.Add(propDateModified, date(p.Updated))
	return &Record{Nodes: []*Node{n}}
}

// Len returns the number of RDF statements r makes.
func (r *Record) Len() int {
	n := 0
	for _, node := range r.Nodes {
		n += node.len()
	}
	return n
}

// len counts the statements of a node and of the nodes and lists in it.
func (n *Node) len() int {
	c := len(n.Types)
	for _, p := range n.Props {
		for _, v := range p.Values {
			c += 1 + v.len()
		}
	}
	return c
}

// len counts the statements that describe an embedded node or a list.
func (t Term) len() int {
	switch t.Kind {
	case KindNode:
		return t.Node.len()
	case KindList:
		c := 2 * len(t.List) // rdf:first and rdf:rest of each cell
		for _, item := range t.List {
			c += item.len()
		}
		return c
	}
	return 0
}
