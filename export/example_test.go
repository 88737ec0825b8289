package export_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/validate"
)

func ExampleLookup() {
	f, err := export.Lookup("ttl")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.MediaType, f.Ext)
	// Output: text/turtle .ttl
}

// YAML in, validated, Turtle out.
func Example_pipeline() {
	d, err := dataset.Decode("notes.yaml", strings.NewReader(`people:
  - id: ada
    name: {display: Ada Lovelace}
publications:
  - id: notes
    title: Sketch of the Analytical Engine
    kind: journal-article
    authors: [Luigi Menabrea, {ref: ada}]
    date: 1843-08
`))
	if err == nil {
		err = validate.Dataset(d)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	ttl, err := export.Lookup("ttl")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := export.Write(os.Stdout, ttl, d, export.Options{Base: "https://example.org/", Validated: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @prefix schema: <http://schema.org/> .
	// @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
	// @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
	// @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
	// @prefix vivo: <http://vivoweb.org/ontology/core#> .
	// @prefix obo: <http://purl.obolibrary.org/obo/> .
	// @prefix sld: <https://scholarld.github.io/ns#> .
	//
	// <https://example.org/publications/notes/#work> a schema:ScholarlyArticle ;
	//     schema:name "Sketch of the Analytical Engine" ;
	//     schema:headline "Sketch of the Analytical Engine" ;
	//     schema:author (
	//         [ a schema:Person ;
	//             schema:name "Luigi Menabrea"
	//         ]
	//         <https://example.org/people/ada/#person>
	//     ) ;
	//     schema:datePublished "1843-08"^^schema:Date .
	//
	// <https://example.org/people/ada/#person> a schema:Person ;
	//     schema:name "Ada Lovelace" .
}
