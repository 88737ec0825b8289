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

// BenchmarkEncode maps and encodes the whole dataset in each format; MB/s
// is of output.
func BenchmarkEncode(b *testing.B) {
	for name, d := range benchData(b) {
		for _, f := range export.Formats() {
			b.Run(name+"/"+f.Name, func(b *testing.B) {
				if f.PerPerson {
					b.Skip("one person per document")
				}
				var w countingWriter
				opts := export.Options{Validated: true}
				if _, err := export.Write(&w, f, d, opts); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(w.n)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := export.Write(io.Discard, f, d, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
