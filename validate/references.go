package validate

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// references checks that ids are unique within their section, that every
// reference resolves to a record of the right section, and that no
// organization is its own ancestor.
func (c *checker) references() {
	people := c.ids(dataset.People, len(c.d.People), func(i int) string { return c.d.People[i].ID })
	orgs := c.ids(dataset.Organizations, len(c.d.Organizations), func(i int) string { return c.d.Organizations[i].ID })
	pubs := c.ids(dataset.Publications, len(c.d.Publications), func(i int) string { return c.d.Publications[i].ID })

	ref := func(at func(string, error), sub, id string, known map[string]int, what string) {
		if id != "" {
			if _, ok := known[id]; !ok {
				at(sub, fmt.Errorf("no %s has id %q: %w", what, id, ErrReference))
			}
		}
	}
	person := func(at func(string, error), sub string, r profile.PersonRef) {
		ref(at, sub+".ref", r.Ref, people, "person")
	}
	for i := range c.d.People {
		p := &c.d.People[i]
		at := func(sub string, err error) { c.report(dataset.People, i, sub, err) }
		for j, x := range p.Positions {
			ref(at, fmt.Sprintf("positions[%d].organization", j), x.Organization, orgs, "organization")
		}
		for j, x := range p.Education {
			ref(at, fmt.Sprintf("education[%d].organization", j), x.Organization, orgs, "organization")
			for k, a := range x.Advisors {
				person(at, fmt.Sprintf("education[%d].advisors[%d]", j, k), a)
			}
		}
		for j, x := range p.Supervisions {
			sub := fmt.Sprintf("supervisions[%d]", j)
			ref(at, sub+".institution", x.Institution, orgs, "organization")
			person(at, sub+".student", x.Student)
			if x.Student.Ref == p.ID {
				at(sub+".student.ref", fmt.Errorf("%q supervises themselves: %w", p.ID, ErrReference))
			}
			for k, o := range x.Others {
				person(at, fmt.Sprintf("%s.others[%d].person", sub, k), o.Person)
			}
		}
		for j, x := range p.Awards {
			ref(at, fmt.Sprintf("awards[%d].organization", j), x.Organization, orgs, "organization")
		}
	}
	for i := range c.d.Organizations {
		at := func(sub string, err error) { c.report(dataset.Organizations, i, sub, err) }
		ref(at, "parent", c.d.Organizations[i].Parent, orgs, "organization")
	}
	for i := range c.d.Publications {
		p := &c.d.Publications[i]
		at := func(sub string, err error) { c.report(dataset.Publications, i, sub, err) }
		for j, a := range p.Authors {
			person(at, fmt.Sprintf("authors[%d]", j), a)
		}
		ref(at, "version_of", p.VersionOf, pubs, "publication")
	}
	c.cycles(dataset.Organizations, len(c.d.Organizations), orgs, "parent",
		func(i int) string { return c.d.Organizations[i].ID },
		func(i int) string { return c.d.Organizations[i].Parent })
	c.cycles(dataset.Publications, len(c.d.Publications), pubs, "version_of",
		func(i int) string { return c.d.Publications[i].ID },
		func(i int) string { return c.d.Publications[i].VersionOf })
}

// ids reports duplicate ids in section s and returns the index of each id's
// first record.
func (c *checker) ids(s dataset.Section, n int, id func(int) string) map[string]int {
	first := make(map[string]int, n)
	for i := range n {
		k := id(i)
		if k == "" {
			continue // reported as required
		}
		if j, dup := first[k]; dup {
			pos, _ := c.d.Origin(s, j).Locate("id")
			c.report(s, i, "id", fmt.Errorf("%q is also the id of %s[%d] at %v: %w", k, s, j, pos, ErrDuplicate))
			continue
		}
		first[k] = i
	}
	return first
}

// cycles reports each of the n records of section s from which following
// link (parent, version_of) leads back to the record itself. Following more
// links than there are records cannot find a new cycle, which bounds the walk.
func (c *checker) cycles(s dataset.Section, n int, index map[string]int, field string, id, link func(int) string) {
	for i := range n {
		var chain []string
		for j, steps := i, 0; steps < n; steps++ {
			k, ok := index[link(j)]
			if !ok {
				break
			}
			chain = append(chain, id(k))
			if k == i {
				c.report(s, i, field, fmt.Errorf("%s leads back to %q: %s: %w", field, id(i), strings.Join(chain, " → "), ErrCycle))
				break
			}
			j = k
		}
	}
}
