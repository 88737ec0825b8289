package source

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// convert turns an error from yaml.v3 into an ErrorList of positioned errors.
func (f *File) convert(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var list ErrorList
		seen := make(map[string]bool)
		for _, msg := range te.Errors {
			e := f.typeError(msg)
			if key := e.Error(); !seen[key] { // an alias repeats its errors
				seen[key] = true
				list = append(list, e)
			}
		}
		list.Sort()
		return list
	}
	line, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	pos := f.syntaxPos(line)
	return ErrorList{{Pos: pos, Err: fmt.Errorf("%s: %w", msg, ErrSyntax)}}
}

// syntaxPos finds the line of a syntax error that yaml.v3 reported at line.
// yaml.v3 reports where the enclosing block starts, not where the problem
// is, so syntaxPos looks for the first line from there on at which the
// document, cut after that line, fails to parse for a reason other than
// ending early: that line has the problem. Once a prefix fails so, longer
// ones do too, so a galloping search needs only a few parses. If no such
// line is found, yaml.v3's line stays. The column is that of the line's first
// non-blank character.
func (f *File) syntaxPos(line int) Pos {
	pos := Pos{File: f.name, Line: line}
	if line <= 0 {
		return pos
	}
	lines := bytes.SplitAfter(f.yamlData(), []byte("\n"))
	fails := func(k int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:k], nil), &n)
		return err != nil && !strings.Contains(err.Error(), "end of stream")
	}
	// Gallop forward from yaml.v3's line, then search between the last
	// line that parsed and the first that failed: prefixes past the
	// problem, the costly ones, are parsed only a few times.
	lo, hi := line, 0
	for step := 0; ; step = max(1, 2*step) {
		k := min(line+step, len(lines))
		if k < line {
			return pos
		}
		if fails(k) {
			hi = k
			break
		}
		if k == len(lines) {
			return pos
		}
		lo = k + 1
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	text := lines[lo-1]
	col := len(text) - len(bytes.TrimLeft(text, " ")) + 1
	if col > len(bytes.TrimRight(text, "\r\n")) {
		col = 0
	}
	return Pos{File: f.name, Line: lo, Column: col}
}

// splitLine splits yaml.v3's "line N: message" into N and the message.
// It is the one place that reads positions out of yaml.v3's messages, which
// carry them only as text. A message without the prefix gives line 0.
func splitLine(msg string) (int, string) {
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, text, ok := strings.Cut(rest, ": ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n <= 0 {
		return 0, msg
	}
	return n, text
}

// typeError turns one message of a yaml.TypeError into an Error at the
// node it is about, with that node's path.
func (f *File) typeError(msg string) *Error {
	line, text := splitLine(msg)
	e := &Error{Pos: Pos{File: f.name, Line: line}}
	switch {
	case strings.HasPrefix(text, "field ") && strings.Contains(text, " not found in type "):
		// "field extra not found in type profile.Person"
		key, _, _ := strings.Cut(strings.TrimPrefix(text, "field "), " not found in type ")
		e.Err = fmt.Errorf("%q: %w", key, ErrUnknownField)
		f.locate(e, line, func(k, _ *yaml.Node) bool { return k != nil && k.Value == key }, true)
	case strings.HasPrefix(text, "field ") && strings.Contains(text, " already set in type "):
		// "field name already set in type profile.Person"
		key, _, _ := strings.Cut(strings.TrimPrefix(text, "field "), " already set in type ")
		e.Err = fmt.Errorf("%q given twice: %w", key, ErrDuplicateKey)
		f.locate(e, line, func(k, _ *yaml.Node) bool { return k != nil && k.Value == key }, true)
	case strings.HasPrefix(text, "mapping key "):
		// `mapping key "id" already defined at line 3`
		rest := strings.TrimPrefix(text, "mapping key ")
		quoted, first, _ := strings.Cut(rest, " already defined at ")
		key, err := strconv.Unquote(quoted)
		if err != nil {
			key = quoted
		}
		e.Err = fmt.Errorf("%q given twice (first at %s): %w", key, first, ErrDuplicateKey)
		f.locate(e, line, func(k, _ *yaml.Node) bool { return k != nil && k.Value == key }, true)
	case strings.HasPrefix(text, "cannot unmarshal "):
		// "cannot unmarshal !!seq into string", "cannot unmarshal !!str `x` into int"
		what, into, _ := strings.Cut(strings.TrimPrefix(text, "cannot unmarshal "), " into ")
		e.Err = fmt.Errorf("got %s, want %s: %w", describeTag(what), describeType(into, what), ErrType)
		tag, value, _ := strings.Cut(what, " ")
		value = strings.TrimSuffix(strings.TrimPrefix(value, "`"), "`")
		f.locateLast(e, line, func(v *yaml.Node) bool {
			return v.ShortTag() == tag && (value == "" || strings.HasPrefix(v.Value, strings.TrimSuffix(value, "...")))
		})
	default:
		e.Err = fmt.Errorf("%s: %w", text, ErrType)
		f.locate(e, line, func(_, v *yaml.Node) bool { return true }, false)
	}
	return e
}

