package source

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/scholarld/scholarld/internal/suggest"
)

// convert turns an error from yaml.v3, decoding into a value of type typ,
// into an ErrorList of positioned errors.
func (f *File) convert(err error, typ reflect.Type) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		finds := make([]*find, 0, len(te.Errors))
		for _, msg := range te.Errors {
			finds = append(finds, f.typeError(msg))
		}
		f.locateAll(finds, typ)
		var list ErrorList
		seen := make(map[string]bool)
		for _, fd := range finds {
			if key := fd.e.Error(); !seen[key] { // an alias repeats its errors
				seen[key] = true
				list = append(list, fd.e)
			}
		}
		list.Sort()
		return list
	}
	line, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	pos := f.syntaxPos(line)
	if line == 0 {
		pos = f.lineless(msg)
	}
	if col := f.tabColumn(pos.Line); col > 0 {
		pos.Column = col
		msg += "; a tab indents this line: YAML indents with spaces only, so replace the tab with spaces"
	}
	return ErrorList{{Pos: pos, Err: fmt.Errorf("%s: %w", msg, ErrSyntax)}}
}

// tabColumn returns the column of a tab in the indentation of line, or 0.
func (f *File) tabColumn(line int) int {
	if line <= 0 {
		return 0
	}
	lines := bytes.Split(f.data, []byte("\n"))
	if line > len(lines) {
		return 0
	}
	text := lines[line-1]
	indent := text[:len(text)-len(bytes.TrimLeft(text, " \t-"))]
	if i := bytes.IndexByte(indent, '\t'); i >= 0 {
		return i + 1
	}
	return 0
}

// lineless finds where the problem of a yaml.v3 message that names no line
// is: an alias, for the messages about aliases; else the start.
func (f *File) lineless(msg string) Pos {
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name, _, _ = strings.Cut(name, "'")
		if i := bytes.Index(f.data, []byte("*"+name)); i >= 0 {
			return f.offsetPos(i)
		}
	}
	if strings.Contains(msg, "aliasing") {
		if root := f.document(); root != nil {
			var at *yaml.Node
			walk(root, func(_ []step, _, v *yaml.Node) {
				if at == nil && v.Kind == yaml.AliasNode {
					at = v
				}
			})
			if at != nil {
				return f.nodePos(at)
			}
		}
	}
	return Pos{File: f.name, Line: 1, Column: 1}
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

// A find is an error whose column and path are still to be found: those
// of the node on its line that match accepts.
type find struct {
	e     *Error
	into  string // for a value of the wrong type, the Go type it should decode into, such as "profile.Person"
	match func(key, value *yaml.Node) bool
	atKey bool // the position is the key's, else the value's
	last  bool // the last match wins (the innermost, when values nest), else the first
	found bool
	// unknown is the key of an unknown field, whose message suggests the
	// keys of the place it is found at.
	unknown string
}

