// Package stream exports datasets too large to hold in memory: records flow
// from the files through validation to the encoders and are dropped.
//
// Files are read and decoded, and each record checked on its own, by
// several goroutines at once; a single goroutine then checks what spans
// records (with a [validate.Index]) and encodes, in file order, so output
// is deterministic. Publications are written as they come. People and
// organizations, which publications and cross-checks refer to and which
// are few, are kept and written at the end, followed by the rare
// publication that is a version of one in a later file. So memory grows
// with the number of people and organizations, not of publications.
//
// For small datasets, [dataset.Loader.Load], [validate.Check] and package
// export do the same in memory.
package stream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// Options configure [Export]. Export.Validated is ignored: the stream
// always validates.
type Options struct {
	Export export.Options
	// Loader reads the files: from an fs.FS if its FS is set, within its
	// Limits, in its Formats. The zero Loader reads the operating system's
	// files, YAML and JSON only; with inputs.Loader, every format, and
	// OpenAlex's JSON Lines a chunk at a time.
	Loader  dataset.Loader
	Workers int       // files decoded at once; 0 means runtime.GOMAXPROCS(0)
	AsOf    time.Time // the date of warnings about ended positions; zero for none
	// MaxWarnings is the most warnings Result.Warnings keeps, the first
	// read; the others are counted in Result.Omitted, so that a stream's
	// memory stays bounded whatever the number of its warnings. 0 means
	// [DefaultMaxWarnings]; a negative number keeps every warning.
	MaxWarnings int
	// Progress, if not nil, is called as each file is read, with the
	// number of records it holds and its size in bytes, from the one
	// goroutine that encodes.
	Progress func(records int, bytes int64)
}

// DefaultMaxWarnings is the most warnings [Result] keeps by default.
const DefaultMaxWarnings = 10000

// A Result says what [Export] did.
type Result struct {
	Files, Records, Triples int
	// Warnings are the problems that are legal but suspicious (see
	// validate.Warnings) or that a format's reader reports (what the model
	// cannot hold, say): the first Options.MaxWarnings of them, sorted.
	Warnings source.ErrorList
	// Omitted counts the warnings beyond Options.MaxWarnings by kind: the
	// path of the warning without its indices and lines, such as
	// "authorships[].is_corresponding" or "people[].positions[].end".
	Omitted map[string]int
	// Matches is the report of the authors matched to people (see
	// dataset.Matcher): each publication's authors are matched to the
	// people read before it, so files of people come first (a directory
	// is read in lexical order).
	Matches []dataset.Match
}

// An Output is a document Export writes: the whole dataset in Format, to W.
type Output struct {
	Format export.Format // one whose documents hold a whole dataset (not PerPerson)
	W      io.Writer
}

// Export streams the files and directories named by paths (as
// [dataset.Loader.Load] finds them) to the outputs. Files of a format
// whose files belong together, such as ORCID records, are decoded together
// after the others. If the data has problems, Export reports every one, as
// a sorted [source.ErrorList], after reading every file: what the outputs
// received is then incomplete and must be discarded. It fails at once,
// having written nothing, for a format whose documents hold one person.
func Export(paths []string, outs []Output, opts Options) (Result, error) {
	encs, err := encoders(outs)
	if err != nil {
		return Result{}, err
	}
	files, err := opts.Loader.Files(paths...)
	if err != nil {
		return Result{}, errors.Join(err, closeAll(encs))
	}
	return run(files, encs, opts)
}

// encoders returns the encoders of the outputs.
func encoders(outs []Output) ([]graph.Encoder, error) {
	encs := make([]graph.Encoder, len(outs))
	for i, o := range outs {
		enc, ok := graph.NewEncoder(o.Format.Name, o.W)
		if !ok || o.Format.PerPerson {
			return nil, fmt.Errorf("stream: format %q: not a format of whole datasets", o.Format.Name)
		}
		encs[i] = enc
	}
	return encs, nil
}

func closeAll(encs []graph.Encoder) error {
	var errs []error
	for _, e := range encs {
		errs = append(errs, e.Close())
	}
	return errors.Join(errs...)
}

// A chunk is one decoded file with the problems found in it alone.
type chunk struct {
	d        *dataset.Dataset
	errs     source.ErrorList
	warnings source.ErrorList
	err      error // an I/O error, which stops the export
	size     int64 // bytes read, for Options.Progress

	// A file of a grouped format, decoded with the others of its format
	// at the end.
	format *dataset.Format
	doc    dataset.Document
}

