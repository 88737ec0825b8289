package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
)

// ErrUnknownFormat is wrapped by the error [Lookup] returns for a name it
// does not know.
var ErrUnknownFormat = errors.New("unknown format")

// An Encoder writes records in one format, each as it is given. Close must
// be called to finish the document; it does not close the underlying writer.
type Encoder interface {
	Encode(r *Record) error
	Close() error
}

// A Format describes one export format.
type Format struct {
	Name      string // the name used on command lines, such as "ttl"
	MediaType string
	Ext       string // the file name extension, with its dot
	// NewEncoder returns an encoder writing to w.
	NewEncoder func(w io.Writer) Encoder
}

// formats is the table of formats. It is never modified.
var formats = []Format{
	{Name: "jsonld", MediaType: "application/ld+json", Ext: ".jsonld", NewEncoder: func(w io.Writer) Encoder { return NewJSONLDEncoder(w) }},
	{Name: "ttl", MediaType: "text/turtle", Ext: ".ttl", NewEncoder: func(w io.Writer) Encoder { return NewTurtleEncoder(w) }},
	{Name: "nt", MediaType: "application/n-triples", Ext: ".nt", NewEncoder: func(w io.Writer) Encoder { return NewNTriplesEncoder(w) }},
	{Name: "html", MediaType: "text/html", Ext: ".html", NewEncoder: func(w io.Writer) Encoder { return NewScriptEncoder(w) }},
}

// Formats returns the export formats: jsonld, ttl, nt and html.
func Formats() []Format { return slices.Clone(formats) }

// Lookup returns the format called name, or an error wrapping [ErrUnknownFormat].
func Lookup(name string) (Format, error) {
	if i := slices.IndexFunc(formats, func(f Format) bool { return f.Name == name }); i >= 0 {
		return formats[i], nil
	}
	return Format{}, fmt.Errorf("export: format %q: %w", name, ErrUnknownFormat)
}
