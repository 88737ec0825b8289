package biblio

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/source"
)

// An entry is one BibTeX entry as written: its type and key, and its
// fields, with @string macros expanded and # concatenations joined, their
// text still LaTeX.
type entry struct {
	Type   string // lower-case, such as "article"
	Key    string
	Off    int // byte offset of the @
	Fields []field
}

// A field is one field of an entry.
type field struct {
	Name  string // lower-case
	Value string
	Off   int // byte offset of the name
}

// get returns the value of the field called name, and whether there is one.
func (e *entry) get(name string) (field, bool) {
	for _, f := range e.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return field{}, false
}

// months are BibTeX's predefined month macros, expanded to month numbers.
var months = map[string]string{
	"jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
	"jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
}

// A parser reads a BibTeX file. It recovers from an error in an entry by
// skipping to the next @ that starts a line, so one broken entry does not
// hide the others.
type parser struct {
	name    string
	data    string
	i       int
	macros  map[string]string
	entries []entry
	errs    source.ErrorList
	warns   source.ErrorList
}

// parseBibTeX parses data, the content of the file called name. It returns
// the entries it could read, the errors of those it could not (wrapping
// source.ErrSyntax), and warnings about what it left out (@preamble).
func parseBibTeX(name string, data []byte) ([]entry, source.ErrorList, source.ErrorList) {
	p := &parser{name: name, data: string(data), macros: make(map[string]string)}
	for {
		at := strings.IndexByte(p.data[p.i:], '@')
		if at < 0 {
			break
		}
		p.i += at
		start := p.i
		if err := p.item(); err != nil {
			p.errs = append(p.errs, err)
			p.i = nextLineAt(p.data, start+1)
		}
	}
	return p.entries, p.errs, p.warns
}

// nextLineAt returns the offset of the next @ after from that is the first
// non-blank character of its line, or the end of data.
func nextLineAt(data string, from int) int {
	for i := from; i < len(data); i++ {
		if data[i] != '@' {
			continue
		}
		j := i - 1
		for j >= 0 && (data[j] == ' ' || data[j] == '\t') {
			j--
		}
		if j < 0 || data[j] == '\n' || data[j] == '\r' {
			return i
		}
	}
	return len(data)
}

// errAt returns a syntax error at byte offset off about the entry key.
func (p *parser) errAt(off int, key, format string, args ...any) *source.Error {
	return &source.Error{Pos: source.OffsetPos(p.name, []byte(p.data), min(off, len(p.data))), Path: key,
		Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), source.ErrSyntax)}
}

func (p *parser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r', '\f':
			p.i++
		default:
			return
		}
	}
}

// ident reads a name: an entry type, a field or a macro name.
func (p *parser) ident() string {
	start := p.i
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_-:.+/'", c) >= 0 || c >= utf8.RuneSelf {
			p.i++
			continue
		}
		break
	}
	return p.data[start:p.i]
}

