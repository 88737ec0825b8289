package export_test

import (
	"io"
	"testing"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// countingWriter counts bytes and throws them away.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkEncode maps and encodes the whole dataset in each format; MB/s
// is of output.
func BenchmarkEncode(b *testing.B) {
	for name, d := range synthtest.Datasets(b) {
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
