package orcid_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// affiliationJSON is one affiliation summary in an affiliation group.
func affiliationJSON(kind, body string) string {
	return `{"external-ids": {"external-id": []}, "summaries": [{"` + kind + `-summary": {` + body + `}}]}`
}

const (
	udemROR = `"organization": {"name": "Université de Montréal", "address": {"city": "Montreal", "region": "Quebec", "country": "CA"},
  "disambiguated-organization": {"disambiguated-organization-identifier": "https://ror.org/0161xgx34", "disambiguation-source": "ROR"}}`
	udemOther = `"organization": {"name": "University of Montreal", "address": {"city": "Montréal", "country": "CA"},
  "disambiguated-organization": {"disambiguated-organization-identifier": "0161XGX34", "disambiguation-source": "ror"}}`
	acme = `"organization": {"name": "Acme", "address": {"city": "Paris", "country": "FR"}}`
)

// TestImportRules checks how Import tells kinds of position, merges
// organizations across sections and matches the record's person among a
// work's contributors.
func TestImportRules(t *testing.T) {
	t.Parallel()
	record := `{
  "orcid-identifier": {"path": "0000-0002-1825-0097"},
  "person": {"name": {"given-names": {"value": "Josiah"}, "family-name": {"value": "Carberry"}},
    "researcher-urls": {"researcher-url": [
      {"url-name": "Website", "url": {"value": "https://example.org/josiah"}},
      {"url-name": "dblp", "url": {"value": "https://dblp.org/pid/12/3456.html"}},
      {"url-name": "Blog", "url": {"value": "https://example.org/blog"}}]},
    "external-identifiers": {"external-identifier": [
      {"external-id-type": "Scopus Author ID", "external-id-value": "7007156898", "external-id-url": {"value": "http://www.scopus.com/x"}, "external-id-relationship": "self"},
      {"external-id-type": "Loop profile", "external-id-value": "42", "external-id-url": {"value": "https://loop.example.org/42"}, "external-id-relationship": "self"}]}},
  "activities-summary": {
    "last-modified-date": {"value": 1700000000000},
    "distinctions": {"affiliation-group": [
      ` + affiliationJSON("distinction", `"role-title": "Research Chair", "start-date": {"year": {"value": "2018"}}, "end-date": {"year": {"value": "2023"}}, `+acme) + `,
      ` + affiliationJSON("distinction", `"role-title": "Best Paper Award", "start-date": {"year": {"value": "2019"}, "month": {"value": "06"}}`) + `]},
    "educations": {"affiliation-group": [
      ` + affiliationJSON("education", `"role-title": "PhD", "department-name": "DIRO", "end-date": {"year": {"value": "2010"}}, `+udemOther) + `]},
    "employments": {"affiliation-group": [
      ` + affiliationJSON("employment", `"role-title": "Postdoctoral Fellow", "start-date": {"year": {"value": "2011"}}, "end-date": {"year": {"value": "2010"}}, `+udemROR) + `,
      ` + affiliationJSON("employment", `"role-title": "Professor", "start-date": {"year": {"value": "2012"}}, `+udemROR) + `]},
    "invited-positions": {"affiliation-group": [
      ` + affiliationJSON("invited-position", `"role-title": "Visiting Scholar", "start-date": {"year": {"value": "2014"}}, "end-date": {"year": {"value": "2014"}}, `+acme) + `]},
    "works": {"group": [
      {"external-ids": {"external-id": []}, "work-summary": [{"put-code": 7, "title": {"title": {"value": "A Paper"}}, "type": "journal-article"}]},
      {"external-ids": {"external-id": []}, "work-summary": [{"put-code": 8, "title": {"title": {"value": "Same Paper"}}, "type": "journal-article",
        "external-ids": {"external-id": [{"external-id-type": "doi", "external-id-value": "10.5555/1", "external-id-relationship": "self"}]}},
        {"put-code": 9, "title": {"title": {"value": "Same Paper, other source"}}, "type": "journal-article",
        "external-ids": {"external-id": [{"external-id-type": "doi", "external-id-value": "https://doi.org/10.5555/1", "external-id-relationship": "self"}]}}]}
    ]}
  }
}`
	works := `{"bulk": [{"work": {"put-code": 7, "title": {"title": {"value": "A Paper"}}, "type": "journal-article",
  "contributors": {"contributor": [
    {"credit-name": {"value": "J. S. Carberry"}, "contributor-orcid": {"path": "0000-0002-1825-0097"}, "contributor-attributes": {"contributor-sequence": "first", "contributor-role": "author"}},
    {"credit-name": {"value": "Josiah Carberry"}, "contributor-attributes": {"contributor-sequence": "additional"}},
    {"credit-name": {"value": "Ada Lovelace"}, "contributor-attributes": {"contributor-sequence": "additional"}}]}}}]}`
	d, err := orcid.Read(dataset.Document{Name: "record.json", Data: []byte(record)}, dataset.Document{Name: "works.json", Data: []byte(works)})
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Dataset(d); err != nil {
		t.Fatalf("validate.Dataset: %v", err)
	}
	p := d.People[0]
	want := profile.Person{
		ID:   "josiah-carberry",
		Name: profile.Name{Display: "Josiah Carberry", Given: "Josiah", Family: "Carberry"},
		Identifiers: profile.PersonIdentifiers{
			ORCID: "0000-0002-1825-0097", DBLP: "12/3456", Scopus: "7007156898",
		},
		Homepage: "https://example.org/josiah",
		Links:    []profile.Link{{Name: "Blog", URL: "https://example.org/blog"}, {Name: "Loop profile", URL: "https://loop.example.org/42"}},
		Positions: []profile.Position{
			{Organization: "acme", Title: "Research Chair", Kind: profile.PositionChair, Start: "2018", End: "2023"},
			// The end before the start is dropped; the position is current.
			{Organization: "university-of-montreal", Title: "Postdoctoral Fellow", Kind: profile.PositionPostdoc, Start: "2011", Current: true, City: "Montreal"},
			{Organization: "university-of-montreal", Title: "Professor", Kind: profile.PositionEmployment, Start: "2012", Current: true, City: "Montreal"},
			{Organization: "acme", Title: "Visiting Scholar", Kind: profile.PositionVisiting, Start: "2014", End: "2014"},
		},
		// The same ROR ID in another section: one organization, named as in
		// the first section, educations; the employments' other city is
		// the positions'.
		Education: []profile.Education{{Organization: "university-of-montreal", Department: "DIRO", Degree: "PhD", End: "2010"}},
		Awards:    []profile.Award{{Name: "Best Paper Award", Date: "2019-06"}},
		Updated:   "2023-11-14",
	}
	if diff := cmp.Diff(want, p, cmpopts.IgnoreTypes(source.Origin{})); diff != "" {
		t.Errorf("person (-want +got):\n%s", diff)
	}
	wantOrgs := []profile.Organization{
		{ID: "acme", Name: "Acme", Kind: profile.OrgOther, Location: profile.Location{City: "Paris", Country: "FR"}},
		{ID: "university-of-montreal", Name: "University of Montreal", OtherNames: []string{"Université de Montréal"},
			Kind: profile.OrgUniversity, ROR: "0161xgx34", Location: profile.Location{City: "Montréal", Country: "CA"}},
	}
	if diff := cmp.Diff(wantOrgs, d.Organizations, cmpopts.IgnoreTypes(source.Origin{})); diff != "" {
		t.Errorf("organizations (-want +got):\n%s", diff)
	}
	// The full work replaces its summary; the person is matched by iD and
	// by name; the second source of the same DOI is left out.
	wantPubs := []publication.Publication{
		{ID: "a-paper", Title: "A Paper", Kind: publication.KindJournalArticle, Authors: []publication.Contributor{
			{Ref: "josiah-carberry", Name: "J. S. Carberry"}, {Ref: "josiah-carberry"}, {Name: "Ada Lovelace"}}},
		{ID: "same-paper", Title: "Same Paper", Kind: publication.KindJournalArticle, Authors: []publication.Contributor{{Ref: "josiah-carberry"}},
			Identifiers: publication.Identifiers{DOI: "10.5555/1"}},
	}
	if diff := cmp.Diff(wantPubs, d.Publications, cmpopts.IgnoreTypes(source.Origin{})); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
}

// TestParseAllPeople checks that documents of two iDs make two people.
func TestParseAllPeople(t *testing.T) {
	t.Parallel()
	doc := func(id, name string) dataset.Document {
		return dataset.Document{Name: name + ".json", Data: []byte(`{"orcid-identifier": {"path": "` + id + `"}, "person": {"name": {"credit-name": {"value": "` + name + `"}}}}`)}
	}
	d, err := orcid.Read(doc("0000-0002-1825-0097", "Josiah"), doc("0000-0001-5109-3700", "Laure"), doc("0000-0002-1825-0097", "Josiah"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.People {
		got = append(got, p.ID+" "+string(p.Identifiers.ORCID))
	}
	if diff := cmp.Diff([]string{"josiah 0000-0002-1825-0097", "laure 0000-0001-5109-3700"}, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if err := validate.Dataset(d); err != nil {
		t.Errorf("validate.Dataset: %v", err)
	}
}
