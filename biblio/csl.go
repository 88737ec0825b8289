package biblio

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// An Item is one CSL-JSON item (CSL 1.0.2's csl-data.json), with the
// variables this project writes and reads.
type Item struct {
	ID                  string     `json:"id"`
	Type                string     `json:"type"`
	CitationKey         string     `json:"citation-key,omitempty"`
	Title               string     `json:"title,omitempty"`
	Author              []CSLName  `json:"author,omitempty"`
	ContainerTitle      string     `json:"container-title,omitempty"`
	ContainerTitleShort string     `json:"container-title-short,omitempty"`
	CollectionTitle     string     `json:"collection-title,omitempty"`
	Publisher           string     `json:"publisher,omitempty"`
	Genre               string     `json:"genre,omitempty"`
	Number              string     `json:"number,omitempty"`
	Volume              string     `json:"volume,omitempty"`
	Issue               string     `json:"issue,omitempty"`
	Page                string     `json:"page,omitempty"`
	Issued              *CSLDate   `json:"issued,omitempty"`
	DOI                 string     `json:"DOI,omitempty"`
	ISBN                string     `json:"ISBN,omitempty"`
	ISSN                string     `json:"ISSN,omitempty"`
	PMID                string     `json:"PMID,omitempty"`
	URL                 string     `json:"URL,omitempty"`
	Abstract            string     `json:"abstract,omitempty"`
	Keyword             string     `json:"keyword,omitempty"`
	Note                string     `json:"note,omitempty"`
	Custom              *CSLCustom `json:"custom,omitempty"`
}

// A CSLName is a name variable: parts, or a literal for a corporate name.
// ORCID is the person's ORCID iD, as Crossref's CSL-JSON gives it
// ("http://orcid.org/0000-0002-1825-0097"; any form [profile.ParseORCID]
// reads is read, and the https URL written). It is not a key of CSL
// 1.0.2, whose schema allows no other keys in a name; citeproc-js and
// pandoc skip it.
type CSLName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
	ORCID               string `json:"ORCID,omitempty"`
}

// A CSLDate is a date variable, as date-parts: [[year, month, day]].
type CSLDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Raw       string  `json:"raw,omitempty"`
}

// CSLCustom holds, in CSL's custom variable, what CSL has no variable
// for and this project reads back: identifiers, the kind of venue, the
// venue's URL.
type CSLCustom struct {
	ArXiv      string `json:"arxiv,omitempty"`
	OpenReview string `json:"openreview,omitempty"`
	DBLP       string `json:"dblp,omitempty"`
	VenueKind  string `json:"venue-kind,omitempty"`
	VenueURL   string `json:"venue-url,omitempty"`
}

// cslTypes are the CSL item types of the kinds of publication. CSL 1.0.2
// has no preprint type: its specification says to use "article".
var cslTypes = map[publication.Kind]string{
	publication.KindJournalArticle: "article-journal", publication.KindConferencePaper: "paper-conference",
	publication.KindWorkshopPaper: "paper-conference", publication.KindPreprint: "article",
	publication.KindThesis: "thesis", publication.KindBook: "book", publication.KindChapter: "chapter",
	publication.KindReport: "report", publication.KindDataset: "dataset", publication.KindSoftware: "software",
	publication.KindOther: "document",
}

// CSL returns the CSL-JSON items of d's bibliography, one per work, as
// [WriteBibTeX] chooses them: the versions of a work are named in its
// note. Authors are in byline order, each with their ORCID iD (their own,
// or that of the person of d they refer to) as a URL in the name's ORCID
// key, as Crossref's CSL-JSON has it. A byline the source truncated
// (Publication.EtAl) is written as it is: CSL 1.0.2 has no way to say
// that an author list goes on (citeproc styles add "et al." only to lists
// they shorten themselves), so the names given are all the item holds.
// An author without a name cannot be written, and is left out.
func CSL(d *dataset.Dataset) []Item {
	var items []Item
	for _, wk := range works(d) {
		p := wk.p
		it := Item{ID: p.ID, CitationKey: p.ID, Type: cslTypes[p.Kind], Title: p.Title,
			ContainerTitle: p.Venue.Name, ContainerTitleShort: p.Venue.Short, CollectionTitle: p.Venue.Series,
			Volume: p.Venue.Volume, Issue: p.Venue.Issue, Page: p.Venue.Pages, ISSN: string(p.Venue.ISSN),
			DOI: string(p.Identifiers.DOI), ISBN: string(p.Identifiers.ISBN), PMID: string(p.Identifiers.PMID),
			URL: p.URL, Abstract: p.Abstract, Keyword: strings.Join(p.Keywords, ", "), Note: versionNote(wk)}
		if it.Type == "" {
			it.Type = "document"
		}
		for _, a := range wk.authors {
			n := a.name
			cn := CSLName{Family: n.Last, Given: n.First, NonDroppingParticle: n.Von, Suffix: n.Jr}
			if n.Corporate || n.First == "" && n.Von == "" && n.Jr == "" {
				cn = CSLName{Literal: n.Last}
			}
			cn.ORCID = a.orcid.URL()
			it.Author = append(it.Author, cn)
		}
		if !p.Date.IsZero() {
			parts := []int{p.Date.Year()}
			if m := p.Date.Month(); m > 0 {
				parts = append(parts, m)
				if dd := p.Date.Day(); dd > 0 {
					parts = append(parts, dd)
				}
			}
			it.Issued = &CSLDate{DateParts: [][]int{parts}}
		}
		c := CSLCustom{ArXiv: string(p.Identifiers.ArXiv), OpenReview: p.Identifiers.OpenReview,
			DBLP: p.Identifiers.DBLP, VenueKind: string(p.Venue.Kind), VenueURL: p.Venue.URL}
		if p.Kind == publication.KindPreprint && c.ArXiv != "" {
			it.Number, it.Publisher = "arXiv:"+c.ArXiv, "arXiv"
			it.ContainerTitle = ""
			if it.URL == "" {
				it.URL = "https://arxiv.org/abs/" + c.ArXiv
			}
		}
		if c != (CSLCustom{}) {
			it.Custom = &c
		}
		items = append(items, it)
	}
	return items
}

// WriteCSLJSON writes the bibliography of d as a CSL-JSON array of the
// items of [CSL], indented by two spaces, with a final newline. Errors
// are those of w.
func WriteCSLJSON(w io.Writer, d *dataset.Dataset) error {
	items := CSL(d)
	if items == nil {
		items = []Item{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(items)
}
