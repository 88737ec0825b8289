package jsonimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/scholarld/scholarld/source"
)

// Kind is the kind of a JSON value, as package jsontext names it: 'n' for
// null, 'f' and 't' for false and true, '"' for a string, '0' for a
// number, '{' for an object and '[' for an array; 0 for an absent value.
type Kind byte

// The kinds of JSON value.
const (
	Absent Kind = 0
	Null   Kind = 'n'
	False  Kind = 'f'
	True   Kind = 't'
	String Kind = '"'
	Number Kind = '0'
	Object Kind = '{'
	Array  Kind = '['
)

// String names the kind with its article, as messages write it: "an
// object", "a string", "null".
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case False:
		return "false"
	case True:
		return "true"
	case String:
		return "a string"
	case Number:
		return "a number"
	case Object:
		return "an object"
	case Array:
		return "an array"
	}
	return "nothing"
}

// A node is one value of a tree. The nodes of a value's subtree follow it,
// in document order, up to next.
type node struct {
	key  string // its name in its object; "" for an array item or the root
	text string // a string's value, or a number's literal
	off  int    // byte offset of its first byte
	end  int    // byte offset after its last byte
	next int32  // the index of the node after its subtree
	n    int32  // its members or items
	kind Kind
}

type tree struct{ nodes []node }

// A Value is one value of a document read by [Doc.Parse]. The zero Value
// is the absent value: its Kind is [Absent], it has no members or items,
// and lookups in it give the absent value.
type Value struct {
	t *tree
	i int32
}

func (v Value) node() *node {
	if v.t == nil || int(v.i) >= len(v.t.nodes) {
		return &node{}
	}
	return &v.t.nodes[v.i]
}

// Kind returns the kind of v.
func (v Value) Kind() Kind { return v.node().kind }

// Offset returns the byte offset in the document where v starts.
func (v Value) Offset() int { return v.node().off }

// End returns the byte offset in the document after v.
func (v Value) End() int { return v.node().end }

// Text returns the value of a string, the literal of a number as written
// (such as "2014" or "1e3"), or "" for any other kind.
func (v Value) Text() string { return v.node().text }

// Len returns the number of members of an object or items of an array, or
// 0 for other kinds.
func (v Value) Len() int { return int(v.node().n) }

// IsEmpty reports whether v holds nothing: it is absent or null, the empty
// string, or an object or array without members or items.
func (v Value) IsEmpty() bool {
	switch n := v.node(); n.kind {
	case Absent, Null:
		return true
	case String:
		return strings.TrimSpace(n.text) == ""
	case Object, Array:
		return n.n == 0
	}
	return false
}

// children yields the nodes of the members or items of v.
func (v Value) children() iter.Seq2[string, Value] {
	return func(yield func(string, Value) bool) {
		n := v.node()
		if n.kind != Object && n.kind != Array {
			return
		}
		for j := v.i + 1; j < n.next; j = v.t.nodes[j].next {
			if !yield(v.t.nodes[j].key, Value{v.t, j}) {
				return
			}
		}
	}
}

// Members yields the names and values of the members of an object, in
// document order; nothing for other kinds.
func (v Value) Members() iter.Seq2[string, Value] {
	if v.Kind() != Object {
		return func(func(string, Value) bool) {}
	}
	return v.children()
}

// Items yields the indexes and values of the items of an array, in order;
// nothing for other kinds.
func (v Value) Items() iter.Seq2[int, Value] {
	return func(yield func(int, Value) bool) {
		if v.Kind() != Array {
			return
		}
		i := 0
		for _, item := range v.children() {
			if !yield(i, item) {
				return
			}
			i++
		}
	}
}

// Get returns the member of an object called key, or the absent value. It
// looks at each member in turn: a caller that wants many members of one
// object ranges over [Value.Members] instead.
func (v Value) Get(key string) Value {
	for k, m := range v.Members() {
		if k == key {
			return m
		}
	}
	return Value{}
}

// A Doc is one JSON document: its name for positions and its content. It
// parses the content into values and turns their byte offsets into
// positions. A Doc is not safe for concurrent use.
type Doc struct {
	name string
	data []byte
	lines
}

