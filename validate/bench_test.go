package validate_test

import (
	"testing"

	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/validate"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// BenchmarkDataset validates a loaded dataset: every record, then what
// spans records.
func BenchmarkDataset(b *testing.B) {
	for name, d := range synthtest.Datasets(b) {
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
