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

// A span is where one element or value of a document is. Its path, such
// as "record.activities-summary.employments.affiliation-group[0]", is not
// kept but made on demand from the spans it is in: a span's size does not
// grow with its depth, so the index of a document of n bytes takes O(n)
// memory however deep the document nests.
type span struct {
	start, end int64  // byte offsets: from the start of the element or value to its end
	parent     int32  // the span it is in, or -1
	depth      int32  // the number of steps of its path: 0 for the root
	keys       int32  // JSON only: the number of keys in its path (its depth without array items)
	index      int32  // its index in its list, or -1 for none
	name       string // its element's name or its key; "" for a JSON array item
	kind       string // JSON only: "object", "array", "string", "number", "bool" or "null"
}

// maxDepth is how deep a document may nest. ORCID's documents nest about
// ten deep; a deeper one is refused as hostile.
const maxDepth = 1000

// path returns the path of span i, with indexes.
func (ix *index) path(i int) string {
	if i < 0 {
		return ""
	}
	var segs []string
	for j := int32(i); j >= 0; j = ix.spans[j].parent {
		sp := &ix.spans[j]
		seg := sp.name
		if sp.index >= 0 {
			seg += "[" + strconv.Itoa(int(sp.index)) + "]"
		}
		segs = append(segs, seg)
	}
	var b strings.Builder
	for k := len(segs) - 1; k >= 0; k-- {
		if b.Len() > 0 && !strings.HasPrefix(segs[k], "[") {
			b.WriteByte('.')
		}
		b.WriteString(segs[k])
	}
	return b.String()
}

// collapsedIs reports whether the path of span i without indexes is field,
// as json.UnmarshalTypeError.Field writes it ("a.b.c"), without making it.
func (ix *index) collapsedIs(i int, field string) bool {
	if int(ix.spans[i].keys) != strings.Count(field, ".")+1 {
		return false
	}
	for j := int32(i); j >= 0; j = ix.spans[j].parent {
		sp := &ix.spans[j]
		if sp.name == "" {
			continue // an array item
		}
		if field == sp.name {
			return sp.parent < 0 || ix.spans[sp.parent].keys == 0
		}
		if !strings.HasSuffix(field, "."+sp.name) {
			return false
		}
		field = field[:len(field)-len(sp.name)-1]
	}
	return false
}

// tooDeep returns the error about a document nested deeper than maxDepth.
func (ix *index) tooDeep(off int64, parent int) error {
	return ix.errorAt(off, ix.shortPath(parent), fmt.Errorf("nested more than %d deep: %w", maxDepth, source.ErrTooLarge))
}

// shortPath returns the path of span i, or its first steps if it is long.
func (ix *index) shortPath(i int) string {
	p := ix.path(i)
	if len(p) > 200 {
		p = p[:200] + "…"
	}
	return p
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
	skipped   map[string]int
	skippedAt map[string]source.Pos // where the first item of each is
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

// note records what a path attribute or key and an element or key name,
// at byte offset off, tell.
func (ix *index) note(name, path string, off int64) {
	if m := apiPathRE.FindStringSubmatch(path); m != nil && ix.id == "" {
		ix.id = m[1]
	}
	if s, ok := skippedItems[name]; ok {
		if ix.skipped == nil {
			ix.skipped = make(map[string]int)
			ix.skippedAt = make(map[string]source.Pos)
		}
		if ix.skipped[s] == 0 {
			ix.skippedAt[s] = ix.pos(off)
		}
		ix.skipped[s]++
	}
}

// pos returns the position of byte offset off.
func (ix *index) pos(off int64) source.Pos {
	return source.OffsetPos(ix.file, ix.data, int(min(off, int64(len(ix.data)))))
}

// errorAt returns an ErrorList of one error at offset off about the value at path.
func (ix *index) errorAt(off int64, path string, err error) error {
	return source.ErrorList{{Pos: ix.pos(off), Path: path, Err: err}}
}

// innermost returns the path of the innermost element or value that
// contains byte offset off (its start before off, its end at or after off).
func (ix *index) innermost(off int64) string {
	best, depth := -1, int32(-1)
	for i, s := range ix.spans {
		if s.start < off && off <= s.end && s.depth > depth {
			best, depth = i, s.depth
		}
	}
	return ix.path(best)
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
				path = ix.shortPath(stack[len(stack)-1].span)
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
			sp := span{start: before, parent: -1, index: -1, name: t.Name.Local}
			if len(stack) == 0 {
				if len(ix.spans) > 0 {
					return nil, ix.errorAt(before, "", fmt.Errorf("a second root element <%s>: %w", t.Name.Local, source.ErrSyntax))
				}
				ix.root = t.Name
			} else {
				parent := &stack[len(stack)-1]
				if len(stack) >= maxDepth {
					return nil, ix.tooDeep(before, parent.span)
				}
				sp.parent, sp.depth = int32(parent.span), ix.spans[parent.span].depth+1
				if listElems[t.Name.Local] && parent.name != t.Name.Local {
					if parent.counts == nil {
						parent.counts = make(map[string]int)
					}
					sp.index = int32(parent.counts[t.Name.Local])
					parent.counts[t.Name.Local]++
				}
			}
			for _, a := range t.Attr {
				if a.Name.Local == "path" && a.Name.Space == "" {
					ix.note("", a.Value, before)
				}
			}
			ix.note(t.Name.Local, "", before)
			stack = append(stack, open{name: t.Name.Local, span: len(ix.spans)})
			ix.spans = append(ix.spans, sp)
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
	// child returns the span of the next value, in the innermost open
	// object or array.
	child := func(start, end int64) span {
		sp := span{start: start, end: end, parent: -1, index: -1}
		if len(stack) == 0 {
			return sp
		}
		top := &stack[len(stack)-1]
		parent := &ix.spans[top.span]
		sp.parent, sp.depth, sp.keys = int32(top.span), parent.depth+1, parent.keys
		if top.isArray {
			sp.index = int32(top.n)
			top.n++
			return sp
		}
		top.hasKey = false
		sp.name = top.key
		sp.keys++
		return sp
	}
	for {
		start := valueStart(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, ix.errorAt(int64(len(data)), ix.shortPath(stack[len(stack)-1].span), fmt.Errorf("unexpected end of JSON input: %w", source.ErrSyntax))
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
				path = ix.shortPath(top.span)
				if top.hasKey {
					path = join(path, shorten(top.key))
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
			ix.note(s, "", start)
			continue
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			ix.spans[stack[len(stack)-1].span].end = dec.InputOffset()
			stack = stack[:len(stack)-1]
			continue
		}
		sp := child(start, dec.InputOffset())
		switch t := tok.(type) {
		case json.Delim:
			if len(stack) >= maxDepth {
				return nil, ix.tooDeep(start, stack[len(stack)-1].span)
			}
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
				ix.note("", t, start)
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

// shorten cuts a long key for a message.
func shorten(key string) string {
	if len(key) > 100 {
		return key[:100] + "…"
	}
	return key
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
	for i, s := range ix.spans {
		if s.kind == kind && ix.collapsedIs(i, te.Field) {
			return ix.errorAt(s.start, ix.path(i), fmt.Errorf("%s where %s was expected: %w", s.kind, describe(te), source.ErrType))
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
