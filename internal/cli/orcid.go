package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/orcid/api"
)

// orcidPrefix starts an -in that names an ORCID iD to fetch from ORCID's
// public API, such as orcid:0000-0002-1825-0097.
const orcidPrefix = "orcid:"

// inputFlags are the -in flags and where ORCID records are fetched from.
type inputFlags struct {
	in      pathList
	api     string // base URL of ORCID's public API
	matches string // the file of the match report, or ""
	all     bool   // print every line of the match report (validate)
}

func (i *inputFlags) register(fs *flag.FlagSet) {
	fs.Var(&i.in, "in", "a YAML, JSON, BibTeX or CSL-JSON dataset, an ORCID record, a directory of them (`path`), or orcid:iD to fetch a record from ORCID's public API (repeatable; default: the embedded example)")
	fs.StringVar(&i.api, "orcid-api", api.DefaultBaseURL, "the `URL` of ORCID's public API, for -in orcid:iD")
	fs.StringVar(&i.matches, "matches", "", "write the report of the authors matched to people, each at its file:line:col, to `file`")
}

// loader returns the loader of the inputs: with no -in, that of the
// embedded example, which it then names.
func (i *inputFlags) loader() dataset.Loader {
	if len(i.in) > 0 {
		return dataset.Loader{}
	}
	i.in = []string{"."}
	return dataset.Loader{FS: seed.FS}
}

// split returns the paths to read and the ORCID iDs to fetch.
func (i *inputFlags) split() (paths, ids []string) {
	for _, in := range i.in {
		if id, ok := strings.CutPrefix(in, orcidPrefix); ok {
			ids = append(ids, id)
		} else {
			paths = append(paths, in)
		}
	}
	return paths, ids
}

// fetch fetches the records of ids, with their works.
func (i *inputFlags) fetch(ctx context.Context, ids []string) ([]dataset.Document, error) {
	c := &api.Client{BaseURL: i.api}
	var docs []dataset.Document
	for _, id := range ids {
		got, err := c.Fetch(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("-in orcid:%s: %w", id, err)
		}
		docs = append(docs, got...)
	}
	return docs, nil
}
