package profile

import "github.com/scholarld/scholarld/source"

// A Person is a researcher: the subject of a profile page.
type Person struct {
	// ID is the person's stable key within a dataset: a slug such as
	// "ioannis-mitliagkas", used in references and to mint IRIs.
	ID   string `yaml:"id" json:"id" validate:"required,slug"`
	Name Name   `yaml:"name" json:"name"`

	Identifiers PersonIdentifiers `yaml:"identifiers,omitempty" json:"identifiers,omitzero"`
	Homepage    string            `yaml:"homepage,omitempty" json:"homepage,omitempty" validate:"omitempty,httpurl"`
	Links       []Link            `yaml:"links,omitempty" json:"links,omitempty" validate:"dive"`
	Emails      []string          `yaml:"emails,omitempty" json:"emails,omitempty" validate:"dive,max=350,email"`
	Image       string            `yaml:"image,omitempty" json:"image,omitempty" validate:"omitempty,httpurl"`
	// PageURL is the URL of the person's profile page, for sites that
	// already have one: package site writes the page there (it must lie
	// under the site's base URL), and names the person PageURL+"#person".
	// Empty means the site's pattern decides.
	PageURL string `yaml:"page_url,omitempty" json:"page_url,omitempty" validate:"omitempty,httpurl"`
	// Countries are where the person lives or works, as ISO 3166-1 alpha-2
	// codes (an ORCID record's addresses).
	Countries []string `yaml:"countries,omitempty" json:"countries,omitempty" validate:"dive,iso3166_1_alpha2"`

	// Biography is plain text; paragraphs are separated by a blank line.
	Biography string  `yaml:"biography,omitempty" json:"biography,omitempty" validate:"omitempty,text"`
	Topics    []Topic `yaml:"topics,omitempty" json:"topics,omitempty" validate:"dive"`

	Positions    []Position    `yaml:"positions,omitempty" json:"positions,omitempty" validate:"dive"`
	Education    []Education   `yaml:"education,omitempty" json:"education,omitempty" validate:"dive"`
	Supervisions []Supervision `yaml:"supervisions,omitempty" json:"supervisions,omitempty" validate:"dive"`
	Awards       []Award       `yaml:"awards,omitempty" json:"awards,omitempty" validate:"dive"`

	// Updated is when the profile's data was last changed. Exporters use it
	// as the profile page's modification date; no clock is ever read.
	Updated Date `yaml:"updated,omitempty" json:"updated,omitempty"`
	// Created is when the profile page was first published: its
	// dateCreated. No clock is ever read.
	Created Date `yaml:"created,omitempty" json:"created,omitempty"`

	// Origin is where the person was read from; the loader sets it.
	Origin source.Origin `yaml:"-" json:"-" validate:"-"`
}

// A Name holds the parts of a person's name. Display is the name as it is
// shown (required); Given and Family are the parts that bibliographic formats
// need, and Other holds other names the person is known by, such as a
// transliteration, a maiden name or the forms bylines print ("I.
// Mitliagkas"): an author without an ORCID iD is matched to the person by
// any of these names (see dataset.Match).
type Name struct {
	Display string   `yaml:"display" json:"display" validate:"required,text"`
	Given   string   `yaml:"given,omitempty" json:"given,omitempty" validate:"omitempty,text"`
	Family  string   `yaml:"family,omitempty" json:"family,omitempty" validate:"omitempty,text"`
	Prefix  string   `yaml:"prefix,omitempty" json:"prefix,omitempty" validate:"omitempty,text"` // honorific prefix, such as "Prof."
	Suffix  string   `yaml:"suffix,omitempty" json:"suffix,omitempty" validate:"omitempty,text"` // honorific suffix, such as "PhD"
	Other   []string `yaml:"other,omitempty" json:"other,omitempty" validate:"dive,required,text"`
}

// PersonIdentifiers are a person's identifiers in the registries that
// scholarly systems link to. Each is optional and held in canonical form:
// the bare identifier, not a URL.
type PersonIdentifiers struct {
	ORCID           ORCID    `yaml:"orcid,omitempty" json:"orcid,omitempty"`
	GoogleScholar   string   `yaml:"google_scholar,omitempty" json:"google_scholar,omitempty"`     // user id, such as "K757SxgAAAAJ"
	DBLP            string   `yaml:"dblp,omitempty" json:"dblp,omitempty"`                         // person id (pid), such as "37/8466"
	SemanticScholar string   `yaml:"semantic_scholar,omitempty" json:"semantic_scholar,omitempty"` // author id, digits
	OpenReview      string   `yaml:"openreview,omitempty" json:"openreview,omitempty"`             // profile id, such as "~Jane_Doe1"
	Wikidata        Wikidata `yaml:"wikidata,omitempty" json:"wikidata,omitempty"`
	Scopus          string   `yaml:"scopus,omitempty" json:"scopus,omitempty"`               // Scopus author id, digits
	ResearcherID    string   `yaml:"researcher_id,omitempty" json:"researcher_id,omitempty"` // Web of Science ResearcherID, such as "A-1234-2008"
	OpenAlex        string   `yaml:"openalex,omitempty" json:"openalex,omitempty"`           // OpenAlex author id, such as "A5023888391"
}

// A Link is a web page about the person other than the homepage, such as a
// profile on an institute's site.
type Link struct {
	Name string `yaml:"name,omitempty" json:"name,omitempty" validate:"omitempty,text"`
	URL  string `yaml:"url" json:"url" validate:"required,httpurl"`
}

// A Topic is a research topic: a label and, optionally, the IRI of a concept
// that defines it (Wikidata, a thesaurus, an ACM CCS concept).
type Topic struct {
	Label   string `yaml:"label" json:"label" validate:"required,text"`
	Concept string `yaml:"concept,omitempty" json:"concept,omitempty" validate:"omitempty,httpurl"`
}

// An Award is a prize, honour or distinction that is not held as a
// position. (A chair held for a period, such as a Canada CIFAR AI Chair, is
// a [Position] of kind [PositionChair].)
type Award struct {
	Name         string `yaml:"name" json:"name" validate:"required,text"`
	Organization string `yaml:"organization,omitempty" json:"organization,omitempty"` // id of the conferring Organization
	Date         Date   `yaml:"date,omitempty" json:"date,omitempty"`
	URL          string `yaml:"url,omitempty" json:"url,omitempty" validate:"omitempty,httpurl"`
}
