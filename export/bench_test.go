package export_test

import (
	"io"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
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
	return map[string]*dataset.Dataset{"example": loadSeed(b), "generated": gen}
}

// countingWriter counts bytes and throws them away.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkMap maps every record to RDF, without encoding.
func BenchmarkMap(b *testing.B) {
	for name, d := range benchData(b) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			triples := 0
			for b.Loop() {
				m, err := export.NewMapper(d, export.Options{})
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

// BenchmarkEncode maps and encodes the whole dataset in each format; MB/s
// is of output.
func BenchmarkEncode(b *testing.B) {
	for name, d := range benchData(b) {
		for _, f := range export.Formats() {
			b.Run(name+"/"+f.Name, func(b *testing.B) {
				var w countingWriter
				if _, err := export.WriteDataset(f.NewEncoder(&w), d, export.Options{}); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(w.n)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := export.WriteDataset(f.NewEncoder(io.Discard), d, export.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
