package graph_test

import (
	"testing"

	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// BenchmarkMap maps every record to RDF, without encoding.
func BenchmarkMap(b *testing.B) {
	for name, d := range synthtest.Datasets(b) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			triples := 0
			for b.Loop() {
				m, err := graph.NewMapper(d, graph.Options{})
				if err != nil {
					b.Fatal(err)
				}
				triples = 0
				for i := range d.Publications {
					triples += m.Publication(&d.Publications[i]).Len()
				}
				for i := range d.Organizations {
					triples += m.Organization(&d.Organizations[i]).Len()
				}
				for i := range d.People {
					triples += m.Person(&d.People[i]).Len()
				}
			}
			b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}
