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
	"strings"

	"github.com/scholarld/scholarld/source"
)

// Parse decodes one YAML or JSON document, called name in positions, into a
// Dataset. The document is a mapping with up to three keys, people,
// organizations and publications, each a list of records. Decoding is
// strict: unknown keys, duplicate keys and values of the wrong type are
// errors. Identifiers given in a variant form (an ORCID iD as a URL, a DOI
// with "doi:") are rewritten in canonical form.
//
// The error, if any, is a [source.ErrorList]. As go/parser does, Parse
// returns what it could decode along with the errors, unless the document is
// not even well-formed YAML; validating that partial dataset finds the
// problems that decoding could not see.
func Parse(name string, data []byte) (*Dataset, error) {
	return Limits{}.Parse(name, data)
}

// Limits bound what one input file may hold, so that hostile input cannot
// exhaust memory. The zero value means the defaults. (Nesting depth and
// aliases are bounded by the YAML decoder itself.)
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

// Parse is like the function [Parse] with the limits l.
func (l Limits) Parse(name string, data []byte) (*Dataset, error) {
	if int64(len(data)) > l.maxFileSize() {
		return nil, tooLarge(name, int64(len(data)), l.maxFileSize())
	}
	f, err := source.Parse(name, data)
	if err != nil {
		return nil, err
	}
	d := new(Dataset)
	if err := f.Decode(d); err != nil {
		if !decoded(err) {
			return nil, err
		}
		defer func() { d.setOrigins(f) }()
		canonicalize(d)
		return d, err
	}
	if n := len(d.People) + len(d.Organizations) + len(d.Publications); n > l.maxRecords() {
		err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("%d records, more than the limit of %d: %w", n, l.maxRecords(), source.ErrTooLarge)}
		return nil, source.ErrorList{err}
	}
	d.setOrigins(f)
	canonicalize(d)
	return d, nil
}

func tooLarge(name string, size, limit int64) error {
	err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("%d bytes, more than the limit of %d: %w", size, limit, source.ErrTooLarge)}
	return source.ErrorList{err}
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

// setOrigins records that every record of d comes from f.
func (d *Dataset) setOrigins(f *source.File) {
	for s, n := range [numSections]int{len(d.People), len(d.Organizations), len(d.Publications)} {
		d.origins[s] = make([]Origin, n)
		for i := range n {
			d.origins[s][i] = Origin{File: f, Path: fmt.Sprintf("%s[%d]", Section(s), i), Index: i}
		}
	}
}

// Load reads the named files and directories into one Dataset. A directory
// is read recursively: every file in it ending in .yaml, .yml or .json, in
// lexical order. Load reads every file and reports the problems of all of
// them at once, as a [source.ErrorList], along with the records it could
// decode (see [Parse]).
func Load(paths ...string) (*Dataset, error) {
	files, err := Files(paths...)
	if err != nil {
		return nil, err
	}
	return loadFiles(files, ReadFile)
}

// Files returns the data files that [Load] reads for paths, in order.
func Files(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		found, err := findFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
	}
	return files, nil
}

// FilesFS is like [Files] for paths in fsys.
func FilesFS(fsys fs.FS, paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		err := fs.WalkDir(fsys, p, func(name string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if name == p && !e.IsDir() || !e.IsDir() && isDataFile(name) {
				files = append(files, name)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
		}
	}
	return files, nil
}

// ReadFile reads the named file, refusing one larger than the default
// [Limits] before reading it.
func ReadFile(name string) ([]byte, error) {
	return readLimited(os.Open, name, Limits{}.maxFileSize())
}

// ReadFileFS is like [ReadFile] for a file of fsys.
func ReadFileFS(fsys fs.FS, name string) ([]byte, error) {
	return readLimited(fsys.Open, name, Limits{}.maxFileSize())
}

func readLimited[F fs.File](open func(string) (F, error), name string, limit int64) ([]byte, error) {
	f, err := open(name)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer f.Close()
	size := int64(bytes.MinRead)
	if info, err := f.Stat(); err == nil && info.Size() > 0 && info.Size() <= limit {
		size = info.Size() + 1 // one allocation for a regular file; the byte more sees EOF
	}
	data, err := readAll(io.LimitReader(f, limit+1), size)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	return data, nil
}

// LoadFS is like [Load] for paths in fsys, such as an embedded file system.
// Paths use forward slashes, as fs.FS requires.
func LoadFS(fsys fs.FS, paths ...string) (*Dataset, error) {
	files, err := FilesFS(fsys, paths...)
	if err != nil {
		return nil, err
	}
	return loadFiles(files, func(name string) ([]byte, error) { return ReadFileFS(fsys, name) })
}

// findFiles returns p if it is a file, or the data files below it if it is a directory.
func findFiles(p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(p, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && isDataFile(name) {
			files = append(files, name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	return files, nil
}

func isDataFile(name string) bool {
	switch strings.ToLower(path.Ext(filepath.ToSlash(name))) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// loadFiles parses every file and appends them in order, collecting all
// errors. Like Parse, it returns the records it could decode with them.
func loadFiles(files []string, read func(string) ([]byte, error)) (*Dataset, error) {
	d := new(Dataset)
	var errs source.ErrorList
	for _, name := range files {
		data, err := read(name)
		if list, ok := errors.AsType[source.ErrorList](err); ok {
			errs = append(errs, list...)
			continue
		}
		if err != nil {
			return nil, err
		}
		one, err := Parse(name, data)
		var list source.ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, err
		}
		if one != nil {
			d.Append(one)
		}
	}
	errs.Sort()
	return d, errs.Err()
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
