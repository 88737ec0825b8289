package openalex

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// The defaults of a [Reader].
const (
	DefaultChunkSize   = 1000     // records a chunk
	DefaultMaxLineSize = 64 << 20 // bytes a line: OpenAlex's largest works (thousands of authors) take a few MB
)

// A Reader reads OpenAlex records from JSON Lines, one record a line, as
// OpenAlex's snapshot holds them, plain or gzip-compressed (the Reader
// tells by the content), and returns them in chunks, each a
// [dataset.Dataset] of a bounded number of records. Its memory is bounded
// by the chunk size and the longest line, whatever the length of the
// input, but for the ids it gave and the organizations it made, a few
// dozen bytes a record, which it keeps so that ids are unique in the input
// and each organization is made once.
//
// Records are decoded as [Decode] decodes them, each with its Origin: the
// path "line 12" and the position of its line. A Reader is not safe for
// concurrent use.
type Reader struct {
	name    string
	src     io.Reader
	br      *bufio.Reader
	plain   bool // do not look for gzip: the input was decompressed
	started bool
	err     error // the error that ended reading: io.EOF at the end

	chunkSize, maxLine int
	line               int // lines read

	d       *decoder
	dec     *jsontext.Decoder
	buf     []byte
	pending *dataset.Dataset // a line's records that did not fit the last chunk
	pendErr source.ErrorList
}

// NewReader returns a Reader of the JSON Lines in r, called name in
// positions, that returns chunks of [DefaultChunkSize] records and reads
// lines of up to [DefaultMaxLineSize] bytes. It reads nothing until Next
// is called.
func NewReader(name string, r io.Reader) *Reader {
	return &Reader{name: name, src: r, chunkSize: DefaultChunkSize, maxLine: DefaultMaxLineSize,
		d: newDecoder(name), dec: jsontext.NewDecoder(bytes.NewReader(nil), skimming)}
}

// SetChunkSize sets the most records a chunk holds (at least 1): works,
// authors and the organizations first named by them, with the problems of
// their lines. A line whose records alone are more makes a chunk of its
// own. A chunk holds the records of at most as many lines, so that lines
// of no records (an OpenAlex institution, say, with a warning) make
// chunks too.
func (r *Reader) SetChunkSize(n int) { r.chunkSize = max(n, 1) }

// SetMaxLineSize sets the longest line read, in bytes (at least 1); a
// longer line is an error, and skipped.
func (r *Reader) SetMaxLineSize(n int) { r.maxLine = max(n, 1) }

// Line returns the number of lines read so far.
func (r *Reader) Line() int { return r.line }

// Next returns the next chunk of records. Problems with single lines (a
// syntax error, a value of the wrong type, a record the model cannot take)
// are a [source.ErrorList], each at name:line:column, returned with the
// chunk of the good records; reading goes on past them. What the model
// cannot hold is in the chunk's Warnings, each wrapping [ErrLeftOut].
//
// At the end of the input Next returns nil and [io.EOF]. An error reading
// the input or decompressing it ends the reading: Next returns the records
// read before it, then the error, wrapped, and then the same error again.
func (r *Reader) Next() (*dataset.Dataset, error) {
	if !r.started {
		r.start()
	}
	out := new(dataset.Dataset)
	var errs source.ErrorList
	if r.pending != nil {
		out, errs, r.pending, r.pendErr = r.pending, r.pendErr, nil, nil
	}
	// A chunk ends when it is full, or after as many lines that gave
	// something, so that the warnings of lines of no records do not pile
	// up. (Blank lines give nothing and take no memory.)
	for lines := 0; r.err == nil && out.Len()+len(errs) < r.chunkSize && lines < r.chunkSize; {
		line, tooLong, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("openalex: reading %s: %w", r.name, err)
			}
			r.err = err
			break
		}
		r.line++
		one, oneErrs := r.decodeLine(line, tooLong)
		if one.Len()+len(oneErrs)+len(one.Warnings) == 0 {
			continue
		}
		lines++
		if out.Len()+len(errs) > 0 && out.Len()+len(errs)+one.Len()+len(oneErrs) > r.chunkSize {
			r.pending, r.pendErr = one, oneErrs
			break
		}
		out.Append(one)
		errs = append(errs, oneErrs...)
	}
	if out.Len() == 0 && len(errs) == 0 && len(out.Warnings) == 0 {
		return nil, r.err
	}
	return out, errs.Err()
}

// start looks at the input: gzip-compressed input is decompressed.
func (r *Reader) start() {
	r.started = true
	br := bufio.NewReaderSize(r.src, 256<<10)
	r.br = br
	if r.plain {
		return
	}
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.err = fmt.Errorf("openalex: reading %s: gzip: %w", r.name, err)
			return
		}
		r.br = bufio.NewReaderSize(zr, 256<<10)
	}
}

// readLine returns the next line, without its line break. A line longer
// than the limit is read to its end but not kept: tooLong says so, and
// line is empty.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	frag, err := r.br.ReadSlice('\n')
	if err == nil || err == io.EOF && len(frag) > 0 {
		// The common case: the line is in the buffer.
		if len(frag) > r.maxLine+1 {
			return nil, true, nil
		}
		return frag, false, nil
	}
	if err != bufio.ErrBufferFull {
		return nil, false, err
	}
	r.buf = append(r.buf[:0], frag...)
	n := len(frag)
	for err == bufio.ErrBufferFull {
		frag, err = r.br.ReadSlice('\n')
		n += len(frag)
		if n <= r.maxLine+1 {
			r.buf = append(r.buf, frag...)
		}
	}
	if err != nil && err != io.EOF {
		return nil, false, err
	}
	if n > r.maxLine+1 {
		r.buf = r.buf[:0]
		return nil, true, nil
	}
	return r.buf, false, nil
}

// decodeLine decodes one line of JSON Lines, the r.line-th.
func (r *Reader) decodeLine(line []byte, tooLong bool) (*dataset.Dataset, source.ErrorList) {
	out := new(dataset.Dataset)
	var errs source.ErrorList
	path := fmt.Sprintf("line %d", r.line)
	if tooLong {
		errs.Add(source.Pos{File: r.name, Line: r.line, Column: 1}, path,
			fmt.Errorf("a line longer than the limit of %d bytes: %w", r.maxLine, source.ErrTooLarge))
		return out, errs
	}
	if r.line == 1 {
		line = trimBOM(line)
	}
	line = bytes.TrimRight(line, "\r\n") // an error at its end is on this line
	if len(bytes.TrimSpace(line)) == 0 {
		return out, nil // a blank line, as at the end of a file
	}
	loc := &locator{name: r.name, data: line, line0: r.line}
	r.d.out, r.d.errs = out, &errs
	r.dec.Reset(bytes.NewBuffer(line), skimming)
	err := r.d.record(r.dec, loc, path)
	if err == nil {
		at := valueStart(r.dec)
		if _, err = r.dec.ReadToken(); err == io.EOF {
			err = nil
		} else if err == nil {
			errs.Add(loc.pos(at), path, fmt.Errorf("more after the line's record: %w", source.ErrSyntax))
		}
	}
	if err != nil {
		errs = append(errs, syntaxError(loc, path, err))
	}
	errs.Sort()
	return out, errs
}
