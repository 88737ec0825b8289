package jsonimport

import (
	"bytes"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// PeekLimit is how many bytes of a document [Peek] reads at most: formats
// are recognized by what their first bytes hold.
const PeekLimit = 64 << 10

// Peek reads the first [PeekLimit] bytes of data, a JSON document or not,
// and calls visit for each value found there at most depth containers
// deep (the document itself is at depth 0), in document order, with its
// path, its kind, and its text (as [Value.Text]). A path is the names of
// members and, for an item of an array, its index written "[0]". Deeper
// values are skipped. Peek stops when visit returns false, at the end of
// the prefix, or at anything that is not JSON; so visit sees a prefix of
// the values of any document. It never reads more than PeekLimit bytes.
func Peek(data []byte, depth int, visit func(path []string, k Kind, text string) bool) {
	data = bytes.TrimPrefix(data[:min(len(data), PeekLimit)], utf8BOM)
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' && t[0] != '[' {
		return
	}
	type frame struct {
		kind    Kind
		wantKey bool
		items   int
	}
	var stack []frame
	var path []string
	// finish ends a value: it drops the value's name or index from path.
	// It is false at the end of the document.
	finish := func() bool {
		if len(stack) == 0 {
			return false
		}
		path = path[:len(path)-1]
		top := &stack[len(stack)-1]
		top.wantKey = top.kind == Object
		return true
	}
	dec := jsontext.NewDecoder(bytes.NewBuffer(data))
	for {
		k := Kind(dec.PeekKind())
		if k == 0 {
			return
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch {
		case k == '}' || k == ']':
			if _, err := dec.ReadToken(); err != nil || top == nil {
				return
			}
			stack = stack[:len(stack)-1]
			if !finish() {
				return
			}
			continue
		case top != nil && top.kind == Object && top.wantKey:
			tok, err := dec.ReadToken()
			if err != nil {
				return
			}
			path = append(path, tok.String())
			top.wantKey = false
			continue
		case top != nil && top.kind == Array:
			path = append(path, "["+strconv.Itoa(top.items)+"]")
			top.items++
		}
		if (k == Object || k == Array) && len(stack) >= depth {
			if !visit(path, k, "") || dec.SkipValue() != nil {
				return
			}
		} else {
			tok, err := dec.ReadToken()
			if err != nil {
				return
			}
			text := ""
			if k == String || k == Number {
				text = tok.String()
			}
			if !visit(path, k, text) {
				return
			}
			if k == Object || k == Array {
				stack = append(stack, frame{kind: k, wantKey: k == Object})
				continue
			}
		}
		if !finish() {
			return
		}
	}
}
