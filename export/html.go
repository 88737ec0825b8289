package export

import (
	"bufio"
	"fmt"
	"io"
)

// A ScriptEncoder writes records as an HTML snippet: a
// <script type="application/ld+json"> element holding the JSON-LD document
// that [JSONLDEncoder] writes, for the head or body of a web page, where
// search engines read it.
//
// The snippet is inert whatever the data holds: every <, > and & in the
// JSON is written as a \u escape (which JSON parsers read back unchanged),
// so no text can close the element, open a comment or start a tag, and
// U+2028 and U+2029 are escaped too. It may be inserted into an
// html/template as a template.HTML value.
//
// The zero value is not usable; call [NewScriptEncoder]. A ScriptEncoder is
// not safe for concurrent use.
type ScriptEncoder struct {
	w       *bufio.Writer
	json    *JSONLDEncoder
	started bool
	err     error
}

// NewScriptEncoder returns an encoder that writes to w.
func NewScriptEncoder(w io.Writer) *ScriptEncoder {
	bw := bufio.NewWriter(w)
	j := NewJSONLDEncoder(bw)
	j.html = true
	return &ScriptEncoder{w: bw, json: j}
}

// Encode adds the nodes of r to the snippet's JSON-LD document.
func (e *ScriptEncoder) Encode(r *Record) error {
	if e.err != nil {
		return e.err
	}
	if err := e.start(); err != nil {
		return err
	}
	e.err = e.json.Encode(r)
	return e.err
}

func (e *ScriptEncoder) start() error {
	if !e.started {
		e.started = true
		if _, err := e.w.WriteString(`<script type="application/ld+json">` + "\n"); err != nil {
			e.err = fmt.Errorf("export: %w", err)
		}
	}
	return e.err
}

// Close ends the document and the element, and flushes. It does not close
// the underlying writer.
func (e *ScriptEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if err := e.start(); err != nil {
		return err
	}
	if err := e.json.Close(); err != nil {
		e.err = err
		return err
	}
	if _, err := e.w.WriteString("</script>\n"); err != nil {
		e.err = fmt.Errorf("export: %w", err)
		return e.err
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("export: %w", err)
	}
	return e.err
}
