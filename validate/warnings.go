package validate

import (
	"fmt"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// warnings collects what is legal but suspicious.
func (c *checker) warnings(asOf time.Time) {
	orcid := func(at func(string, error), sub string, id profile.ORCID) {
		if id == "" {
			return
		}
		if o, err := profile.ParseORCID(string(id)); err == nil && !o.InAssignedRange() {
			at(sub, fmt.Errorf("ORCID iD %s is %w", o, ErrUnassignedORCID))
		}
	}
	for i := range c.d.People {
		p := &c.d.People[i]
		at := func(sub string, err error) { c.report(dataset.People, i, sub, err) }
		orcid(at, "identifiers.orcid", p.Identifiers.ORCID)
		for j, x := range p.Positions {
			if x.Current && !x.End.IsZero() && !x.End.Latest().IsZero() && x.End.Latest().Before(asOf) {
				at(fmt.Sprintf("positions[%d].end", j), fmt.Errorf("position ended %s: %w", x.End, ErrEndedButCurrent))
			}
		}
		for j, x := range p.Supervisions {
			if x.Status == profile.StatusCurrent && !x.End.Latest().IsZero() && x.End.Latest().Before(asOf) {
				at(fmt.Sprintf("supervisions[%d].end", j), fmt.Errorf("supervision ended %s: %w", x.End, ErrEndedButCurrent))
			}
			orcid(at, fmt.Sprintf("supervisions[%d].student.orcid", j), x.Student.ORCID)
		}
	}
	for i := range c.d.Publications {
		at := func(sub string, err error) { c.report(dataset.Publications, i, sub, err) }
		for j, a := range c.d.Publications[i].Authors {
			orcid(at, fmt.Sprintf("authors[%d].orcid", j), a.ORCID)
		}
	}
}
