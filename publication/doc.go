// Package publication holds the typed model of scholarly works: a
// [Publication] with its ordered [Contributor]s, [Venue], [Identifiers] and
// links to other versions of the same work.
//
// Like package profile, whose [profile.Date] and [profile.ORCID] it uses, it
// is plain data with `yaml` and `validate` tags, and identifier types
// ([DOI], [ArXiv], [ISBN], [ISSN], [PMID]) held in canonical form.
//
// Publication imports the standard library and package profile only.
package publication
