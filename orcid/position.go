package orcid

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/source"
)

// This file reads a document once to check its syntax and to index where
// each element or value is, so that errors from the typed decoding that
// follows, which encoding/xml and encoding/json give without a path or
// with only a byte offset, can be reported as a source.Error with the
// line, the column and the path of the value.

// A span is where one element or value of a document is, with its path
// such as "record.activities-summary.employments.affiliation-group[0]".
type span struct {
	start, end int64  // byte offsets: from the start of the element or value to its end
	path       string // with indexes
	collapsed  string // JSON only: the path without indexes, as json.UnmarshalTypeError.Field writes it
	kind       string // JSON only: "object", "array", "string", "number", "bool" or "null"
}

// An index is what the first reading of a document found.
type index struct {
	file  string
	data  []byte
	spans []span // in document order
	root  xml.Name
	top   map[string]json.RawMessage // JSON only: the top-level object
	id    string                     // the first ORCID iD in an API path, such as "/0000-0002-1825-0097/works"
	// skipped counts the items of the sections the model does not hold,
	// such as "fundings", by section.
	skipped map[string]int
}

// apiPathRE matches an API path, such as "/0000-0002-1825-0097/work/123",
// capturing the iD.
var apiPathRE = regexp.MustCompile(`^/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(/|$)`)

// skippedItems are the elements or keys that make one item of a section
// the model does not hold, with the section's name.
var skippedItems = map[string]string{
	"funding-summary":           "fundings",
	"peer-review-summary":       "peer-reviews",
	"research-resource-summary": "research-resources",
}

// note records what a path attribute or key and an element or key name tell.
func (ix *index) note(name, path string) {
	if m := apiPathRE.FindStringSubmatch(path); m != nil && ix.id == "" {
		ix.id = m[1]
	}
	if s, ok := skippedItems[name]; ok {
		if ix.skipped == nil {
			ix.skipped = make(map[string]int)
		}
		ix.skipped[s]++
	}
}

// pos returns the position of byte offset off.
func (ix *index) pos(off int64) source.Pos {
	off = max(0, min(off, int64(len(ix.data))))
	before := ix.data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return source.Pos{File: ix.file, Line: line, Column: col}
}

// errorAt returns an ErrorList of one error at offset off about the value at path.
func (ix *index) errorAt(off int64, path string, err error) error {
	return source.ErrorList{{Pos: ix.pos(off), Path: path, Err: err}}
}

// innermost returns the path of the innermost element or value that
// contains byte offset off (its start before off, its end at or after off).
func (ix *index) innermost(off int64) string {
	path := ""
	depth := -1
	for _, s := range ix.spans {
		if s.start < off && off <= s.end {
			if d := strings.Count(s.path, ".") + strings.Count(s.path, "["); d > depth {
				path, depth = s.path, d
			}
		}
	}
	return path
}

// listElems are the XML elements that a container holds several of; their
// paths carry an index, as JSON array items do.
var listElems = map[string]bool{
	"affiliation-group": true, "group": true, "work": true, "work-summary": true,
	"distinction-summary": true, "education-summary": true, "employment-summary": true,
	"invited-position-summary": true, "membership-summary": true, "qualification-summary": true,
	"service-summary": true, "external-id": true, "contributor": true, "other-name": true,
	"researcher-url": true, "email": true, "address": true, "keyword": true,
	"external-identifier": true,
}

// indexXML checks that data is well-formed XML and indexes its elements.
// Its errors are an ErrorList wrapping source.ErrSyntax.
func indexXML(file string, data []byte) (*index, error) {
	ix := &index{file: file, data: data}
	dec := xml.NewDecoder(bytes.NewReader(data))
	type open struct {
		name   string
		span   int            // index in ix.spans
		counts map[string]int // children seen, by name
	}
	var stack []open
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			path := ""
			if len(stack) > 0 {
				path = ix.spans[stack[len(stack)-1].span].path
			}
			line, col := dec.InputPos()
			var syn *xml.SyntaxError
			msg := err.Error()
			if errors.As(err, &syn) {
				msg = syn.Msg
			}
			return nil, source.ErrorList{{Pos: source.Pos{File: file, Line: line, Column: col}, Path: path,
				Err: fmt.Errorf("%s: %w", msg, source.ErrSyntax)}}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path := t.Name.Local
			if len(stack) == 0 {
				if len(ix.spans) > 0 {
					return nil, ix.errorAt(before, "", fmt.Errorf("a second root element <%s>: %w", t.Name.Local, source.ErrSyntax))
				}
				ix.root = t.Name
			} else {
				parent := &stack[len(stack)-1]
				path = ix.spans[parent.span].path + "." + t.Name.Local
				if listElems[t.Name.Local] && parent.name != t.Name.Local {
					path += "[" + strconv.Itoa(parent.counts[t.Name.Local]) + "]"
				}
				parent.counts[t.Name.Local]++
			}
			for _, a := range t.Attr {
				if a.Name.Local == "path" && a.Name.Space == "" {
					ix.note("", a.Value)
				}
			}
			ix.note(t.Name.Local, "")
			stack = append(stack, open{name: t.Name.Local, span: len(ix.spans), counts: make(map[string]int)})
			ix.spans = append(ix.spans, span{start: before, path: path})
		case xml.EndElement:
			ix.spans[stack[len(stack)-1].span].end = dec.InputOffset()
			stack = stack[:len(stack)-1]
		}
	}
	if len(ix.spans) == 0 {
		return nil, ix.errorAt(int64(len(data)), "", fmt.Errorf("no root element: %w", source.ErrSyntax))
	}
	return ix, nil
}

