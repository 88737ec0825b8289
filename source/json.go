package source

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"path"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// isJSON reports whether a file is read as JSON: when its content starts,
// after white space, with { or [, or when its name ends in ".json" and it
// is not blank. (A blank file is an empty document in either language.)
func isJSON(name string, data []byte) bool {
	if looksLikeJSON(data) {
		return true
	}
	return strings.EqualFold(path.Ext(name), ".json") && len(bytes.TrimLeft(data, " \t\r\n")) > 0
}

// jsonOptions are the options of the fast decoding pass: strict, as
// yaml.v3's KnownFields. json-experiment already rejects duplicate names,
// invalid UTF-8 and lone surrogates, and nesting deeper than 10000.
var jsonOptions = json.JoinOptions(
	json.RejectUnknownMembers(true),
	json.WithUnmarshalers(json.UnmarshalFromFunc(decodeTextStruct)),
)

// decodeTextStruct decodes a JSON object into a struct that is also an
// [encoding.TextUnmarshaler], such as profile.PersonRef, field by field,
// as yaml.v3 does for a mapping; json-experiment alone accepts only a
// string for it. Anything else is left to json-experiment.
func decodeTextStruct(dec *jsontext.Decoder, u encoding.TextUnmarshaler) error {
	if dec.PeekKind() != '{' {
		return errors.ErrUnsupported
	}
	v := reflect.ValueOf(u)
	plain, ok := plainTypes.Load(v.Type().Elem())
	if !ok {
		return errors.ErrUnsupported
	}
	return json.UnmarshalDecode(dec, v.Convert(reflect.PointerTo(plain.(reflect.Type))).Interface())
}

// decodeJSON decodes the file's JSON into v, a non-nil pointer whose
// element type has plan p. It decodes with json-experiment, and only if
// that fails reads the document again, more slowly, to report every problem.
func (f *File) decodeJSON(v any, p *plan) error {
	err := json.Unmarshal(f.data, v, jsonOptions)
	if err == nil {
		return nil
	}
	if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok && !errors.Is(err, jsontext.ErrDuplicateName) {
		return ErrorList{f.syntaxError(se)}
	}
	if list := f.collect(reflect.ValueOf(v).Elem(), p); len(list) > 0 {
		return list
	}
	return ErrorList{f.firstError(err)} // not expected: collect finds what Unmarshal does
}

// syntaxError turns a syntax error of json-experiment into an [*Error].
func (f *File) syntaxError(se *jsontext.SyntacticError) *Error {
	msg := "invalid JSON"
	if se.Err != nil {
		msg = se.Err.Error()
	}
	return &Error{Pos: f.offsetPos(int(se.ByteOffset)), Err: fmt.Errorf("%s: %w", msg, ErrSyntax)}
}

// firstError turns any error of json-experiment into an [*Error], with the
// position and path it gives.
func (f *File) firstError(err error) *Error {
	e := &Error{Pos: Pos{File: f.name}, Err: fmt.Errorf("%v: %w", err, ErrType)}
	switch {
	case errors.Is(err, jsontext.ErrDuplicateName):
		e.Err = fmt.Errorf("%v: %w", err, ErrDuplicateKey)
	case errors.Is(err, json.ErrUnknownName):
		e.Err = fmt.Errorf("%v: %w", err, ErrUnknownField)
	}
	if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		e.Pos = f.offsetPos(int(se.ByteOffset))
		e.Path = pointerPath(se.JSONPointer)
	}
	if se, ok := errors.AsType[*json.SemanticError](err); ok {
		e.Pos = f.offsetPos(int(se.ByteOffset))
		e.Path = pointerPath(se.JSONPointer)
	}
	return e
}

// pointerPath turns a JSON Pointer such as "/people/0/positions/1/start"
// into a YAML path such as "people[0].positions[1].start". A token of
// decimal digits is taken for an index: the pointer alone cannot tell it
// from a mapping key of digits.
func pointerPath(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if _, err := strconv.ParseUint(tok, 10, 0); err == nil {
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

// offsetPos returns the position of byte offset off in the data.
func (f *File) offsetPos(off int) Pos { return OffsetPos(f.name, f.data, off) }

// OffsetPos returns the position of byte offset off in data, the content
// of the file called name: every decoder that reports byte offsets (JSON,
// and ORCID's XML and JSON) turns them into positions here. The column
// counts characters, as yaml.v3's do, so that positions agree whatever the
// syntax.
func OffsetPos(name string, data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{File: name, Line: line, Column: utf8.RuneCount(before[start:]) + 1}
}