// locate fills in the column and path of e from the first entry on the given
// line that match accepts. If atKey, the position is the key's, else the value's.
func (f *File) locate(e *Error, line int, match func(key, value *yaml.Node) bool, atKey bool) {
	root := f.document()
	if root == nil || line == 0 {
		return
	}
	walk(root, "", func(path string, key, value *yaml.Node) bool {
		n := value
		if atKey && key != nil {
			n = key
		}
		if n.Line != line || !match(key, value) {
			return true
		}
		e.Pos.Column = n.Column
		e.Path = path
		return false
	})
}

// locateLast fills in the column and path of e from the last value on the
// given line that match accepts: the innermost, when values nest.
func (f *File) locateLast(e *Error, line int, match func(value *yaml.Node) bool) {
	root := f.document()
	if root == nil || line == 0 {
		return
	}
	walk(root, "", func(path string, _, value *yaml.Node) bool {
		if value.Line == line && match(value) {
			e.Pos.Column = value.Column
			e.Path = path
		}
		return value.Line <= line || value.Kind != yaml.ScalarNode
	})
}

// walk calls fn for every mapping entry and sequence item below n in
// document order, with its path, until fn returns false. It does not descend
// into aliases, so it is linear in the size of the document.
func walk(n *yaml.Node, path string, fn func(path string, key, value *yaml.Node) bool) bool {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if !fn(p, k, v) || !walk(v, p, fn) {
				return false
			}
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if !fn(p, nil, v) || !walk(v, p, fn) {
				return false
			}
		}
	}
	return true
}

// describeTag turns yaml.v3's "!!str `abc`" into words.
func describeTag(what string) string {
	tag, value, _ := strings.Cut(what, " ")
	var kind string
	switch tag {
	case "!!seq":
		return "a list"
	case "!!map":
		return "a mapping"
	case "!!str":
		kind = "text"
	case "!!int":
		kind = "a number"
	case "!!float":
		kind = "a number"
	case "!!bool":
		kind = "true/false"
	case "!!null":
		return "null"
	case "!!timestamp":
		kind = "a timestamp"
	default:
		kind = tag
	}
	if value != "" {
		return kind + " " + value
	}
	return kind
}

// describeType turns a Go type name from yaml.v3's message into words. A
// scalar that does not fit a named type means the type is a struct: a mapping.
func describeType(typ, got string) string {
	switch {
	case strings.HasPrefix(typ, "[]"):
		return "a list"
	case strings.HasPrefix(typ, "map["):
		return "a mapping"
	case typ == "string":
		return "text"
	case typ == "bool":
		return "true or false"
	case strings.HasPrefix(typ, "int") || strings.HasPrefix(typ, "uint") || strings.HasPrefix(typ, "float"):
		return "a number"
	}
	if !strings.HasPrefix(got, "!!seq") && !strings.HasPrefix(got, "!!map") {
		return "a mapping" // a struct, such as profile.Person
	}
	if _, name, ok := strings.Cut(typ, "."); ok {
		return name // a named type such as profile.Date
	}
	return typ
}
