package export

import (
	"net/url"

	"github.com/scholarld/scholarld/publication"
)

// Publication maps a publication. Its IRI is its DOI's URL, else its arXiv
// abstract page, else minted. Authors are an RDF collection, so their order
// survives. A version of another publication is its schema:exampleOfWork,
// and the main publication has it as a schema:workExample (stated in the
// version's record).
func (m *Mapper) Publication(p *publication.Publication) *Record {
	n := &Node{ID: m.pub(p.ID), Types: []string{workClass(p.Kind)}}
	n.Add(schema("name"), Literal(p.Title))
	n.Add(schema("headline"), Literal(p.Title))
	for _, t := range p.OtherTitles {
		n.Add(schema("alternativeHeadline"), Literal(t))
	}
	authors := make([]Term, len(p.Authors))
	for i, a := range p.Authors {
		authors[i] = m.person(a)
	}
	n.Add(schema("author"), List(authors...))
	n.Add(schema("datePublished"), date(p.Date))
	n.Add(schema("abstract"), Literal(p.Abstract))
	for _, k := range p.Keywords {
		n.Add(schema("keywords"), Literal(k))
	}
	n.Add(schema("url"), iri(workURL(p)))
	ids := workIdentifiers(p.Identifiers)
	for _, id := range ids {
		if id.url != "" && id.url != n.ID.Value {
			n.Add(schema("sameAs"), IRI(id.url))
		}
	}
	for _, id := range ids {
		n.Add(schema("identifier"), propertyValue(id.scheme, id.value))
	}
	if p.Kind == publication.KindBook && p.Identifiers.ISBN != "" {
		n.Add(schema("isbn"), Literal(string(p.Identifiers.ISBN)))
	}
	m.venue(n, p.Venue)
	rec := &Record{Nodes: []*Node{n}}
	if p.VersionOf != "" {
		// Both directions, so that readers of either find the other; the
		// main publication's side is stated here, where the link is known.
		main := m.pub(p.VersionOf)
		n.Add(schema("exampleOfWork"), main)
		back := &Node{ID: main}
		back.Add(schema("workExample"), n.ID)
		rec.Nodes = append(rec.Nodes, back)
	}
	return rec
}

// workClass returns the schema.org class of a publication kind.
func workClass(k publication.Kind) string {
	switch k {
	case publication.KindThesis:
		return schema("Thesis")
	case publication.KindBook:
		return schema("Book")
	case publication.KindChapter:
		return schema("Chapter")
	case publication.KindReport:
		return schema("Report")
	case publication.KindDataset:
		return schema("Dataset")
	case publication.KindSoftware:
		return schema("SoftwareSourceCode")
	case publication.KindOther:
		return schema("CreativeWork")
	}
	return schema("ScholarlyArticle")
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
		return openReviewURL(p.Identifiers.OpenReview)
	}
	return ""
}

func openReviewURL(id string) string { return "https://openreview.net/forum?id=" + url.QueryEscape(id) }

// workIdentifiers lists a publication's identifiers in a fixed order.
func workIdentifiers(id publication.Identifiers) []identifier {
	var ids []identifier
	add := func(scheme, value, url string) {
		if value != "" {
			ids = append(ids, identifier{scheme, value, url})
		}
	}
	add("doi", string(id.DOI), id.DOI.URL())
	add("arxiv", string(id.ArXiv), id.ArXiv.URL())
	add("isbn", string(id.ISBN), "")
	add("pmid", string(id.PMID), id.PMID.URL())
	add("openreview", id.OpenReview, openReviewURL(id.OpenReview))
	add("dblp", id.DBLP, "https://dblp.org/rec/"+id.DBLP)
	return ids
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
		x := &Node{Types: []string{schema(class)}}
		x.Add(schema("name"), Literal(v.Name))
		x.Add(schema("alternateName"), Literal(v.Short))
		x.Add(schema("url"), iri(v.URL))
		return x
	}
	n.Add(schema("pagination"), Literal(v.Pages))
	switch v.Kind {
	case publication.VenueConference, publication.VenueWorkshop:
		n.Add(schema("publication"), Embed(named("PublicationEvent")))
		if v.Series != "" || v.Volume != "" {
			vol := &Node{Types: []string{schema("PublicationVolume")}}
			vol.Add(schema("volumeNumber"), Literal(v.Volume))
			name := v.Series
			if name == "" {
				name = v.Name
			}
			series := &Node{Types: []string{schema("Periodical")}}
			series.Add(schema("name"), Literal(name))
			series.Add(schema("issn"), Literal(string(v.ISSN)))
			vol.Add(schema("isPartOf"), Embed(series))
			n.Add(schema("isPartOf"), Embed(vol))
		}
	case publication.VenueRepository:
		n.Add(schema("publisher"), Embed(named("Organization")))
	default: // a journal, a book series, or unknown
		periodical := named("Periodical")
		periodical.Add(schema("issn"), Literal(string(v.ISSN)))
		part := Embed(periodical)
		if v.Volume != "" {
			vol := &Node{Types: []string{schema("PublicationVolume")}}
			vol.Add(schema("volumeNumber"), Literal(v.Volume))
			vol.Add(schema("isPartOf"), part)
			part = Embed(vol)
		}
		if v.Issue != "" {
			issue := &Node{Types: []string{schema("PublicationIssue")}}
			issue.Add(schema("issueNumber"), Literal(v.Issue))
			issue.Add(schema("isPartOf"), part)
			part = Embed(issue)
		}
		n.Add(schema("isPartOf"), part)
	}
}
