package publication

import (
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// A Publication is one scholarly work, or one version of it.
//
// A work known in several versions, such as a preprint and the journal
// article it became, or a workshop paper under an earlier title, may be one
// Publication per version: each version names the main one in VersionOf.
// Titles the work was also known by without a record of their own go in
// OtherTitles.
type Publication struct {
	// ID is the publication's stable key within a dataset: a slug.
	ID    string `yaml:"id" json:"id" validate:"required,slug"`
	Title string `yaml:"title" json:"title" validate:"required,text"`
	Kind  Kind   `yaml:"kind" json:"kind" validate:"required,oneof=journal-article conference-paper workshop-paper preprint thesis book chapter report dataset software other"`

	// Authors are the authors in the order of the byline. Order is data:
	// an author's rank is their place in this list, in every output. At
	// least one is required, unless EtAl says the source gives none.
	Authors []Contributor `yaml:"authors" json:"authors" validate:"dive"`
	// EtAl says the byline goes on beyond Authors: the source truncated it
	// (BibTeX's "and others", a list cut short). Bylines then end with
	// "et al."; the linked data states nothing more (no nameless author).
	EtAl     bool         `yaml:"et_al,omitempty" json:"et_al,omitempty"`
	Abstract string       `yaml:"abstract,omitempty" json:"abstract,omitempty" validate:"omitempty,text"`
	Venue    Venue        `yaml:"venue,omitempty" json:"venue,omitzero" validate:"omitzero"`
	Date     profile.Date `yaml:"date,omitempty" json:"date,omitempty"` // publication date: year, month or day

	Identifiers Identifiers `yaml:"identifiers,omitempty" json:"identifiers,omitzero"`
	URL         string      `yaml:"url,omitempty" json:"url,omitempty" validate:"omitempty,httpurl"` // the landing page, when no identifier gives one
	Keywords    []string    `yaml:"keywords,omitempty" json:"keywords,omitempty" validate:"dive,required,text"`

	// VersionOf is the ID of the publication this one is a version of:
	// the published form of a preprint, or the final form of a workshop paper.
	VersionOf   string   `yaml:"version_of,omitempty" json:"version_of,omitempty"`
	OtherTitles []string `yaml:"other_titles,omitempty" json:"other_titles,omitempty" validate:"dive,required,text"`

	// Origin is where the publication was read from; the loader sets it.
	Origin source.Origin `yaml:"-" json:"-" validate:"-"`
}

// Kind is the type of a publication. It decides the schema.org class and
// the ORCID work type.
type Kind string

// The kinds of publication.
const (
	KindJournalArticle  Kind = "journal-article"
	KindConferencePaper Kind = "conference-paper"
	KindWorkshopPaper   Kind = "workshop-paper"
	KindPreprint        Kind = "preprint"
	KindThesis          Kind = "thesis"
	KindBook            Kind = "book"
	KindChapter         Kind = "chapter"
	KindReport          Kind = "report"
	KindDataset         Kind = "dataset"
	KindSoftware        Kind = "software"
	KindOther           Kind = "other" // anything else, such as a poster or a patent
)

// A Contributor is one author in a byline: a Person of the dataset (Ref)
// or someone known by Name, optionally with an ORCID iD. Name, when set
// together with Ref, is the name as printed on this work.
type Contributor = profile.PersonRef

// A Venue is where a work appeared: a journal, a conference, a workshop or
// a preprint server.
type Venue struct {
	Name   string    `yaml:"name" json:"name" validate:"required,text"`                        // such as "International Conference on Machine Learning"
	Short  string    `yaml:"short,omitempty" json:"short,omitempty" validate:"omitempty,text"` // such as "ICML 2024"
	Kind   VenueKind `yaml:"kind,omitempty" json:"kind,omitempty" validate:"omitempty,oneof=journal conference workshop repository book-series"`
	Series string    `yaml:"series,omitempty" json:"series,omitempty" validate:"omitempty,text"` // such as "Proceedings of Machine Learning Research"
	Volume string    `yaml:"volume,omitempty" json:"volume,omitempty" validate:"omitempty,text"`
	Issue  string    `yaml:"issue,omitempty" json:"issue,omitempty" validate:"omitempty,text"`
	Pages  string    `yaml:"pages,omitempty" json:"pages,omitempty" validate:"omitempty,text"` // such as "16751–16772"
	ISSN   ISSN      `yaml:"issn,omitempty" json:"issn,omitempty"`
	URL    string    `yaml:"url,omitempty" json:"url,omitempty" validate:"omitempty,httpurl"`
}

// VenueKind says what sort of venue a Venue is.
type VenueKind string

// The kinds of venue.
const (
	VenueJournal    VenueKind = "journal"
	VenueConference VenueKind = "conference"
	VenueWorkshop   VenueKind = "workshop"
	VenueRepository VenueKind = "repository" // a preprint server such as arXiv
	VenueBookSeries VenueKind = "book-series"
)

// Identifiers are a publication's identifiers, each optional and in
// canonical form.
type Identifiers struct {
	DOI        DOI    `yaml:"doi,omitempty" json:"doi,omitempty"`
	ArXiv      ArXiv  `yaml:"arxiv,omitempty" json:"arxiv,omitempty"`
	ISBN       ISBN   `yaml:"isbn,omitempty" json:"isbn,omitempty"`
	PMID       PMID   `yaml:"pmid,omitempty" json:"pmid,omitempty"`
	OpenReview string `yaml:"openreview,omitempty" json:"openreview,omitempty"` // forum id, such as "JXCe2ZcUXr"
	DBLP       string `yaml:"dblp,omitempty" json:"dblp,omitempty"`             // record key, such as "conf/icml/Guille-EscuretNFM24"
	OpenAlex   string `yaml:"openalex,omitempty" json:"openalex,omitempty"`     // work id, such as "W2741809807"
}
