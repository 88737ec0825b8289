package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/scholarld/scholarld/source"
)

// Limits bound what one input file may hold, so that hostile input cannot
// exhaust memory. The zero value means the defaults. (Nesting depth and
// aliases are bounded by the decoders themselves.)
type Limits struct {
	MaxFileSize int64 // bytes; 0 means 256 MiB
	MaxRecords  int   // records per file; 0 means 1,000,000
}

func (l Limits) maxFileSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return 256 << 20
}

func (l Limits) maxRecords() int {
	if l.MaxRecords > 0 {
		return l.MaxRecords
	}
	return 1_000_000
}

// A Loader reads datasets from files. It is the one way in: [Load], the
// in-memory path, and package stream, which reads a file at a time, both
// read through it. The zero Loader reads the operating system's files with
// the default [Limits], in this project's own format, YAML and JSON, only:
// the formats of the importer packages (ORCID, BibTeX, OpenAlex, ...) are
// read when listed in Formats, as package inputs does with all of them. A
// Loader is safe for concurrent use; it is not modified once in use.
type Loader struct {
	// FS is the file system to read from, such as an embedded one; nil
	// means the operating system's, with paths as the os package takes
	// them. Paths in an FS use forward slashes, as fs.FS requires.
	FS     fs.FS
	Limits Limits
	// Formats are the formats read besides YAML and JSON, tried in order
	// on each document (see [Loader.Detect]); YAML and JSON, which match
	// any document, come after them. nil means YAML and JSON only.
	Formats []Format
}

// Load reads the named files and directories with the zero [Loader]: YAML
// and JSON only.
func Load(paths ...string) (*Dataset, error) {
	return Loader{}.Load(paths...)
}

// Decode reads one document from r with the zero [Loader]: YAML and JSON
// only.
func Decode(name string, r io.Reader) (*Dataset, error) {
	return Loader{}.Decode(name, r)
}

// Load reads the named files and directories into one Dataset. A directory
// is read recursively, in lexical order: every file in it whose extension
// is that of one of its formats (.yaml, .yml, .json, and those of
// [Loader.Formats], such as .xml for ORCID). A file named itself is read
// whatever its name. Each file's format is recognized by its content (see
// [Loader.Detect]).
//
// Load reads every file and reports the problems of all of them at once,
// as a sorted [source.ErrorList], along with the records it could decode,
// as go/parser does: validating that partial dataset finds the problems
// that decoding could not see. Other errors, such as a missing file, stop
// it.
func (l Loader) Load(paths ...string) (*Dataset, error) {
	files, err := l.Files(paths...)
	if err != nil {
		return nil, err
	}
	return l.load(files, nil)
}

// LoadDocuments is [Loader.Load] for documents read elsewhere, such as
// ORCID records fetched from ORCID's API, along with the files and
// directories named by paths: all are recognized, grouped and decoded
// together, so a record fetched and the works read from a file make one.
func (l Loader) LoadDocuments(docs []Document, paths ...string) (*Dataset, error) {
	files, err := l.Files(paths...)
	if err != nil {
		return nil, err
	}
	return l.load(files, docs)
}

