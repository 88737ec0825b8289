package orcid

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/publication"
)

// works returns the publications the person is an author of, by ref, as
// full works with put-codes 1, 2, … in the dataset's order, and, when the
// person has an ORCID iD, API paths such as "/0000-0002-1825-0097/work/1",
// as ORCID writes them.
func (x *exporter) works() []Work {
	var works []Work
	for _, i := range x.idx.Authored(x.p.ID) {
		p := &x.d.Publications[i]
		w := x.work(i, p)
		w.PutCode = PutCode(len(works) + 1)
		if id := x.p.Identifiers.ORCID; id != "" {
			w.Path = fmt.Sprintf("/%s/work/%d", id, w.PutCode)
		}
		works = append(works, w)
	}
	return works
}

// work maps publication i.
func (x *exporter) work(i int, p *publication.Publication) Work {
	at := fmt.Sprintf("publications[%d]", i)
	w := Work{
		Title:            WorkTitle{Title: Value(x.fit(at+".title", p.Title, 1000))},
		JournalTitle:     Value(x.fit(at+".venue.name", p.Venue.Name, 1000)),
		ShortDescription: x.fit(at+".abstract", p.Abstract, 5000),
		Type:             workTypes[p.Kind],
		Date:             x.date(at+".date", p.Date),
		URL:              Value(p.URL),
	}
	if w.Title.Title == "" {
		w.Title.Title = Value(p.ID) // the XSD requires a title
	}
	if w.Type == "" {
		w.Type = workTypes[publication.KindOther]
	}
	kind, venue, _ := kindOf(w.Type)
	if kind != p.Kind {
		x.loss.add(at+".kind", "%s: written as ORCID's %s, which reads back as %s", p.Kind, w.Type, kind)
	}
	if p.Venue.Kind != "" && p.Venue.Kind != venue {
		x.loss.add(at+".venue.kind", "%s: ORCID has no kinds of venue; a %s reads back with %s", p.Venue.Kind, w.Type, orNone(string(venue)))
	}
	v := p.Venue
	for _, f := range []struct{ key, val string }{
		{"short", v.Short}, {"series", v.Series}, {"volume", v.Volume}, {"issue", v.Issue}, {"pages", v.Pages}, {"url", v.URL},
	} {
		if f.val != "" {
			x.loss.add(at+".venue."+f.key, "%q: ORCID holds a venue's title only", f.val)
		}
	}
	for j := range p.Keywords {
		x.loss.add(fmt.Sprintf("%s.keywords[%d]", at, j), "%q: an ORCID work has no keywords", p.Keywords[j])
	}
	for j := range p.OtherTitles {
		x.loss.add(fmt.Sprintf("%s.other_titles[%d]", at, j), "%q: ORCID holds one title and a translation", p.OtherTitles[j])
	}
	ids := selfIDs(p)
	if v.ISSN != "" {
		ids = append(ids, ExternalID{Type: idISSN, Value: string(v.ISSN), URL: Value("https://portal.issn.org/resource/ISSN/" + string(v.ISSN)), Relationship: PartOf})
	}
	if p.VersionOf != "" {
		j, ok := x.idx.Publication(p.VersionOf)
		if !ok {
			x.loss.add(at+".version_of", "%q: no publication has this id", p.VersionOf)
		} else {
			for _, id := range selfIDs(&x.d.Publications[j]) {
				id.Relationship = VersionOf
				ids = append(ids, id)
			}
			if !slices.ContainsFunc(x.d.Publications[j].Authors, func(a publication.Contributor) bool { return a.Ref == x.p.ID }) {
				x.loss.add(at+".version_of", "%q is not a work of this person: the version-of identifiers are written but read back unresolved", p.VersionOf)
			}
		}
	}
	w.ExternalIDs = &ExternalIDs{ExternalID: ids}
	w.Contributors = &Contributors{}
	for j, a := range p.Authors {
		c := Contributor{Attributes: &ContributorAttributes{Sequence: "additional", Role: "author"}}
		if j == 0 {
			c.Attributes.Sequence = "first"
		}
		name, id := a.Name, a.ORCID
		if k, ok := x.idx.Person(a.Ref); a.Ref != "" && ok {
			if name == "" {
				name = x.d.People[k].Name.Display
			}
			if id == "" {
				id = x.d.People[k].Identifiers.ORCID
			}
			if a.Ref != x.p.ID {
				x.loss.add(fmt.Sprintf("%s.authors[%d].ref", at, j), "%q: another person of the dataset reads back as a name", a.Ref)
			}
		}
		c.CreditName = Value(x.fit(fmt.Sprintf("%s.authors[%d].name", at, j), name, 150))
		if id != "" {
			c.ORCID = &Identifier{URI: id.URL(), Path: string(id), Host: "orcid.org"}
		}
		w.Contributors.Contributor = append(w.Contributors.Contributor, c)
	}
	if p.EtAl {
		x.loss.add(at+".et_al", "a byline cut short (et al.): ORCID's contributors cannot say the list goes on, and read back as the whole byline")
	}
	return w
}

