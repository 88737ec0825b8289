package biblio_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/biblio"
)

// bigBib returns a BibTeX file of n entries, each with an author list
// that ends in "and others", authors' iDs and a field the model has no
// place for (a warning each).
func bigBib(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "@article{key%d,\n  author = {Carberry, Josiah and Nguyen, Wen and others},\n"+
			"  author+an:orcid = {1=\"0000-0002-1825-0097\"},\n  ORCID-Numbers = {Nguyen, Wen/0000-0001-5109-3700},\n"+
			"  title = {Entry %d},\n  publisher = {Invented Press},\n  year = {2020},\n}\n\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkReadBibTeX reads files of growing size: the time per entry
// should not grow with the file, as the positions of records and of
// their warnings come from a table of the file built once.
func BenchmarkReadBibTeX(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := bigBib(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d, err := biblio.ReadBibTeX("big.bib", data)
				if err != nil || len(d.Publications) != n || len(d.Warnings) != n {
					b.Fatalf("%d publications, %d warnings, %v", len(d.Publications), len(d.Warnings), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
		})
	}
}
