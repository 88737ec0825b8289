package validate

import (
	"fmt"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// supervisions checks that each supervision has exactly one principal
// supervisor among the profile's person and the others.
func (c *checker) supervisions() {
	for i := range c.d.People {
		for j, s := range c.d.People[i].Supervisions {
			if s.Role != profile.RolePrincipal && s.Role != profile.RoleCoSupervisor {
				continue // reported as required or invalid
			}
			n := 0
			if s.Role == profile.RolePrincipal {
				n++
			}
			for _, o := range s.Others {
				if o.Role == profile.RolePrincipal {
					n++
				}
			}
			if n != 1 {
				c.report(dataset.People, i, fmt.Sprintf("supervisions[%d].role", j),
					fmt.Errorf("%d principal supervisors among role and others, want 1: %w", n, ErrPrincipal))
			}
		}
	}
}

// authors checks that each author of a publication is someone: a person
// of the dataset (ref) or a name. An unnamed author would be a nameless
// Person in every output; a byline cut short is et_al.
func (c *checker) authors() {
	for i := range c.d.Publications {
		p := &c.d.Publications[i]
		if len(p.Authors) == 0 && !p.EtAl {
			c.report(dataset.Publications, i, "authors",
				fmt.Errorf("no author: write at least one (et_al: true, and no author, for a work whose source names none): %w", ErrRequired))
		}
		for j, a := range p.Authors {
			if a.Ref == "" && a.Name == "" {
				c.report(dataset.Publications, i, fmt.Sprintf("authors[%d]", j),
					fmt.Errorf("an author with no name and no ref: write the name as printed, or the person's ref (for \"and others\", et_al: true on the publication): %w", ErrRequired))
			}
		}
	}
}
