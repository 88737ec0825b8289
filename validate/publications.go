package validate

import (
	"fmt"

	"github.com/scholarld/scholarld/dataset"
)

// publications reports a publication whose DOI or arXiv id another one has
// too. Versions of one work (linked by version_of to the same main
// publication) may share an arXiv id if their versions differ, as a
// preprint's "2402.05271v1" and the main record's "2402.05271" do.
func (c *checker) publications() {
	pubs := c.d.Publications
	index := make(map[string]int, len(pubs))
	for i, p := range pubs {
		if _, dup := index[p.ID]; !dup {
			index[p.ID] = i
		}
	}
	// work returns the index of the main publication that i is a version of.
	work := func(i int) int {
		for steps := 0; steps < len(pubs); steps++ {
			j, ok := index[pubs[i].VersionOf]
			if !ok {
				break
			}
			i = j
		}
		return i
	}
	type key struct{ kind, value string }
	first := make(map[key]int)
	check := func(i int, sub string, k key, sameWorkOK bool) {
		if k.value == "" {
			return
		}
		j, seen := first[k]
		if !seen {
			first[k] = i
			return
		}
		if sameWorkOK && work(i) == work(j) {
			return
		}
		pos, _ := c.d.Origin(dataset.Publications, j).Locate(sub)
		c.report(dataset.Publications, i, sub, fmt.Errorf("%s %s is also the %s of %q at %v: %w", k.kind, k.value, k.kind, pubs[j].ID, pos, ErrDuplicate))
	}
	for i, p := range pubs {
		check(i, "identifiers.doi", key{"DOI", p.Identifiers.DOI.Key()}, false)
		check(i, "identifiers.arxiv", key{"arXiv id", string(p.Identifiers.ArXiv)}, false)
		check(i, "identifiers.arxiv", key{"arXiv id", string(p.Identifiers.ArXiv.Base())}, true)
	}
}
