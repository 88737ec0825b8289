package validate

import (
	"fmt"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// dates checks that every date is a real partial calendar date and that no
// period starts after it ends.
func (c *checker) dates() {
	for i := range c.d.People {
		p := &c.d.People[i]
		at := func(sub string, err error) { c.report(dataset.People, i, sub, err) }
		checkDate(at, "updated", p.Updated)
		checkDate(at, "created", p.Created)
		for j, x := range p.Positions {
			checkPeriod(at, fmt.Sprintf("positions[%d]", j), x.Start, x.End)
		}
		for j, x := range p.Education {
			checkPeriod(at, fmt.Sprintf("education[%d]", j), x.Start, x.End)
		}
		for j, x := range p.Supervisions {
			checkPeriod(at, fmt.Sprintf("supervisions[%d]", j), x.Start, x.End)
		}
		for j, x := range p.Awards {
			checkDate(at, fmt.Sprintf("awards[%d].date", j), x.Date)
		}
	}
	for i := range c.d.Publications {
		checkDate(func(sub string, err error) { c.report(dataset.Publications, i, sub, err) }, "date", c.d.Publications[i].Date)
	}
}

// checkDate reports a date that does not parse.
func checkDate(at func(string, error), sub string, d profile.Date) bool {
	if d.IsZero() {
		return true
	}
	if _, err := profile.ParseDate(string(d)); err != nil {
		at(sub, invalid{err})
		return false
	}
	return true
}

// checkPeriod checks the start and end of the period at sub. A partial date
// stands for its whole span: "2017" to "2017-03" is fine, "2018" to "2017-12" is not.
func checkPeriod(at func(string, error), sub string, start, end profile.Date) {
	okStart := checkDate(at, sub+".start", start)
	okEnd := checkDate(at, sub+".end", end)
	if !okStart || !okEnd || start.IsZero() || end.IsZero() {
		return
	}
	if start.Earliest().After(end.Latest()) {
		at(sub+".end", fmt.Errorf("%s is before the start, %s: %w", end, start, ErrDateOrder))
	}
}
