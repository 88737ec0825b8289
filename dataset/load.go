package dataset

import (
	"errors"
	"fmt"
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
	d.setOrigins(f)
	canonicalize(d)
	return d, nil
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
			d.origins[s][i] = Origin{File: f, Path: fmt.Sprintf("%s[%d]", Section(s), i)}
		}
	}
}

// Load reads the named files and directories into one Dataset. A directory
// is read recursively: every file in it ending in .yaml, .yml or .json, in
// lexical order. Load reads every file and reports the problems of all of
// them at once, as a [source.ErrorList], along with the records it could
// decode (see [Parse]).
func Load(paths ...string) (*Dataset, error) {
	var files []string
	for _, p := range paths {
		found, err := findFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
	}
	return loadFiles(files, os.ReadFile)
}

// LoadFS is like [Load] for paths in fsys, such as an embedded file system.
// Paths use forward slashes, as fs.FS requires.
func LoadFS(fsys fs.FS, paths ...string) (*Dataset, error) {
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
	return loadFiles(files, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
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
		if err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
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
