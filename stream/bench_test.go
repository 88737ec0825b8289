package stream_test

import (
	"io"
	"testing"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/stream"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// BenchmarkExport runs the whole pipeline on the generated institute:
// YAML files in, decoded on all cores, validated, Turtle or N-Triples out.
func BenchmarkExport(b *testing.B) {
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	var in int64
	files, _ := dirSize(dir)
	in = files
	for _, f := range []string{"ttl", "nt"} {
		format, _ := export.Lookup(f)
		b.Run(f, func(b *testing.B) {
			b.SetBytes(in)
			b.ReportAllocs()
			var res stream.Result
			for b.Loop() {
				res, err = stream.Export([]string{dir}, []stream.Output{{Format: format, W: io.Discard}}, stream.Options{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := walk(dir, func(size int64) { n += size })
	return n, err
}
