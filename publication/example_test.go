package publication_test

import (
	"fmt"

	"github.com/scholarld/scholarld/publication"
)

func ExampleParseArXiv() {
	id, err := publication.ParseArXiv("https://arxiv.org/abs/2402.05271v2")
	fmt.Println(id, id.Base(), id.Version(), id.URL(), err)
	// Output: 2402.05271v2 2402.05271 2 https://arxiv.org/abs/2402.05271v2 <nil>
}

func ExampleParseDOI() {
	doi, err := publication.ParseDOI("doi:10.1234/ABC#1")
	fmt.Println(doi, doi.URL(), err)
	// Output: 10.1234/ABC#1 https://doi.org/10.1234/ABC%231 <nil>
}
