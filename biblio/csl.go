package biblio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
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
type CSLName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
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
// note. An unnamed author ("and others") has no CSL form and is left out.
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
		for _, n := range wk.authors {
			switch {
			case n == (name{}):
				continue
			case n.Corporate || n.First == "" && n.Von == "" && n.Jr == "":
				it.Author = append(it.Author, CSLName{Literal: n.Last})
			default:
				it.Author = append(it.Author, CSLName{Family: n.Last, Given: n.First, NonDroppingParticle: n.Von, Suffix: n.Jr})
			}
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

// ReadCSLJSON reads a CSL-JSON array of items, the content data of the
// file called name, into a dataset of publications. Errors, positioned at
// the item (file:line:column, with the item's id as path), are a
// [source.ErrorList] returned with the dataset of the good items; a
// variable the model cannot hold is in the dataset's Warnings, each
// wrapping [ErrLeftOut].
func ReadCSLJSON(name string, data []byte) (*dataset.Dataset, error) {
	r := &bibReader{name: name, data: data, d: new(dataset.Dataset), ids: make(map[string]bool)}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		r.errorf(int(dec.InputOffset()), "", "want a JSON array of CSL items: %w", source.ErrSyntax)
		return nil, r.errs.Err()
	}
	for i := 0; dec.More(); i++ {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			r.errorf(off, fmt.Sprintf("[%d]", i), "%v: %w", err, source.ErrSyntax)
			break
		}
		var it Item
		strict := json.NewDecoder(bytes.NewReader(raw))
		strict.DisallowUnknownFields()
		if err := strict.Decode(&it); err != nil {
			// Read it leniently, and say what was left out.
			if err := json.Unmarshal(raw, &it); err != nil {
				r.errorf(off, fmt.Sprintf("[%d]", i), "%v: %w", err, source.ErrSyntax)
				continue
			}
			var all map[string]json.RawMessage
			_ = json.Unmarshal(raw, &all)
			for k := range all {
				if !knownCSL[k] {
					r.warnf(off, it.ID+"."+k, "CSL variable %s: scholarld has no place for it", k)
				}
			}
		}
		r.item(off, it)
	}
	r.errs.Sort()
	r.d.Warnings.Sort()
	return r.d, r.errs.Err()
}

// knownCSL are the variables of [Item].
var knownCSL = map[string]bool{
	"id": true, "type": true, "citation-key": true, "title": true, "author": true, "container-title": true,
	"container-title-short": true, "collection-title": true, "publisher": true, "genre": true, "number": true,
	"volume": true, "issue": true, "page": true, "issued": true, "DOI": true, "ISBN": true, "ISSN": true,
	"PMID": true, "URL": true, "abstract": true, "keyword": true, "note": true, "custom": true,
}

