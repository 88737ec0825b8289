package orcid_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/validate"
)

// A person with a position, a supervision and a paper becomes an ORCID
// record, written as the public API's JSON; the loss report says what
// ORCID cannot hold.
func ExampleExport() {
	d, err := dataset.Decode("ada.yaml", strings.NewReader(`
people:
  - id: ada
    name: {display: Ada Lovelace, given: Ada, family: Lovelace}
    identifiers: {orcid: 0000-0002-1825-0097}
    positions:
      - {organization: uol, title: Analyst, kind: employment, start: 2015-09, current: true}
    supervisions:
      - {level: phd, role: principal, status: current}
organizations:
  - {id: uol, name: University of London, kind: university, ror: 04cw6st05, location: {city: London, country: GB}}
publications:
  - id: notes
    title: Notes on the Analytical Engine
    kind: journal-article
    authors: [{ref: ada}, Luigi Menabrea]
    identifiers: {doi: 10.1234/notes}
    date: "2017"
`))
	if err == nil {
		err = validate.Dataset(d)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	r, loss, err := orcid.Export(d, "ada")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(loss)
	var b strings.Builder
	if err := r.WriteJSON(&b); err != nil {
		fmt.Println(err)
		return
	}
	// Print the employment's dates and organization.
	lines := strings.Split(b.String(), "\n")
	for _, l := range lines {
		if strings.Contains(l, `"role-title"`) || strings.Contains(l, `"disambiguated-organization-identifier"`) || strings.Contains(l, `"value": "09"`) {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	fmt.Println(len(r.Works), "work:", r.Works[0].Contributors.Contributor[1].CreditName)
	// Output:
	// people[0].supervisions[0]: ORCID has no supervision section
	// "role-title": "Analyst",
	// "value": "09"
	// "disambiguated-organization-identifier": "https://ror.org/04cw6st05",
	// 1 work: Luigi Menabrea
}

// An ORCID record, here a part of one in the public API's JSON, becomes a
// dataset that validates.
func ExampleParse() {
	d, err := orcid.Read(dataset.Document{Name: "record.json", Data: []byte(`{
  "orcid-identifier": {"uri": "https://orcid.org/0000-0002-1825-0097", "path": "0000-0002-1825-0097", "host": "orcid.org"},
  "person": {
    "name": {"given-names": {"value": "Josiah"}, "family-name": {"value": "Carberry"}, "credit-name": null},
    "keywords": {"keyword": [{"content": "psychoceramics", "put-code": 1}]}
  },
  "activities-summary": {
    "employments": {"affiliation-group": [{"external-ids": {"external-id": []}, "summaries": [{"employment-summary": {
      "role-title": "Professor", "start-date": {"year": {"value": "1930"}, "month": {"value": "02"}, "day": {"value": "29"}},
      "organization": {"name": "Wesleyan University", "address": {"city": "Middletown", "region": "CT", "country": "US"},
        "disambiguated-organization": {"disambiguated-organization-identifier": "5468", "disambiguation-source": "RINGGOLD"}}}}]}]},
    "fundings": {"group": [{"external-ids": {"external-id": []}, "funding-summary": [{"title": {"title": {"value": "A grant"}}}]}]}
  }
}`)})
	if err == nil {
		err = validate.Dataset(d)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.People[0]
	fmt.Println(p.ID, p.Identifiers.ORCID, p.Topics[0].Label)
	pos := p.Positions[0]
	fmt.Println(pos.Title, pos.Kind, pos.Start, pos.Current, "at", pos.Organization)
	o := d.Organizations[0]
	fmt.Println(o.Kind, o.Identifiers[0].Scheme, o.Identifiers[0].Value, o.Location.Country)
	// Output:
	// josiah-carberry 0000-0002-1825-0097 psychoceramics
	// Professor employment 1930-02 true at wesleyan-university
	// university ringgold 5468 US
}

// Sniff tells ORCID documents from scholarld's own YAML and JSON.
func ExampleSniff() {
	fmt.Println(orcid.Sniff([]byte(`<record:record xmlns:record="http://www.orcid.org/ns/record"/>`)))
	fmt.Println(orcid.Sniff([]byte(`{"bulk": [{"work": {"title": {"title": {"value": "A"}}, "type": "other"}}]}`)))
	fmt.Println(orcid.Sniff([]byte(`{"people": [{"id": "ada", "name": {"display": "Ada"}}]}`)))
	// Output:
	// true
	// true
	// false
}

// The example dataset's person, written as an ORCID record in XML: the
// first lines.
func ExampleRecord_WriteXML() {
	d, err := validate.Check((&dataset.Loader{FS: os.DirFS("../internal/seed")}).Load("."))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _, err := orcid.Export(d, "ioannis-mitliagkas")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := r.WriteXML(&b); err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range strings.Split(b.String(), "\n")[2:6] {
		fmt.Println(l)
	}
	// Output:
	//   <person:person>
	//     <common:last-modified-date>2026-11-28T00:00:00Z</common:last-modified-date>
	//     <person:name>
	//       <personal-details:given-names>Ioannis</personal-details:given-names>
}
