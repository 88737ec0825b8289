package source

import (
	"bytes"
	"fmt"
	"io"
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

	once sync.Once
	root *yaml.Node // parsed on first need: decoding itself does not need it
}

// NewFile returns the file called name with the given content. It checks what
// can be checked without a type to decode into: that the content is valid
// UTF-8 and not a stream of several documents is left to [File.Decode].
// JSON is accepted as it is (JSON is a subset of YAML); tabs between JSON
// tokens are read as spaces, which JSON allows and YAML's indentation does not.
func NewFile(name string, data []byte) (*File, error) {
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		data = data[3:] // a UTF-8 byte-order mark is allowed and ignored
	}
	if looksLikeJSON(data) {
		// Raw tabs cannot occur inside JSON strings, so outside them every
		// tab is insignificant whitespace; a space keeps columns exact.
		data = bytes.ReplaceAll(data, []byte("\t"), []byte(" "))
	}
	f := &File{name: name, data: data}
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
func (f *File) Decode(v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(f.data))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return f.convert(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return nil
	case err != nil:
		return f.convert(err)
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
		if yaml.Unmarshal(f.data, &doc) == nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
			f.root = doc.Content[0]
		}
	})
	return f.root
}

func (f *File) nodePos(n *yaml.Node) Pos {
	return Pos{File: f.name, Line: n.Line, Column: n.Column}
}

// offsetPos returns the position of byte offset off in the data.
func (f *File) offsetPos(off int) Pos {
	before := f.data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return Pos{File: f.name, Line: line, Column: col}
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
