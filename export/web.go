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
// can close the element, open a comment or start a tag.
//
// By default it holds the lean document, the one the person page of
// package site embeds: schema.org only, every person in it named, on which
// a rich-results validator (Adobe's structured-data validator, run by the
// tests) reports no error and no warning. Its works link to their pages
// under opts.Base, by opts.PublicationPath; its ProfilePage is dated by
// the person's created and updated fields only (the site adds its own
// dates where those are missing). With opts.FullProfile it holds the full
// document instead, with the VIVO-ISF advising relationships and
// schema.org Roles that such validators report (see [Options.FullProfile]
// and docs/site.md).
//
// Validation and errors are as for [WritePerson]. It is safe for
// concurrent use, as long as nothing modifies d.
func ProfileScript(d *dataset.Dataset, personID string, opts Options) (template.HTML, error) {
	s, err := profileDoc(d, personID, opts, graph.NewScriptEncoder, func(b []byte) string { return string(b) })
	return template.HTML(s), err
}

// ProfileJSONLD returns the JSON-LD document of the profile page of the
// person of d whose id is personID, the one [WritePerson] writes and
// [ProfileScript] holds: lean unless opts.FullProfile. It is what an HTTP
// handler serves for application/ld+json.
//
// Validation and errors are as for [WritePerson]. It is safe for
// concurrent use, as long as nothing modifies d.
func ProfileJSONLD(d *dataset.Dataset, personID string, opts Options) ([]byte, error) {
	return profileDoc(d, personID, opts, graph.NewJSONLDEncoder, slices.Clone[[]byte])
}

// profileDoc encodes the profile page of a person with an encoder of newEnc,
// into a pooled buffer whose bytes are handed to result.
func profileDoc[T any](d *dataset.Dataset, personID string, opts Options, newEnc func(w io.Writer) *graph.JSONLDEncoder, result func([]byte) T) (T, error) {
	wr, err := NewWriter(d, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	return writeProfile(wr, personID, newEnc, result)
}

// writeProfile encodes the profile page of a person of wr's dataset with
// an encoder of newEnc, the one WritePerson makes for html or jsonld.
func writeProfile[T any](wr *Writer, personID string, newEnc func(w io.Writer) *graph.JSONLDEncoder, result func([]byte) T) (T, error) {
	var zero T
	p, err := wr.person(personID)
	if err != nil {
		return zero, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, _, err := graph.Write(newEnc(buf), wr.profilePage(p)); err != nil {
		return zero, err
	}
	return result(buf.Bytes()), nil
}
