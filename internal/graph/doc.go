// Package graph is the RDF machinery behind package export: the term model
// (Term, Node, Record), the Mapper from scholarld's model to schema.org and
// VIVO-ISF, and the hand-written streaming encoders of JSON-LD, Turtle,
// N-Triples and the HTML script snippet.
//
// Users go through package export; package stream uses the Mapper and the
// encoders directly, to map a dataset chunk by chunk.
package graph
