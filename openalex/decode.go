package openalex

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// Sentinel errors wrapped by the errors and warnings that [Decode] and
// [Reader.Next] report, for use with [errors.Is].
var (
	// ErrLeftOut is wrapped by the warnings about what a record holds and
	// the model cannot, such as a work's PDF or its grants.
	ErrLeftOut = errors.New("left out")
	// ErrMissing is wrapped by the errors about a record without what the
	// model needs, such as a work without a title or a named author: the
	// record is left out.
	ErrMissing = errors.New("missing")
)

// Format returns the input format of OpenAlex records, for a
// [dataset.Loader]'s Formats: it reads, as [Decode] does, and recognizes
// by their content ([Sniff]), a work or an author, a list of them as
// OpenAlex's API answers, or JSON Lines of them as in OpenAlex's snapshot,
// plain or gzip-compressed; package stream reads JSON Lines a chunk at a
// time with a [Reader]. In a directory the Loader reads the files named
// .jsonl besides the .json ones; a .gz file is read when named, not found
// in a directory, where it could be any archive (the Loader chooses files
// by their last extension, and reads every file it chooses).
func Format() dataset.Format {
	return dataset.Format{
		Name: "openalex",
		// OpenAlex's API answers application/json; its snapshot is JSON
		// Lines, compressed.
		MediaTypes: []string{"application/json", "application/jsonl"},
		Exts:       []string{".jsonl"},
		Match:      func(doc dataset.Document) bool { return Sniff(doc.Data) },
		Decode:     dataset.EachDocument(Decode),
		// Package stream reads JSON Lines a chunk at a time, in bounded
		// memory, whatever the size of the file; one JSON value (a work,
		// an author, a list response) is read whole, as Decode reads it.
		Chunks: func(head dataset.Document, r io.Reader) dataset.ChunkReader {
			if !linesAhead(head) {
				return nil
			}
			return NewReader(head.Name, r)
		},
	}
}

// sniffSize bounds how much of a document [Sniff] looks at, compressed or
// not.
const sniffSize = 64 << 10

// Sniff reports whether data, the start of a document or all of it, is
// OpenAlex's: an object whose id is an OpenAlex work or author id (such as
// "https://openalex.org/W2741809807"), as a lone record or the first line
// of JSON Lines, or a list as OpenAlex's API answers ({"meta": …,
// "results": […]}) whose first result is one, or which is empty. Gzip-
// compressed data is OpenAlex's if what it decompresses to starts so.
// Sniff reads at most 64 KiB, decompressed: a record whose id comes later
// is not recognized.
func Sniff(data []byte) bool {
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return false
		}
		data, _ = io.ReadAll(io.LimitReader(zr, sniffSize))
	}
	return looksLikeOpenAlex(data[:min(len(data), sniffSize)])
}

func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// looksLikeOpenAlex reports whether prefix starts as OpenAlex's records or
// lists do (see [Sniff]).
func looksLikeOpenAlex(prefix []byte) bool {
	dec := jsontext.NewDecoder(bytes.NewBuffer(trimBOM(prefix)))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	listMeta := false
	for dec.PeekKind() == '"' {
		name, _ := dec.ReadToken()
		switch name.String() {
		case "id":
			return hasRecordID(dec)
		case "meta":
			if dec.PeekKind() != '{' {
				return false
			}
			dec.ReadToken()
			for dec.PeekKind() == '"' {
				key, _ := dec.ReadToken()
				listMeta = listMeta || key.String() == "db_response_time_ms"
				if dec.SkipValue() != nil {
					return false
				}
			}
			if _, err := dec.ReadToken(); err != nil {
				return false
			}
		case "results":
			if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
				return false
			}
			switch dec.PeekKind() {
			case ']':
				return listMeta
			case '{':
			default:
				return false
			}
			dec.ReadToken()
			for dec.PeekKind() == '"' {
				key, _ := dec.ReadToken()
				if key.String() == "id" {
					return hasRecordID(dec)
				}
				if dec.SkipValue() != nil {
					return false
				}
			}
			return false
		default:
			if dec.SkipValue() != nil {
				return false
			}
		}
	}
	return false
}

