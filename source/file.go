package source

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// A File is one input document, YAML or JSON, with its name for positions.
// A File is safe for concurrent use after [NewFile] returns.
type File struct {
	name string
	data []byte
	json bool // read as JSON; see [NewFile]

	once sync.Once
	root *yaml.Node // parsed on first need: decoding itself does not need it
}

// NewFile returns the file called name with the given content. It checks what
// can be checked without a type to decode into: that the content is valid
// UTF-8; that it is not a stream of several documents is left to [File.Decode].
// A UTF-8 byte-order mark is skipped.
//
// The file is JSON if its content starts, after white space, with { or [,
// or if its name ends in ".json" and it is not blank; otherwise it is YAML.
// The content decides first because names mislead (standard input, files
// exported as ".txt"), and a YAML document starting with { or [ is a flow
// collection, which people rarely write at the top level; such a document
// must now be valid JSON. See [File.Decode] for what being JSON changes.
func NewFile(name string, data []byte) (*File, error) {
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		data = data[3:] // a UTF-8 byte-order mark is allowed and ignored
	}
	f := &File{name: name, data: data, json: isJSON(name, data)}
	if off, ok := badText(data); !ok {
		err := &Error{Pos: f.offsetPos(off), Err: fmt.Errorf("invalid UTF-8 or control character: %w", ErrSyntax)}
		return nil, ErrorList{err}
	}
	return f, nil
}

// Name returns the file name given to [NewFile].
func (f *File) Name() string { return f.name }

// Decode decodes the document into v strictly: a key that v has no field for,
// a key given twice and a value of the wrong kind are all errors. It reports
// every such problem at once as an [ErrorList] of [*Error]s with positions
// and YAML paths. An empty document decodes to nothing and is no error.
//
// A JSON file (see [NewFile]) is decoded with github.com/go-json-experiment/json,
// several times faster than YAML, and strictly as JSON: trailing commas,
// comments, NaN, unquoted dates and numbers where text is wanted are errors,
// and escaped surrogate pairs such as "\ud83d\ude00" are read as the one
// character they encode. Struct fields are matched by their json tags,
// exactly (case-sensitively), and an object is accepted for a struct that
// also decodes from text (an [encoding.TextUnmarshaler]), as YAML accepts
// a mapping. This needs v's type to decode alike from both languages:
// every field has the same name in its json and yaml tags, and no type has
// its own UnmarshalJSON or UnmarshalYAML. For any other type a JSON file
// is decoded by yaml.v3 as YAML, as before.
//
// A JSON document is first decoded in one fast pass, which stops at the
// first problem. Only then is it read again, more slowly, to report every
// problem with a value as YAML decoding does; a syntax error is reported
// alone, and then v is left as the fast pass left it.
func (f *File) Decode(v any) error {
	if f.json {
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
			if p := planFor(rv.Type().Elem()); p != nil {
				return f.decodeJSON(v, p)
			}
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(f.yamlData()))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return f.convert(err, reflect.TypeOf(v))
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return nil
	case err != nil:
		return f.convert(err, nil)
	default:
		e := &Error{Pos: f.nodePos(&next), Err: fmt.Errorf("a second YAML document; put each dataset in its own file: %w", ErrSyntax)}
		return ErrorList{e}
	}
}

// Pos returns the position of the value at path, such as
// "people[0].positions[2].start". When the path leads nowhere (a field that is
// missing, say), it returns the position of the deepest value it reached.
func (f *File) Pos(path string) Pos {
	n := f.document()
	if n == nil {
		return Pos{File: f.name}
	}
	for _, seg := range splitPath(path) {
		next := child(n, seg)
		if next == nil {
			break
		}
		n = next
	}
	return f.nodePos(n)
}

// document returns the root node of the document, or nil for an empty or
// unparsable one.
func (f *File) document() *yaml.Node {
	f.once.Do(func() {
		var doc yaml.Node
		if yaml.Unmarshal(f.yamlData(), &doc) == nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
			f.root = doc.Content[0]
		}
	})
	return f.root
}

// yamlData returns the data for yaml.v3. In JSON, tabs outside strings
// are white space, but YAML does not allow them in indentation; raw tabs
// cannot occur inside JSON strings, so in JSON every tab becomes a space,
// which keeps columns exact.
func (f *File) yamlData() []byte {
	if f.json && bytes.IndexByte(f.data, '\t') >= 0 {
		return bytes.ReplaceAll(f.data, []byte("\t"), []byte(" "))
	}
	return f.data
}

func (f *File) nodePos(n *yaml.Node) Pos {
	return Pos{File: f.name, Line: n.Line, Column: n.Column}
}

// A segment is one step of a path: a mapping key, or a sequence index when key is empty.
type segment struct {
	key   string
	index int
}

// splitPath splits "a.b[2].c" into a, b, [2], c.
func splitPath(path string) []segment {
	var segs []segment
	for part := range strings.SplitSeq(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			segs = append(segs, segment{key: key})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if err != nil {
				return segs
			}
			segs = append(segs, segment{index: i})
			_, rest, _ = strings.Cut(after, "[")
		}
	}
	return segs
}

// child returns the value at one step below n, following aliases.
func child(n *yaml.Node, s segment) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case n.Kind == yaml.MappingNode && s.key != "":
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == s.key {
				return n.Content[i+1]
			}
		}
	case n.Kind == yaml.SequenceNode && s.key == "":
		if s.index >= 0 && s.index < len(n.Content) {
			return n.Content[s.index]
		}
	}
	return nil
}

// looksLikeJSON reports whether data starts, after white space, with { or [.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// badText returns the offset of the first byte that is not valid UTF-8 or is
// a control character other than tab, line feed and carriage return.
func badText(data []byte) (int, bool) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			return i, false
		}
		i += size
	}
	return 0, true
}
