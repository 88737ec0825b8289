package export

import (
	"fmt"
	"io"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
)

// A PersonWriter writes the documents of many people of one dataset, as
// [WritePerson] does, mapping the dataset's organizations and publications
// once rather than for every document: the writer of a site with a page per
// person. A PersonWriter is not safe for concurrent use; make one for each
// goroutine.
type PersonWriter struct {
	d    *dataset.Dataset
	m    *graph.Mapper
	opts Options
}

// NewPersonWriter returns a PersonWriter of the people of d. Unless
// opts.Validated, it first checks d with [validate.Dataset] and returns
// its error, a source.ErrorList. It fails too for an invalid opts.Base.
func NewPersonWriter(d *dataset.Dataset, opts Options) (*PersonWriter, error) {
	if err := check(d, opts); err != nil {
		return nil, err
	}
	m, err := newMapper(d, opts)
	if err != nil {
		return nil, err
	}
	opts.Validated = true
	return &PersonWriter{d: d, m: m, opts: opts}, nil
}

// WritePerson writes the document of the person whose id is personID in
// format f, as [WritePerson] does.
func (pw *PersonWriter) WritePerson(w io.Writer, f Format, personID string) (Stats, error) {
	if f.kind != kindGraph {
		return WritePerson(w, f, pw.d, personID, pw.opts)
	}
	p, err := graph.FindPerson(pw.d, personID)
	if err != nil {
		return Stats{}, err
	}
	enc, ok := graph.NewEncoder(f.Name, w)
	if !ok {
		return Stats{}, fmt.Errorf("export: format %q: %w", f.Name, ErrUnknownFormat)
	}
	var st Stats
	st.Records, st.Triples, err = graph.Write(enc, pw.m.ProfilePage(pw.d, p))
	return st, err
}