// NewDoc returns the document called name (in positions) whose content is
// data. The Doc keeps data, which must not change while it is used.
func NewDoc(name string, data []byte) *Doc {
	return &Doc{name: name, data: data}
}

// Name returns the name of the document.
func (d *Doc) Name() string { return d.name }

// utf8BOM is the byte order mark that some tools write at the start of a
// file; JSON forbids it, and Parse skips it.
var utf8BOM = []byte("\ufeff")

// A Stream tells [Doc.Parse] which arrays hold records: it is called with
// the object keys that lead to an array (none for an array that is the
// document itself) and reports whether the array's items are records, to
// be handed one at a time to an [Each] function.
type Stream func(keys []string) bool

// An Each function is given each record, the item at index i of the array
// that keys lead to, as soon as it is read. The record's Value, and every
// Value in it, may be used during the call only. It reports whether to
// read on.
type Each func(keys []string, i int, record Value) bool

// Parse reads the document, strictly (RFC 8259 with unique member names;
// a byte order mark at the start is skipped), and returns its value. The
// items of every array that stream accepts are given to each and left out
// of the tree, so that a list of records takes the memory of one record
// at a time; in the value returned, such an array is empty.
//
// Parsing stops at the first syntax error, returned as a [*source.Error]
// at the error's position, wrapping [source.ErrSyntax] (or
// [source.ErrDuplicateKey] for a name given twice in one object). The
// records given to each before it were read whole and are good. Parse
// also stops, without error, when each returns false; the value returned
// is then incomplete.
func (d *Doc) Parse(stream Stream, each Each) (Value, *source.Error) {
	base := 0
	if bytes.HasPrefix(d.data, utf8BOM) {
		base = len(utf8BOM)
	}
	p := parser{d: d, data: d.data[base:], base: base, t: &tree{}, stream: stream, each: each}
	return p.run()
}

// A frame is a container being read.
type frame struct {
	node     int32
	kind     Kind
	key      string // the name of the member to come, in an object
	wantKey  bool   // the next string of an object is a name
	count    int32  // members or items kept
	items    int    // items read, kept or streamed
	keyed    bool   // every container from the root to this one is an object's member
	pushed   bool   // this container's name is on parser.keys
	streamed bool   // its items are records
}

type parser struct {
	d      *Doc
	data   []byte // the document after any byte order mark
	base   int    // the offset of data in the document
	t      *tree
	stack  []frame
	keys   []string // the names of the keyed containers on the stack
	stream Stream
	each   Each
	names  map[string]string // member names by their source, shared
}

func (p *parser) run() (Value, *source.Error) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(p.data))
	root := Value{t: p.t}
	for {
		k := Kind(dec.PeekKind())
		var raw jsontext.Value
		var err error
		switch k {
		case 0, '{', '[', '}', ']':
			_, err = dec.ReadToken()
		default:
			raw, err = dec.ReadValue() // a name or a scalar, whose bytes need no copy
		}
		if err == io.EOF {
			if len(p.t.nodes) == 0 {
				return root, p.errorAt(len(p.data), "", fmt.Errorf("empty document, want a JSON object or array: %w", source.ErrSyntax))
			}
			return root, nil
		}
		if err != nil {
			return root, p.syntaxError(err, int(dec.InputOffset()))
		}
		end := int(dec.InputOffset())
		start := end - max(len(raw), 1)
		if !p.token(k, raw, start, end) {
			return root, nil
		}
		if len(p.stack) == 0 && len(p.t.nodes) > 0 && dec.PeekKind() != 0 {
			// A second value after the document's: json-experiment reads
			// a stream of values, JSON a single one.
			off := end
			for off < len(p.data) && isSeparator(p.data[off]) {
				off++
			}
			return root, p.errorAt(off, "", fmt.Errorf("a second value after the document's: %w", source.ErrSyntax))
		}
	}
}

// isSeparator reports whether c may come between two tokens.
func isSeparator(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':'
}

