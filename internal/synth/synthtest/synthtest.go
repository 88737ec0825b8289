// Package synthtest holds the test plumbing of package synth, apart from
// it so that programs using synth do not import package testing.
package synthtest

import (
	"os"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/seed"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/validate"
)

// Main runs the tests and benchmarks of m, then removes the directory of
// synth.Bench. A package whose benchmarks use synth.Bench calls it from its
// TestMain.
func Main(m *testing.M) {
	code := m.Run()
	synth.CleanBench()
	os.Exit(code)
}

// Datasets returns the datasets benchmarks run on, loaded and validated:
// "example", the embedded example, and "generated", the institute of
// synth.Bench.
func Datasets(tb testing.TB) map[string]*dataset.Dataset {
	tb.Helper()
	dir, err := synth.Bench()
	if err != nil {
		tb.Fatal(err)
	}
	gen, err := validate.Check(dataset.Load(dir))
	if err != nil {
		tb.Fatal(err)
	}
	example, err := validate.Check(seed.Load())
	if err != nil {
		tb.Fatal(err)
	}
	return map[string]*dataset.Dataset{"example": example, "generated": gen}
}
