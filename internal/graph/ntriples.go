package graph

import (
	"io"
	"strconv"
)

// An NTriplesEncoder writes records as N-Triples (RDF 1.1), one statement
// per line, as it receives them: memory does not grow with the document.
// The zero value is not usable; call [NewNTriplesEncoder]. An
// NTriplesEncoder is not safe for concurrent use.
type NTriplesEncoder struct {
	out
	blanks int
}

// NewNTriplesEncoder returns an encoder that writes to w.
func NewNTriplesEncoder(w io.Writer) *NTriplesEncoder {
	e := new(NTriplesEncoder)
	e.init(w)
	return e
}

// Encode writes the statements of r.
func (e *NTriplesEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	b := e.buf
	for t := range r.triples(e.label) {
		b = appendNTerm(b, t.Subject)
		b = append(b, ' ')
		b = appendNTerm(b, t.Predicate)
		b = append(b, ' ')
		b = appendNTerm(b, t.Object)
		b = append(b, " .\n"...)
	}
	e.buf = b
	return e.done()
}

// Close flushes what is buffered. It does not close the underlying writer.
func (e *NTriplesEncoder) Close() error { return e.close() }

func (e *NTriplesEncoder) label() string {
	e.blanks++
	return "b" + strconv.Itoa(e.blanks)
}

// appendNTerm appends an IRI, blank node or literal in N-Triples syntax,
// which Turtle shares.
func appendNTerm(b []byte, t Term) []byte {
	switch t.Kind {
	case KindIRI:
		return appendIRIRef(b, t.Value)
	case KindBlank:
		return append(append(b, "_:"...), t.Value...)
	case KindLiteral:
		b = appendQuoted(b, t.Value)
		if t.Datatype != "" {
			b = append(b, "^^"...)
			b = appendIRIRef(b, t.Datatype)
		}
		return b
	}
	return b
}