// maxNames is how many distinct member names a parser shares the strings
// of: names repeat from record to record, and a hostile document of
// distinct names must not grow the table without bound.
const maxNames = 4096

// name returns the member name whose source is raw, a JSON string, sharing
// one string for each distinct name.
func (p *parser) name(raw []byte) string {
	if s, ok := p.names[string(raw)]; ok {
		return s
	}
	s := unquote(raw)
	if len(p.names) < maxNames {
		if p.names == nil {
			p.names = make(map[string]string)
		}
		p.names[string(raw)] = s
	}
	return s
}

// unquote returns the value of raw, a valid JSON string.
func unquote(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	b, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return string(raw) // not reached: the decoder has checked it
	}
	return string(b)
}

// token adds the token of kind k from start to end, whose source is raw
// for a name or a scalar. It reports whether to read on.
func (p *parser) token(k Kind, raw []byte, start, end int) bool {
	var top *frame
	if len(p.stack) > 0 {
		top = &p.stack[len(p.stack)-1]
	}
	if top != nil && top.kind == Object && top.wantKey && k == String {
		top.key, top.wantKey = p.name(raw), false
		return true
	}
	switch k {
	case '}', ']':
		fr := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		n := &p.t.nodes[fr.node]
		n.end, n.next, n.n = p.base+end, int32(len(p.t.nodes)), fr.count
		if fr.pushed {
			p.keys = p.keys[:len(p.keys)-1]
		}
		return p.done(fr.node)
	}
	n := node{kind: k, off: p.base + start, end: p.base + end}
	keyed := top == nil
	if top != nil {
		if top.kind == Object {
			n.key, top.wantKey = top.key, true
			keyed = top.keyed
		}
		top.count++
	}
	idx := int32(len(p.t.nodes))
	switch k {
	case String:
		n.text = unquote(raw)
	case Number:
		n.text = string(raw)
	case Object, Array:
		fr := frame{node: idx, kind: k, wantKey: k == Object, keyed: keyed}
		if keyed && top != nil {
			p.keys = append(p.keys, n.key)
			fr.pushed = true
		}
		fr.streamed = k == Array && keyed && p.stream != nil && p.stream(p.keys)
		p.t.nodes = append(p.t.nodes, n)
		p.stack = append(p.stack, fr)
		return true
	}
	n.next = idx + 1
	p.t.nodes = append(p.t.nodes, n)
	return p.done(idx)
}

// done is called when the value at idx is read whole. An item of a
// streamed array is handed to each, then dropped.
func (p *parser) done(idx int32) bool {
	if len(p.stack) == 0 {
		return true
	}
	top := &p.stack[len(p.stack)-1]
	if !top.streamed {
		return true
	}
	i := top.items
	top.items++
	top.count--
	more := p.each == nil || p.each(p.keys, i, Value{p.t, idx})
	p.t.nodes = p.t.nodes[:idx] // the next record overwrites it: memory for the largest record only
	return more
}

// syntaxError turns an error of jsontext at offset off into a positioned
// error.
func (p *parser) syntaxError(err error, off int) *source.Error {
	path := ""
	sentinel := source.ErrSyntax
	msg := err.Error()
	if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		off = int(se.ByteOffset)
		path = PointerPath(se.JSONPointer)
		if se.Err != nil {
			msg = se.Err.Error()
		}
		if errors.Is(se.Err, jsontext.ErrDuplicateName) {
			sentinel = source.ErrDuplicateKey
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of the document"
	}
	return p.errorAt(off, path, fmt.Errorf("%s: %w", msg, sentinel))
}

func (p *parser) errorAt(off int, path string, err error) *source.Error {
	return &source.Error{Pos: p.d.Pos(p.base + off), Path: path, Err: err}
}

// PointerPath turns a JSON Pointer such as "/message/author/3/ORCID" into
// a path such as "message.author[3].ORCID". A token of decimal digits is
// taken for an index.
func PointerPath(ptr jsontext.Pointer) string {
	var b strings.Builder
	for tok := range ptr.Tokens() {
		if _, err := strconv.ParseUint(tok, 10, 31); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}
