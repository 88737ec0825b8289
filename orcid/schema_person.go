package orcid

import (
	"encoding/xml"

	"github.com/scholarld/scholarld/source"
)

// A Record is an ORCID API v3.0 record (record-3.0.xsd): a person's iD,
// biographical section and activities, as GET /v3.0/{orcid}/record and
// ORCID's public data file serve it.
//
// A record holds its works as summaries only (title, identifiers, type,
// date, journal title); their contributors and descriptions are in the
// full works, which ORCID serves apart (GET /v3.0/{orcid}/works/{put-codes},
// or one file per work in the public data file). Works holds those full
// works; [Record.WriteXML] and [Record.WriteJSON] leave them out, and
// [Record.WriteWorksXML] and [Record.WriteWorksJSON] write them. A full
// work and its summary share a put-code.
type Record struct {
	XMLName    xml.Name           `xml:"http://www.orcid.org/ns/record record" json:"-"`
	Path       string             `xml:"path,attr,omitempty" json:"path,omitempty"`
	ORCID      *Identifier        `xml:"http://www.orcid.org/ns/common orcid-identifier,omitempty" json:"orcid-identifier,omitempty"`
	Person     *Person            `xml:"http://www.orcid.org/ns/person person,omitempty" json:"person,omitempty"`
	Activities *ActivitiesSummary `xml:"http://www.orcid.org/ns/activities activities-summary,omitempty" json:"activities-summary,omitempty"`

	Works []Work `xml:"-" json:"-"`

	skipped   map[string]int        // items of sections the model does not hold, by section, as Decode found them
	skippedAt map[string]source.Pos // where the first of each was
	file      string                // the document it was read from
	at        source.Pos            // where its person, or else its root, is
}

// A Person is the biographical section of a record (person-3.0.xsd). The
// XSD requires the emails element, which may be empty.
type Person struct {
	Path                string               `xml:"path,attr,omitempty" json:"path,omitempty"`
	LastModified        *Timestamp           `xml:"http://www.orcid.org/ns/common last-modified-date,omitempty" json:"last-modified-date,omitempty"`
	Name                *Name                `xml:"http://www.orcid.org/ns/person name,omitempty" json:"name,omitempty"`
	OtherNames          *OtherNames          `xml:"http://www.orcid.org/ns/other-name other-names,omitempty" json:"other-names,omitempty"`
	Biography           *Biography           `xml:"http://www.orcid.org/ns/person biography,omitempty" json:"biography,omitempty"`
	ResearcherURLs      *ResearcherURLs      `xml:"http://www.orcid.org/ns/researcher-url researcher-urls,omitempty" json:"researcher-urls,omitempty"`
	Emails              Emails               `xml:"http://www.orcid.org/ns/email emails" json:"emails"`
	Addresses           *Addresses           `xml:"http://www.orcid.org/ns/address addresses,omitempty" json:"addresses,omitempty"`
	Keywords            *Keywords            `xml:"http://www.orcid.org/ns/keyword keywords,omitempty" json:"keywords,omitempty"`
	ExternalIdentifiers *ExternalIdentifiers `xml:"http://www.orcid.org/ns/external-identifier external-identifiers,omitempty" json:"external-identifiers,omitempty"`
}

// A Name is a person's name: given names, family name, and the credit name,
// the name as the person publishes it.
type Name struct {
	Path       string `xml:"path,attr,omitempty" json:"path,omitempty"`
	GivenNames Value  `xml:"http://www.orcid.org/ns/personal-details given-names,omitempty" json:"given-names,omitempty"`
	FamilyName Value  `xml:"http://www.orcid.org/ns/personal-details family-name,omitempty" json:"family-name,omitempty"`
	CreditName Value  `xml:"http://www.orcid.org/ns/personal-details credit-name,omitempty" json:"credit-name,omitempty"`
}

// A Biography is a person's biography, plain text.
type Biography struct {
	Path    string `xml:"path,attr,omitempty" json:"path,omitempty"`
	Content string `xml:"http://www.orcid.org/ns/personal-details content" json:"content"`
}

// OtherNames are the other names a person is known by.
type OtherNames struct {
	Path      string      `xml:"path,attr,omitempty" json:"path,omitempty"`
	OtherName []OtherName `xml:"http://www.orcid.org/ns/other-name other-name" json:"other-name"`
}

// An OtherName is one other name.
type OtherName struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Content string  `xml:"http://www.orcid.org/ns/other-name content" json:"content"`
}

// ResearcherURLs are links to a person's pages elsewhere, such as a
// homepage or a Google Scholar profile.
type ResearcherURLs struct {
	Path          string          `xml:"path,attr,omitempty" json:"path,omitempty"`
	ResearcherURL []ResearcherURL `xml:"http://www.orcid.org/ns/researcher-url researcher-url" json:"researcher-url"`
}

// A ResearcherURL is one link, with an optional name.
type ResearcherURL struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Name    string  `xml:"http://www.orcid.org/ns/researcher-url url-name,omitempty" json:"url-name,omitempty"`
	URL     Value   `xml:"http://www.orcid.org/ns/researcher-url url" json:"url"`
}

// Emails are a person's public e-mail addresses.
type Emails struct {
	Path  string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Email []Email `xml:"http://www.orcid.org/ns/email email" json:"email"`
}

// An Email is one e-mail address.
type Email struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Email   string  `xml:"http://www.orcid.org/ns/email email" json:"email"`
}

// Addresses are the countries a person gives.
type Addresses struct {
	Path    string    `xml:"path,attr,omitempty" json:"path,omitempty"`
	Address []Address `xml:"http://www.orcid.org/ns/address address" json:"address"`
}

// An Address is one country, an ISO 3166-1 alpha-2 code.
type Address struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Country Value   `xml:"http://www.orcid.org/ns/address country" json:"country"`
}

// Keywords are a person's research topics.
type Keywords struct {
	Path    string    `xml:"path,attr,omitempty" json:"path,omitempty"`
	Keyword []Keyword `xml:"http://www.orcid.org/ns/keyword keyword" json:"keyword"`
}

// A Keyword is one topic.
type Keyword struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	Content string  `xml:"http://www.orcid.org/ns/keyword content" json:"content"`
}

// ExternalIdentifiers are a person's identifiers in other systems, such as
// a Scopus author id, as ORCID member systems add them.
type ExternalIdentifiers struct {
	Path               string               `xml:"path,attr,omitempty" json:"path,omitempty"`
	ExternalIdentifier []ExternalIdentifier `xml:"http://www.orcid.org/ns/external-identifier external-identifier" json:"external-identifier"`
}

// An ExternalIdentifier is one person identifier: an [ExternalID] whose
// type is a free name such as "Scopus Author ID", with a put-code.
type ExternalIdentifier struct {
	PutCode PutCode `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path    string  `xml:"path,attr,omitempty" json:"path,omitempty"`
	ExternalID
}
