package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// contextJSON is the @context of every JSON-LD document: schema.org's, then
// the prefixes of the other vocabularies and an @list container for author,
// so that the order of authors, a plain JSON array here, is also in the
// RDF graph (as CodeMeta's context does for its author lists).
const contextJSON = `[
    "https://schema.org",
    {
      "vivo": "` + VIVONS + `",
      "obo": "` + OBONS + `",
      "sld": "` + ScholarNS + `",
      "author": {"@id": "` + SchemaNS + `author", "@container": "@list"}
    }
  ]`

// A JSONLDEncoder writes records as one compact JSON-LD 1.1 document: the
// context of [contextJSON] and a @graph with a node object per record
// subject. Anonymous blank nodes are nested where they are used, other
// nodes are linked by @id. Output is indented and deterministic.
//
// The zero value is not usable; call [NewJSONLDEncoder]. A JSONLDEncoder
// is not safe for concurrent use.
type JSONLDEncoder struct {
	w       *bufio.Writer
	html    bool // escape <, > and & for embedding in HTML
	started bool
	buf     []byte
	err     error
}

// NewJSONLDEncoder returns an encoder that writes to w.
func NewJSONLDEncoder(w io.Writer) *JSONLDEncoder {
	return &JSONLDEncoder{w: bufio.NewWriterSize(w, 64<<10)}
}

// Encode writes the nodes of r into the document's @graph.
func (e *JSONLDEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	b := e.buf[:0]
	for _, n := range r.Nodes {
		if !e.started {
			b = append(b, "{\n  \"@context\": "...)
			b = append(b, contextJSON...)
			b = append(b, ",\n  \"@graph\": [\n    "...)
			e.started = true
		} else {
			b = append(b, ",\n    "...)
		}
		b = e.appendNode(b, n, 2)
	}
	e.buf = b
	if _, err := e.w.Write(b); err != nil {
		e.err = fmt.Errorf("export: %w", err)
	}
	return e.err
}

// Close ends the document and flushes. It does not close the underlying writer.
func (e *JSONLDEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	end := "\n  ]\n}\n"
	if !e.started {
		end = "{\n  \"@context\": " + contextJSON + ",\n  \"@graph\": []\n}\n"
	}
	if _, err := e.w.WriteString(end); err != nil {
		e.err = fmt.Errorf("export: %w", err)
		return e.err
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("export: %w", err)
	}
	return e.err
}

// appendNode appends a node object, its members indented one level deeper
// than depth.
func (e *JSONLDEncoder) appendNode(b []byte, n *Node, depth int) []byte {
	inner := strings.Repeat("  ", depth+1)
	b = append(b, '{')
	first := true
	member := func(key string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '\n')
		b = append(b, inner...)
		b = e.appendString(b, key)
		b = append(b, ": "...)
	}
	if n.ID.Kind != 0 {
		member("@id")
		b = e.appendString(b, idString(n.ID))
	}
	if len(n.Types) > 0 {
		member("@type")
		if len(n.Types) == 1 {
			b = e.appendString(b, compact(n.Types[0]))
		} else {
			b = append(b, '[')
			for i, t := range n.Types {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = e.appendString(b, compact(t))
			}
			b = append(b, ']')
		}
	}
	for _, p := range n.Props {
		key := compact(p.Predicate)
		c := plain
		if local, ok := strings.CutPrefix(p.Predicate, SchemaNS); ok {
			c = coercions[local]
		}
		member(key)
		if len(p.Values) == 1 && !(c == asIDList && p.Values[0].Kind != KindList) {
			b = e.appendValue(b, p.Values[0], c, depth+1)
			continue
		}
		b = append(b, '[')
		for i, v := range p.Values {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = e.appendValue(b, v, c, depth+1)
		}
		b = append(b, ']')
	}
	if !first {
		b = append(b, '\n')
		b = append(b, strings.Repeat("  ", depth)...)
	}
	return append(b, '}')
}

// appendValue appends one value of a property whose context coercion is c.
func (e *JSONLDEncoder) appendValue(b []byte, v Term, c coercion, depth int) []byte {
	switch v.Kind {
	case KindIRI:
		if c == asID {
			return e.appendString(b, v.Value)
		}
		return e.appendObject(b, "@id", v.Value, "", "")
	case KindBlank:
		return e.appendObject(b, "@id", idString(v), "", "")
	case KindNode:
		return e.appendNode(b, v.Node, depth)
	case KindList:
		if c == asIDList {
			return e.appendList(b, v.List, plain, depth)
		}
		b = append(b, `{"@list": `...)
		b = e.appendList(b, v.List, c, depth)
		return append(b, '}')
	case KindLiteral:
		switch {
		case v.Datatype == "" && c == plain, v.Datatype == schemaDate && c == asDate:
			return e.appendString(b, v.Value)
		case v.Datatype == "":
			return e.appendObject(b, "@value", v.Value, "", "")
		}
		return e.appendObject(b, "@value", v.Value, "@type", v.Datatype)
	}
	return append(b, "null"...)
}

func (e *JSONLDEncoder) appendList(b []byte, items []Term, c coercion, depth int) []byte {
	b = append(b, '[')
	for i, item := range items {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = e.appendValue(b, item, c, depth)
	}
	return append(b, ']')
}

// appendObject appends {"k1": "v1"} or {"k1": "v1", "k2": "v2"}.
func (e *JSONLDEncoder) appendObject(b []byte, k1, v1, k2, v2 string) []byte {
	b = append(b, '{')
	b = e.appendString(b, k1)
	b = append(b, ": "...)
	b = e.appendString(b, v1)
	if k2 != "" {
		b = append(b, ", "...)
		b = e.appendString(b, k2)
		b = append(b, ": "...)
		b = e.appendString(b, v2)
	}
	return append(b, '}')
}

// idString returns the @id of an IRI or blank node.
func idString(t Term) string {
	if t.Kind == KindBlank {
		return "_:" + t.Value
	}
	return t.Value
}

// compact returns the term for an IRI: a schema.org name as it is (the
// context's @vocab), another known vocabulary's as prefix:name.
func compact(iri string) string {
	if local, ok := strings.CutPrefix(iri, SchemaNS); ok && simpleLocal(local) {
		return local
	}
	for _, p := range prefixes[1:] {
		if local, ok := strings.CutPrefix(iri, p.ns); ok && simpleLocal(local) {
			return p.name + ":" + local
		}
	}
	return iri
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// U+2028 and U+2029 are escaped (they end lines in JavaScript), and in
// HTML mode so are <, > and &, so that the text cannot close a script
// element or open a comment.
func (e *JSONLDEncoder) appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || e.html && (c == '<' || c == '>' || c == '&'):
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