func run(files []string, encs []graph.Encoder, opts Options) (Result, error) {
	m, err := graph.NewMapper(&dataset.Dataset{}, graph.Options{Names: opts.Export.Names(&dataset.Dataset{})})
	if err != nil {
		return Result{}, errors.Join(err, closeAll(encs))
	}
	s := &state{
		index:       validate.NewIndex(),
		m:           m,
		w:           &writer{encs: encs},
		res:         Result{Files: len(files)},
		maxWarnings: opts.MaxWarnings,
	}
	if s.maxWarnings == 0 {
		s.maxWarnings = DefaultMaxWarnings
	}
	grouped := make(map[*dataset.Format][]dataset.Document)
	var order []*dataset.Format
	for c := range decode(files, opts) {
		if c.err != nil {
			return s.res, errors.Join(c.err, closeAll(encs))
		}
		if c.format != nil {
			if grouped[c.format] == nil {
				order = append(order, c.format)
			}
			grouped[c.format] = append(grouped[c.format], c.doc)
			continue
		}
		s.add(c)
		progress(opts, c)
	}
	for _, f := range order {
		d, err := opts.Loader.DecodeAs(f, grouped[f]...)
		c := check(d, err, opts.AsOf)
		if c.err != nil {
			return s.res, errors.Join(c.err, closeAll(encs))
		}
		for _, doc := range grouped[f] {
			c.size += int64(len(doc.Data))
		}
		s.add(c)
		progress(opts, c)
	}
	return s.finish()
}

// progress reports chunk c to opts.Progress.
func progress(opts Options, c chunk) {
	if opts.Progress == nil || c.format != nil {
		return
	}
	n := 0
	if c.d != nil {
		n = c.d.Len()
	}
	opts.Progress(n, c.size)
}

// decode decodes files on several goroutines and yields the chunks in file
// order, never more than a few ahead of the consumer. A file of a format
// read in chunks (dataset.Format.Chunks) yields its chunks one by one.
func decode(files []string, opts Options) func(func(chunk) bool) {
	return func(yield func(chunk) bool) {
		workers := opts.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		results := make([]chan chunk, len(files))
		for i := range results {
			results[i] = make(chan chunk, 1)
		}
		next := make(chan int)
		stop := make(chan struct{})
		defer close(stop)
		// tokens bounds how far decoding runs ahead of the consumer: a
		// file is handed out only while fewer than 2×workers files are
		// decoded or being decoded and not yet consumed; a file read in
		// chunks holds one chunk ahead.
		tokens := make(chan struct{}, 2*workers)
		for range workers {
			go func() {
				for i := range next {
					decodeFile(files[i], opts, func(c chunk) bool {
						select {
						case results[i] <- c:
							return true
						case <-stop:
							return false
						}
					})
					close(results[i])
				}
			}()
		}
		go func() {
			defer close(next)
			for i := range files {
				select {
				case tokens <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case next <- i:
				case <-stop:
					return
				}
			}
		}()
		for i := range files {
			for c := range results[i] {
				if !yield(c) {
					return
				}
			}
			<-tokens
		}
	}
}

// decodeFile reads and decodes one file and checks its records one by
// one, and sends the chunk, or the chunks of a format read in chunks; a
// file of a grouped format is sent undecoded.
func decodeFile(name string, opts Options, send func(chunk) bool) {
	if chunks, ok := openChunks(name, opts); ok {
		readChunks(chunks, opts, send)
		return
	}
	doc, err := opts.Loader.ReadFile(name)
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		send(chunk{errs: list})
		return
	}
	if err != nil {
		send(chunk{err: err})
		return
	}
	f := opts.Loader.Detect(doc)
	if f.Grouped {
		send(chunk{format: f, doc: doc})
		return
	}
	d, err := opts.Loader.DecodeAs(f, doc)
	c := check(d, err, opts.AsOf)
	c.size = int64(len(doc.Data))
	send(c)
}

// A chunked file is a file of a format read in chunks, being read.
type chunked struct {
	r    dataset.ChunkReader
	file io.Closer
	read *countingReader
}

// openChunks opens the named file if it is a regular file of a format read
// in chunks, recognized by its first dataset.PeekSize bytes.
func openChunks(name string, opts Options) (*chunked, bool) {
	f, err := opts.Loader.Open(name)
	if err != nil {
		return nil, false // ReadFile reports it
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, false
	}
	prefix := make([]byte, dataset.PeekSize)
	n, err := io.ReadFull(f, prefix)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		f.Close()
		return nil, false
	}
	prefix = prefix[:n]
	head := dataset.Document{Name: name, Data: prefix}
	format := opts.Loader.Detect(head)
	if format.Chunks == nil {
		f.Close()
		return nil, false
	}
	cr := &countingReader{r: f, n: int64(n)}
	r := format.Chunks(head, io.MultiReader(bytes.NewReader(prefix), cr))
	if r == nil {
		f.Close() // read whole, as the format asks
		return nil, false
	}
	return &chunked{r: r, file: f, read: cr}, true
}

