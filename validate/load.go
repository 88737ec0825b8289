package validate

import (
	"errors"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/suggest"
	"github.com/scholarld/scholarld/source"
)

// Check validates a dataset as it comes from a load, such as
//
//	d, err := validate.Check(dataset.Load("people/"))
//
// and returns it if it is valid. Otherwise it returns the problems of
// both, loading and validation, at once as one sorted [source.ErrorList],
// leaving out validation's report of a value that loading has already
// reported (one error per mistake). A syntax error stops it before
// validation, and so does an error that is not a list of problems, such as
// a missing file.
func Check(d *dataset.Dataset, loadErr error) (*dataset.Dataset, error) {
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
// one that contains it, or, for a missing required field, is the unknown
// key beside it that is that field misspelled: "orgnization" explains a
// missing "organization".
func covered(loaded source.ErrorList, e *source.Error) bool {
	for _, l := range loaded {
		if l.Pos.File != e.Pos.File || l.Path == "" {
			continue
		}
		if e.Path == l.Path || strings.HasPrefix(e.Path, l.Path+".") || strings.HasPrefix(e.Path, l.Path+"[") {
			return true
		}
		if errors.Is(e, ErrRequired) && errors.Is(l, source.ErrUnknownField) {
			parent, missing := splitKey(e.Path)
			lparent, unknown := splitKey(l.Path)
			if parent == lparent && suggest.Closest(unknown, []string{missing}) != "" {
				return true
			}
		}
	}
	return false
}

// splitKey splits a path such as "people[0].name.display" into the path
// of its parent, "people[0].name", and its last key, "display".
func splitKey(path string) (parent, key string) {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return "", path
}
