// Package source is the input layer of scholarld: it reads YAML and JSON
// strictly, and it knows where every value came from.
//
// It plays the part go/token and go/scanner play for Go source: a [File]
// decodes a document into typed values, rejecting unknown and duplicate keys,
// and maps a YAML path such as "people[0].positions[2].start" back to a
// [Pos]. Every problem with input, whether found while decoding here or
// later by package validate, is an [*Error] with a position and a path, and
// a batch of them is an [ErrorList].
//
// YAML is decoded with gopkg.in/yaml.v3. JSON (see [NewFile] for how a file
// is known to be JSON) is decoded with github.com/go-json-experiment/json,
// which is several times faster and refuses what is not JSON, with the
// same kinds of errors, positions and paths; see [File.Decode]. Positions
// of values, for [File.Pos], come from yaml.v3's tree of the document in
// both cases, built only when first asked for.
//
// Source is the only package of the module that imports gopkg.in/yaml.v3
// or github.com/go-json-experiment/json.
package source
