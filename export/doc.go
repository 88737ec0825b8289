// Package export writes a dataset as linked data and ORCID records.
//
// A web server calls [ProfileScript] to get the JSON-LD of a person's
// profile page as a <script type="application/ld+json"> element, ready to
// drop into an html/template, where search engines read it:
//
//	script, err := export.ProfileScript(d, "ada", export.Options{Base: "https://research.example.edu/"})
//	...
//	page.Execute(w, struct{ LinkedData template.HTML }{script})
//
// [ProfileJSONLD] returns the same document alone, for clients that ask
// for application/ld+json. Both give the lean profile, the document the
// person pages of package site embed: schema.org only, every person in it
// named, which rich-results validators accept without error or warning.
// [Options.FullProfile] gives the full graph of the person instead, as the
// dump says it (past positions, education, VIVO-ISF advising).
//
// Programs that write files choose a [Format] from the registry, by name
// with [Lookup], by media type with [ForMediaType], or all of them with
// [Formats]: JSON-LD, Turtle, N-Triples, the HTML snippet, and ORCID API
// v3.0 records in XML and JSON. [Write] writes the whole dataset; [WritePerson]
// writes one person's profile page, or their ORCID record. [Triples] and
// [ProfileTriples] give the same graphs as github.com/knakk/rdf values.
//
// Every function checks the dataset with package validate first, and
// returns its error, a source.ErrorList, having written nothing, unless
// [Options.Validated] says the caller did already.
//
// The mapping follows schema.org 30.0 for people, organizations, positions
// and publications (authors as an ordered list), and VIVO-ISF for
// supervision, with a few terms of scholarld's own namespace [ScholarNS].
// Output is deterministic: no clock, no randomness.
package export
