package graph

import (
	"io"
	"strings"
)

// A TurtleEncoder writes records as Turtle (RDF 1.1): fixed prefixes, one
// block per subject, anonymous blank nodes nested in [ ], author lists as
// ( ) collections, statements in the mapping's order, and a final newline.
// It writes each record as it receives it. The zero value is not usable;
// call [NewTurtleEncoder]. A TurtleEncoder is not safe for concurrent use.
type TurtleEncoder struct {
	out
	started bool
}

// NewTurtleEncoder returns an encoder that writes to w.
func NewTurtleEncoder(w io.Writer) *TurtleEncoder {
	e := new(TurtleEncoder)
	e.init(w)
	return e
}

// Encode writes the statements of r, a block per node.
func (e *TurtleEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	b := e.buf
	if !e.started {
		b = appendHeader(b)
		e.started = true
	}
	for _, n := range r.Nodes {
		if len(n.Types) == 0 && len(n.Props) == 0 {
			continue // a node of no statement: Turtle has no form for it
		}
		b = append(b, '\n')
		b = appendNTerm(b, n.ID)
		b = appendTurtleBody(b, n, 1)
		b = append(b, " .\n"...)
	}
	e.buf = b
	return e.done()
}

// Close writes the prefixes of an empty document if nothing was encoded,
// and flushes. It does not close the underlying writer.
func (e *TurtleEncoder) Close() error {
	if !e.started && e.err == nil {
		e.started = true
		e.buf = appendHeader(e.buf)
	}
	return e.close()
}

// appendHeader appends the prefix declarations.
func appendHeader(b []byte) []byte {
	for _, p := range prefixes {
		b = append(b, "@prefix "...)
		b = append(b, p.name...)
		b = append(b, ": <"...)
		b = append(b, p.ns...)
		b = append(b, "> .\n"...)
	}
	return b
}

// appendTurtleBody appends " a T ;\n    p o, o ;\n    p o" for a node's
// types and properties, indented by depth levels of four spaces.
func appendTurtleBody(b []byte, n *Node, depth int) []byte {
	indent := spaces(4 * depth)
	first := true
	sep := func() {
		if first {
			b = append(b, ' ')
			first = false
			return
		}
		b = append(b, " ;\n"...)
		b = append(b, indent...)
	}
	if len(n.Types) > 0 {
		sep()
		b = append(b, 'a', ' ')
		for i, t := range n.Types {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendTurtleIRI(b, t)
		}
	}
	for _, p := range n.Props {
		sep()
		b = appendTurtleIRI(b, p.Predicate)
		b = append(b, ' ')
		for i, v := range p.Values {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendTurtleValue(b, v, depth)
		}
	}
	return b
}

// appendTurtleValue appends an object: a term, a nested [ ] node or a ( ) list.
func appendTurtleValue(b []byte, v Term, depth int) []byte {
	indent := spaces(4 * depth)
	switch v.Kind {
	case KindIRI:
		return appendTurtleIRI(b, v.Value)
	case KindNode:
		b = append(b, '[')
		b = appendTurtleBody(b, v.Node, depth+1)
		if len(v.Node.Types)+len(v.Node.Props) > 0 {
			b = append(b, '\n')
			b = append(b, indent...)
		}
		return append(b, ']')
	case KindList:
		if len(v.List) == 0 {
			return append(b, "()"...)
		}
		b = append(b, "(\n"...)
		for _, item := range v.List {
			b = append(b, indent...)
			b = append(b, "    "...)
			b = appendTurtleValue(b, item, depth+1)
			b = append(b, '\n')
		}
		b = append(b, indent...)
		return append(b, ')')
	case KindLiteral:
		b = appendQuoted(b, v.Value)
		if v.Datatype != "" {
			b = append(b, "^^"...)
			b = appendTurtleIRI(b, v.Datatype)
		}
		return b
	}
	return appendNTerm(b, v)
}

// appendTurtleIRI appends an IRI as a prefixed name when one of the fixed
// prefixes covers it and the rest is a simple local name, else as <iri>.
func appendTurtleIRI(b []byte, iri string) []byte {
	for _, p := range prefixes {
		if local, ok := strings.CutPrefix(iri, p.ns); ok && simpleLocal(local) {
			return append(append(append(b, p.name...), ':'), local...)
		}
	}
	return appendIRIRef(b, iri)
}

// simpleLocal reports whether s can be written as the local part of a
// prefixed name without escapes: ASCII letters, digits and underscores,
// not starting with a digit... Turtle allows more, but this is enough for
// the vocabularies used and never ambiguous.
func simpleLocal(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