// load reads and decodes files, then docs. A file of a format whose files
// stand alone is decoded as soon as it is read, and its bytes dropped.
func (l Loader) load(files []string, docs []Document) (*Dataset, error) {
	// Files are read and decoded on every core, and their results
	// appended in file order: the dataset is the same however many cores
	// there are. A file of a grouped format is kept to be decoded with the
	// others of its format.
	type result struct {
		d      *Dataset
		err    error
		format *Format
		doc    Document
	}
	results := make([]result, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				doc, err := l.ReadFile(files[i])
				if err != nil {
					results[i] = result{err: err}
					continue
				}
				if f := l.Detect(doc); f.Grouped {
					results[i] = result{format: f, doc: doc}
				} else {
					d, err := l.DecodeAs(f, doc)
					results[i] = result{d: d, err: err}
				}
			}
		})
	}
	wg.Wait()

	d := new(Dataset)
	var errs source.ErrorList
	collect := func(one *Dataset, err error) error {
		if list, ok := errors.AsType[source.ErrorList](err); ok {
			errs = append(errs, list...)
		} else if err != nil {
			return err
		}
		if one != nil {
			d.Append(one)
		}
		return nil
	}
	grouped := make(map[*Format][]Document)
	var order []*Format
	group := func(f *Format, doc Document) {
		if grouped[f] == nil {
			order = append(order, f)
		}
		grouped[f] = append(grouped[f], doc)
	}
	for _, r := range results {
		if r.format != nil {
			group(r.format, r.doc)
			continue
		}
		if err := collect(r.d, r.err); err != nil {
			return nil, err
		}
	}
	for _, doc := range docs {
		if f := l.Detect(doc); f.Grouped {
			group(f, doc)
		} else if err := collect(l.DecodeAs(f, doc)); err != nil {
			return nil, err
		}
	}
	for _, f := range order {
		if err := collect(l.DecodeAs(f, grouped[f]...)); err != nil {
			return nil, err
		}
	}
	errs.Sort()
	return d, errs.Err()
}

// Decode reads one document called name (in positions) from r, recognizes
// its format and decodes it. Errors are as for [Loader.Load].
func (l Loader) Decode(name string, r io.Reader) (*Dataset, error) {
	data, err := readLimited(r, name, -1, l.Limits.maxFileSize())
	if err != nil {
		return nil, err
	}
	doc := Document{Name: name, Data: data}
	return l.DecodeAs(l.Detect(doc), doc)
}

// DecodeAs decodes documents of format f within the limits: whatever the
// format, a dataset of more records than MaxRecords per document is
// refused.
func (l Loader) DecodeAs(f *Format, docs ...Document) (*Dataset, error) {
	d, err := f.Decode(docs, l.Limits)
	if d != nil && d.Len() > l.Limits.maxRecords()*len(docs) {
		name := docs[0].Name
		if len(docs) > 1 {
			name += fmt.Sprintf(" and %d more", len(docs)-1)
		}
		err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("%d records, more than the limit of %d a file: %w", d.Len(), l.Limits.maxRecords(), source.ErrTooLarge)}
		return nil, source.ErrorList{err}
	}
	if f == builtin && err != nil && !decoded(err) {
		err = l.unknownFormat(docs, err)
	}
	return d, err
}

// ErrUnknownFormat is wrapped by the error that [Loader.Load] adds to the
// syntax errors of a file that no format of the Loader's Formats matches,
// whose extension is not YAML's or JSON's, and that is not YAML or JSON
// either: such as a .bib file read by a Loader that does not list
// biblio.BibTeX (the zero Loader lists no format).
var ErrUnknownFormat = errors.New("unknown format")

// unknownFormat adds to err, the syntax errors of documents read as YAML
// or JSON, an error wrapping [ErrUnknownFormat] for each document whose
// extension says it is of another format, which l does not read.
func (l Loader) unknownFormat(docs []Document, err error) error {
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok {
		return err
	}
	var names []string
	for _, f := range l.Formats {
		names = append(names, f.Name)
	}
	listed := "none besides YAML and JSON"
	if len(names) > 0 {
		listed = strings.Join(names, ", ") + ", then YAML and JSON"
	}
	for _, doc := range docs {
		ext := strings.ToLower(path.Ext(filepath.ToSlash(doc.Name)))
		if ext == "" || slices.Contains(builtin.Exts, ext) {
			continue
		}
		e := &source.Error{Pos: source.Pos{File: doc.Name}, Err: fmt.Errorf("read as YAML, as no format of the loader (%s) matches a %s file: %w", listed, ext, ErrUnknownFormat)}
		list = append(list, e)
	}
	list.Sort()
	return list
}

