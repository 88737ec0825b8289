package openalex_test

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/openalex"
)

// A work as OpenAlex's API gives it (shortened), decoded: its authors in
// order, its abstract rebuilt, and what the model cannot hold as warnings.
func ExampleDecode() {
	const w = `{
  "id": "https://openalex.org/W2741809807",
  "doi": "https://doi.org/10.7717/peerj.4375",
  "display_name": "The state of OA",
  "publication_date": "2018-02-13",
  "type": "article",
  "primary_location": {"source": {"display_name": "PeerJ", "issn_l": "2167-8359", "type": "journal"},
    "pdf_url": "https://peerj.com/articles/4375.pdf"},
  "authorships": [
    {"author_position": "first", "author": {"display_name": "Heather Piwowar", "orcid": "https://orcid.org/0000-0003-1613-5981"}},
    {"author_position": "last", "author": {"display_name": "Stefanie Haustein"},
     "institutions": [{"display_name": "University of Ottawa", "ror": "https://ror.org/03c4mmv16", "type": "education"}]}
  ],
  "abstract_inverted_index": {"growing": [1], "Despite": [0], "interest": [2]},
  "cited_by_count": 962
}`
	d, err := openalex.Decode(dataset.Document{Name: "W2741809807.json", Data: []byte(w)}, dataset.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.Publications[0]
	fmt.Println(p.ID, p.Kind, p.Date, p.Identifiers.DOI, p.Venue.Name)
	for i, a := range p.Authors {
		fmt.Println(i+1, a.Name, cmp.Or(string(a.ORCID), "(no ORCID iD)"))
	}
	fmt.Println(p.Abstract)
	fmt.Println(d.Organizations[0].ID, d.Organizations[0].ROR)
	for _, w := range d.Warnings {
		fmt.Println(w)
	}
	// Output:
	// w2741809807 journal-article 2018-02-13 10.7717/peerj.4375 PeerJ
	// 1 Heather Piwowar 0000-0003-1613-5981
	// 2 Stefanie Haustein (no ORCID iD)
	// Despite growing interest
	// university-of-ottawa 03c4mmv16
	// W2741809807.json:7:23: primary_location.pdf_url: full text at https://peerj.com/articles/4375.pdf: the model has no field for it: left out
}

// JSON Lines read as a stream, two records a chunk, a broken line
// reported at its place while reading goes on.
func ExampleReader() {
	const lines = `{"id": "https://openalex.org/W1", "display_name": "First", "authorships": [{"author": {"display_name": "Ada Lovelace"}}]}
{"id": "https://openalex.org/W2", "display_name": "Second", "authorships": [
{"id": "https://openalex.org/A3", "display_name": "Ada Lovelace", "display_name_alternatives": ["A. Lovelace"]}
{"id": "https://openalex.org/W4", "display_name": "Fourth", "authorships": [{"author": {"display_name": "Charles Babbage"}}]}
`
	r := openalex.NewReader("works.jsonl", strings.NewReader(lines))
	r.SetChunkSize(2)
	for {
		chunk, err := r.Next()
		if err == io.EOF {
			break
		}
		for _, p := range chunk.Publications {
			fmt.Println(p.Origin.Path, p.Title)
		}
		for _, p := range chunk.People {
			fmt.Println(p.Origin.Path, p.Name.Display, p.Name.Other)
		}
		if err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// line 1 First
	// works.jsonl:2:77: line 2.authorships: unexpected EOF: syntax error
	// line 4 Fourth
	// line 3 Ada Lovelace [A. Lovelace]
}
