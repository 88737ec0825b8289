package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// A collector reads a JSON document into a value as json-experiment does,
// but goes on after a problem with a value, as yaml.v3 does, so that every
// problem is reported at once. It walks objects and arrays itself and
// leaves each scalar to json-experiment. It runs only after the fast pass
// failed, so it may be slow.
type collector struct {
	f    *File
	dec  *jsontext.Decoder
	errs ErrorList

	lines []int // offsets of line starts, made for the first error
}

// collect decodes the document into v, which has plan p, and returns its
// problems, sorted; a syntax error, if any, is returned alone.
func (f *File) collect(v reflect.Value, p *plan) ErrorList {
	// Duplicate names are found here, so that they are errors about one
	// value like the others, not of the whole document.
	c := &collector{f: f, dec: jsontext.NewDecoder(bytes.NewReader(f.data), jsontext.AllowDuplicateNames(true))}
	err := c.value(v, p, "")
	if err == nil {
		off := f.skipSpace(int(c.dec.InputOffset()))
		switch _, err = c.dec.ReadToken(); {
		case err == io.EOF:
			err = nil
		case err == nil:
			return ErrorList{{Pos: f.offsetPos(off), Err: fmt.Errorf("data after the top-level value: %w", ErrSyntax)}}
		}
	}
	if err != nil {
		if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
			return ErrorList{f.syntaxError(se)}
		}
		off := f.skipSpace(int(c.dec.InputOffset()))
		return ErrorList{{Pos: f.offsetPos(off), Err: fmt.Errorf("%v: %w", err, ErrSyntax)}}
	}
	c.errs.Sort()
	return c.errs
}

// value reads the next JSON value into v. It returns only errors that end
// the walk: syntax errors. Problems with the value are added to c.errs.
func (c *collector) value(v reflect.Value, p *plan, path string) error {
	kind := c.dec.PeekKind()
	if kind == 0 {
		_, err := c.dec.ReadToken() // the syntax error PeekKind saw
		return err
	}
	switch {
	case p.kind == ptrKind:
		if kind == 'n' {
			_, err := c.dec.ReadToken()
			v.SetZero()
			return err
		}
		if v.IsNil() {
			v.Set(reflect.New(p.typ.Elem()))
		}
		return c.value(v.Elem(), p.elem, path)
	case p.kind == structKind && kind == '{':
		return c.object(path, func(name string, off int) error {
			f, ok := p.fields[name]
			if !ok {
				c.add(off, join(path, name), unknownField(name, yamlKeys(p.typ)))
				return c.dec.SkipValue()
			}
			return c.value(v.Field(f.index), f.plan, join(path, name))
		})
	case p.kind == mapKind && kind == '{':
		if v.IsNil() {
			v.Set(reflect.MakeMap(p.typ))
		}
		return c.object(path, func(name string, _ int) error {
			elem := reflect.New(p.elem.typ).Elem()
			err := c.value(elem, p.elem, join(path, name))
			v.SetMapIndex(reflect.ValueOf(name).Convert(p.typ.Key()), elem)
			return err
		})
	case p.kind == sliceKind && kind == '[':
		if _, err := c.dec.ReadToken(); err != nil {
			return err
		}
		s := reflect.MakeSlice(p.typ, 0, 0)
		for i := 0; c.dec.PeekKind() != ']'; i++ {
			s = reflect.Append(s, reflect.New(p.elem.typ).Elem())
			if err := c.value(s.Index(i), p.elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				v.Set(s)
				return err
			}
		}
		v.Set(s)
		_, err := c.dec.ReadToken()
		return err
	case kind == 'n' && p.kind != leafKind:
		_, err := c.dec.ReadToken()
		v.SetZero() // as json-experiment does
		return err
	case p.kind == leafKind || p.kind == structKind && p.text && kind == '"':
		return c.leaf(v, p, path)
	}
	off := int(c.dec.InputOffset())
	raw, err := c.dec.ReadValue()
	if err != nil {
		return err
	}
	c.add(c.f.skipSpace(off), path, fmt.Errorf("got %s, want %s: %w", describeJSON(raw), describeGo(p), ErrType))
	return nil
}