// hasRecordID reports whether the next value of dec is the id of an
// OpenAlex work or author.
func hasRecordID(dec *jsontext.Decoder) bool {
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind() != '"' {
		return false
	}
	s := tok.String()
	if _, ok := cutPrefixFold(s, "https://openalex.org/"); !ok {
		if _, ok := cutPrefixFold(s, "http://openalex.org/"); !ok {
			return false
		}
	}
	id := entityID(s)
	return id != "" && (id[0] == 'W' || id[0] == 'A')
}

func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\ufeff")) }

// defaultMaxFileSize is dataset's default limit of a file's size, which
// bounds what a compressed file may decompress to.
const defaultMaxFileSize = 256 << 20

// Decode decodes one document of OpenAlex records (see [Sniff] for what
// it reads) into a dataset: works into publications, authors into people,
// and their institutions that have a ROR id into organizations, each with
// its Origin (file:line:column and its path in the document, such as
// "results[3]", "line 12", or "" for a lone record). A gzip-compressed
// document may decompress to no more than limits.MaxFileSize. A document
// named .jsonl or .ndjson (before .gz) is read as JSON Lines whatever its
// content, so that a file of one line has the same paths as a longer one.
//
// Problems are a [source.ErrorList], each at file:line:column with its
// path, such as "results[3].authorships[2].author.orcid", returned with
// the dataset of the good records; a syntax error ends a document but only
// its line in JSON Lines. What the model cannot hold is in the dataset's
// Warnings, each wrapping [ErrLeftOut].
func Decode(doc dataset.Document, limits dataset.Limits) (*dataset.Dataset, error) {
	data := doc.Data
	if isGzip(data) {
		var err error
		if data, err = gunzip(doc.Name, data, orDefault(limits.MaxFileSize, defaultMaxFileSize)); err != nil {
			return nil, err
		}
	}
	data = trimBOM(data)
	if isJSONLines(data) || hasLinesName(doc.Name) {
		r := NewReader(doc.Name, bytes.NewReader(data))
		r.plain = true
		r.SetChunkSize(len(data) + 1)
		r.SetMaxLineSize(len(data) + 1)
		out := new(dataset.Dataset)
		var errs source.ErrorList
		for {
			chunk, err := r.Next()
			if chunk != nil {
				out.Append(chunk)
			}
			if list, ok := errors.AsType[source.ErrorList](err); ok {
				errs = append(errs, list...)
			} else if err == io.EOF {
				break
			} else if err != nil {
				return nil, err
			}
		}
		return out, errs.Err()
	}
	return decodeValue(doc.Name, data)
}

// orDefault returns a if it is positive, and b otherwise.
func orDefault(a, b int64) int64 {
	if a > 0 {
		return a
	}
	return b
}

// gunzip decompresses data, the content of the file called name, refusing
// to decompress more than limit bytes.
func gunzip(name string, data []byte, limit int64) ([]byte, error) {
	fail := func(err error) error {
		return source.ErrorList{{Pos: source.Pos{File: name}, Err: err}}
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fail(fmt.Errorf("gzip: %v: %w", err, source.ErrSyntax))
	}
	var b bytes.Buffer
	n, err := b.ReadFrom(io.LimitReader(zr, limit+1))
	switch {
	case n > limit:
		return nil, fail(fmt.Errorf("decompresses to more than the limit of %d bytes: %w", limit, source.ErrTooLarge))
	case err != nil:
		return nil, fail(fmt.Errorf("gzip: %v: %w", err, source.ErrSyntax))
	}
	return b.Bytes(), nil
}

// hasLinesName reports whether name is that of a JSON Lines file: it ends
// in .jsonl or .ndjson, before a .gz.
func hasLinesName(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// linesAhead reports whether the document whose first bytes are head (as
// stored: compressed or not) is to be read as JSON Lines in chunks rather
// than whole: its name says JSON Lines, or head is not the whole document
// and its first line, decompressed, is a JSON value or longer than the
// part of head that decompresses (a JSON Lines record can be long; one
// value written over many lines starts with a short line such as "{").
// A document that head holds whole is small, and read whole, as [Decode]
// reads it, so that both ways give the same paths.
func linesAhead(head dataset.Document) bool {
	if hasLinesName(head.Name) {
		return true
	}
	if len(head.Data) < dataset.PeekSize {
		return false
	}
	data := head.Data
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return true // the reader reports it
		}
		var b bytes.Buffer
		b.ReadFrom(io.LimitReader(zr, 4*dataset.PeekSize)) // an early end is expected: head is cut
		data = b.Bytes()
	}
	data = bytes.TrimLeft(trimBOM(data), " \t\r\n")
	first, _, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return true
	}
	first = bytes.TrimSpace(first)
	return len(first) >= 2 && first[0] == '{' && first[len(first)-1] == '}' || jsontext.Value(first).IsValid()
}

