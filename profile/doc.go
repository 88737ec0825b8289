// Package profile holds the typed model of researchers: a [Person] with a
// [Name], identifiers, research topics, positions at [Organization]s,
// education, awards and the students they supervise ([Supervision]).
//
// The types are plain data. Their `yaml` tags define the input format, and
// their `validate` tags the shape rules that package validate enforces
// (with the checks no tag can express, such as ORCID checksums and
// cross-references). Identifier types such as [ORCID], [ROR] and
// [Wikidata] are strings in canonical form; their Parse functions accept
// the usual variants (URLs, prefixes) and return that form. A [Date] is a
// partial calendar date: a year, a month or a day.
//
// Profile imports the standard library only.
package profile
