// Package synthtest holds the test plumbing of package synth, apart from
// it so that programs using synth do not import package testing.
package synthtest

import (
	"os"
	"testing"

	"github.com/scholarld/scholarld/internal/synth"
)

// Main runs the tests and benchmarks of m, then removes the directory of
// synth.Bench. A package whose benchmarks use synth.Bench calls it from its
// TestMain.
func Main(m *testing.M) {
	code := m.Run()
	synth.CleanBench()
	os.Exit(code)
}
