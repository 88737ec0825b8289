package inputs_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/scholarld/scholarld/inputs"
)

// A Loader of every format reads a BibTeX file beside YAML, as it reads
// ORCID records, OpenAlex, Crossref and DataCite records, and CSL-JSON;
// the zero dataset.Loader reads YAML and JSON only.
func ExampleLoader() {
	l := inputs.Loader()
	l.FS = fstest.MapFS{
		"data/people.yaml": {Data: []byte("people:\n  - id: jane\n    name: {display: Jane Doe}\n")},
		"data/refs.bib":    {Data: []byte("@article{doe2020, author = {Doe, Jane}, title = {A Title}, journal = {A Journal}, year = 2020}\n")},
	}
	d, err := l.Load("data")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.People[0].Name.Display, "/", d.Publications[0].Title)
	// Output: Jane Doe / A Title
}

// Formats lists the formats in the order a Loader tries them; YAML and
// JSON come last in every Loader.
func ExampleFormats() {
	var names []string
	for _, f := range inputs.Formats() {
		names = append(names, f.Name)
	}
	fmt.Println(strings.Join(names, " "))
	// Output: orcid openalex datacite crossref bibtex csljson
}