// item converts one CSL item at offset off.
func (r *bibReader) item(off int, it Item) {
	path := it.ID
	p := publication.Publication{ID: r.mintID(it.ID), Title: it.Title, Abstract: it.Abstract, URL: it.URL}
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper":
		p.Kind = publication.KindJournalArticle
	case "paper-conference":
		p.Kind = publication.KindConferencePaper
		if it.Custom != nil && it.Custom.VenueKind == string(publication.VenueWorkshop) || strings.Contains(strings.ToLower(it.ContainerTitle), "workshop") {
			p.Kind = publication.KindWorkshopPaper
		}
	case "article":
		p.Kind = publication.KindPreprint
	case "thesis":
		p.Kind = publication.KindThesis
	case "book":
		p.Kind = publication.KindBook
	case "chapter":
		p.Kind = publication.KindChapter
	case "report":
		p.Kind = publication.KindReport
	case "dataset":
		p.Kind = publication.KindDataset
	case "software":
		p.Kind = publication.KindSoftware
	default:
		p.Kind = publication.KindOther
	}
	for _, n := range it.Author {
		if n.Literal != "" {
			p.Authors = append(p.Authors, publication.Contributor{Name: n.Literal})
			continue
		}
		nm := name{First: n.Given, Von: strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle), Last: n.Family, Jr: n.Suffix}
		p.Authors = append(p.Authors, publication.Contributor{Name: nm.display()})
	}
	p.Venue = publication.Venue{Name: it.ContainerTitle, Short: it.ContainerTitleShort, Series: it.CollectionTitle,
		Volume: it.Volume, Issue: it.Issue, Pages: it.Page}
	if it.ISSN != "" {
		if v, err := publication.ParseISSN(it.ISSN); err != nil {
			r.errorf(off, path+".ISSN", "%w", err)
		} else {
			p.Venue.ISSN = v
		}
	}
	if it.DOI != "" {
		if v, err := publication.ParseDOI(it.DOI); err != nil {
			r.errorf(off, path+".DOI", "%w", err)
		} else {
			p.Identifiers.DOI = v
		}
	}
	if it.ISBN != "" {
		if v, err := publication.ParseISBN(it.ISBN); err != nil {
			r.errorf(off, path+".ISBN", "%w", err)
		} else {
			p.Identifiers.ISBN = v
		}
	}
	if it.PMID != "" {
		if v, err := publication.ParsePMID(it.PMID); err != nil {
			r.errorf(off, path+".PMID", "%w", err)
		} else {
			p.Identifiers.PMID = v
		}
	}
	arxiv := strings.TrimPrefix(it.Number, "arXiv:")
	if c := it.Custom; c != nil {
		p.Identifiers.OpenReview, p.Identifiers.DBLP = c.OpenReview, c.DBLP
		p.Venue.Kind, p.Venue.URL = publication.VenueKind(c.VenueKind), c.VenueURL
		if c.ArXiv != "" {
			arxiv = c.ArXiv
		}
	}
	if arxiv != "" && (it.Custom != nil && it.Custom.ArXiv != "" || strings.HasPrefix(it.Number, "arXiv:")) {
		if v, err := publication.ParseArXiv(arxiv); err != nil {
			r.errorf(off, path+".number", "%w", err)
		} else {
			p.Identifiers.ArXiv = v
		}
	} else if it.Number != "" {
		r.warnf(off, path+".number", "number %q: scholarld has no place for it", it.Number)
	}
	if p.Kind == publication.KindPreprint && p.Identifiers.ArXiv != "" {
		p.Venue = publication.Venue{Name: "arXiv", Kind: publication.VenueRepository}
		if p.URL == "https://arxiv.org/abs/"+string(p.Identifiers.ArXiv) {
			p.URL = ""
		}
	}
	if p.Venue.Kind == "" && p.Venue.Name != "" {
		switch p.Kind {
		case publication.KindJournalArticle:
			p.Venue.Kind = publication.VenueJournal
		case publication.KindConferencePaper:
			p.Venue.Kind = publication.VenueConference
		case publication.KindWorkshopPaper:
			p.Venue.Kind = publication.VenueWorkshop
		}
	}
	if it.Issued != nil && len(it.Issued.DateParts) > 0 && len(it.Issued.DateParts[0]) > 0 {
		dp := it.Issued.DateParts[0]
		s := fmt.Sprintf("%04d", dp[0])
		for _, x := range dp[1:] {
			s += fmt.Sprintf("-%02d", x)
		}
		if d, err := profile.ParseDate(s); err != nil {
			r.errorf(off, path+".issued", "%w", err)
		} else {
			p.Date = d
		}
	}
	for _, k := range strings.Split(it.Keyword, ",") {
		if k = strings.TrimSpace(k); k != "" {
			p.Keywords = append(p.Keywords, k)
		}
	}
	if it.Publisher != "" && !(p.Kind == publication.KindPreprint && it.Publisher == "arXiv") {
		r.warnf(off, path+".publisher", "publisher %q: scholarld has no place for it", it.Publisher)
	}
	if it.Note != "" {
		r.warnf(off, path+".note", "a note: scholarld has no place for it (versions are records of their own)")
	}
	if p.Title == "" || len(p.Authors) == 0 {
		r.errorf(off, path, "no title or no author: %w", ErrMissing)
		return
	}
	r.d.Publications = append(r.d.Publications, p)
}