// typeError turns one message of a yaml.TypeError into an Error, and what
// finds the node it is about.
func (f *File) typeError(msg string) *find {
	line, text := splitLine(msg)
	e := &Error{Pos: Pos{File: f.name, Line: line}}
	isKey := func(key string) func(k, _ *yaml.Node) bool {
		return func(k, _ *yaml.Node) bool { return k != nil && k.Value == key }
	}
	switch {
	case strings.HasPrefix(text, "field ") && strings.Contains(text, " not found in type "):
		// "field extra not found in type profile.Person"
		key, _, _ := strings.Cut(strings.TrimPrefix(text, "field "), " not found in type ")
		e.Err = fmt.Errorf("%q: %w", key, ErrUnknownField)
		return &find{e: e, match: isKey(key), atKey: true, unknown: key}
	case strings.HasPrefix(text, "field ") && strings.Contains(text, " already set in type "):
		// "field name already set in type profile.Person"
		key, _, _ := strings.Cut(strings.TrimPrefix(text, "field "), " already set in type ")
		e.Err = fmt.Errorf("%q given twice: %w", key, ErrDuplicateKey)
		return &find{e: e, match: isKey(key), atKey: true}
	case strings.HasPrefix(text, "mapping key "):
		// `mapping key "id" already defined at line 3`
		rest := strings.TrimPrefix(text, "mapping key ")
		quoted, first, _ := strings.Cut(rest, " already defined at ")
		key, err := strconv.Unquote(quoted)
		if err != nil {
			key = quoted
		}
		e.Err = fmt.Errorf("%q given twice (first at %s): %w", key, first, ErrDuplicateKey)
		return &find{e: e, match: isKey(key), atKey: true}
	case strings.HasPrefix(text, "cannot unmarshal "):
		// "cannot unmarshal !!seq into string", "cannot unmarshal !!str `x` into int"
		what, into, _ := strings.Cut(strings.TrimPrefix(text, "cannot unmarshal "), " into ")
		e.Err = fmt.Errorf("got %s, want %s: %w", describeTag(what), describeType(into, what), ErrType)
		tag, value, _ := strings.Cut(what, " ")
		value = strings.TrimSuffix(strings.TrimPrefix(value, "`"), "`")
		return &find{e: e, last: true, into: into, match: func(_, v *yaml.Node) bool {
			return v.ShortTag() == tag && (value == "" || strings.HasPrefix(v.Value, strings.TrimSuffix(value, "...")))
		}}
	}
	e.Err = fmt.Errorf("%s: %w", text, ErrType)
	return &find{e: e, match: func(_, _ *yaml.Node) bool { return true }}
}

// locateAll fills in the columns and paths of the errors in one walk over
// the document, whatever their number. A path is made only for the nodes
// that match, so the walk keeps no string per level: a deep nest of long
// keys costs no more than its size. A value of the wrong type is the node
// whose Go type, found by following its steps from typ, is the one the
// error names; failing that, the innermost that matches.
func (f *File) locateAll(finds []*find, typ reflect.Type) {
	root := f.document()
	if root == nil {
		return
	}
	byLine := make(map[int][]*find)
	for _, fd := range finds {
		if fd.e.Pos.Line > 0 {
			byLine[fd.e.Pos.Line] = append(byLine[fd.e.Pos.Line], fd)
		}
	}
	if len(byLine) == 0 {
		return
	}
	typed := make(map[*find]bool) // found at a node of the Go type named
	if fds := byLine[root.Line]; len(fds) > 0 && typ != nil {
		for _, fd := range fds {
			if fd.into != "" && goType(typ, nil) == fd.into {
				fd.e.Pos.Column, fd.found, typed[fd] = root.Column, true, true
			}
		}
	}
	walk(root, func(steps []step, key, value *yaml.Node) {
		for _, fd := range byLine[value.Line] {
			if fd.found && !fd.last || typed[fd] {
				continue
			}
			if fd.into != "" && typ != nil && goType(typ, steps) == fd.into && value.Line == fd.e.Pos.Line && fd.match(key, value) {
				fd.e.Pos.Column = value.Column
				fd.e.Path = render(steps)
				fd.found, typed[fd] = true, true
				continue
			}
			n := value
			if fd.atKey && key != nil {
				n = key
			}
			if n.Line != fd.e.Pos.Line || !fd.match(key, value) {
				continue
			}
			fd.e.Pos.Column = n.Column
			fd.e.Path = render(steps)
			fd.found = true
			fd.suggest(typ, steps)
		}
		if key != nil && key.Line != value.Line {
			for _, fd := range byLine[key.Line] {
				if fd.atKey && !fd.found && fd.match(key, value) {
					fd.e.Pos.Column = key.Column
					fd.e.Path = render(steps)
					fd.found = true
					fd.suggest(typ, steps)
				}
			}
		}
	})
}

