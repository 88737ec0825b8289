package validate_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// Load and validate the embedded example dataset.
func ExampleCheck() {
	d, err := validate.Check(seed.Load())
	if err != nil {
		fmt.Println(err)
		return
	}
	owner := d.People[0]
	fmt.Println(owner.Name.Display)
	fmt.Println(len(owner.Supervisions), "students,", len(d.Publications), "publications")
	// Output:
	// Ioannis Mitliagkas
	// 14 students, 12 publications
}

// Every problem is reported at once, with its position and path.
func ExampleDataset() {
	const doc = `people:
  - id: ada
    name: {display: Ada Lovelace}
    identifiers: {orcid: 0000-0002-1825-0096}
    positions:
      - {organization: analytical-engines, kind: employment, start: "1843", end: "1842"}
`
	d, err := dataset.Decode("ada.yaml", strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	err = validate.Dataset(d)
	var list source.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	fmt.Println(errors.Is(err, validate.ErrReference))
	// Output:
	// ada.yaml:4:26: people[0].identifiers.orcid: ORCID iD "0000-0002-1825-0096": check digit is 6, want 7: checksum mismatch
	// ada.yaml:6:24: people[0].positions[0].organization: no organization has id "analytical-engines": unknown reference
	// ada.yaml:6:82: people[0].positions[0].end: 1842 is before the start, 1843: end before start
	// true
}
