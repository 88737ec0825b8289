package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/seed"
	"github.com/scholarld/scholarld/orcid/api"
	"github.com/scholarld/scholarld/resolve"
)

// orcidPrefix starts an -in that names an ORCID iD to fetch from ORCID's
// public API, such as orcid:0000-0002-1825-0097.
const orcidPrefix = "orcid:"

// fetchPrefixes start an -in that names a record to fetch rather than a
// path: an ORCID iD, or a DOI or an OpenAlex id, which package resolve
// fetches.
var fetchPrefixes = []string{orcidPrefix, resolve.DOIScheme, resolve.OpenAlexScheme, "https://doi.org/", "https://openalex.org/"}

// inputFlags are the -in flags and where records are fetched from.
type inputFlags struct {
	in      pathList
	api     string         // base URL of ORCID's public API
	timeout time.Duration  // the bound of fetching one ORCID record and its works
	resolve resolve.Client // fetches DOIs and OpenAlex ids
	matches string         // the file of the match report, or ""
	all     bool           // print every line of the match report (validate)
}

func (i *inputFlags) register(fs *flag.FlagSet) {
	fs.Var(&i.in, "in", "a YAML, JSON, BibTeX or CSL-JSON dataset, an ORCID record, a directory of them (`path`), or a record to fetch: orcid:iD from ORCID's public API, doi:DOI from Crossref or DataCite, openalex:W… (a work) or openalex:A… (an author and their works) from OpenAlex (repeatable; default: the embedded example)")
	fs.StringVar(&i.api, "orcid-api", api.DefaultBaseURL, "the `URL` of ORCID's public API, for -in orcid:iD")
	fs.DurationVar(&i.timeout, "orcid-timeout", api.DefaultTimeout, "the most time fetching one ORCID record and its works may take, for -in orcid:iD; 0 for no limit (each request also has limits per phase: connection 30s, TLS 15s, headers 30s, body 2m)")
	fs.StringVar(&i.matches, "matches", "", "write the report of the authors matched to people, each at its file:line:col, to `file`")
	fs.StringVar(&i.resolve.DOIBaseURL, "doi-api", resolve.DefaultDOIBaseURL, "the `URL` of doi.org, which says who registered a DOI, for -in doi:DOI")
	fs.StringVar(&i.resolve.CrossrefURL, "crossref-api", resolve.DefaultCrossrefURL, "the `URL` of Crossref's REST API, for -in doi:DOI")
	fs.StringVar(&i.resolve.DataCiteURL, "datacite-api", resolve.DefaultDataCiteURL, "the `URL` of DataCite's REST API, for -in doi:DOI")
	fs.StringVar(&i.resolve.OpenAlexURL, "openalex-api", resolve.DefaultOpenAlexURL, "the `URL` of OpenAlex's API, for -in openalex:ID")
	fs.StringVar(&i.resolve.Mailto, "mailto", "", "your e-mail `address`, sent with the requests of -in orcid:, doi: and openalex:, so that the services can reach you (Crossref and OpenAlex serve such requests faster)")
	fs.StringVar(&i.resolve.OpenAlexKey, "openalex-key", "", "an OpenAlex API `key`, for -in openalex:ID")
}

// loader returns the loader of the inputs, which reads every format: with
// no -in, that of the embedded example, which it then names.
func (i *inputFlags) loader() dataset.Loader {
	l := inputs.Loader()
	if len(i.in) == 0 {
		i.in = []string{"."}
		l.FS = seed.FS
	}
	return l
}

// split returns the paths to read and the records to fetch, the -in
// that start with one of fetchPrefixes.
func (i *inputFlags) split() (paths, ids []string) {
	for _, in := range i.in {
		if hasPrefix(in, fetchPrefixes) {
			ids = append(ids, in)
		} else {
			paths = append(paths, in)
		}
	}
	return paths, ids
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// fetch fetches the records of ids: ORCID records with their works, DOIs'
// records, OpenAlex works and authors with their works.
func (i *inputFlags) fetch(ctx context.Context, ids []string) ([]dataset.Document, error) {
	c := &api.Client{BaseURL: i.api, Timeout: i.timeout}
	if i.timeout == 0 {
		c.Timeout = -1 // none
	}
	if i.resolve.Mailto != "" {
		c.Contact = "mailto:" + strings.TrimPrefix(i.resolve.Mailto, "mailto:")
	}
	var docs []dataset.Document
	for _, id := range ids {
		var got []dataset.Document
		var err error
		if iD, ok := strings.CutPrefix(id, orcidPrefix); ok {
			got, err = c.Fetch(ctx, iD)
		} else {
			got, err = i.resolve.Fetch(ctx, id)
		}
		if err != nil {
			return nil, fmt.Errorf("-in %s: %w", id, err)
		}
		docs = append(docs, got...)
	}
	return docs, nil
}
