package export

import (
	"fmt"
	"io"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/validate"
)

// Options configure the mapping. The zero value is usable: IRIs are minted
// under [DefaultBase] and every function validates the dataset first.
type Options struct {
	// Base starts every IRI the mapping mints: organizations are
	// Base+"organizations/"+id+"#org", publications
	// Base+"publications/"+id+"#work", and, unless PageURL is set, profile
	// pages Base+"people/"+id. Organizations with a ROR ID and publications
	// with a DOI or arXiv id are named by those instead. It must be an
	// absolute http(s) IRI with no query or fragment (see [Options.Check]);
	// a missing final slash is added. Empty means [DefaultBase].
	Base string
	// PageURL returns the URL of the profile page of the person with the
	// given id; nil means Base+"people/"+id. The person is PageURL(id)+"#person".
	PageURL func(personID string) string
	// Validated says the caller has checked the dataset already, with
	// package validate, and found no problem; otherwise every function of
	// this package checks it first.
	Validated bool
}

// Check reports whether the options can be used, before anything is
// read or written: the base IRI must be an absolute http or https URL
// that records' URLs could be, with no query or fragment. Every function
// of this package checks its options too.
func (o Options) Check() error {
	if o.Base == "" {
		return nil
	}
	return graph.CheckBase(o.Base)
}

// Stats says what was written.
type Stats struct {
	Records int // records mapped: people, organizations, publications, profile pages; 1 for an ORCID record
	Triples int // RDF statements they make; 0 for an ORCID record
	// Loss lists what an ORCID record cannot hold (see [orcid.Export]);
	// it is nil for other formats.
	Loss orcid.Loss
}

// check validates d unless opts say it is valid.
func check(d *dataset.Dataset, opts Options) error {
	if opts.Validated {
		return nil
	}
	return validate.Dataset(d)
}

func newMapper(d *dataset.Dataset, opts Options) (*graph.Mapper, error) {
	return graph.NewMapper(d, graph.Options{Base: opts.Base, PageURL: opts.PageURL, Reuse: true})
}

// Write writes every record of d to w in format f: publications, then
// organizations, then people, each in the order of the dataset. It fails
// for the formats whose documents hold one person ([Format.PerPerson]).
// In yaml, it writes the dataset as [dataset.Dataset.WriteYAML] does, and
// Stats.Records counts the records.
//
// Unless opts.Validated, it first checks d with [validate.Dataset] and
// returns its error, a source.ErrorList, having written nothing. Other
// errors are those of w, wrapped.
func Write(w io.Writer, f Format, d *dataset.Dataset, opts Options) (Stats, error) {
	if f.kind == kindYAML {
		if err := check(d, opts); err != nil {
			return Stats{}, err
		}
		return Stats{Records: d.Len()}, d.WriteYAML(w)
	}
	if f.kind != kindGraph || f.PerPerson {
		return Stats{}, fmt.Errorf("export: format %q: one document holds one person; use WritePerson", f.Name)
	}
	if err := check(d, opts); err != nil {
		return Stats{}, err
	}
	m, err := newMapper(d, opts)
	if err != nil {
		return Stats{}, err
	}
	enc, _ := graph.NewEncoder(f.Name, w)
	var st Stats
	st.Records, st.Triples, err = graph.Write(enc, m.Dataset(d))
	return st, err
}

// WritePerson writes to w the document of the person of d whose id is
// personID, in format f: in the RDF formats and the HTML snippet, the
// document of their profile page, a schema:ProfilePage whose mainEntity is
// the person, the person, the organizations they refer to (with their
// parents) and the publications they authored, so that the document stands
// alone; in the ORCID formats, their ORCID API v3.0 record (see
// [orcid.Export]), or with the format of [Format.Works] the full works that
// go with it, and Stats.Loss lists what ORCID cannot hold.
//
// Validation and errors are as for [Write]; it is an error too that d
// has no person personID, or that f is yaml, a format of whole datasets.
func WritePerson(w io.Writer, f Format, d *dataset.Dataset, personID string, opts Options) (Stats, error) {
	if f.kind == kindNone {
		return Stats{}, fmt.Errorf("export: format %q: %w", f.Name, ErrUnknownFormat)
	}
	if err := check(d, opts); err != nil {
		return Stats{}, err
	}
	p, err := graph.FindPerson(d, personID)
	if err != nil {
		return Stats{}, err
	}
	if f.kind == kindYAML {
		return Stats{}, fmt.Errorf("format %q: a document holds a whole dataset; use Write", f.Name)
	}
	if f.kind != kindGraph {
		return writeORCID(w, f, d, personID)
	}
	m, err := newMapper(d, opts)
	if err != nil {
		return Stats{}, err
	}
	enc, _ := graph.NewEncoder(f.Name, w)
	var st Stats
	st.Records, st.Triples, err = graph.Write(enc, m.ProfilePage(d, p))
	return st, err
}

// writeORCID writes the ORCID record of a person of d, or its works.
func writeORCID(w io.Writer, f Format, d *dataset.Dataset, personID string) (Stats, error) {
	rec, loss, err := orcid.ExportValidated(d, personID)
	if err != nil {
		return Stats{}, err
	}
	var write func(io.Writer) error
	switch f.kind {
	case kindORCIDXML:
		write = rec.WriteXML
	case kindORCIDJSON:
		write = rec.WriteJSON
	case kindWorksXML:
		write = rec.WriteWorksXML
	case kindWorksJSON:
		write = rec.WriteWorksJSON
	}
	if err := write(w); err != nil {
		return Stats{}, fmt.Errorf("writing the ORCID record: %w", err)
	}
	return Stats{Records: 1, Loss: loss}, nil
}
