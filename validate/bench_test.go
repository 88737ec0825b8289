package validate_test

import (
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/validate"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

func benchData(b *testing.B) map[string]*dataset.Dataset {
	b.Helper()
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	gen, err := dataset.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	ex, err := seed.Load()
	if err != nil {
		b.Fatal(err)
	}
	return map[string]*dataset.Dataset{"example": ex, "generated": gen}
}

// BenchmarkDataset validates a loaded dataset: every record, then what
// spans records.
func BenchmarkDataset(b *testing.B) {
	for name, d := range benchData(b) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := validate.Dataset(d); err != nil {
					b.Fatal(err)
				}
			}
			n := len(d.People) + len(d.Organizations) + len(d.Publications)
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
