package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// An NTriplesEncoder writes records as N-Triples (RDF 1.1), one statement
// per line, as it receives them: memory does not grow with the document.
// The zero value is not usable; call [NewNTriplesEncoder]. An
// NTriplesEncoder is not safe for concurrent use.
type NTriplesEncoder struct {
	w      *bufio.Writer
	blanks int
	buf    []byte
	err    error
}

// NewNTriplesEncoder returns an encoder that writes to w.
func NewNTriplesEncoder(w io.Writer) *NTriplesEncoder {
	return &NTriplesEncoder{w: bufio.NewWriterSize(w, 64<<10)}
}

// Encode writes the statements of r.
func (e *NTriplesEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	for t := range r.triples(e.label) {
		b := appendNTerm(e.buf[:0], t.Subject)
		b = append(b, ' ')
		b = appendNTerm(b, t.Predicate)
		b = append(b, ' ')
		b = appendNTerm(b, t.Object)
		b = append(b, " .\n"...)
		e.buf = b
		if _, err := e.w.Write(b); err != nil {
			e.err = fmt.Errorf("export: %w", err)
			return e.err
		}
	}
	return nil
}

// Close flushes what is buffered. It does not close the underlying writer.
func (e *NTriplesEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("export: %w", err)
	}
	return e.err
}

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

// appendIRIRef appends <iri>. Characters an IRIREF cannot hold (which
// validated data never has) are written as \u escapes, so that the IRI
// read back is the same.
func appendIRIRef(b []byte, iri string) []byte {
	b = append(b, '<')
	for i := 0; i < len(iri); {
		c := iri[i]
		if c < utf8.RuneSelf {
			if c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\' {
				b = fmt.Appendf(b, `\u%04X`, c)
			} else {
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(iri[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\uFFFD`...)
		} else {
			b = append(b, iri[i:i+size]...)
		}
		i += size
	}
	return append(b, '>')
}

// appendQuoted appends s as a double-quoted string with the escapes that
// N-Triples and Turtle both read.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				b = append(b, `\"`...)
			case c == '\\':
				b = append(b, `\\`...)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			case c < 0x20 || c == 0x7f:
				b = fmt.Appendf(b, `\u%04X`, c)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\uFFFD`...) // invalid UTF-8, which validation rejects
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