// indexJSON checks that data is one JSON object and indexes its values.
// Its errors are an ErrorList wrapping source.ErrSyntax.
func indexJSON(file string, data []byte) (*index, error) {
	ix := &index{file: file, data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type open struct {
		span    int
		isArray bool
		n       int    // items seen, in an array
		key     string // the pending key, in an object
		hasKey  bool
	}
	var stack []open
	var lastKey string // the key of the pending "path" value
	// valueStart returns where the next token starts: after white space,
	// colons and commas.
	valueStart := func(off int64) int64 {
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
			off++
		}
		return off
	}
	child := func() (path, collapsed string) {
		if len(stack) == 0 {
			return "", ""
		}
		top := &stack[len(stack)-1]
		parent := ix.spans[top.span]
		if top.isArray {
			top.n++
			return parent.path + "[" + strconv.Itoa(top.n-1) + "]", parent.collapsed
		}
		top.hasKey = false
		return join(parent.path, top.key), join(parent.collapsed, top.key)
	}
	for {
		start := valueStart(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, ix.errorAt(int64(len(data)), ix.spans[stack[len(stack)-1].span].path, fmt.Errorf("unexpected end of JSON input: %w", source.ErrSyntax))
			}
			break
		}
		if err != nil {
			off := start
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				off = syn.Offset
			}
			path := ""
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				path = ix.spans[top.span].path
				if top.hasKey {
					path = join(path, top.key)
				}
			}
			return nil, ix.errorAt(off, path, fmt.Errorf("%v: %w", strings.TrimPrefix(err.Error(), "json: "), source.ErrSyntax))
		}
		if len(stack) == 0 && len(ix.spans) > 0 {
			return nil, ix.errorAt(start, "", fmt.Errorf("data after the top-level object: %w", source.ErrSyntax))
		}
		// A string in an object with no pending key is a key.
		if s, ok := tok.(string); ok && len(stack) > 0 && !stack[len(stack)-1].isArray && !stack[len(stack)-1].hasKey {
			top := &stack[len(stack)-1]
			top.key, top.hasKey = s, true
			lastKey = s
			ix.note(s, "")
			continue
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			ix.spans[stack[len(stack)-1].span].end = dec.InputOffset()
			stack = stack[:len(stack)-1]
			continue
		}
		path, collapsed := child()
		sp := span{start: start, end: dec.InputOffset(), path: path, collapsed: collapsed}
		switch t := tok.(type) {
		case json.Delim:
			sp.kind = "object"
			if t == '[' {
				sp.kind = "array"
			}
			if len(ix.spans) == 0 && t != '{' {
				return nil, ix.errorAt(start, "", fmt.Errorf("an ORCID document is a JSON object, not an array: %w", source.ErrSyntax))
			}
			stack = append(stack, open{span: len(ix.spans), isArray: t == '['})
		case string:
			sp.kind = "string"
			if lastKey == "path" {
				ix.note("", t)
			}
		case json.Number:
			sp.kind = "number"
		case bool:
			sp.kind = "bool"
		case nil:
			sp.kind = "null"
		}
		if len(ix.spans) == 0 && sp.kind != "object" {
			return nil, ix.errorAt(start, "", fmt.Errorf("an ORCID document is a JSON object, not a %s: %w", sp.kind, source.ErrSyntax))
		}
		lastKey = ""
		ix.spans = append(ix.spans, sp)
	}
	if len(ix.spans) == 0 {
		return nil, ix.errorAt(int64(len(data)), "", fmt.Errorf("no JSON value: %w", source.ErrSyntax))
	}
	if err := json.Unmarshal(data, &ix.top); err != nil {
		return nil, ix.errorAt(0, "", fmt.Errorf("%v: %w", err, source.ErrSyntax))
	}
	return ix, nil
}

// join joins a path and a key.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonError returns err, from decoding the indexed JSON document into
// typed values, as an ErrorList with the position and path of the value
// it is about. A json.UnmarshalTypeError names the value's path without
// indexes and its kind; its offset is relative to the innermost value
// with its own decoding method, so the first value of that path and kind
// is the one reported.
func (ix *index) jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		var list source.ErrorList
		if errors.As(err, &list) {
			return list
		}
		return ix.errorAt(0, "", fmt.Errorf("%v: %w", err, source.ErrType))
	}
	kind, _, _ := strings.Cut(te.Value, " ")
	for _, s := range ix.spans {
		if s.collapsed == te.Field && s.kind == kind {
			return ix.errorAt(s.start, s.path, fmt.Errorf("%s where %s was expected: %w", s.kind, describe(te), source.ErrType))
		}
	}
	off := te.Offset
	return ix.errorAt(off, ix.innermost(off), fmt.Errorf("%s where %s was expected: %w", te.Value, describe(te), source.ErrType))
}

// describe names what an UnmarshalTypeError expected.
func describe(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "another kind of value"
	}
	switch te.Type.Kind().String() {
	case "string":
		return "a string"
	case "int", "int64", "int32", "uint", "uint64":
		return "an integer"
	case "struct", "ptr":
		return "an object"
	case "slice":
		return "an array"
	case "bool":
		return "true or false"
	}
	return te.Type.String()
}

// xmlError returns err, from decoding the indexed XML document into typed
// values with dec, as an ErrorList at the decoder's position, with the path
// of the innermost element there.
func (ix *index) xmlError(dec *xml.Decoder, err error) error {
	if !errors.Is(err, source.ErrType) {
		err = fmt.Errorf("%v: %w", err, source.ErrType)
	}
	off := dec.InputOffset()
	line, col := dec.InputPos()
	return source.ErrorList{{Pos: source.Pos{File: ix.file, Line: line, Column: col}, Path: ix.innermost(off), Err: err}}
}