// item reads one @ item: a comment, a preamble, a string or an entry.
func (p *parser) item() *source.Error {
	at := p.i
	p.i++ // @
	p.skipSpace()
	typ := strings.ToLower(p.ident())
	if typ == "" {
		return p.errAt(p.i, "", "@ not followed by an entry type")
	}
	p.skipSpace()
	if typ == "comment" {
		if p.i < len(p.data) && (p.data[p.i] == '{' || p.data[p.i] == '(') {
			if _, err := p.braced(""); err != nil {
				return err
			}
		}
		return nil
	}
	if p.i >= len(p.data) || p.data[p.i] != '{' && p.data[p.i] != '(' {
		return p.errAt(p.i, "", "@%s not followed by { or (", typ)
	}
	closer := byte('}')
	if p.data[p.i] == '(' {
		closer = ')'
	}
	p.i++
	p.skipSpace()
	switch typ {
	case "preamble":
		if _, err := p.value(""); err != nil {
			return err
		}
		p.warns.Add(source.OffsetPos(p.name, []byte(p.data), at), "@preamble", fmt.Errorf("scholarld holds no LaTeX preamble: %w", ErrLeftOut))
		return p.close(closer, "")
	case "string":
		nameOff := p.i
		name := strings.ToLower(p.ident())
		if name == "" {
			return p.errAt(nameOff, "", "@string without a name")
		}
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != '=' {
			return p.errAt(p.i, "@string."+name, "want = after the macro name")
		}
		p.i++
		v, err := p.value("@string." + name)
		if err != nil {
			return err
		}
		p.macros[name] = v
		return p.close(closer, "@string."+name)
	}
	e := entry{Type: typ, Off: at}
	keyStart := p.i
	for p.i < len(p.data) && !strings.ContainsRune(",}) \t\r\n", rune(p.data[p.i])) {
		if p.data[p.i] == '{' || p.data[p.i] == '@' || p.data[p.i] == '=' {
			return p.errAt(p.i, "", "@%s: %q in the citation key", typ, p.data[p.i])
		}
		p.i++
	}
	e.Key = p.data[keyStart:p.i]
	if e.Key == "" {
		return p.errAt(keyStart, "", "@%s without a citation key", typ)
	}
	p.skipSpace()
	for {
		if p.i >= len(p.data) {
			return p.errAt(p.i, e.Key, "entry not closed: want %q", closer)
		}
		if p.data[p.i] == closer {
			p.i++
			p.entries = append(p.entries, e)
			return nil
		}
		if p.data[p.i] == '@' && nextLineAt(p.data, p.i) == p.i {
			return p.errAt(e.Off, e.Key, "entry not closed before the next one: a brace or quote unbalanced in a field?")
		}
		if p.data[p.i] != ',' {
			return p.errAt(p.i, e.Key, "want , or %q between fields, found %q", closer, p.data[p.i])
		}
		p.i++
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == closer {
			continue // a trailing comma
		}
		off := p.i
		name := strings.ToLower(p.ident())
		if name == "" {
			return p.errAt(off, e.Key, "want a field name, found %s", found(p.data, off))
		}
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != '=' {
			return p.errAt(p.i, e.Key+"."+name, "want = after the field name, found %s", found(p.data, p.i))
		}
		p.i++
		v, err := p.value(e.Key + "." + name)
		if err != nil {
			return err
		}
		if _, dup := e.get(name); dup {
			p.warns.Add(source.OffsetPos(p.name, []byte(p.data), off), e.Key+"."+name, fmt.Errorf("a second %s field: the first is kept: %w", name, ErrLeftOut))
			continue
		}
		e.Fields = append(e.Fields, field{Name: name, Value: v, Off: off})
	}
}

// found describes what is at offset off, for messages.
func found(data string, off int) string {
	if off >= len(data) {
		return "the end of the file"
	}
	r, _ := utf8.DecodeRuneInString(data[off:])
	return fmt.Sprintf("%q", r)
}

// close reads the closing brace or parenthesis of an item.
func (p *parser) close(closer byte, path string) *source.Error {
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ',' {
		p.i++
		p.skipSpace()
	}
	if p.i >= len(p.data) || p.data[p.i] != closer {
		return p.errAt(p.i, path, "want %q, found %s", closer, found(p.data, p.i))
	}
	p.i++
	return nil
}

// value reads a field value: pieces joined by #, each a braced or quoted
// text, a number, or a macro.
func (p *parser) value(path string) (string, *source.Error) {
	var b strings.Builder
	for {
		p.skipSpace()
		if p.i >= len(p.data) {
			return "", p.errAt(p.i, path, "want a value, found the end of the file")
		}
		switch c := p.data[p.i]; {
		case c == '{':
			s, err := p.braced(path)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			s, err := p.quoted(path)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c >= '0' && c <= '9':
			start := p.i
			for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
				p.i++
			}
			b.WriteString(p.data[start:p.i])
		default:
			off := p.i
			name := strings.ToLower(p.ident())
			if name == "" {
				return "", p.errAt(off, path, "want a value, found %s", found(p.data, off))
			}
			v, ok := p.macros[name]
			if !ok {
				v, ok = months[name]
			}
			if !ok {
				return "", p.errAt(off, path, "undefined macro %q", name)
			}
			b.WriteString(v)
		}
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == '#' {
			p.i++
			continue
		}
		return b.String(), nil
	}
}

// braced reads a braced text, balanced, and returns it without its outer
// braces.
func (p *parser) braced(path string) (string, *source.Error) {
	start := p.i
	depth := 0
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				p.i++
				return p.data[start+1 : p.i-1], nil
			}
		case '\\':
			p.i++ // an escaped brace does not count
		case '@':
			if nextLineAt(p.data, p.i) == p.i {
				return "", p.errAt(start, path, "unbalanced braces: this { is not closed before the next entry")
			}
		}
		p.i++
	}
	return "", p.errAt(start, path, "unbalanced braces: this { is never closed")
}

// quoted reads a quoted text; a quote inside braces does not end it.
func (p *parser) quoted(path string) (string, *source.Error) {
	start := p.i
	p.i++
	depth := 0
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return "", p.errAt(p.i, path, "unbalanced braces: } without {")
			}
		case '\\':
			p.i++
		case '"':
			if depth == 0 {
				p.i++
				return p.data[start+1 : p.i-1], nil
			}
		}
		p.i++
	}
	return "", p.errAt(start, path, "this quote is never closed")
}
