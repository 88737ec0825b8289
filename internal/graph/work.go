package graph

import (
	"slices"

	"github.com/scholarld/scholarld/publication"
)

// Publication maps a publication. Its IRI is its DOI's URL, else its arXiv
// abstract page, else minted. Authors are an RDF collection, so their order
// survives. A version of another publication is its schema:exampleOfWork,
// and the main publication has it as a schema:workExample (stated in the
// version's record: see [Mapper.pageWork] for the documents of pages).
func (m *Mapper) Publication(p *publication.Publication) *Record {
	rec := m.work(p)
	if p.VersionOf != "" {
		// Both directions, so that readers of either find the other; the
		// main publication's side is stated here, where the link is known
		// (a dataset is mapped as a stream), in a node that has only the
		// main publication's IRI and that statement: JSON-LD and RDF
		// readers merge it with the main publication's own record.
		back := m.nodeID(m.pub(p.VersionOf))
		back.Add(propWorkExample, rec.Nodes[0].ID)
		rec.Nodes = append(rec.Nodes, back)
	}
	return rec
}

// work maps a publication alone: one node, which names the work it is a
// version of as its schema:exampleOfWork.
func (m *Mapper) work(p *publication.Publication) *Record {
	m.a.reset()
	n := m.nodeID(IRI(m.names.Publication(p)), workClass(p.Kind))
	n.Add(propName, Literal(p.Title))
	n.Add(propHeadline, Literal(p.Title))
	for _, t := range p.OtherTitles {
		n.Add(propAlternativeHeadline, Literal(t))
	}
	if len(p.Authors) > 0 {
		authors := make([]Term, len(p.Authors))
		for i, a := range p.Authors {
			authors[i] = m.person(a)
		}
		n.Add(propAuthor, List(authors...))
	}
	n.Add(propDatePublished, date(p.Date))
	n.Add(propAbstract, Literal(p.Abstract))
	for _, k := range p.Keywords {
		n.Add(propKeywords, Literal(k))
	}
	n.Add(propUrl, iri(workURL(p)))
	ids := p.Identifiers.List()
	for _, id := range ids {
		if id.URL != "" && id.URL != n.ID.Value {
			n.Add(propSameAs, IRI(id.URL))
		}
	}
	for _, id := range ids {
		n.Add(propIdentifier, m.propertyValue(id.Scheme, id.Value))
	}
	if p.Kind == publication.KindBook && p.Identifiers.ISBN != "" {
		n.Add(propIsbn, Literal(string(p.Identifiers.ISBN)))
	}
	m.venue(n, p.Venue)
	if p.VersionOf != "" {
		n.Add(propExampleOfWork, m.pub(p.VersionOf))
	}
	return &Record{Nodes: []*Node{n}}
}

// workClass returns the schema.org class of a publication kind.
func workClass(k publication.Kind) string {
	switch k {
	case publication.KindThesis:
		return classThesis
	case publication.KindBook:
		return classBook
	case publication.KindChapter:
		return classChapter
	case publication.KindReport:
		return classReport
	case publication.KindDataset:
		return classDataset
	case publication.KindSoftware:
		return classSoftwareSourceCode
	case publication.KindOther:
		return classCreativeWork
	}
	return classScholarlyArticle
}

// paginated reports whether a work of the class has schema:pagination,
// whose domain is Article (ScholarlyArticle and Report are articles),
// Chapter, PublicationIssue and PublicationVolume in schema.org 30.0: the
// pages of a thesis, book, data set, program or other work are left out,
// which rich-results validators would report.
func paginated(class string) bool {
	return class == classScholarlyArticle || class == classReport || class == classChapter
}

// workURL returns the landing page of a publication.
func workURL(p *publication.Publication) string {
	switch {
	case p.URL != "":
		return p.URL
	case p.Identifiers.DOI != "":
		return p.Identifiers.DOI.URL()
	case p.Identifiers.ArXiv != "":
		return p.Identifiers.ArXiv.URL()
	case p.Identifiers.OpenReview != "":
		return p.Identifiers.OpenReviewURL()
	}
	return ""
}

// venue describes where a publication appeared: a journal is a
// schema:Periodical it isPartOf (through its volume and issue, if known);
// a conference or workshop is a schema:PublicationEvent, with the
// proceedings volume it isPartOf; a repository such as arXiv is the publisher.
func (m *Mapper) venue(n *Node, v publication.Venue) {
	if v.Name == "" {
		return
	}
	named := func(class string) *Node {
		x := m.node(class)
		x.Add(propName, Literal(v.Name))
		x.Add(propAlternateName, Literal(v.Short))
		x.Add(propUrl, iri(v.URL))
		return x
	}
	if slices.ContainsFunc(n.Types, paginated) {
		n.Add(propPagination, Literal(v.Pages))
	}
	switch v.Kind {
	case publication.VenueConference, publication.VenueWorkshop:
		n.Add(propPublication, Embed(named(classPublicationEvent)))
		if v.Series != "" || v.Volume != "" {
			vol := m.node(classPublicationVolume)
			vol.Add(propVolumeNumber, Literal(v.Volume))
			name := v.Series
			if name == "" {
				name = v.Name
			}
			series := m.node(classPeriodical)
			series.Add(propName, Literal(name))
			series.Add(propIssn, Literal(string(v.ISSN)))
			vol.Add(propIsPartOf, Embed(series))
			n.Add(propIsPartOf, Embed(vol))
		}
	case publication.VenueRepository:
		n.Add(propPublisher, Embed(named(classOrganization)))
	default: // a journal, a book series, or unknown
		periodical := named(classPeriodical)
		periodical.Add(propIssn, Literal(string(v.ISSN)))
		part := Embed(periodical)
		if v.Volume != "" {
			vol := m.node(classPublicationVolume)
			vol.Add(propVolumeNumber, Literal(v.Volume))
			vol.Add(propIsPartOf, part)
			part = Embed(vol)
		}
		if v.Issue != "" {
			issue := m.node(classPublicationIssue)
			issue.Add(propIssueNumber, Literal(v.Issue))
			issue.Add(propIsPartOf, part)
			part = Embed(issue)
		}
		n.Add(propIsPartOf, part)
	}
}
