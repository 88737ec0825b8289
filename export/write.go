package export

import (
	"errors"
	"fmt"
	"slices"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// Stats counts what was written.
type Stats struct {
	Records int // records mapped
	Triples int // RDF statements they make
}

// WriteDataset maps every record of d, which should be valid, and encodes
// them with enc, then closes enc. The order is fixed: publications, then
// organizations, then people, each in the order of the dataset; it is the
// order in which package stream writes a dataset read from one file.
func WriteDataset(enc Encoder, d *dataset.Dataset, opts Options) (Stats, error) {
	m, err := NewMapper(d, opts)
	if err != nil {
		return Stats{}, errors.Join(err, enc.Close())
	}
	var st Stats
	w := &writer{enc: enc, st: &st}
	for i := range d.Publications {
		w.write(m.Publication(&d.Publications[i]))
	}
	for i := range d.Organizations {
		w.write(m.Organization(&d.Organizations[i]))
	}
	for i := range d.People {
		w.write(m.Person(&d.People[i]))
	}
	return st, errors.Join(w.err, enc.Close())
}

// WriteProfilePage writes the document of the profile page of the person of
// d called id, then closes enc: a schema:ProfilePage whose mainEntity is
// the person, the person, the organizations their positions, education and
// students refer to (with their parents), and the publications they
// authored, so that the document stands alone.
func WriteProfilePage(enc Encoder, d *dataset.Dataset, id string, opts Options) (Stats, error) {
	i := slices.IndexFunc(d.People, func(p profile.Person) bool { return p.ID == id })
	if i < 0 {
		return Stats{}, errors.Join(fmt.Errorf("export: no person has id %q", id), enc.Close())
	}
	m, err := NewMapper(d, opts)
	if err != nil {
		return Stats{}, errors.Join(err, enc.Close())
	}
	p := &d.People[i]
	var st Stats
	w := &writer{enc: enc, st: &st}
	w.write(m.ProfilePage(p))
	w.write(m.Person(p))
	orgs := referencedOrgs(d, p)
	for j := range d.Organizations {
		if orgs[d.Organizations[j].ID] {
			w.write(m.Organization(&d.Organizations[j]))
		}
	}
	for j := range d.Publications {
		pub := &d.Publications[j]
		if slices.ContainsFunc(pub.Authors, func(a profile.PersonRef) bool { return a.Ref == id }) {
			w.write(m.Publication(pub))
		}
	}
	return st, errors.Join(w.err, enc.Close())
}

// ProfilePage maps the profile page of a person: a schema:ProfilePage whose
// mainEntity is the person, modified when the person's data was (never the
// time of writing).
func (m *Mapper) ProfilePage(p *profile.Person) *Record {
	n := &Node{ID: IRI(m.PageIRI(p.ID)), Types: []string{schema("ProfilePage")}}
	n.Add(schema("name"), Literal(p.Name.Display))
	n.Add(schema("mainEntity"), IRI(m.PersonIRI(p.ID)))
	n.Add(schema("dateModified"), date(p.Updated))
	return &Record{Nodes: []*Node{n}}
}

// referencedOrgs returns the ids of the organizations p refers to, and of
// their ancestors.
func referencedOrgs(d *dataset.Dataset, p *profile.Person) map[string]bool {
	parent := make(map[string]string, len(d.Organizations))
	for _, o := range d.Organizations {
		parent[o.ID] = o.Parent
	}
	seen := make(map[string]bool)
	add := func(id string) {
		for id != "" && !seen[id] {
			seen[id] = true
			id = parent[id]
		}
	}
	for _, x := range p.Positions {
		add(x.Organization)
	}
	for _, x := range p.Education {
		add(x.Organization)
	}
	for _, x := range p.Supervisions {
		add(x.Institution)
	}
	for _, x := range p.Awards {
		add(x.Organization)
	}
	return seen
}

// writer encodes records until the first error, counting them.
type writer struct {
	enc Encoder
	st  *Stats
	err error
}

func (w *writer) write(r *Record) {
	if w.err != nil {
		return
	}
	w.err = w.enc.Encode(r)
	w.st.Records++
	w.st.Triples += r.Len()
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