// isJSONLines reports whether data is JSON Lines rather than one JSON
// value: its first line that is not blank is a JSON value, or at least
// looks like an object ({…}), and more follows. (A record written over
// many lines starts with a line such as "{".)
func isJSONLines(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || len(bytes.TrimSpace(rest)) == 0 {
		return false
	}
	first = bytes.TrimSpace(first)
	if len(first) >= 2 && first[0] == '{' && first[len(first)-1] == '}' {
		return true
	}
	return jsontext.Value(first).IsValid()
}

// decodeValue decodes data, one JSON value: a record, or a list of them.
func decodeValue(name string, data []byte) (*dataset.Dataset, error) {
	d := newDecoder(name)
	out := new(dataset.Dataset)
	var errs source.ErrorList
	d.out, d.errs = out, &errs
	loc := &locator{name: name, data: data, line0: 1}
	dec := jsontext.NewDecoder(bytes.NewBuffer(data), skimming)
	var err error
	if isList(data) {
		err = d.list(dec, loc)
	} else {
		err = d.record(dec, loc, "")
	}
	if err == nil {
		at := valueStart(dec)
		if _, err = dec.ReadToken(); err == io.EOF {
			err = nil
		} else if err == nil {
			errs.Add(loc.pos(at), "", fmt.Errorf("more after the document's value: %w", source.ErrSyntax))
		}
	}
	if err != nil {
		errs = append(errs, syntaxError(loc, "", err))
	}
	errs.Sort()
	return out, errs.Err()
}

// isList reports whether data, a JSON object, is a list of records: its
// first member is meta, results or group_by, where a record's is its id.
func isList(data []byte) bool {
	dec := jsontext.NewDecoder(bytes.NewBuffer(data))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return false
	}
	switch tok.String() {
	case "meta", "results", "group_by":
		return true
	}
	return false
}

// list decodes a list of records as OpenAlex's API answers: an object
// whose results member is the array of records. Its meta and group_by
// members say what the list is, and are left out.
func (d *decoder) list(dec *jsontext.Decoder, loc *locator) error {
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	seen := false
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		if name := tok.String(); name != "results" || seen || dec.PeekKind() != '[' {
			switch {
			case name != "results":
			case seen:
				d.errs.Add(loc.pos(valueStart(dec)), "results", fmt.Errorf("a second results: the first is read: %w", source.ErrDuplicateKey))
			default:
				d.errs.Add(loc.pos(valueStart(dec)), "results", fmt.Errorf("%s where an array of records belongs: %w", kindName(dec.PeekKind()), source.ErrType))
			}
			if err := dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		seen = true
		dec.ReadToken()
		for i := 0; dec.PeekKind() != ']'; i++ {
			if err := d.record(dec, loc, fmt.Sprintf("results[%d]", i)); err != nil {
				return err
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

// syntaxError turns an error of reading JSON into a [*source.Error] at
// its place: path is the path of the value the decoder started at.
func syntaxError(loc *locator, path string, err error) *source.Error {
	se, ok := errors.AsType[*jsontext.SyntacticError](err)
	if !ok {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return &source.Error{Pos: loc.pos(int64(len(loc.data))), Path: path, Err: fmt.Errorf("%v: %w", err, source.ErrSyntax)}
	}
	cause, sentinel := se.Err, source.ErrSyntax
	if cause == nil {
		cause = se
	}
	if errors.Is(err, jsontext.ErrDuplicateName) {
		sentinel = source.ErrDuplicateKey
	}
	msg := cause.Error()
	msg = strings.TrimPrefix(msg, "jsontext: ")
	return &source.Error{Pos: loc.pos(se.ByteOffset), Path: source.JoinPath(path, strings.TrimPrefix(pointerPath(se.JSONPointer), ".")),
		Err: fmt.Errorf("%s: %w", msg, sentinel)}
}
