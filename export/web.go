package export

import (
	"bytes"
	"html/template"
	"io"
	"slices"
	"sync"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
)

// bufPool holds the buffers of ProfileScript and ProfileJSONLD.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ProfileScript returns the HTML snippet of the profile page of the person
// of d whose id is personID: a <script type="application/ld+json"> element
// holding the document [WritePerson] writes in JSON-LD, for the head of the
// page, ready for html/template. The snippet is inert whatever the data
// holds: every <, > and & in the JSON is written as a \u escape, so no text
// can close the element, open a comment or start a tag. It is the full
// document: rich-results validators, which know schema.org only, report
// its VIVO-ISF supervision nodes as errors and its schema.org Roles as
// warnings (docs/site.md explains each).
//
// Validation and errors are as for [WritePerson]. It is safe for
// concurrent use, as long as nothing modifies d.
func ProfileScript(d *dataset.Dataset, personID string, opts Options) (template.HTML, error) {
	s, err := profile(d, personID, opts, graph.NewScriptEncoder, func(b []byte) string { return string(b) })
	return template.HTML(s), err
}

// ProfileJSONLD returns the JSON-LD document of the profile page of the
// person of d whose id is personID, the one [WritePerson] writes. It is
// what an HTTP handler serves for application/ld+json.
//
// Validation and errors are as for [WritePerson]. It is safe for
// concurrent use, as long as nothing modifies d.
func ProfileJSONLD(d *dataset.Dataset, personID string, opts Options) ([]byte, error) {
	return profile(d, personID, opts, graph.NewJSONLDEncoder, slices.Clone[[]byte])
}

// profile encodes the profile page of a person with an encoder of newEnc,
// into a pooled buffer whose bytes are handed to result.
func profile[T any](d *dataset.Dataset, personID string, opts Options, newEnc func(w io.Writer) *graph.JSONLDEncoder, result func([]byte) T) (T, error) {
	wr, err := NewWriter(d, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	return writeProfile(wr, personID, newEnc, result)
}

// ProfileScript returns the profile page of a person of the Writer's
// dataset as the function [ProfileScript] does.
func (wr *Writer) ProfileScript(personID string) (template.HTML, error) {
	s, err := writeProfile(wr, personID, graph.NewScriptEncoder, func(b []byte) string { return string(b) })
	return template.HTML(s), err
}

// ProfileJSONLD returns the JSON-LD document of the profile page of a
// person of the Writer's dataset, as the function [ProfileJSONLD] does.
func (wr *Writer) ProfileJSONLD(personID string) ([]byte, error) {
	return writeProfile(wr, personID, graph.NewJSONLDEncoder, slices.Clone[[]byte])
}

func writeProfile[T any](wr *Writer, personID string, newEnc func(w io.Writer) *graph.JSONLDEncoder, result func([]byte) T) (T, error) {
	var zero T
	p, err := graph.FindPerson(wr.x, personID)
	if err != nil {
		return zero, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, _, err := graph.Write(newEnc(buf), wr.m.ProfilePage(wr.x, p)); err != nil {
		return zero, err
	}
	return result(buf.Bytes()), nil
}
