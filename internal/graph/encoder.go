package graph

import (
	"fmt"
	"io"
	"sync"
)

// An Encoder writes records in one syntax, each as it is given. Close must
// be called to finish the document; it does not close the underlying
// writer. Encoders are not safe for concurrent use.
type Encoder interface {
	Encode(r *Record) error
	Close() error
}

// NewEncoder returns an encoder writing to w in the syntax of the export
// format called name ("jsonld", "ttl", "nt" or "html"), or false if the
// format is not written through an Encoder.
func NewEncoder(name string, w io.Writer) (Encoder, bool) {
	switch name {
	case "jsonld":
		return NewJSONLDEncoder(w), true
	case "ttl":
		return NewTurtleEncoder(w), true
	case "nt":
		return NewNTriplesEncoder(w), true
	case "html":
		return NewScriptEncoder(w), true
	}
	return nil, false
}

// flushAt is the size at which an encoder hands its buffer to its writer.
const flushAt = 32 << 10

// bufPool holds the buffers of closed encoders.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, flushAt+8<<10); return &b }}

// out is what every encoder has: the writer, a buffer the encoder appends
// to, and the first error, after which nothing more is written. Encoders
// append a record to buf, then call done.
type out struct {
	w   io.Writer
	buf []byte
	err error
}

func (o *out) init(w io.Writer) {
	o.w = w
	o.buf = (*bufPool.Get().(*[]byte))[:0]
}

// done writes the buffer out once it is large.
func (o *out) done() error {
	if len(o.buf) >= flushAt {
		o.flush()
	}
	return o.err
}

// flush writes what is buffered.
func (o *out) flush() {
	if o.err == nil && len(o.buf) > 0 {
		if _, err := o.w.Write(o.buf); err != nil {
			o.err = fmt.Errorf("export: %w", err)
		}
	}
	o.buf = o.buf[:0]
}

// close flushes and returns the buffer to the pool; the encoder must not
// be used after.
func (o *out) close() error {
	if o.buf == nil {
		return o.err
	}
	o.flush()
	if cap(o.buf) <= 1<<20 {
		b := o.buf[:0]
		bufPool.Put(&b)
	}
	o.buf = nil
	return o.err
}
