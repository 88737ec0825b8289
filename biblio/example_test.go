package biblio_test

import (
	"fmt"
	"os"

	"github.com/scholarld/scholarld/biblio"
)

// ExampleReadBibTeX reads a BibTeX entry into the model: its key becomes
// the publication's id, its authors keep their order, and "and others"
// marks the list as truncated.
func ExampleReadBibTeX() {
	bib := `% exported by JabRef: @misc entries follow
@article{lovelace1843,
  author  = {Lovelace, Ada and Babbage, Charles and others},
  title   = {Sketch of the {Analytical Engine}},
  journal = {Scientific Memoirs},
  year    = {1843},
}`
	d, err := biblio.ReadBibTeX("refs.bib", []byte(bib))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.Publications[0]
	fmt.Println(p.ID, p.Kind, p.Date, p.Title)
	for i, a := range p.Authors {
		fmt.Println(i+1, a.Name)
	}
	fmt.Println("et al.:", p.EtAl)
	// Output:
	// lovelace1843 journal-article 1843 Sketch of the Analytical Engine
	// 1 Ada Lovelace
	// 2 Charles Babbage
	// et al.: true
}

// ExampleWriteBibTeX writes a dataset's publications as BibTeX that biber
// reads: capitals protected, and a lone brace, which BibTeX would count
// whatever its backslash, written as a command.
func ExampleWriteBibTeX() {
	d, err := biblio.ReadBibTeX("refs.bib", []byte(`@article{r, author = {Lovelace, Ada}, title = {An {R} Package for the {NFA} with a lone \textbraceleft{} brace}, journal = {J}, year = {2024}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := biblio.WriteBibTeX(os.Stdout, d); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @article{r,
	//   author = {Lovelace, Ada},
	//   title = {An {R} Package for the {NFA} with a lone \textbraceleft{} brace},
	//   journal = {J},
	//   year = {2024},
	// }
}
