package orcid

import (
	"encoding/json"
)

// An ActivitiesSummary is the activities section of a record
// (activities-3.0.xsd): affiliations in seven sections, and works. Fundings,
// peer reviews and research resources are not declared: decoding skips them.
type ActivitiesSummary struct {
	Path             string        `xml:"path,attr,omitempty" json:"path,omitempty"`
	LastModified     *Timestamp    `xml:"http://www.orcid.org/ns/common last-modified-date,omitempty" json:"last-modified-date,omitempty"`
	Distinctions     *Affiliations `xml:"http://www.orcid.org/ns/activities distinctions,omitempty" json:"distinctions,omitempty"`
	Educations       *Affiliations `xml:"http://www.orcid.org/ns/activities educations,omitempty" json:"educations,omitempty"`
	Employments      *Affiliations `xml:"http://www.orcid.org/ns/activities employments,omitempty" json:"employments,omitempty"`
	InvitedPositions *Affiliations `xml:"http://www.orcid.org/ns/activities invited-positions,omitempty" json:"invited-positions,omitempty"`
	Memberships      *Affiliations `xml:"http://www.orcid.org/ns/activities memberships,omitempty" json:"memberships,omitempty"`
	Qualifications   *Affiliations `xml:"http://www.orcid.org/ns/activities qualifications,omitempty" json:"qualifications,omitempty"`
	Services         *Affiliations `xml:"http://www.orcid.org/ns/activities services,omitempty" json:"services,omitempty"`
	Works            *Works        `xml:"http://www.orcid.org/ns/activities works,omitempty" json:"works,omitempty"`
}

// Affiliations is one affiliation section of the activities, such as the
// employments: groups of affiliations that share external ids, usually one
// affiliation per group.
type Affiliations struct {
	Path  string             `xml:"path,attr,omitempty" json:"path,omitempty"`
	Group []AffiliationGroup `xml:"http://www.orcid.org/ns/activities affiliation-group" json:"affiliation-group"`
}

// An AffiliationGroup is a group of affiliations of one section. In XML
// its summaries are elements named after the section (employment-summary,
// …); in JSON they are a list "summaries" of objects with one key, the
// element's name. Only the field of the group's section is set.
type AffiliationGroup struct {
	ExternalIDs     ExternalIDs   `xml:"http://www.orcid.org/ns/common external-ids"`
	Distinction     []Affiliation `xml:"http://www.orcid.org/ns/distinction distinction-summary"`
	Education       []Affiliation `xml:"http://www.orcid.org/ns/education education-summary"`
	Employment      []Affiliation `xml:"http://www.orcid.org/ns/employment employment-summary"`
	InvitedPosition []Affiliation `xml:"http://www.orcid.org/ns/invited-position invited-position-summary"`
	Membership      []Affiliation `xml:"http://www.orcid.org/ns/membership membership-summary"`
	Qualification   []Affiliation `xml:"http://www.orcid.org/ns/qualification qualification-summary"`
	Service         []Affiliation `xml:"http://www.orcid.org/ns/service service-summary"`
}

// affiliationSummary is one entry of an affiliation group's JSON list
// "summaries": exactly one field is set.
type affiliationSummary struct {
	Distinction     *Affiliation `json:"distinction-summary,omitempty"`
	Education       *Affiliation `json:"education-summary,omitempty"`
	Employment      *Affiliation `json:"employment-summary,omitempty"`
	InvitedPosition *Affiliation `json:"invited-position-summary,omitempty"`
	Membership      *Affiliation `json:"membership-summary,omitempty"`
	Qualification   *Affiliation `json:"qualification-summary,omitempty"`
	Service         *Affiliation `json:"service-summary,omitempty"`
}

// affiliationGroupJSON is an affiliation group in the public API's JSON.
type affiliationGroupJSON struct {
	ExternalIDs ExternalIDs          `json:"external-ids"`
	Summaries   []affiliationSummary `json:"summaries"`
}

// lists returns the group's lists in the XSD's order.
func (g *AffiliationGroup) lists() [7]*[]Affiliation {
	return [7]*[]Affiliation{&g.Distinction, &g.Education, &g.Employment, &g.InvitedPosition, &g.Membership, &g.Qualification, &g.Service}
}

// slots returns the entry's fields in the order of [AffiliationGroup.lists].
func (s *affiliationSummary) slots() [7]**Affiliation {
	return [7]**Affiliation{&s.Distinction, &s.Education, &s.Employment, &s.InvitedPosition, &s.Membership, &s.Qualification, &s.Service}
}

// MarshalJSON writes the group as the public API does, with "summaries".
func (g AffiliationGroup) MarshalJSON() ([]byte, error) {
	out := affiliationGroupJSON{ExternalIDs: g.ExternalIDs, Summaries: []affiliationSummary{}}
	if out.ExternalIDs.ExternalID == nil {
		out.ExternalIDs.ExternalID = []ExternalID{}
	}
	for k, list := range g.lists() {
		for i := range *list {
			var s affiliationSummary
			*s.slots()[k] = &(*list)[i]
			out.Summaries = append(out.Summaries, s)
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the group from the public API's JSON.
func (g *AffiliationGroup) UnmarshalJSON(data []byte) error {
	var in affiliationGroupJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*g = AffiliationGroup{ExternalIDs: in.ExternalIDs}
	lists := g.lists()
	for i := range in.Summaries {
		for k, slot := range in.Summaries[i].slots() {
			if *slot != nil {
				*lists[k] = append(*lists[k], **slot)
			}
		}
	}
	return nil
}

// An Affiliation is one employment, education, qualification, distinction,
// invited position, membership or service (common:affiliation-summary and
// common:affiliation have the same content). Its section says which.
type Affiliation struct {
	PutCode        PutCode       `xml:"put-code,attr,omitempty" json:"put-code,omitempty"`
	Path           string        `xml:"path,attr,omitempty" json:"path,omitempty"`
	DepartmentName string        `xml:"http://www.orcid.org/ns/common department-name,omitempty" json:"department-name,omitempty"`
	RoleTitle      string        `xml:"http://www.orcid.org/ns/common role-title,omitempty" json:"role-title,omitempty"`
	StartDate      *FuzzyDate    `xml:"http://www.orcid.org/ns/common start-date,omitempty" json:"start-date,omitempty"`
	EndDate        *FuzzyDate    `xml:"http://www.orcid.org/ns/common end-date,omitempty" json:"end-date,omitempty"`
	Organization   *Organization `xml:"http://www.orcid.org/ns/common organization,omitempty" json:"organization,omitempty"`
	URL            Value         `xml:"http://www.orcid.org/ns/common url,omitempty" json:"url,omitempty"`
	ExternalIDs    *ExternalIDs  `xml:"http://www.orcid.org/ns/common external-ids,omitempty" json:"external-ids,omitempty"`
}

// Works is the works section of the activities: groups of work summaries
// that share identifiers, as ORCID groups the versions of one work.
type Works struct {
	Path  string      `xml:"path,attr,omitempty" json:"path,omitempty"`
	Group []WorkGroup `xml:"http://www.orcid.org/ns/activities group" json:"group"`
}

// A WorkGroup is the summaries of the works that share a "self" or
// "version-of" identifier, with the identifiers they are grouped by.
type WorkGroup struct {
	ExternalIDs ExternalIDs   `xml:"http://www.orcid.org/ns/common external-ids" json:"external-ids"`
	Summaries   []WorkSummary `xml:"http://www.orcid.org/ns/work work-summary" json:"work-summary"`
}
