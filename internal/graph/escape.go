package graph

import "unicode/utf8"

// The two string escapers, one per family of syntaxes: appendJSONString
// for JSON-LD, appendNString for the N-Triples family (N-Triples and
// Turtle share their string and IRI syntax).

const hexDigits = "0123456789abcdef"
const hexUpper = "0123456789ABCDEF"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, U+2028 and U+2029 are escaped (they end lines in JavaScript),
// and with html so are <, > and &, so that the text cannot close a script
// element or open a comment.
func appendJSONString(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is yet to be appended, unchanged
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendNString appends the body of a quoted literal (iri false) or of an
// IRIREF (iri true) in N-Triples syntax, which Turtle shares. Characters
// an IRIREF cannot hold (which validated data never has) and control
// characters in literals are written as \u escapes, so that what is read
// back is the same; invalid UTF-8 becomes \uFFFD.
func appendNString(b []byte, s string, iri bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc bool
			if iri {
				esc = c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\'
			} else {
				esc = c < 0x20 || c == 0x7f || c == '"' || c == '\\'
			}
			if !esc {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch {
			case iri:
				b = append(b, '\\', 'u', '0', '0', hexUpper[c>>4], hexUpper[c&0xf])
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexUpper[c>>4], hexUpper[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\uFFFD`...)
			start = i + size
		}
		i += size
	}
	return append(b, s[start:]...)
}

// appendIRIRef appends <iri>.
func appendIRIRef(b []byte, iri string) []byte {
	b = append(b, '<')
	b = appendNString(b, iri, true)
	return append(b, '>')
}

// appendQuoted appends s as a double-quoted literal.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendNString(b, s, false)
	return append(b, '"')
}