// object reads a JSON object, calling member for each name not seen
// before in it with the offset of the name, positioned at its value.
func (c *collector) object(path string, member func(name string, off int) error) error {
	if _, err := c.dec.ReadToken(); err != nil {
		return err
	}
	seen := make(map[string]int)
	for c.dec.PeekKind() != '}' {
		off := int(c.dec.InputOffset())
		tok, err := c.dec.ReadToken()
		if err != nil {
			return err
		}
		name := tok.String()
		off = c.f.skipSpace(off)
		if first, ok := seen[name]; ok {
			c.add(off, join(path, name), fmt.Errorf("%q given twice (first at %d:%d): %w", name, c.pos(first).Line, c.pos(first).Column, ErrDuplicateKey))
			if err := c.dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		seen[name] = off
		if err := member(name, off); err != nil {
			return err
		}
	}
	_, err := c.dec.ReadToken()
	return err
}

// leaf reads a scalar with json-experiment, adding any problem to c.errs.
func (c *collector) leaf(v reflect.Value, p *plan, path string) error {
	if p.str && c.dec.PeekKind() == '"' {
		tok, err := c.dec.ReadToken()
		v.SetString(tok.String())
		return err
	}
	off := int(c.dec.InputOffset())
	raw, err := c.dec.ReadValue()
	if err != nil {
		return err
	}
	err = json.Unmarshal(raw, v.Addr().Interface(), jsonOptions)
	if err == nil {
		return nil
	}
	want := describeGo(p)
	got := describeJSON(raw)
	var cause error
	if se, ok := errors.AsType[*json.SemanticError](err); ok && se.Err != nil {
		cause = se.Err
	}
	switch {
	case got == want || got == "null" || p.text && raw.Kind() == '"':
		// the right kind, but not a value of the type, such as 1e999 for an int
		if cause == nil {
			cause = err
		}
		err = fmt.Errorf("invalid %s %s: %w: %w", want, snippet(raw), cause, ErrType)
	default:
		err = fmt.Errorf("got %s %s, want %s: %w", got, snippet(raw), want, ErrType)
	}
	c.add(c.f.skipSpace(off), path, err)
	return nil
}

func (c *collector) add(off int, path string, err error) {
	c.errs = append(c.errs, &Error{Pos: c.pos(off), Path: path, Err: err})
}

// pos is [File.offsetPos] in logarithmic time, for documents with many errors.
func (c *collector) pos(off int) Pos {
	if c.lines == nil {
		c.lines = []int{0}
		for i, b := range c.f.data {
			if b == '\n' {
				c.lines = append(c.lines, i+1)
			}
		}
	}
	off = min(max(off, 0), len(c.f.data))
	line, found := slices.BinarySearch(c.lines, off)
	if !found {
		line-- // the line starting before off
	}
	col := utf8.RuneCount(c.f.data[c.lines[line]:off]) + 1
	return Pos{File: c.f.name, Line: line + 1, Column: col}
}

// skipSpace returns the offset of the first byte from off on that is not
// white space or the ',' or ':' before a value: where the next token starts.
func (f *File) skipSpace(off int) int {
	for off < len(f.data) {
		switch f.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// join appends a key to a YAML path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describeJSON names the kind of a JSON value in the words of the YAML errors.
func describeJSON(raw jsontext.Value) string {
	switch raw.Kind() {
	case '"':
		return "text"
	case '0':
		return "a number"
	case 't', 'f':
		return "true/false"
	case 'n':
		return "null"
	case '{':
		return "a mapping"
	case '[':
		return "a list"
	}
	return "a value"
}

// snippet quotes a scalar for a message, shortened; containers give "".
func snippet(raw jsontext.Value) string {
	switch raw.Kind() {
	case '{', '[', 'n':
		return ""
	}
	s := string(raw)
	if len(s) > 40 {
		cut := 37
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return "`" + s + "`"
}

// describeGo names what a Go type wants, in the words of the YAML errors.
func describeGo(p *plan) string {
	switch {
	case p.kind == ptrKind:
		return describeGo(p.elem)
	case p.kind == sliceKind:
		return "a list"
	case p.kind == mapKind:
		return "a mapping"
	case p.kind == structKind && p.text:
		return "text or a mapping"
	case p.kind == structKind:
		return "a mapping"
	case isText(p.typ):
		return "text"
	}
	switch p.typ.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true/false"
	default:
		return "a number"
	}
}
