// Package seed embeds the example dataset of scholarld: the profile page of
// Ioannis Mitliagkas in Mila's directory, as YAML, enriched with verified
// facts (arXiv ids, venues, ROR ids, full author lists).
//
// The files are compiled in, so programs and tests that use the example
// work from any directory. The command embeds it as the input of a run
// without -in, which is why it lives here and not under examples/: code
// outside examples/ never imports examples/. Examples and tests written
// for a reader use the same files through package examples/seed.
package seed

import (
	"embed"

	"github.com/scholarld/scholarld/dataset"
)

// FS holds the example's YAML files at its root.
//
//go:embed *.yaml
var FS embed.FS

// Load loads the example dataset from [FS].
func Load() (*dataset.Dataset, error) {
	l := dataset.Loader{FS: FS}
	return l.Load(".")
}
