package export

import (
	"errors"
	"fmt"
	"mime"
	"slices"
	"strings"
)

// ErrUnknownFormat is wrapped by the errors of [Lookup] and
// [ForMediaType] for a format they do not know.
var ErrUnknownFormat = errors.New("unknown format")

// A Format is one export format: a name for command lines, a media type
// for HTTP, a file name extension. Formats come from [Formats], [Lookup]
// and [ForMediaType]; the zero Format is no format, and writing in it
// fails. Formats are comparable with ==.
type Format struct {
	Name      string // the name used on command lines, such as "ttl"
	MediaType string // such as "text/turtle"
	Ext       string // the file name extension, with its dot
	// PerPerson is true for the formats of which a document holds one
	// person (the HTML snippet, the ORCID records): [Write] refuses them,
	// [WritePerson] writes them.
	PerPerson bool

	kind kind
}

// kind says how a format is written.
type kind uint8

const (
	kindNone      kind = iota
	kindGraph          // an RDF syntax, written by internal/graph's encoder of the same name
	kindORCIDXML       // an ORCID record in XML
	kindORCIDJSON      // an ORCID record in the public API's JSON
	kindWorksXML       // ORCID's bulk of full works in XML
	kindWorksJSON      // ORCID's bulk of full works in JSON
	kindPostWorks      // ORCID's bulk of works as the member API takes them, in XML
	kindBibTeX         // a bibliography in BibTeX
	kindCSLJSON        // a bibliography in CSL-JSON
	kindRIS            // a bibliography in RIS
	kindYAML           // this project's own YAML (see dataset.Dataset.WriteYAML)
)

// formats is the table of formats. It is never modified.
var formats = []Format{
	{Name: "jsonld", MediaType: "application/ld+json", Ext: ".jsonld", kind: kindGraph},
	{Name: "ttl", MediaType: "text/turtle", Ext: ".ttl", kind: kindGraph},
	{Name: "nt", MediaType: "application/n-triples", Ext: ".nt", kind: kindGraph},
	{Name: "html", MediaType: "text/html", Ext: ".html", PerPerson: true, kind: kindGraph},
	{Name: "orcid-xml", MediaType: "application/vnd.orcid+xml", Ext: ".xml", PerPerson: true, kind: kindORCIDXML},
	{Name: "orcid-json", MediaType: "application/vnd.orcid+json", Ext: ".json", PerPerson: true, kind: kindORCIDJSON},
	{Name: "orcid-post-xml", MediaType: "application/vnd.orcid+xml", Ext: ".orcid-post.xml", PerPerson: true, kind: kindPostWorks},
	{Name: "bibtex", MediaType: "application/x-bibtex", Ext: ".bib", kind: kindBibTeX},
	{Name: "csljson", MediaType: "application/vnd.citationstyles.csl+json", Ext: ".csl.json", kind: kindCSLJSON},
	{Name: "ris", MediaType: "application/x-research-info-systems", Ext: ".ris", kind: kindRIS},
	{Name: "yaml", MediaType: "application/yaml", Ext: ".yaml", kind: kindYAML},
}

// works are the companion formats of the ORCID records, which [Format.Works]
// returns.
var works = []Format{
	{Name: "orcid-works-xml", MediaType: "application/vnd.orcid+xml", Ext: ".works.xml", PerPerson: true, kind: kindWorksXML},
	{Name: "orcid-works-json", MediaType: "application/vnd.orcid+json", Ext: ".works.json", PerPerson: true, kind: kindWorksJSON},
}

// Formats returns the export formats, in this order: jsonld, ttl, nt,
// html, orcid-xml and orcid-json; orcid-post-xml, a person's works as
// ORCID's member API takes them for writing (a bulk without put-codes);
// the bibliographies bibtex, csljson (CSL-JSON) and ris (see package
// biblio); and yaml (the dataset in this project's input format, to edit).
func Formats() []Format { return slices.Clone(formats) }

// Lookup returns the format called name, one of those of [Formats], or an
// error wrapping [ErrUnknownFormat].
func Lookup(name string) (Format, error) {
	if i := slices.IndexFunc(formats, func(f Format) bool { return f.Name == name }); i >= 0 {
		return formats[i], nil
	}
	return Format{}, fmt.Errorf("export: format %q: %w", name, ErrUnknownFormat)
}

// ForMediaType returns the format of a media type, such as "text/turtle"
// or "application/ld+json; charset=utf-8" (parameters are ignored, case
// is not significant), or an error wrapping [ErrUnknownFormat]. It is the
// lookup of an HTTP handler that negotiates content.
func ForMediaType(mediaType string) (Format, error) {
	mt, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(mediaType))
	}
	if i := slices.IndexFunc(formats, func(f Format) bool { return f.MediaType == mt }); i >= 0 {
		return formats[i], nil
	}
	return Format{}, fmt.Errorf("export: media type %q: %w", mediaType, ErrUnknownFormat)
}

// Works returns the format of the document that comes with a person's
// record in f, and true, for the ORCID formats: an ORCID record lists a
// person's works as summaries only, and the full works (contributors in
// byline order, abstracts) are a second document, ORCID's bulk of works
// ("orcid-works-xml" and "orcid-works-json", with extensions ".works.xml"
// and ".works.json"), which [WritePerson] writes too. For other formats it
// returns false.
func (f Format) Works() (Format, bool) {
	switch f.kind {
	case kindORCIDXML:
		return works[0], true
	case kindORCIDJSON:
		return works[1], true
	}
	return Format{}, false
}

// RDF reports whether f is a syntax of RDF, whose documents are graphs of
// triples, those of [Triples] and [ProfileTriples]: jsonld, ttl, nt, and
// the html snippet of JSON-LD.
func (f Format) RDF() bool { return f.kind == kindGraph }

// Bibliography reports whether f is a bibliography format (bibtex,
// csljson, ris): [Write] writes one entry per work of the dataset,
// [WritePerson] the works of one person.
func (f Format) Bibliography() bool {
	return f.kind == kindBibTeX || f.kind == kindCSLJSON || f.kind == kindRIS
}