// suggest rewrites the message of an unknown field found at steps below a
// value of type typ with the keys allowed there: the nearest, or all.
func (fd *find) suggest(typ reflect.Type, steps []step) {
	if fd.unknown == "" || typ == nil || len(steps) == 0 {
		return
	}
	if t := typeAt(typ, steps[:len(steps)-1]); t != nil && t.Kind() == reflect.Struct {
		fd.e.Err = unknownField(fd.unknown, yamlKeys(t))
	}
}

// unknownField returns the error of an unknown key, which says which key
// was meant, or else which keys are allowed.
func unknownField(key string, allowed []string) error {
	if hint := suggest.Hint(key, allowed); hint != "" {
		return fmt.Errorf("%q%s: %w", key, hint, ErrUnknownField)
	}
	if len(allowed) > 0 {
		return fmt.Errorf("%q (the keys here are %s): %w", key, strings.Join(allowed, ", "), ErrUnknownField)
	}
	return fmt.Errorf("%q: %w", key, ErrUnknownField)
}

// yamlKeys returns the keys of the fields of struct t, in order.
func yamlKeys(t reflect.Type) []string {
	if keys, ok := keysOf.Load(t); ok {
		return keys.([]string)
	}
	keys := structKeys(t)
	keysOf.Store(t, keys)
	return keys
}

// keysOf caches the keys of struct types: a file may have an unknown key
// on every record.
var keysOf sync.Map // reflect.Type → []string

func structKeys(t reflect.Type) []string {
	var keys []string
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case opts == "inline" && f.Type.Kind() == reflect.Struct:
			keys = append(keys, structKeys(f.Type)...)
		case name == "":
			keys = append(keys, strings.ToLower(f.Name))
		default:
			keys = append(keys, name)
		}
	}
	return keys
}

// goType returns the name of the Go type that the value at steps below a
// value of type typ decodes into, as yaml.v3 names it ("profile.Person",
// "[]string"), or "" if the steps lead out of typ.
func goType(typ reflect.Type, steps []step) string {
	if t := typeAt(typ, steps); t != nil {
		return t.String()
	}
	return ""
}

// typeAt returns the Go type that the value at steps below a value of type
// typ decodes into, or nil if the steps lead out of typ.
func typeAt(typ reflect.Type, steps []step) reflect.Type {
	t := typ
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, s := range steps {
		switch {
		case s.key == nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			t = t.Elem()
		case s.key != nil && t.Kind() == reflect.Map:
			t = t.Elem()
		case s.key != nil && t.Kind() == reflect.Struct:
			f, ok := yamlField(t, s.key.Value)
			if !ok {
				return nil
			}
			t = f
		default:
			return nil
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return t
}

// yamlField returns the type of the field of struct t that the YAML key
// decodes into.
func yamlField(t reflect.Type, key string) (reflect.Type, bool) {
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case opts == "inline" && f.Type.Kind() == reflect.Struct:
			if ft, ok := yamlField(f.Type, key); ok {
				return ft, true
			}
		case name == key || name == "" && strings.ToLower(f.Name) == key:
			return f.Type, true
		}
	}
	return nil, false
}

// A step is one step of a path: a mapping key, or a sequence index when
// key is nil.
type step struct {
	key   *yaml.Node
	index int
}

// render makes the path of steps, such as "people[0].name".
func render(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.key == nil {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key.Value)
	}
	return b.String()
}

// walk calls fn for every mapping entry and sequence item below n in
// document order, with the steps to it. It does not descend into aliases,
// so it is linear in the size of the document.
func walk(n *yaml.Node, fn func(steps []step, key, value *yaml.Node)) {
	var steps []step
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				steps = append(steps, step{key: k})
				fn(steps, k, v)
				visit(v)
				steps = steps[:len(steps)-1]
			}
		case yaml.SequenceNode:
			for i, v := range n.Content {
				steps = append(steps, step{index: i})
				fn(steps, nil, v)
				visit(v)
				steps = steps[:len(steps)-1]
			}
		}
	}
	visit(n)
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
