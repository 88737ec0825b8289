package graph

import (
	"io"
	"strings"
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
// The zero value is not usable; call [NewJSONLDEncoder] or
// [NewScriptEncoder]. A JSONLDEncoder is not safe for concurrent use.
type JSONLDEncoder struct {
	out
	html    bool // escape <, > and & for embedding in HTML
	script  bool // wrap the document in a script element
	compact bool // no white space between tokens
	started bool
}

// NewJSONLDEncoder returns an encoder that writes to w.
func NewJSONLDEncoder(w io.Writer) *JSONLDEncoder {
	e := new(JSONLDEncoder)
	e.init(w)
	return e
}

// NewScriptEncoder returns an encoder that writes records as an HTML
// snippet: a <script type="application/ld+json"> element holding the
// JSON-LD document that a [JSONLDEncoder] writes, for the head or body of
// a web page, where search engines read it.
//
// The snippet is inert whatever the data holds: every <, > and & in the
// JSON is written as a \u escape (which JSON parsers read back unchanged),
// so no text can close the element, open a comment or start a tag, and
// U+2028 and U+2029 are escaped too. It may be inserted into an
// html/template as a template.HTML value.
func NewScriptEncoder(w io.Writer) *JSONLDEncoder {
	e := NewJSONLDEncoder(w)
	e.html, e.script = true, true
	return e
}

// SetCompact makes the encoder write the document without white space
// between its tokens, for machines: the @graph of a web page's script
// element on one line, a fifth smaller than indented.
func (e *JSONLDEncoder) SetCompact() { e.compact = true }

const (
	scriptStart = `<script type="application/ld+json">` + "\n"
	scriptEnd   = "</script>\n"
	emptyGraph  = "{\n  \"@context\": " + contextJSON + ",\n  \"@graph\": []\n}\n"
	graphStart  = "{\n  \"@context\": " + contextJSON + ",\n  \"@graph\": [\n    "
	graphEnd    = "\n  ]\n}\n"
)

// The same, compact; each ends in a newline where the indented one does.
var (
	compactEmptyGraph = compactJSON(emptyGraph)
	compactGraphStart = compactJSON(graphStart)
	compactGraphEnd   = compactJSON(graphEnd)
)

// compactJSON removes the white space between the tokens of a piece of
// JSON, but the newline at its end.
func compactJSON(s string) string {
	var b []byte
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			inString = c != '"' || escaped
			escaped = !escaped && c == '\\'
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' && i < len(s)-1:
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// sep returns a separator: ": " or ", " indented, ":" or "," compact.
func (e *JSONLDEncoder) sep(s string) string {
	if e.compact {
		return s[:1]
	}
	return s
}

// newline appends a newline and the indentation of depth levels, unless
// the encoder is compact.
func (e *JSONLDEncoder) newline(b []byte, depth int) []byte {
	if e.compact {
		return b
	}
	b = append(b, '\n')
	return append(b, spaces(2*depth)...)
}

// Encode writes the nodes of r into the document's @graph.
func (e *JSONLDEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	b := e.buf
	for _, n := range r.Nodes {
		if !e.started {
			if e.script {
				b = append(b, scriptStart...)
			}
			if e.compact {
				b = append(b, compactGraphStart...)
			} else {
				b = append(b, graphStart...)
			}
			e.started = true
		} else {
			b = append(b, ',')
			b = e.newline(b, 2)
		}
		b = e.appendNode(b, n, 2)
	}
	e.buf = b
	return e.done()
}

// Close ends the document (and the script element) and flushes. It does
// not close the underlying writer.
func (e *JSONLDEncoder) Close() error {
	if e.err == nil && e.buf != nil {
		end, empty := graphEnd, emptyGraph
		if e.compact {
			end, empty = compactGraphEnd, compactEmptyGraph
		}
		switch {
		case e.started:
			e.buf = append(e.buf, end...)
		case e.script:
			e.buf = append(e.buf, scriptStart+empty...)
		default:
			e.buf = append(e.buf, empty...)
		}
		if e.script {
			e.buf = append(e.buf, scriptEnd...)
		}
	}
	return e.close()
}

// appendNode appends a node object, its members indented one level deeper
// than depth.
func (e *JSONLDEncoder) appendNode(b []byte, n *Node, depth int) []byte {
	b = append(b, '{')
	first := true
	// member appends the start of a member whose key is a keyword, or
	// else the term of the IRI predicate.
	member := func(keyword, predicate string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = e.newline(b, depth+1)
		if keyword != "" {
			b = appendJSONString(b, keyword, e.html)
		} else {
			b = e.appendCompact(b, predicate)
		}
		b = append(b, e.sep(": ")...)
	}
	if n.ID.Kind != 0 {
		member("@id", "")
		b = appendJSONString(b, idString(n.ID), e.html)
	}
	if len(n.Types) > 0 {
		member("@type", "")
		if len(n.Types) == 1 {
			b = e.appendCompact(b, n.Types[0])
		} else {
			b = append(b, '[')
			for i, t := range n.Types {
				if i > 0 {
					b = append(b, e.sep(", ")...)
				}
				b = e.appendCompact(b, t)
			}
			b = append(b, ']')
		}
	}
	for _, p := range n.Props {
		c := plain
		if local, ok := strings.CutPrefix(p.Predicate, SchemaNS); ok {
			c = coercions[local]
		}
		member("", p.Predicate)
		if len(p.Values) == 1 && !(c == asIDList && p.Values[0].Kind != KindList) {
			b = e.appendValue(b, p.Values[0], c, depth+1)
			continue
		}
		b = append(b, '[')
		for i, v := range p.Values {
			if i > 0 {
				b = append(b, e.sep(", ")...)
			}
			b = e.appendValue(b, v, c, depth+1)
		}
		b = append(b, ']')
	}
	if !first {
		b = e.newline(b, depth)
	}
	return append(b, '}')
}

// appendValue appends one value of a property whose context coercion is c.
func (e *JSONLDEncoder) appendValue(b []byte, v Term, c coercion, depth int) []byte {
	switch v.Kind {
	case KindIRI:
		if c == asID {
			return appendJSONString(b, v.Value, e.html)
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
		b = append(b, `{"@list"`...)
		b = append(b, e.sep(": ")...)
		b = e.appendList(b, v.List, c, depth)
		return append(b, '}')
	case KindLiteral:
		switch {
		case v.Datatype == "" && c == plain, v.Datatype == schemaDate && c == asDate:
			return appendJSONString(b, v.Value, e.html)
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
			b = append(b, e.sep(", ")...)
		}
		b = e.appendValue(b, item, c, depth)
	}
	return append(b, ']')
}

// appendObject appends {"k1": "v1"} or {"k1": "v1", "k2": "v2"}.
func (e *JSONLDEncoder) appendObject(b []byte, k1, v1, k2, v2 string) []byte {
	b = append(b, '{')
	b = appendJSONString(b, k1, e.html)
	b = append(b, e.sep(": ")...)
	b = appendJSONString(b, v1, e.html)
	if k2 != "" {
		b = append(b, e.sep(", ")...)
		b = appendJSONString(b, k2, e.html)
		b = append(b, e.sep(": ")...)
		b = appendJSONString(b, v2, e.html)
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

// appendCompact appends the term for an IRI as a JSON string: a
// schema.org name as it is (the context's @vocab), another known
// vocabulary's as prefix:name.
func (e *JSONLDEncoder) appendCompact(b []byte, iri string) []byte {
	if local, ok := strings.CutPrefix(iri, SchemaNS); ok && simpleLocal(local) {
		b = append(b, '"')
		b = append(b, local...)
		return append(b, '"')
	}
	for _, p := range prefixes[1:] {
		if local, ok := strings.CutPrefix(iri, p.ns); ok && simpleLocal(local) {
			b = append(b, '"')
			b = append(b, p.name...)
			b = append(b, ':')
			b = append(b, local...)
			return append(b, '"')
		}
	}
	return appendJSONString(b, iri, e.html)
}
