package orcid

import (
	"encoding/json"
	"encoding/xml"
)

// A WorkSummary is a work as a record lists it (work:work-summary): no
// contributors, no description. Its put-code is that of the full [Work].
type WorkSummary struct {
	PutCode      PutCode      `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path         string       `xml:"path,attr,omitempty" json:"path,omitempty"`
	Title        WorkTitle    `xml:"http://www.orcid.org/ns/work title" json:"title"`
	ExternalIDs  *ExternalIDs `xml:"http://www.orcid.org/ns/common external-ids,omitempty" json:"external-ids,omitempty"`
	URL          Value        `xml:"http://www.orcid.org/ns/common url,omitempty" json:"url,omitempty"`
	Type         string       `xml:"http://www.orcid.org/ns/work type" json:"type"`
	Date         *FuzzyDate   `xml:"http://www.orcid.org/ns/common publication-date,omitempty" json:"publication-date,omitempty"`
	JournalTitle Value        `xml:"http://www.orcid.org/ns/work journal-title,omitempty" json:"journal-title,omitempty"`
}

// A Work is a full work (work:work), as GET /v3.0/{orcid}/work/{put-code}
// serves it: the summary's fields and the description, the citation, the
// contributors in byline order, the language and the country. The element
// order is the XSD's, which differs from the summary's.
type Work struct {
	from             string        // the document it was read from, when it came whole
	XMLName          xml.Name      `xml:"http://www.orcid.org/ns/work work" json:"-"`
	PutCode          PutCode       `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path             string        `xml:"path,attr,omitempty" json:"path,omitempty"`
	Title            WorkTitle     `xml:"http://www.orcid.org/ns/work title" json:"title"`
	JournalTitle     Value         `xml:"http://www.orcid.org/ns/work journal-title,omitempty" json:"journal-title,omitempty"`
	ShortDescription string        `xml:"http://www.orcid.org/ns/work short-description,omitempty" json:"short-description,omitempty"`
	Citation         *Citation     `xml:"http://www.orcid.org/ns/work citation,omitempty" json:"citation,omitempty"`
	Type             string        `xml:"http://www.orcid.org/ns/work type" json:"type"`
	Date             *FuzzyDate    `xml:"http://www.orcid.org/ns/common publication-date,omitempty" json:"publication-date,omitempty"`
	ExternalIDs      *ExternalIDs  `xml:"http://www.orcid.org/ns/common external-ids,omitempty" json:"external-ids,omitempty"`
	URL              Value         `xml:"http://www.orcid.org/ns/common url,omitempty" json:"url,omitempty"`
	Contributors     *Contributors `xml:"http://www.orcid.org/ns/work contributors,omitempty" json:"contributors,omitempty"`
	LanguageCode     string        `xml:"http://www.orcid.org/ns/common language-code,omitempty" json:"language-code,omitempty"`
	Country          Value         `xml:"http://www.orcid.org/ns/common country,omitempty" json:"country,omitempty"`
}

// Summary returns the summary of w, as a record lists it.
func (w *Work) Summary() WorkSummary {
	return WorkSummary{
		PutCode:      w.PutCode,
		Path:         w.Path,
		Title:        w.Title,
		ExternalIDs:  w.ExternalIDs,
		URL:          w.URL,
		Type:         w.Type,
		Date:         w.Date,
		JournalTitle: w.JournalTitle,
	}
}

// A WorkTitle is a work's title, with an optional subtitle and a title in
// another language.
type WorkTitle struct {
	Title           Value            `xml:"http://www.orcid.org/ns/common title" json:"title"`
	Subtitle        Value            `xml:"http://www.orcid.org/ns/common subtitle,omitempty" json:"subtitle,omitempty"`
	TranslatedTitle *TranslatedTitle `xml:"http://www.orcid.org/ns/common translated-title,omitempty" json:"translated-title,omitempty"`
}

// A TranslatedTitle is a title with its language code. Its JSON is
// {"value": …, "language-code": …}.
type TranslatedTitle struct {
	Value        string `xml:",chardata" json:"value"`
	LanguageCode string `xml:"language-code,attr" json:"language-code"`
}

// A Citation is a work's citation in a format such as "bibtex" or
// "formatted-apa".
type Citation struct {
	Type  string `xml:"http://www.orcid.org/ns/work citation-type" json:"citation-type"`
	Value string `xml:"http://www.orcid.org/ns/work citation-value" json:"citation-value"`
}

// Contributors are a work's contributors in byline order.
type Contributors struct {
	Contributor []Contributor `xml:"http://www.orcid.org/ns/work contributor" json:"contributor"`
}

// A Contributor is one contributor of a work: an ORCID iD, the name as
// credited, and attributes: the sequence ("first" or "additional") and
// the role ("author", "editor", …).
type Contributor struct {
	ORCID      *Identifier            `xml:"http://www.orcid.org/ns/common contributor-orcid,omitempty" json:"contributor-orcid,omitempty"`
	CreditName Value                  `xml:"http://www.orcid.org/ns/work credit-name,omitempty" json:"credit-name,omitempty"`
	Email      string                 `xml:"http://www.orcid.org/ns/work contributor-email,omitempty" json:"contributor-email,omitempty"`
	Attributes *ContributorAttributes `xml:"http://www.orcid.org/ns/work contributor-attributes,omitempty" json:"contributor-attributes,omitempty"`
}

// ContributorAttributes are a contributor's sequence and role.
type ContributorAttributes struct {
	Sequence string `xml:"http://www.orcid.org/ns/work contributor-sequence,omitempty" json:"contributor-sequence,omitempty"`
	Role     string `xml:"http://www.orcid.org/ns/work contributor-role,omitempty" json:"contributor-role,omitempty"`
}

// A bulk is ORCID's bulk element (bulk-3.0.xsd): full works, as GET
// /v3.0/{orcid}/works/{put-codes} serves them. Its errors (error:error, for
// works that could not be read) are skipped.
type bulk struct {
	XMLName xml.Name `xml:"http://www.orcid.org/ns/bulk bulk"`
	Works   []Work   `xml:"http://www.orcid.org/ns/work work"`
}

// bulkEntryJSON is one entry of a bulk's JSON list: a work or an error.
type bulkEntryJSON struct {
	Work *Work `json:"work,omitempty"`
}

// MarshalJSON writes {"bulk": [{"work": …}, …]}.
func (b bulk) MarshalJSON() ([]byte, error) {
	out := struct {
		Bulk []bulkEntryJSON `json:"bulk"`
	}{Bulk: []bulkEntryJSON{}}
	for i := range b.Works {
		out.Bulk = append(out.Bulk, bulkEntryJSON{Work: &b.Works[i]})
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads {"bulk": [{"work": …}, {"error": …}, …]}, skipping
// the errors.
func (b *bulk) UnmarshalJSON(data []byte) error {
	var in struct {
		Bulk []bulkEntryJSON `json:"bulk"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	b.Works = nil
	for _, e := range in.Bulk {
		if e.Work != nil {
			b.Works = append(b.Works, *e.Work)
		}
	}
	return nil
}
