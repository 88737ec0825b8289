package orcid

import (
	"fmt"
	"io"
)

// PostWorks returns r's full works in the shape ORCID's member API takes
// them for writing (POST /v3.0/{orcid}/work and /works, as ORCID's
// write_samples show): without the put-codes and paths that ORCID assigns,
// which [Record.WriteWorksXML] writes as the read API serves them. The
// works are copies; r is not modified.
func (r *Record) PostWorks() []Work {
	works := make([]Work, len(r.Works))
	for i, w := range r.Works {
		w.PutCode, w.Path = 0, ""
		works[i] = w
	}
	return works
}

// WritePostWorksXML writes r's works as one bulk element (bulk-3.0.xsd)
// in the shape of [Record.PostWorks], ready for POST /v3.0/{orcid}/works.
// ORCID takes at most 100 works a request; a caller posting more splits
// them. Errors are those of w.
func (r *Record) WritePostWorksXML(w io.Writer) error {
	return writeXML(w, &bulk{Works: r.PostWorks()})
}

// WritePostWorksJSON writes r's works as the JSON of a bulk of works in
// the shape of [Record.PostWorks].
func (r *Record) WritePostWorksJSON(w io.Writer) error {
	return writeJSON(w, bulk{Works: r.PostWorks()})
}

// WritePostWorkXML writes work i of r alone, a work element
// (work-3.0.xsd) in the shape of [Record.PostWorks], ready for POST
// /v3.0/{orcid}/work. It is an error that r has no work i.
func (r *Record) WritePostWorkXML(w io.Writer, i int) error {
	works := r.PostWorks()
	if i < 0 || i >= len(works) {
		return fmt.Errorf("orcid: work %d of %d: no such work", i, len(works))
	}
	return writeXML(w, &works[i])
}
