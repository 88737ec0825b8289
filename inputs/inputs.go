// Package inputs lists every input format scholarld reads, for a
// [dataset.Loader]: package dataset reads its own format, YAML and JSON,
// and each importer package gives its own format (orcid.Format,
// biblio.BibTeX, ...), but dataset imports none of them, so that a program
// reads the formats it asks for, not those it happens to link. This
// package is the one that imports them all.
package inputs

import (
	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/orcid"
)

// Formats returns the formats of the importer packages, in the order a
// [dataset.Loader] is to try them, before YAML and JSON: ORCID records,
// OpenAlex records, DataCite and Crossref documents, BibTeX, then
// CSL-JSON, which claims any JSON array and so comes after the formats
// that tell theirs apart. Each call returns a new slice.
func Formats() []dataset.Format {
	return []dataset.Format{
		orcid.Format(),
		openalex.Format(),
		datacite.Format(),
		crossref.Format(),
		biblio.BibTeX(),
		biblio.CSLJSON(),
	}
}

// Loader returns a [dataset.Loader] of every format: [Formats], then YAML
// and JSON. It reads the operating system's files with the default
// limits; set its FS and Limits to read otherwise.
func Loader() dataset.Loader {
	return dataset.Loader{Formats: Formats()}
}