// Files returns the files that [Loader.Load] reads for paths, in order.
func (l Loader) Files(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		walk := func(name string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			// A file named itself is read whatever it is, a pipe such as
			// /dev/stdin included; in a directory, only regular files are,
			// so that a FIFO there cannot hang the run.
			if name == p && !e.IsDir() || e.Type().IsRegular() && l.hasDataExt(name) {
				files = append(files, name)
			}
			return nil
		}
		var err error
		if l.FS == nil {
			err = filepath.WalkDir(p, walk)
		} else {
			err = fs.WalkDir(l.FS, p, walk)
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
	}
	return files, nil
}

// Open opens the named file, from the Loader's FS if it has one.
func (l Loader) Open(name string) (fs.File, error) {
	if l.FS == nil {
		return os.Open(name)
	}
	return l.FS.Open(name)
}

// ReadFile reads the named file, refusing one larger than the limit before
// reading more than the limit. It reads a pipe once, so that standard
// input can be named.
func (l Loader) ReadFile(name string) (Document, error) {
	f, err := l.Open(name)
	if err != nil {
		return Document{}, fmt.Errorf("reading %s: %w", name, err)
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return Document{}, fmt.Errorf("reading %s: is a directory", name)
		}
		if info.Mode().IsRegular() {
			size = info.Size()
		}
	}
	data, err := readLimited(f, name, size, l.Limits.maxFileSize())
	return Document{Name: name, Data: data}, err
}

// readLimited reads r whole, refusing more than limit bytes. size is the
// size if known, or -1.
func readLimited(r io.Reader, name string, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, tooLarge(name, size, limit)
	}
	capacity := int64(bytes.MinRead)
	if size >= 0 {
		capacity = size + 1 // one allocation for a regular file; the byte more sees EOF
	}
	data, err := readAll(io.LimitReader(r, limit+1), capacity)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	return data, nil
}

func tooLarge(name string, size, limit int64) error {
	err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("%d bytes, more than the limit of %d: %w", size, limit, source.ErrTooLarge)}
	return source.ErrorList{err}
}

