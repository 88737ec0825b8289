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
	lines   *source.Lines
	i       int
	macros  map[string]string
	budget  int  // the bytes that macros may still add, see [expansionBudget]
	stopped bool // the budget ran out: the rest of the file is not read
	entries []entry
	errs    source.ErrorList
	warns   source.ErrorList
}

// expansionBudget is how many bytes the expansions of @string macros may
// add to a file of n bytes whose loader reads files of at most maxFile
// bytes: what the file and its expansions hold counts toward that same
// limit, and, so that memory stays within what the loaders promise for
// any input (a few hundred bytes per byte of input), expansions may add at
// most 8 bytes per byte of the file, and 256 KiB. Real files expand
// journal names and months, a small part of their size; ten macros that
// each join the one before ten times ("billion laughs") would make 10^10
// bytes of 600.
func expansionBudget(n int, maxFile int64) int {
	return int(max(min(maxFile-int64(n), 8*int64(n)+256<<10), 0))
}

// parseBibTeX parses data, the content of the file called name. It returns
// the entries it could read, the errors of those it could not (wrapping
// source.ErrSyntax), and warnings about what it left out (@preamble).
//
// Outside entries, as biber and pandoc read it, a % starts a comment that
// runs to the end of its line (so a comment that mentions "@misc)" is no
// entry), and other text is skipped; between the fields of an entry a %
// comment is white space, and inside a value a % is text.
func parseBibTeX(name string, data string, lines *source.Lines, budget int) ([]entry, source.ErrorList, source.ErrorList) {
	p := &parser{name: name, data: data, lines: lines, budget: budget, macros: make(map[string]string)}
	for !p.stopped {
		at := strings.IndexAny(p.data[p.i:], "@%")
		if at < 0 {
			break
		}
		p.i += at
		if p.data[p.i] == '%' {
			p.skipComment()
			continue
		}
		start := p.i
		if err := p.item(); err != nil {
			p.errs = append(p.errs, err)
			if !p.stopped {
				p.i = nextLineAt(p.data, start+1)
			}
			continue
		}
		if off, err := badText(p.data[start:p.i]); err != nil && keyAt(p.data, start) != "@comment" {
			// An entry with text that is not UTF-8 is not read: its key
			// says which, and the error how to convert the file. A
			// comment is not read anyway.
			p.errs.Add(p.lines.Pos(start+off), keyAt(p.data, start), err)
			if n := len(p.entries); n > 0 && p.entries[n-1].Off == start {
				p.entries = p.entries[:n-1]
			}
		}
	}
	return p.entries, p.errs, p.warns
}

// keyAt returns, for messages, the citation key of the entry whose @ is
// at offset at, as far as it can be read: an entry that is not UTF-8 has
// one, or "@string" and the like.
func keyAt(data string, at int) string {
	s := data[at+1 : min(len(data), at+200)]
	typ, rest, ok := strings.Cut(s, "{")
	if !ok {
		typ, rest, _ = strings.Cut(s, "(")
	}
	typ = strings.ToLower(strings.TrimSpace(typ))
	switch typ {
	case "string", "preamble", "comment":
		return "@" + typ
	}
	key, _, _ := strings.Cut(rest, ",")
	key = strings.TrimSpace(key)
	if !utf8.ValidString(key) || strings.ContainsAny(key, "\x00{}\n") {
		return ""
	}
	return key
}

// nextLineAt returns the offset of the next @ from offset from on that is
// the first non-blank character of its line, or the end of data.
func nextLineAt(data string, from int) int {
	for i := from; i < len(data); i++ {
		if data[i] == '@' && atLineStart(data, i) {
			return i
		}
	}
	return len(data)
}

// atLineStart reports whether the @ at offset i is the first non-blank
// character of its line. It looks back over blanks only, so that asking it
// of every @ of a file is linear in the file.
func atLineStart(data string, i int) bool {
	j := i - 1
	for j >= 0 && (data[j] == ' ' || data[j] == '\t') {
		j--
	}
	return j < 0 || data[j] == '\n' || data[j] == '\r'
}

// entryStart reports whether the @ at offset i, met inside a value,
// starts the next entry: it is the first non-blank character of its line
// and an entry type and a { or ( follow it. A value is read on past any
// other @, as biber reads it (an abstract may have a line "@ home"), and
// stops at one that starts an entry, so that a brace or quote left open
// loses one entry, not the rest of the file. The look ahead reads no
// further than the entry type, so asking it of every @ is linear.
func entryStart(data string, i int) bool {
	if !atLineStart(data, i) {
		return false
	}
	j := i + 1
	for j < len(data) && (data[j] == ' ' || data[j] == '\t') {
		j++
	}
	k := j
	for k < len(data) && (data[k] >= 'a' && data[k] <= 'z' || data[k] >= 'A' && data[k] <= 'Z') {
		k++
	}
	for k > j && k < len(data) && (data[k] == ' ' || data[k] == '\t') {
		k++
	}
	return k > j && k < len(data) && (data[k] == '{' || data[k] == '(')
}

// errAt returns a syntax error at byte offset off about the entry key.
func (p *parser) errAt(off int, key, format string, args ...any) *source.Error {
	return &source.Error{Pos: p.lines.Pos(off), Path: key,
		Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), source.ErrSyntax)}
}

// skipSpace skips white space and % comments.
func (p *parser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r', '\f':
			p.i++
		case '%':
			p.skipComment()
		default:
			return
		}
	}
}

// skipComment skips a % comment, to the end of its line.
func (p *parser) skipComment() {
	if nl := strings.IndexByte(p.data[p.i:], '\n'); nl >= 0 {
		p.i += nl + 1
	} else {
		p.i = len(p.data)
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
		return p.errAt(at, "", "@ not followed by an entry type")
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
		return p.errAt(at, "", "@%s not followed by { or (", typ)
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
		p.warns.Add(p.lines.Pos(at), "@preamble", fmt.Errorf("scholarld holds no LaTeX preamble: %w", ErrLeftOut))
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
			if p.stopped {
				err.Pos, err.Path = p.lines.Pos(at), "@string."+name
			}
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
		if p.data[p.i] == '@' && atLineStart(p.data, p.i) {
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
			p.warns.Add(p.lines.Pos(off), e.Key+"."+name, fmt.Errorf("a second %s field: the first is kept: %w", name, ErrLeftOut))
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
				return "", p.errAt(off, path, "undefined macro %s", excerpt(name))
			}
			if p.budget -= len(v); p.budget < 0 {
				p.stopped = true
				return "", &source.Error{Pos: p.lines.Pos(off), Path: path, Err: fmt.Errorf(
					"macro %s: the expansions of macros make the file too large (they may add 8 bytes a byte of the file and 256 KiB, within the file limit); the rest of the file is not read: %w", excerpt(name), source.ErrTooLarge)}
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
			if entryStart(p.data, p.i) {
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
		case '@':
			if entryStart(p.data, p.i) {
				return "", p.errAt(start, path, "this quote is not closed before the next entry")
			}
		}
		p.i++
	}
	return "", p.errAt(start, path, "this quote is never closed")
}
