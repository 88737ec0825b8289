package validate

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// Load loads the named files and directories with [dataset.Load] and
// validates the result with [Dataset], reporting the problems of both steps
// at once as one sorted [source.ErrorList]. A value that could not be
// decoded is reported once, not again as missing. If a file is not even
// well-formed YAML, only the loading errors are reported, since references
// into that file cannot be checked.
func Load(paths ...string) (*dataset.Dataset, error) {
	return check(dataset.Load(paths...))
}

// LoadFS is like [Load] for paths in fsys.
func LoadFS(fsys fs.FS, paths ...string) (*dataset.Dataset, error) {
	return check(dataset.LoadFS(fsys, paths...))
}

func check(d *dataset.Dataset, loadErr error) (*dataset.Dataset, error) {
	var loaded source.ErrorList
	if loadErr != nil && !errors.As(loadErr, &loaded) {
		return nil, loadErr // an I/O error
	}
	for _, e := range loaded {
		if errors.Is(e, source.ErrSyntax) {
			return nil, loaded
		}
	}
	var checked source.ErrorList
	if err := Dataset(d); err != nil && !errors.As(err, &checked) {
		return nil, err
	}
	all := loaded
	for _, e := range checked {
		if !covered(loaded, e) {
			all = append(all, e)
		}
	}
	all.Sort()
	if len(all) > 0 {
		return nil, all
	}
	return d, nil
}

// covered reports whether a decoding error in loaded is about e's value or
// one that contains it.
func covered(loaded source.ErrorList, e *source.Error) bool {
	for _, l := range loaded {
		if l.Pos.File == e.Pos.File && l.Path != "" &&
			(e.Path == l.Path || strings.HasPrefix(e.Path, l.Path+".") || strings.HasPrefix(e.Path, l.Path+"[")) {
			return true
		}
	}
	return false
}