// readAll is io.ReadAll starting with a buffer of the given capacity.
func readAll(r io.Reader, capacity int64) ([]byte, error) {
	b := make([]byte, 0, capacity)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// A Document is the content of one input file, with its name for
// positions.
type Document struct {
	Name string
	Data []byte
}

// A Format is a kind of input file the [Loader] reads. This package knows
// its own, YAML and JSON ([YAML]); the importer packages give theirs, such
// as orcid.Format for ORCID records, and package inputs lists them all.
type Format struct {
	Name       string   // such as "yaml" or "orcid"
	MediaTypes []string // such as "application/vnd.orcid+xml"
	Exts       []string // the extensions, with the dot, of its files in a directory
	// Match reports whether a document is of this format, by its content
	// and, if need be, its name; nil matches none.
	Match func(doc Document) bool
	// Decode decodes documents of this format into one dataset, within the
	// limits, setting each record's Origin. Its errors are as for
	// [Loader.Load].
	Decode func(docs []Document, limits Limits) (*Dataset, error)
	// Grouped formats have files that belong together, such as an ORCID
	// record and the bulk of its works: Load gives Decode all the files of
	// the format at once. Other formats get one file at a time.
	Grouped bool
	// Chunks, if set, reads a document of this format from r a chunk of
	// records at a time, in memory bounded whatever its size, such as
	// OpenAlex's JSON Lines snapshot files: package stream reads such
	// files so. Match and Chunks are then given the document's first
	// [PeekSize] bytes only, in head (and r reads the whole document,
	// head included); Chunks returns nil for a document better read whole,
	// such as one JSON value written over many lines.
	Chunks func(head Document, r io.Reader) ChunkReader
}

// A ChunkReader reads a document a chunk of records at a time. Next
// returns the next chunk, with the problems found in it alone as a
// [source.ErrorList], reading on past them; at the end it returns nil and
// io.EOF, and another error stops the reading.
type ChunkReader interface {
	Next() (*Dataset, error)
}

// PeekSize is how much of a file package stream reads to recognize its
// format before it reads a format of [Format.Chunks] a chunk at a time.
const PeekSize = 64 << 10

// builtin is this package's own format: YAML, and JSON, which is read with a JSON decoder.
var builtin = &Format{
	Name:       "yaml",
	MediaTypes: []string{"application/yaml", "application/json"},
	Exts:       []string{".yaml", ".yml", ".json"},
	Match:      func(Document) bool { return true },
	Decode: EachDocument(func(doc Document, limits Limits) (*Dataset, error) {
		return limits.decode(doc.Name, doc.Data)
	}),
}

// YAML returns this package's own format, YAML and JSON (see [Loader.Load]
// for what they hold), which every [Loader] reads, trying it last: it
// matches any document.
func YAML() Format { return *builtin }

// EachDocument makes the Decode of a format whose files stand alone from
// a function that decodes one: it decodes each document and appends their
// datasets, collecting the problems of all of them as [Loader.Load] does.
func EachDocument(decode func(Document, Limits) (*Dataset, error)) func([]Document, Limits) (*Dataset, error) {
	return func(docs []Document, limits Limits) (*Dataset, error) {
		if len(docs) == 1 {
			return decode(docs[0], limits)
		}
		d := new(Dataset)
		var errs source.ErrorList
		for _, doc := range docs {
			one, err := decode(doc, limits)
			if list, ok := errors.AsType[source.ErrorList](err); ok {
				errs = append(errs, list...)
			} else if err != nil {
				return nil, err
			}
			if one != nil {
				d.Append(one)
			}
		}
		return d, errs.Err()
	}
}

// Detect returns the format of doc: the first of l.Formats that matches
// it, or YAML and JSON, which match anything. The format returned is
// l.Formats's own element, the same for every document of the format.
func (l Loader) Detect(doc Document) *Format {
	for i := range l.Formats {
		if f := &l.Formats[i]; f.Match != nil && f.Match(doc) {
			return f
		}
	}
	return builtin
}

// hasDataExt reports whether name has the extension of one of l's formats.
func (l Loader) hasDataExt(name string) bool {
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	if slices.Contains(builtin.Exts, ext) {
		return true
	}
	return slices.ContainsFunc(l.Formats, func(f Format) bool { return slices.Contains(f.Exts, ext) })
}

// decode decodes one YAML or JSON document. The document is a mapping with
// up to three keys, people, organizations and publications, each a list of
// records. Decoding is strict: unknown keys, duplicate keys and values of
// the wrong type are errors. Identifiers given in a variant form (an ORCID
// iD as a URL, a DOI with "doi:") are rewritten in canonical form.
func (l Limits) decode(name string, data []byte) (*Dataset, error) {
	if int64(len(data)) > l.maxFileSize() {
		return nil, tooLarge(name, int64(len(data)), l.maxFileSize())
	}
	f, err := source.NewFile(name, data)
	if err != nil {
		return nil, err
	}
	// JSON is counted before it is decoded, so that a file over the
	// record limit is refused before its records take memory. (yaml.v3
	// builds its tree of the whole document before anything can count;
	// for YAML the memory bound of the decoder holds instead.)
	if n, ok := f.CountItems(l.maxRecords(), "people", "organizations", "publications"); ok && n > l.maxRecords() {
		err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("more than %d records, the limit: %w", l.maxRecords(), source.ErrTooLarge)}
		return nil, source.ErrorList{err}
	}
	d := new(Dataset)
	err = f.Decode(d)
	if err != nil && !decoded(err) {
		return nil, err
	}
	// The limit holds whatever else is wrong: a file over it is refused,
	// not validated.
	if n := d.Len(); n > l.maxRecords() {
		err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("%d records, more than the limit of %d: %w", n, l.maxRecords(), source.ErrTooLarge)}
		return nil, source.ErrorList{err}
	}
	d.setOrigins(f)
	canonicalize(d)
	return d, err
}

// decoded reports whether err leaves a usable partial dataset: all its
// errors are about single values, not the document's syntax.
func decoded(err error) bool {
	var list source.ErrorList
	if !errors.As(err, &list) {
		return false
	}
	for _, e := range list {
		if errors.Is(e, source.ErrSyntax) {
			return false
		}
	}
	return true
}
