// Package seed gives the example dataset of scholarld to examples and
// tests: the profile page of Ioannis Mitliagkas in Mila's directory, as
// YAML, enriched with verified facts (arXiv ids, venues, ROR ids, full
// author lists).
//
// The files are those of internal/seed, which the command embeds as its
// default input; this package makes them importable from outside the
// module, for runnable examples that a reader can copy.
package seed

import (
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/seed"
)

// FS holds the example's YAML files at its root.
var FS = seed.FS

// Load loads the example dataset from [FS].
func Load() (*dataset.Dataset, error) { return seed.Load() }
