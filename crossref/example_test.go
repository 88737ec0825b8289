package crossref_test

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/crossref"
)

func ExampleRead() {
	data := []byte(`{
  "status": "ok",
  "message-type": "work",
  "message": {
    "DOI": "10.7554/eLife.01567",
    "type": "journal-article",
    "title": ["Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth"],
    "container-title": ["eLife"],
    "issued": {"date-parts": [[2014, 2, 11]]},
    "author": [
      {"given": "Martial", "family": "Sankar", "sequence": "first"},
      {"given": "Christian S", "family": "Hardtke", "sequence": "additional", "ORCID": "http://orcid.org/0000-0002-1825-0097"}
    ],
    "publisher": "eLife Sciences Publications, Ltd"
  }
}`)
	d, err := crossref.Read("elife.json", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.Publications[0]
	fmt.Println(p.ID, p.Kind, p.Date, p.Venue.Name)
	for _, a := range p.Authors {
		fmt.Println(strings.TrimSpace(a.Name + " " + a.ORCID.URL()))
	}
	for _, w := range d.Warnings {
		fmt.Println(w)
	}
	// Output:
	// 10-7554-elife-01567 journal-article 2014-02-11 eLife
	// Martial Sankar
	// Christian S Hardtke https://orcid.org/0000-0002-1825-0097
	// elife.json:14:18: message.publisher: publisher "eLife Sciences Publications, Ltd": the model holds no publisher: left out
}
