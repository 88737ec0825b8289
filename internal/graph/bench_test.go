package graph_test

import (
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/validate"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// benchData returns the example and the generated institute of
// synth.BenchConfig, loaded and validated.
func benchData(b *testing.B) map[string]*dataset.Dataset {
	b.Helper()
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	gen, err := validate.Check(dataset.Load(dir))
	if err != nil {
		b.Fatal(err)
	}
	example, err := validate.Check(seed.Load())
	if err != nil {
		b.Fatal(err)
	}
	return map[string]*dataset.Dataset{"example": example, "generated": gen}
}

// BenchmarkMap maps every record to RDF, without encoding.
func BenchmarkMap(b *testing.B) {
	for name, d := range benchData(b) {
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
