package source

import (
	"bytes"
	"errors"
	"io"
	"slices"

	"github.com/go-json-experiment/json/jsontext"
)

// CountItems counts the items of the lists at the given top-level keys of
// a JSON document, such as a dataset's "people" and "publications", and
// stops as soon as there are more than limit: a cheap pass over the
// tokens, made before decoding, so that a file over a record limit is
// refused before the records take memory. It returns false for a document
// it cannot count this way (YAML, or JSON of another shape), which
// decoding then judges.
func (f *File) CountItems(limit int, keys ...string) (n int, ok bool) {
	if !f.json {
		return 0, false
	}
	dec := jsontext.NewDecoder(bytes.NewReader(f.data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	depth := 0
	counting := false // in the list of one of keys, at depth 2
	expectKey := false
	for {
		tok, err := dec.ReadToken()
		if errors.Is(err, io.EOF) {
			return n, true
		}
		if err != nil {
			return n, n > limit // a syntax error: decoding reports it
		}
		switch k := tok.Kind(); {
		case k == '{' || k == '[':
			if counting && depth == 2 {
				n++
			}
			depth++
			expectKey = k == '{'
			if depth == 1 && k != '{' {
				return 0, false
			}
		case k == '}' || k == ']':
			depth--
			if depth == 1 {
				counting = false
			}
			expectKey = depth == 1
		default:
			if depth == 1 && expectKey {
				key := tok.String()
				v, err := dec.ReadToken()
				if err != nil {
					return n, false
				}
				counting = v.Kind() == '[' && slices.Contains(keys, key)
				if v.Kind() == '{' || v.Kind() == '[' {
					depth++
					expectKey = v.Kind() == '{'
				}
				continue
			}
			if counting && depth == 2 {
				n++
			}
		}
		if n > limit {
			return n, true
		}
	}
}
