package datacite_test

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/datacite"
)

func ExampleRead() {
	data := []byte(`{
  "data": {
    "id": "10.5438/zhyx-n122",
    "type": "dois",
    "attributes": {
      "doi": "10.5438/zhyx-n122",
      "creators": [
        {"name": "Edmunds, Rorie", "nameType": "Personal", "givenName": "Rorie", "familyName": "Edmunds"},
        {"name": "Vierkant, Paul", "nameType": "Personal", "nameIdentifiers": [
          {"nameIdentifier": "https://orcid.org/0000-0003-4448-3844", "nameIdentifierScheme": "ORCID"}
        ]}
      ],
      "titles": [{"title": "DataCite Member Survey 2022"}],
      "publisher": "DataCite",
      "publicationYear": 2023,
      "types": {"resourceTypeGeneral": "Text", "resourceType": "blog post"}
    }
  }
}`)
	d, err := datacite.Read("survey.json", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.Publications[0]
	fmt.Println(p.ID, p.Kind, p.Date, p.Title)
	for _, a := range p.Authors {
		fmt.Println(strings.TrimSpace(a.Name + " " + a.ORCID.URL()))
	}
	for _, w := range d.Warnings {
		fmt.Println(w)
	}
	// Output:
	// 10-5438-zhyx-n122 journal-article 2023 DataCite Member Survey 2022
	// Rorie Edmunds
	// Paul Vierkant https://orcid.org/0000-0003-4448-3844
	// survey.json:14:20: data.attributes.publisher: publisher "DataCite": the model holds no publisher but the repository of a dataset, software or a preprint: left out
}
