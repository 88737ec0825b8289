package dataset_test

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
)

func ExampleParse() {
	d, err := dataset.Decode("notes.yaml", strings.NewReader(`publications:
  - id: notes
    title: Sketch of the Analytical Engine
    kind: journal-article
    authors: [Luigi Menabrea, {name: Ada Lovelace}]
    identifiers: {doi: "https://doi.org/10.1234/notes"}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.Publications[0]
	fmt.Println(p.Authors[0].Name, "and", p.Authors[1].Name)
	fmt.Println(p.Identifiers.DOI)
	// Output:
	// Luigi Menabrea and Ada Lovelace
	// 10.1234/notes
}
