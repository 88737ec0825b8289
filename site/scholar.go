package site

import (
	"strings"

	"github.com/scholarld/scholarld/publication"
)

// scholarTags returns the Highwire Press citation_* meta tags of a
// publication, as Google Scholar's inclusion guidelines ask for them: the
// title, one citation_author per author in byline order, the date as
// YYYY/MM/DD or YYYY, the journal or conference by the venue's kind, its
// volume, issue, pages, ISSN and ISBN, the DOI and arXiv id, and a PDF's
// URL only where the data holds one.
func (s *Site) scholarTags(p *publication.Publication) Metas {
	var m Metas
	add := func(name, content string) {
		if content != "" {
			m = append(m, Meta{Name: name, Content: content})
		}
	}
	add("citation_title", p.Title)
	for _, a := range p.Authors {
		if !a.IsZero() {
			add("citation_author", s.refName(a))
		}
	}
	add("citation_publication_date", scholarDate(p))
	v := p.Venue
	switch {
	case v.Kind == publication.VenueConference || v.Kind == publication.VenueWorkshop ||
		v.Kind == "" && (p.Kind == publication.KindConferencePaper || p.Kind == publication.KindWorkshopPaper):
		add("citation_conference_title", v.Name)
	case v.Kind == publication.VenueJournal || v.Kind == "" && p.Kind == publication.KindJournalArticle:
		add("citation_journal_title", v.Name)
	}
	add("citation_volume", v.Volume)
	add("citation_issue", v.Issue)
	first, last := pages(v.Pages)
	add("citation_firstpage", first)
	add("citation_lastpage", last)
	add("citation_issn", string(v.ISSN))
	add("citation_isbn", string(p.Identifiers.ISBN))
	add("citation_doi", string(p.Identifiers.DOI))
	add("citation_arxiv_id", string(p.Identifiers.ArXiv))
	if u := httpURL(p.URL); u != "" && strings.HasSuffix(strings.ToLower(u), ".pdf") {
		add("citation_pdf_url", u)
	}
	return m
}

// scholarDate returns a publication's date as Google Scholar reads it:
// "2024/03/14" for a full date, else the year alone.
func scholarDate(p *publication.Publication) string {
	d := string(p.Date)
	switch len(d) {
	case len("2024-03-14"):
		return strings.ReplaceAll(d, "-", "/")
	case 0:
		return ""
	}
	return d[:4]
}

// pages splits a page range such as "16751–16772" into its first and last
// page; a single page is the first.
func pages(s string) (first, last string) {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"–", "—", "--", "-"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			return strings.TrimSpace(a), strings.TrimSpace(b)
		}
	}
	return s, ""
}