// readChunks reads a chunked file to its end, sending each chunk checked.
func readChunks(c *chunked, opts Options, send func(chunk) bool) {
	defer c.file.Close()
	var sent int64
	for {
		d, err := c.r.Next()
		if err == io.EOF {
			return
		}
		if _, ok := errors.AsType[source.ErrorList](err); err != nil && !ok {
			send(chunk{err: err})
			return
		}
		ch := check(d, err, opts.AsOf)
		ch.size, sent = c.read.n-sent, c.read.n
		if !send(ch) {
			return
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// check makes a chunk of a decoded dataset, its records checked one by
// one, and warnings dated by asOf.
func check(d *dataset.Dataset, err error, asOf time.Time) chunk {
	c := chunk{d: d}
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		c.errs = list
	} else if err != nil {
		return chunk{err: err}
	}
	if c.d != nil {
		c.errs = append(c.errs, validate.Records(c.d)...)
		c.warnings = append(c.d.Warnings, validate.Warnings(c.d, asOf)...)
	}
	return c
}

// state is what the sequential stage keeps between chunks.
type state struct {
	index    *validate.Index
	m        *graph.Mapper
	w        *writer
	held     dataset.Dataset           // people and organizations, written at the end
	matcher  dataset.Matcher           // the people read so far, to match authors to
	deferred []publication.Publication // versions of publications not seen yet
	errs     source.ErrorList
	res      Result
	failed   bool // problems found: stop encoding, keep checking

	maxWarnings int // negative for no limit
}

func (s *state) add(c chunk) {
	s.errs = append(s.errs, c.errs...)
	s.warn(c.warnings)
	if c.d == nil {
		s.failed = true
		return
	}
	s.matcher.Add(c.d.People)
	s.res.Matches = append(s.res.Matches, s.matcher.Match(c.d)...)
	s.index.Add(c.d)
	s.m.Add(c.d)
	if len(c.errs) > 0 {
		s.failed = true
	}
	if len(c.d.People)+len(c.d.Organizations) > 0 {
		s.held.Append(&dataset.Dataset{People: c.d.People, Organizations: c.d.Organizations})
	}
	for i := range c.d.Publications {
		p := &c.d.Publications[i]
		if p.VersionOf != "" && !s.index.HasPublication(p.VersionOf) {
			s.deferred = append(s.deferred, *p)
			continue
		}
		if !s.failed {
			s.w.write(s.m.Publication(p))
		}
	}
}

func (s *state) finish() (Result, error) {
	if err := s.index.Close(); err != nil {
		s.errs = append(s.errs, err.(source.ErrorList)...)
	}
	if len(s.errs) == 0 && !s.failed {
		s.held.MergeAdvising() // a supervision stated on both sides is one
		for i := range s.held.Organizations {
			s.w.write(s.m.Organization(&s.held.Organizations[i]))
		}
		for i := range s.held.People {
			s.w.write(s.m.Person(&s.held.People[i]))
		}
		for i := range s.deferred {
			s.w.write(s.m.Publication(&s.deferred[i]))
		}
	}
	s.res.Records, s.res.Triples = s.w.records, s.w.triples
	s.res.Warnings.Sort()
	err := errors.Join(s.w.err, closeAll(s.w.encs))
	if len(s.errs) > 0 {
		s.errs.Sort()
		return s.res, s.errs
	}
	if err != nil {
		return s.res, fmt.Errorf("writing: %w", err)
	}
	return s.res, nil
}

// warn keeps the warnings up to the limit and counts the others by kind.
func (s *state) warn(list source.ErrorList) {
	for _, w := range list {
		if s.maxWarnings < 0 || len(s.res.Warnings) < s.maxWarnings {
			s.res.Warnings = append(s.res.Warnings, w)
			continue
		}
		if s.res.Omitted == nil {
			s.res.Omitted = make(map[string]int)
		}
		s.res.Omitted[WarningKind(w)]++
	}
}

// WarningKind returns the kind of a warning, by which [Result.Omitted]
// counts them: its path without indices or line numbers
// ("authorships[].is_corresponding" of "line 12.authorships[3].is_corresponding"),
// or "-" for a warning with no path.
func WarningKind(e *source.Error) string {
	path := e.Path
	if rest, ok := strings.CutPrefix(path, "line "); ok {
		n := 0
		for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		if n > 0 {
			path = strings.TrimPrefix(rest[n:], ".")
		}
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		b.WriteByte(path[i])
		if path[i] != '[' {
			continue
		}
		j := i + 1
		for j < len(path) && '0' <= path[j] && path[j] <= '9' {
			j++
		}
		if j > i+1 && j < len(path) && path[j] == ']' {
			i = j - 1 // skip the digits
		}
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// writer encodes records with every encoder until the first error.
type writer struct {
	encs             []graph.Encoder
	records, triples int
	err              error
}

func (w *writer) write(r *graph.Record) {
	if w.err != nil {
		return
	}
	for _, e := range w.encs {
		if err := e.Encode(r); err != nil {
			w.err = err
			return
		}
	}
	w.records++
	w.triples += r.Len()
}
