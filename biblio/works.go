package biblio

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// A work is one entry of a bibliography: a publication that is not a
// version of another, its authors, and its other versions.
type work struct {
	p        *publication.Publication
	authors  []author // those with a name, in byline order
	versions []*publication.Publication
}

// An author is one author of a work as a bibliography writes it: a name,
// and an ORCID iD if the dataset knows one.
type author struct {
	name  name
	orcid profile.ORCID
}

// works returns the entries of d's bibliography, in the order of d's
// publications. A publication whose VersionOf names another of d is not
// an entry of its own: the note of its main version's entry names it.
func works(d *dataset.Dataset) []work {
	ids := make(map[string]int)
	for i := range d.Publications {
		ids[d.Publications[i].ID] = i
	}
	versions := make(map[string][]*publication.Publication)
	for i := range d.Publications {
		p := &d.Publications[i]
		if _, ok := ids[p.VersionOf]; ok && p.VersionOf != p.ID {
			versions[p.VersionOf] = append(versions[p.VersionOf], p)
		}
	}
	people := make(map[string]int)
	for i := range d.People {
		people[d.People[i].ID] = i
	}
	var out []work
	for i := range d.Publications {
		p := &d.Publications[i]
		if _, ok := ids[p.VersionOf]; ok && p.VersionOf != p.ID {
			continue
		}
		w := work{p: p, versions: versions[p.ID]}
		for _, a := range p.Authors {
			if au := authorOf(d, people, a); au.name.named() {
				w.authors = append(w.authors, au)
			}
		}
		out = append(out, w)
	}
	return out
}

// authorOf returns the author that a contributor is: their name, and
// their ORCID iD, the contributor's own or else that of the person of the
// dataset they refer to. A contributor who is neither named nor a person
// of the dataset has the zero name, and is not written.
func authorOf(d *dataset.Dataset, people map[string]int, c publication.Contributor) author {
	a := author{name: authorName(d, people, c), orcid: c.ORCID}
	if i, ok := people[c.Ref]; ok && a.orcid == "" {
		a.orcid = d.People[i].Identifiers.ORCID
	}
	return a
}

// authorName returns the name of a contributor: the name printed on the
// work, else the given and family names of the person of the dataset,
// else their display name, split as BibTeX would.
func authorName(d *dataset.Dataset, people map[string]int, c publication.Contributor) name {
	if c.Name != "" {
		return splitDisplay(c.Name)
	}
	if i, ok := people[c.Ref]; ok {
		n := d.People[i].Name
		if n.Given != "" && n.Family != "" {
			sd := splitDisplay(n.Given + " " + n.Family)
			if sd.Last == n.Family {
				return sd // keeps a von part found in the family name
			}
			return name{First: n.Given, Last: n.Family}
		}
		return splitDisplay(n.Display)
	}
	return name{}
}

// versionNote says which other versions and titles a work has, for the
// note of its entry: `Other versions: “Title” (Venue, 2024). Also titled
// “Other title”.`
func versionNote(w work) string {
	var parts []string
	for _, v := range w.versions {
		s := "“" + v.Title + "”"
		var where []string
		if n := venueLabel(v.Venue); n != "" {
			where = append(where, n)
		}
		if !v.Date.IsZero() {
			where = append(where, fmt.Sprint(v.Date.Year()))
		}
		if len(where) > 0 {
			s += " (" + strings.Join(where, ", ") + ")"
		}
		parts = append(parts, s)
	}
	var sentences []string
	if len(parts) > 0 {
		sentences = append(sentences, "Other versions: "+strings.Join(parts, "; ")+".")
	}
	if len(w.p.OtherTitles) > 0 {
		var q []string
		for _, t := range w.p.OtherTitles {
			q = append(q, "“"+t+"”")
		}
		sentences = append(sentences, "Also titled "+strings.Join(q, "; ")+".")
	}
	return strings.Join(sentences, " ")
}

func venueLabel(v publication.Venue) string {
	if v.Short != "" {
		return v.Short
	}
	return v.Name
}