// orNone returns s, or "none" if it is empty.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// selfIDs returns the identifiers of p as ORCID external ids: DOI, arXiv,
// ISBN (part-of for a chapter: the book's), PubMed, OpenReview and DBLP
// (as "uri", since ORCID has no type for them), and the publication's id
// as its source-work-id.
func selfIDs(p *publication.Publication) []ExternalID {
	id := p.Identifiers
	var out []ExternalID
	add := func(typ, value, url, rel string) {
		if value != "" {
			out = append(out, ExternalID{Type: typ, Value: value, URL: Value(url), Relationship: rel})
		}
	}
	add(idDOI, string(id.DOI), id.DOI.URL(), Self)
	add(idArXiv, string(id.ArXiv), id.ArXiv.URL(), Self)
	if p.Kind == publication.KindChapter {
		add(idISBN, string(id.ISBN), "", PartOf)
	} else {
		add(idISBN, string(id.ISBN), "", Self)
	}
	add(idPMID, string(id.PMID), id.PMID.URL(), Self)
	if id.OpenReview != "" {
		add(idURI, openReviewForum+id.OpenReview, openReviewForum+id.OpenReview, Self)
	}
	if id.DBLP != "" {
		add(idURI, dblpRecord+id.DBLP, dblpRecord+id.DBLP, Self)
	}
	add(idSource, p.ID, "", Self)
	return out
}

// groups returns the summaries of works in groups, as ORCID groups the
// versions of a work: works that share a "self" or "version-of" identifier
// (other than a source-work-id, which only its source knows) are in one
// group, listed by the identifiers they share. Groups are in the order of
// their first work. It reports a change of order.
func (x *exporter) groups(works []Work) []WorkGroup {
	parent := make([]int, len(works))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := make(map[string]int)
	for i, w := range works {
		for _, id := range w.ExternalIDs.ExternalID {
			k, ok := groupKey(id)
			if !ok {
				continue
			}
			if j, seen := first[k]; seen {
				a, b := find(i), find(j)
				parent[max(a, b)] = min(a, b)
			} else {
				first[k] = i
			}
		}
	}
	var groups []WorkGroup
	where := make(map[int]int) // group index by root
	for i, w := range works {
		root := find(i)
		g, ok := where[root]
		if !ok {
			g = len(groups)
			where[root] = g
			groups = append(groups, WorkGroup{ExternalIDs: ExternalIDs{ExternalID: []ExternalID{}}})
		}
		groups[g].Summaries = append(groups[g].Summaries, w.Summary())
		for _, id := range w.ExternalIDs.ExternalID {
			k, ok := groupKey(id)
			if ok && !slices.ContainsFunc(groups[g].ExternalIDs.ExternalID, func(e ExternalID) bool { k2, _ := groupKey(e); return k2 == k }) {
				groups[g].ExternalIDs.ExternalID = append(groups[g].ExternalIDs.ExternalID, id)
			}
		}
	}
	var flat []PutCode
	for _, g := range groups {
		for _, s := range g.Summaries {
			flat = append(flat, s.PutCode)
		}
	}
	if !slices.IsSorted(flat) {
		x.loss.add("publications", "ORCID groups the versions of a work together: read back, the publications are in the order of their groups")
	}
	return groups
}

// groupKey returns the key by which ORCID groups works on id, and whether
// it groups on it at all.
func groupKey(id ExternalID) (string, bool) {
	if id.Relationship != Self && id.Relationship != VersionOf || id.Type == idSource {
		return "", false
	}
	return id.Type + ":" + strings.ToLower(id.Value), true
}
