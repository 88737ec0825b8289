// Package source is the input layer of scholarld: it reads YAML (and JSON,
// which is YAML's subset) strictly, and it knows where every value came from.
//
// It plays the part go/token and go/scanner play for Go source: a [File]
// decodes a document into typed values, rejecting unknown and duplicate keys,
// and maps a YAML path such as "people[0].positions[2].start" back to a
// [Pos]. Every problem with input, whether found while decoding here or
// later by package validate, is an [*Error] with a position and a path, and
// a batch of them is an [ErrorList].
//
// Source is the only package of the module that imports gopkg.in/yaml.v3.
package source
