package export_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/validate"
)

// BenchmarkEveryPerson writes the documents of every person of generated
// institutes of two sizes, four times apart, as the export command does:
// the profile page (JSON-LD) and the ORCID record and works (XML) of each,
// and the whole dataset (Turtle). Its cost must grow with the data, not
// with people × publications: compare the two sizes' ns/op (their ratio
// should be near 4) and ns/record.
//
//	go test -run '^$' -bench EveryPerson -benchtime 2x ./export
func BenchmarkEveryPerson(b *testing.B) {
	for _, size := range []struct{ people, pubs int }{{500, 5000}, {2000, 20_000}} {
		dir := b.TempDir()
		if _, err := synth.Write(dir, synth.Config{People: size.people, Publications: size.pubs, Seed: 3}); err != nil {
			b.Fatal(err)
		}
		d, err := validate.Check(dataset.Load(dir))
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range []string{"jsonld", "orcid-xml", "ttl"} {
			f, err := export.Lookup(name)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dx%d", name, size.people, size.pubs), func(b *testing.B) {
				records := 0
				for b.Loop() {
					wr, err := export.NewWriter(d, export.Options{Validated: true})
					if err != nil {
						b.Fatal(err)
					}
					if name == "ttl" {
						st, err := wr.Write(io.Discard, f)
						if err != nil {
							b.Fatal(err)
						}
						records += st.Records
						continue
					}
					docs := []export.Format{f}
					if works, ok := f.Works(); ok {
						docs = append(docs, works)
					}
					for _, p := range d.People {
						for _, doc := range docs {
							if _, err := wr.WritePerson(io.Discard, doc, p.ID); err != nil {
								b.Fatal(err)
							}
						}
						records++
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(records), "ns/record")
			})
		}
	}
}
