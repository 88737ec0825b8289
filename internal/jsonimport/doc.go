// Package jsonimport is the plumbing shared by the importers of JSON
// records from scholarly registries (packages crossref and datacite): a
// tree of JSON values that keeps where each value starts, read a record at
// a time from a list; file:line:column positions computed without
// quadratic cost however many records and problems a file has; a cheap
// look at a document's first bytes for recognizing its format; text
// cleaning and markup stripping; publication ids minted from DOIs; and
// version links between the records of one file.
//
// Every function is linear in its input, and none panics on any input.
package jsonimport
