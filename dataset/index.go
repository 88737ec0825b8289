package dataset

import (
	"slices"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// An Index finds the records of a dataset by id, and the publications of
// each person, in constant time, so that writing the documents of every
// person costs what each person holds, not people × publications. Build it
// with [NewIndex] once the dataset is complete: it does not see records
// added or removed after. Where ids repeat (which validation refuses), the
// first record wins. An Index is safe for concurrent use.
type Index struct {
	d        *Dataset
	people   map[string]int
	orgs     map[string]int
	pubs     map[string]int
	authored map[string][]int
	versions map[string][]int
}

// NewIndex indexes d.
func NewIndex(d *Dataset) *Index {
	x := &Index{
		d:        d,
		people:   make(map[string]int, len(d.People)),
		orgs:     make(map[string]int, len(d.Organizations)),
		pubs:     make(map[string]int, len(d.Publications)),
		authored: make(map[string][]int),
		versions: make(map[string][]int),
	}
	for i, p := range d.People {
		if _, dup := x.people[p.ID]; !dup {
			x.people[p.ID] = i
		}
	}
	for i, o := range d.Organizations {
		if _, dup := x.orgs[o.ID]; !dup {
			x.orgs[o.ID] = i
		}
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		if _, dup := x.pubs[p.ID]; !dup {
			x.pubs[p.ID] = i
		}
		if p.VersionOf != "" {
			x.versions[p.VersionOf] = append(x.versions[p.VersionOf], i)
		}
		for j, a := range p.Authors {
			if a.Ref != "" && !authorBefore(p.Authors[:j], a.Ref) {
				x.authored[a.Ref] = append(x.authored[a.Ref], i)
			}
		}
	}
	return x
}

// authorBefore reports whether ref is among the authors.
func authorBefore(authors []publication.Contributor, ref string) bool {
	for _, a := range authors {
		if a.Ref == ref {
			return true
		}
	}
	return false
}

// Dataset returns the dataset x indexes.
func (x *Index) Dataset() *Dataset { return x.d }

// Person returns the index in People of the person with the given id.
func (x *Index) Person(id string) (int, bool) { i, ok := x.people[id]; return i, ok }

// Organization returns the index in Organizations of the organization
// with the given id.
func (x *Index) Organization(id string) (int, bool) { i, ok := x.orgs[id]; return i, ok }

// Publication returns the index in Publications of the publication with
// the given id.
func (x *Index) Publication(id string) (int, bool) { i, ok := x.pubs[id]; return i, ok }

// Authored returns the indexes in Publications of the publications that
// name the person with the given id among their authors, in the dataset's
// order. The slice is the index's own: do not modify it.
func (x *Index) Authored(personID string) []int { return x.authored[personID] }

// Versions returns the indexes in Publications of the publications that
// are versions of the publication with the given id, in the dataset's
// order. The slice is the index's own: do not modify it.
func (x *Index) Versions(pubID string) []int { return x.versions[pubID] }

// OrganizationsOf returns the indexes in Organizations of the
// organizations p refers to (in positions, education, supervisions and
// awards) and of their ancestors, in the dataset's order.
func (x *Index) OrganizationsOf(p *profile.Person) []int {
	seen := make(map[int]bool)
	add := func(id string) {
		for id != "" {
			i, ok := x.orgs[id]
			if !ok || seen[i] {
				return
			}
			seen[i] = true
			id = x.d.Organizations[i].Parent
		}
	}
	for _, e := range p.Positions {
		add(e.Organization)
	}
	for _, e := range p.Education {
		add(e.Organization)
	}
	for _, e := range p.Supervisions {
		add(e.Institution)
	}
	for _, e := range p.Awards {
		add(e.Organization)
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}
